/**
 * The order the results list shows: the search's ranking, with two changes a reader needs to tell
 * results apart. Passages of one page that match as closely (`strength`) are shown together, up to
 * {@link GROUP}, where the best of them ranks, those of one section together; and pages titled alike
 * (two versions of one page) are shown newest first, in the places they hold. Results of a sharded
 * index whose text has not arrived yet (`pending`) stay where they are.
 */
import type { SearchResult } from '../../search/types.js';

/** At most this many passages of one page are brought together (the rest keep their rank), so that one long page never pushes every other result down. */
const GROUP = 6;

/** The date a passage's page or its source states (`YYYY-MM-DD`), else ''. */
export const dateOf = (r: SearchResult): string =>
  r.entry.kind === 'passage' ? (r.entry.document.date ?? r.entry.source?.date ?? '') : '';

/** Where the page of a passage is grouped (its closeness and document), '' for a result that stays alone. */
const pageOf = (r: SearchResult): string => (r.entry.kind === 'passage' && r.pending === undefined ? r.strength + r.entry.document.id : '');

const byDateDesc = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

export function arrange(results: readonly SearchResult[]): SearchResult[] {
  const groups: SearchResult[][] = [];
  const open = new Map<string, SearchResult[]>();
  for (const r of results) {
    const page = pageOf(r);
    const group = open.get(page);
    if (page && group && group.length < GROUP) group.push(r);
    else {
      groups.push([r]);
      open.set(page, groups[groups.length - 1]!);
    }
  }
  // Pages titled alike, as close: newest first, in the places they hold.
  const titled = new Map<string, number[]>();
  groups.forEach(([r], i) => {
    if (!pageOf(r!) || r!.entry.kind !== 'passage') return;
    const key = r!.strength + JSON.stringify(r!.entry.document.title);
    titled.set(key, [...(titled.get(key) ?? []), i]);
  });
  for (const at of titled.values()) {
    // ISO dates compare as strings; `localeCompare` would start the ICU collator (tens of ms on a phone).
    const newest = at.map((i) => groups[i]!).sort((a, b) => byDateDesc(dateOf(a[0]!), dateOf(b[0]!)));
    at.forEach((i, k) => (groups[i] = newest[k]!));
  }
  // Within a page, the passages of one section together.
  return groups.flatMap((g) => {
    const section = (r: SearchResult) => (r.entry.kind === 'passage' ? r.entry.headings.join('\n') : '');
    const first = g.map(section);
    return g
      .map((r, i) => [first.indexOf(section(r)), i, r] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map((x) => x[2]);
  });
}
