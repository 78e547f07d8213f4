/**
 * Hostile data at build time: the hostile corpus (markup, script, bidi, zero-width, long strings)
 * is valid data and builds into an index that keeps every character; what the format forbids
 * (unsafe ids, non-string text, control characters, unpaired surrogates) is rejected by
 * `bj-index build` with a message naming the file, record, field and rule.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { checkCorpus } from '../../src/cli/corpus-check.js';
import { PolicyIndex } from '../../src/search/index.js';
import type { CorpusFile } from '../../src/search/types.js';
import { buildCli, readFixture, root, run, runInProcess, tempDir } from '../helpers/cli.js';
import { hostileFiles } from './fixtures/generate.js';
import { NAMES, PAYLOAD, TERM_IDS, TITLES } from './fixtures/hostile.js';

const FILE = 'data/x.json';
const CONTROL_RULE =
  'does not match the pattern ^[^\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u009F\\p{Cs}]*$ ' +
  '(Text must not contain control characters (U+0000 to U+001F, U+007F to U+009F) or unpaired surrogates)';
const ID_RULE =
  'does not match the pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ (Stable URL-safe slug: lower-case letters and digits in groups ' +
  'joined by single hyphens, e.g. "regulatory-sandbox")';
const WHERE = 'bj: data/x.json: terms[0] (id "river-chief-system")';

/** Each case: a change to a valid glossary, and the exact error line `bj-index build` prints. */
const rejected: Array<[string, (c: CorpusFile) => void, string]> = [
  [
    'an id with ../',
    (c) => (c.terms![0]!.id = '../etc/passwd'),
    `bj: data/x.json: terms[0] (id "../etc/passwd"): /id: "../etc/passwd" ${ID_RULE}`,
  ],
  [
    'an id with a space',
    (c) => (c.terms![0]!.id = 'river chief'),
    `bj: data/x.json: terms[0] (id "river chief"): /id: "river chief" ${ID_RULE}`,
  ],
  [
    'a title that is not a string',
    (c) => ((c.terms![0]!.title as Record<string, unknown>).en = 42),
    `${WHERE}: /title/en: must be a string (found number 42)`,
  ],
  ['a NUL in a title', (c) => (c.terms![0]!.title.en = 'River\u0000Chief'), `${WHERE}: /title/en: "River\\u0000Chief" ${CONTROL_RULE}`],
  [
    'BEL and ESC (terminal escapes) in a definition',
    (c) => (c.terms![0]!.definition.en![0] = 'Bell\u0007 and \u001b[31mred'),
    `${WHERE}: /definition/en/0: "Bell\\u0007 and \\u001b[31mred" ${CONTROL_RULE}`,
  ],
  [
    'DEL in an alias',
    (c) => (c.terms![0]!.aliases!.en![0] = 'river\u007fchiefs'),
    `${WHERE}: /aliases/en/0: "river\u007fchiefs" ${CONTROL_RULE}`,
  ],
  [
    'an unpaired surrogate in a Chinese title',
    (c) => (c.terms![0]!.title.zh = '河长\ud800制'),
    `${WHERE}: /title/zh: "河长\\ud800制" ${CONTROL_RULE}`,
  ],
  [
    'a tab in a title (whitespace rule, reported once)',
    (c) => (c.terms![0]!.title.en = 'River\tChief'),
    `${WHERE}: /title/en: "River\\tChief" does not match the pattern ^\\S+(?: \\S+)*$ (Text as published, whitespace normalised: no leading or trailing space, no line breaks, tabs or non-breaking spaces, words separated by single spaces)`,
  ],
];

describe('hostile corpus (fixtures/hostile.ts)', () => {
  before(buildCli);

  it('the committed fixture corpus and index are what generate.ts writes (run it after changing hostile.ts)', () => {
    for (const [file, text] of hostileFiles()) {
      assert.ok(existsSync(join(root, file)), `${file} is missing: node --import tsx test/hardening/fixtures/generate.ts`);
      assert.equal(readFileSync(join(root, file), 'utf8'), text, `${file} is stale: node --import tsx test/hardening/fixtures/generate.ts`);
    }
  });

  it('is valid data for `bj-index validate`: markup, bidi and zero-width characters are text, not errors', async () => {
    const r = await runInProcess(['validate', 'test/hardening/fixtures/corpus']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^ok: 2 files, 3 terms, 4 passages/);
  });

  it('builds with `bj-index build` into the same index, every character kept', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const out = join(dir, 'bj-index.json');
      // Without the dictionary lexicon (issue 21): the fixture is the index alone.
      const r = await runInProcess(['build', 'test/hardening/fixtures/corpus', '--no-dictionary', '-o', out]);
      assert.equal(r.code, 0, r.stderr);
      const built = readFileSync(out, 'utf8');
      assert.equal(built, readFileSync(join(root, 'test/hardening/fixtures/hostile-index.json'), 'utf8'));
      const index = PolicyIndex.fromJSON(built);
      const markup = index.term(TERM_IDS.markup)!;
      assert.equal(markup.title.en, TITLES.markupEn);
      assert.equal(markup.title.zh, TITLES.markupZh);
      assert.deepEqual(markup.aliases.en, [NAMES.markup, PAYLOAD.alias]);
      assert.equal(index.term(TERM_IDS.bidi)!.title.en, TITLES.bidiEn);
      assert.equal(index.term(TERM_IDS.long)!.definition.en![0], PAYLOAD.longParagraph);
      assert.equal(index.lookupTerm(PAYLOAD.alias)?.id, TERM_IDS.markup, 'a markup alias is found as text');
      assert.equal(index.search(NAMES.bidi)[0]?.id, TERM_IDS.bidi);
      assert.equal(index.search(NAMES.long)[0]?.id, TERM_IDS.long);
    } finally {
      cleanup();
    }
  });
});

describe('what the corpus format forbids', () => {
  before(buildCli);
  const glossary = readFixture('glossary.json');

  for (const [name, change, line] of rejected) {
    it(`rejects ${name}, naming file, record, field and rule`, () => {
      const corpus = structuredClone(glossary);
      change(corpus);
      assert.deepEqual(checkCorpus(FILE, JSON.stringify(corpus)).errors, [line]);
    });
  }

  it('`bj-index build` exits 1 with exactly those lines and writes no index', async () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(join(dir, 'data'));
      const corpus = structuredClone(glossary);
      corpus.terms![0]!.title.en = 'River\u0000Chief';
      corpus.terms![0]!.title.zh = '河长\ud800制';
      writeFileSync(join(dir, 'data', 'x.json'), JSON.stringify(corpus, null, 2));
      const r = await run(['build', 'data', '-o', 'out.json'], { cwd: dir });
      assert.equal(r.code, 1);
      assert.deepEqual(r.stderr.trim().split('\n'), [
        `${WHERE}: /title/en: "River\\u0000Chief" ${CONTROL_RULE}`,
        `${WHERE}: /title/zh: "河长\\ud800制" ${CONTROL_RULE}`,
        'bj: 2 problems in 1 of 1 file; fix them and run again',
      ]);
      assert.equal(existsSync(join(dir, 'out.json')), false);
    } finally {
      cleanup();
    }
  });
});
