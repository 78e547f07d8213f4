/**
 * The order of the results list (src/components/bj-policy-search/arrange.ts): a page's passages
 * together, those of one section together, the newest of pages titled alike first, and nothing
 * pulled ahead of a closer match.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arrange } from '../../../src/components/bj-policy-search/arrange.js';
import type { SearchResult } from '../../../src/search/types.js';

/** A passage result: `page` its document, `section` its heading, `date` its page's date. */
function passage(
  id: string,
  page: string,
  { section = 'I', date, strength = 'strong' as const, title = page } = {} as {
    section?: string;
    date?: string;
    strength?: 'strong' | 'weak';
    title?: string;
  },
): SearchResult {
  const document = { id: page, title: { zh: title }, ...(date ? { date } : {}) };
  return {
    id,
    kind: 'passage',
    strength,
    entry: { kind: 'passage', id, document, headings: [section], source: {} },
  } as unknown as SearchResult;
}
const term = (id: string, strength: 'strong' | 'weak' = 'strong') =>
  ({ id, kind: 'term', strength, entry: { kind: 'term', id } }) as unknown as SearchResult;
const ids = (results: SearchResult[]) => results.map((r) => r.id);

describe('arrange: the order of the results list', () => {
  it('shows two versions of a page titled alike newest first, each with its passages', () => {
    const old1 = passage('old-1', 'archive', { title: 'Notice', date: '2022-03-01' });
    const new1 = passage('new-1', 'current', { title: 'Notice', date: '2024-05-10' });
    const old2 = passage('old-2', 'archive', { title: 'Notice', date: '2022-03-01', section: 'II' });
    const new2 = passage('new-2', 'current', { title: 'Notice', date: '2024-05-10', section: 'II' });
    assert.deepEqual(ids(arrange([old1, new1, old2, new2])), ['new-1', 'new-2', 'old-1', 'old-2']);
  });

  it('brings a page’s passages together where its best ranks, one section’s together, but never ahead of a closer match', () => {
    const results = [
      passage('a1', 'A', { section: 'I' }),
      term('k'),
      passage('a2', 'A', { section: 'II' }),
      passage('a3', 'A', { section: 'I' }),
      passage('b1', 'B', { strength: 'weak' }),
      passage('a4', 'A', { strength: 'weak' }),
    ];
    assert.deepEqual(ids(arrange(results)), ['a1', 'a3', 'a2', 'k', 'b1', 'a4']);
  });

  it('brings at most six passages of a page together; results whose text has not arrived stay where they are', () => {
    const many = Array.from({ length: 8 }, (_, i) => passage(`a${i}`, 'A'));
    const pending = passage('\u0000x', 'A');
    const out = ids(arrange([many[0]!, term('k'), ...many.slice(1), pending]));
    assert.deepEqual(out, ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'k', 'a6', 'a7', '\u0000x']);
  });

  it('leaves results whose text has not arrived (a sharded index, beyond `resolve`) where they are', () => {
    const blank = (n: number) => ({ ...passage('', ''), pending: n }) as SearchResult;
    const a = passage('a', 'p1');
    const b = passage('b', 'p2');
    const results = [a, blank(7), b, blank(9)];
    assert.deepEqual(
      arrange(results).map((r) => r.pending ?? r.id),
      ['a', 7, 'b', 9],
    );
  });
});
