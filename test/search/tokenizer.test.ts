import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queryParts, tokenize, tokenizeWithOffsets } from '../../src/search/text.js';
import { QUERY_CASES, TOKENIZER_CASES, VARIANTS } from './tokenizer-cases.js';

describe('tokenizer (Node)', () => {
  for (const c of TOKENIZER_CASES) {
    it(c.name, () => {
      assert.deepEqual(tokenize(c.input, VARIANTS), c.tokens);
    });
  }

  for (const c of QUERY_CASES) {
    it(`splits the query ${JSON.stringify(c.input)}`, () => {
      assert.deepEqual(queryParts(c.input, VARIANTS), { words: c.words, han: c.han });
    });
  }

  it('gives offsets into the original text, also for traditional characters', () => {
    const text = 'A 監管沙盒 test';
    const han = tokenizeWithOffsets(text, VARIANTS).filter((t) => t.kind === 'han');
    assert.deepEqual(
      han.map((t) => text.slice(t.start, t.end)),
      ['監管', '管沙', '沙盒', '盒'],
    );
    const word = tokenizeWithOffsets('Café sandboxes', VARIANTS);
    assert.deepEqual(
      word.map((t) => [t.term, t.start, t.end]),
      [
        ['cafe', 0, 4],
        ['sandbox', 5, 14],
      ],
    );
  });
});
