/**
 * One check of an index's records on load (issue 13, item 2): every field the renderer or the
 * search reads is type-checked, ids are unique slugs, references resolve, no control characters.
 * A bad index is refused with one `format` error naming the record and the field.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIndex } from '../../src/search/build.js';
import { BjError, PolicyIndex } from '../../src/search/index.js';
import { readCorpora } from '../helpers/corpora.js';

const good = buildIndex(readCorpora('test/search/fixtures'), { libraryVersion: '0.1.0' });
type Mutable = { sources: Record<string, unknown>[]; documents: Record<string, unknown>[]; entries: Record<string, unknown>[] };

function refused(change: (index: Mutable) => void): BjError {
  const index = structuredClone(good) as unknown as Mutable;
  change(index);
  try {
    PolicyIndex.fromJSON(index);
  } catch (e) {
    assert.ok(e instanceof BjError, String(e));
    return e;
  }
  assert.fail('the index was accepted');
}

const firstPassage = (i: Mutable) => i.entries.findIndex((e) => e.kind === 'passage');

describe('PolicyIndex.fromJSON checks every record', () => {
  it('loads the index the builder writes', () => {
    assert.ok(PolicyIndex.fromJSON(good).search('监管沙盒').length > 0);
  });

  for (const [field, value, says] of [
    ['url', 42, /sources\[0\]\.url \(id "[a-z0-9-]+"\): must be a string \(found number 42\)/],
    ['url', 'javascript:alert(1)', /sources\[0\]\.url .*http:\/\/ or https:\/\//],
    ['url', 'https://user:pass@wb.beijing.gov.cn/', /sources\[0\]\.url .*with no user name or password/],
    ['publisher', { en: 'x' }, /sources\[0\]\.publisher .*must be a string \(found an object\)/],
    ['date', 20230309, /sources\[0\]\.date .*must be a string/],
    ['date', '2023-13-01', /sources\[0\]\.date .*YYYY-MM-DD/],
    ['languages', 'en', /sources\[0\]\.languages/],
  ] as const) {
    it(`refuses a source ${field} of ${JSON.stringify(value)} with a format error naming record and field`, () => {
      const e = refused((i) => (i.sources[0]![field] = value));
      assert.equal(e.code, 'format');
      assert.match(e.message, says);
    });
  }

  it('reads a page’s publication date (bj-index build --site) and refuses one that is not a date', () => {
    const dated = structuredClone(good) as unknown as Mutable;
    dated.documents[0]!.date = '2024-05-10';
    const passage = PolicyIndex.fromJSON(dated).search('监管沙盒', { kind: 'passage' })[0]!.entry;
    assert.equal(passage.kind === 'passage' && passage.document.date, '2024-05-10');
    for (const date of [20240510, '2024-02-30', '10/05/2024']) {
      const e = refused((i) => (i.documents[0]!.date = date));
      assert.match(e.message, /documents\[0\]\.date .*(must be a string|YYYY-MM-DD)/);
    }
  });

  it('refuses duplicate ids: two keywords, or a passage with a keyword id', () => {
    const twice = refused((i) => (i.entries[1]!.id = i.entries[0]!.id));
    assert.equal(twice.code, 'format');
    assert.match(twice.message, /entries\[1\]\.id .*is already used by entries\[0\]/);
    const shared = refused((i) => (i.entries[firstPassage(i)]!.id = i.entries[0]!.id));
    assert.match(shared.message, /is already used by entries\[0\]/);
  });

  it('refuses ids that are not slugs, control characters, unpaired surrogates and dangling references', () => {
    assert.match(refused((i) => (i.entries[0]!.id = '../x')).message, /entries\[0\]\.id .*is not an id/);
    assert.match(refused((i) => ((i.entries[0]!.title as { en: string }).en = 'A\u001b[2J')).message, /entries\[0\]\.title\.en .*U\+001B/);
    assert.match(refused((i) => (i.entries[firstPassage(i)]!.text = 'x\ud800y')).message, /\.text .*U\+D800/);
    assert.match(refused((i) => (i.entries[firstPassage(i)]!.document = 'nope')).message, /\.document .*names a document "nope"/);
    assert.match(refused((i) => (i.entries[firstPassage(i)]!.terms = ['nope'])).message, /\.terms\[0\] .*names a keyword "nope"/);
    assert.match(refused((i) => (i.entries[0]!.source = 'nope')).message, /entries\[0\]\.source .*names a source "nope"/);
    assert.match(
      refused((i) => (i.entries[0]!.definition = { en: 'text' })).message,
      /entries\[0\]\.definition\.en .*must be a list of strings/,
    );
  });
});
