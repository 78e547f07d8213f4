import { expect } from '@open-wc/testing';
import { queryParts, tokenize } from '../../src/search/text.js';
import { QUERY_CASES, TOKENIZER_CASES, VARIANTS } from './tokenizer-cases.js';

describe('tokenizer (browser)', () => {
  for (const c of TOKENIZER_CASES) {
    it(`${c.name}, as in Node`, () => {
      expect(tokenize(c.input, VARIANTS)).to.deep.equal(c.tokens);
    });
  }

  for (const c of QUERY_CASES) {
    it(`splits the query ${JSON.stringify(c.input)} as in Node`, () => {
      expect(queryParts(c.input, VARIANTS)).to.deep.equal({ words: c.words, han: c.han });
    });
  }
});
