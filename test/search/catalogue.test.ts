/**
 * The keyword catalogue (`Catalogue`), what a page with popovers and annotation loads instead of the
 * whole search index, and `PolicyIndex.fromCatalogue`, which adds search to it later without
 * reading the JSON again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIndex } from '../../src/search/build.js';
import { BjError, Catalogue, PolicyIndex } from '../../src/search/index.js';
import { readCorpora } from '../helpers/corpora.js';

const json = JSON.stringify(buildIndex(readCorpora('data')));
const catalogue = Catalogue.fromJSON(json);

/** The error `load` throws (code and message), or `undefined`. */
function errorOf(load: () => unknown): { code: string; message: string } | undefined {
  try {
    load();
    return undefined;
  } catch (e) {
    assert.ok(e instanceof BjError, String(e));
    return { code: e.code, message: e.message };
  }
}

/** Index files a webmaster may publish by mistake. */
const BAD: Array<[string, unknown]> = [
  ['not JSON', '{"format": "bj-index",'],
  ['a corpus file', { format: 'bj-corpus', schemaVersion: 1 }],
  ['null', null],
  ['a list', '[]'],
  ['another layout', { ...JSON.parse(json), formatVersion: 2 }],
  ['no entries', { ...JSON.parse(json), entries: undefined }],
  ['another data schema', { ...JSON.parse(json), schemaVersion: 2 }],
  ['a newer library', { ...JSON.parse(json), library: { name: 'bj-policy-widgets', version: '0.2.0' } }],
  ['a malformed keyword', { ...JSON.parse(json), entries: [{ kind: 'term', id: 'x', title: 3 }] }],
];

describe('Catalogue.fromJSON', () => {
  for (const [what, value] of BAD) {
    it(`refuses ${what} with the same error as PolicyIndex.fromJSON`, () => {
      const ours = errorOf(() => Catalogue.fromJSON(value));
      assert.ok(ours, 'no error');
      assert.match(ours.message, /^bj: .*(rebuild|bj-index build)/);
      assert.deepEqual(
        ours,
        errorOf(() => PolicyIndex.fromJSON(value)),
      );
    });
  }

  it('reads what a popover shows: the keyword by any name, its related passages, every name', () => {
    const index = PolicyIndex.fromJSON(json);
    assert.equal(catalogue.hash, index.hash);
    assert.deepEqual(catalogue.sizeInfo, index.sizeInfo);
    for (const name of ['監管沙盒', 'REGULATORY SANDBOX', 'regulatory-sandbox', 'SRAS', '12345 citizen service hotline', 'nothing']) {
      assert.equal(catalogue.lookupTerm(name)?.id, index.lookupTerm(name)?.id, name);
      assert.equal(catalogue.viaAlias(name), index.viaAlias(name), name);
    }
    assert.deepEqual(catalogue.termNames(), index.termNames());
    assert.deepEqual(
      catalogue.passagesFor('regulatory-sandbox').map((p) => p.id),
      index.passagesFor('regulatory-sandbox').map((p) => p.id),
    );
    assert.equal(catalogue.toSimplified('監管'), '监管');
  });
});

describe('PolicyIndex.fromCatalogue', () => {
  it('searches a loaded catalogue as PolicyIndex.fromJSON does, sharing its records', () => {
    const later = PolicyIndex.fromCatalogue(catalogue);
    const fresh = PolicyIndex.fromJSON(json);
    for (const q of ['regulatory sandbox', '监管沙盒是什么', 'jgsh', 'sandbx', 'SRAS']) {
      assert.deepEqual(
        later.search(q).map((r) => [r.id, r.score, r.matches]),
        fresh.search(q).map((r) => [r.id, r.score, r.matches]),
        q,
      );
    }
    assert.equal(later.catalogue, catalogue);
    assert.equal(later.lookupTerm('監管沙盒'), catalogue.lookupTerm('監管沙盒'), 'the same keyword record, not a copy');
  });
});
