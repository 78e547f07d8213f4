/**
 * Cuts stored text into plain segments for highlighting: never HTML, never a split surrogate pair.
 * Elements render each segment as text, wrapping `mark: true` ones in `<mark>`.
 */
import type { MatchRange } from './types.js';

/** A piece of text; `mark` is true for a matched range. */
export interface Segment {
  text: string;
  mark: boolean;
}

type Span = { start: number; end: number };

const ELLIPSIS = '…';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Moves an offset off the middle of a surrogate pair (forward or backward). */
function onCodePoint(text: string, at: number, forward: boolean): number {
  if (at > 0 && at < text.length && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1))) {
    return forward ? at + 1 : at - 1;
  }
  return at;
}

/** Ranges clipped to `[0, length)`, on code point boundaries, sorted and merged. */
function clean(text: string, ranges: readonly MatchRange[] | readonly Span[]): Span[] {
  const spans = ranges
    .map((r) => ({
      start: onCodePoint(text, Math.max(0, Math.min(text.length, Math.floor(r.start))), false),
      end: onCodePoint(text, Math.max(0, Math.min(text.length, Math.floor(r.end))), true),
    }))
    .filter((r) => r.end > r.start);
  // Search results arrive sorted; sort (n log n) only when they are not.
  if (spans.some((r, i) => i > 0 && r.start < spans[i - 1]!.start)) spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const r of spans) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

function segmentsOf(text: string, spans: Span[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const r of spans) {
    const start = Math.max(r.start, from);
    const end = Math.min(r.end, to);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < to) out.push({ text: text.slice(at, to), mark: false });
  return out;
}

/**
 * The whole of `text` as segments, the `ranges` marked. Ranges may overlap or be out of order;
 * parts outside the text are ignored.
 */
export function highlight(text: string, ranges: readonly MatchRange[]): Segment[] {
  return segmentsOf(text, clean(text, ranges), 0, text.length);
}

/**
 * At most about `maxLength` characters of `text` around its matches (ranges of one field), with `…`
 * where it was cut. The window is the one that holds the most matches, starting a little before its
 * first match and, in text with spaces, on a word boundary. Without matches it is the text's start.
 */
export function snippet(text: string, ranges: readonly MatchRange[], maxLength = 160): Segment[] {
  const spans = clean(text, ranges);
  const max = Math.max(1, Math.floor(maxLength));
  if (text.length <= max) return segmentsOf(text, spans, 0, text.length);

  // Pick the window (anchored a little before some match) that contains the most matches. The
  // spans are sorted and disjoint, so their ends are sorted too, and the window start only moves
  // forward: two pointers count the matches inside in O(matches), not O(matches²).
  const lead = Math.floor(max / 4);
  let start = 0;
  let best = -1;
  let first = 0; // first span starting at or after the window start
  let after = 0; // first span ending beyond the window end
  let anchorAt = 0;
  for (const r of spans) {
    const s = Math.max(0, Math.min(r.start - lead, text.length - max));
    while (first < spans.length && spans[first]!.start < s) first++;
    if (after < first) after = first;
    while (after < spans.length && spans[after]!.end <= s + max) after++;
    const count = after - first;
    if (count > best) {
      best = count;
      start = s;
      anchorAt = first;
    }
  }
  let end = Math.min(text.length, start + max);
  const anchor = spans[anchorAt] && spans[anchorAt]!.start >= start ? spans[anchorAt] : undefined;

  // Prefer cutting at whitespace when there is some nearby (English); Chinese cuts anywhere.
  if (start > 0 && !/\s/.test(text[start - 1]!)) {
    const space = text.slice(start, start + 20).search(/\s/);
    if (space >= 0 && (!anchor || start + space < anchor.start)) start += space + 1;
  }
  if (end < text.length && !/\s/.test(text[end]!)) {
    const back = text.slice(Math.max(start, end - 20), end).search(/\s\S*$/);
    if (back >= 0) {
      const cut = Math.max(start, end - 20) + back;
      if (!anchor || cut >= anchor.end) end = cut;
    }
  }
  start = onCodePoint(text, start, true);
  end = onCodePoint(text, end, false);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;

  const out = segmentsOf(text, spans, start, end);
  if (start > 0) {
    if (out[0] && !out[0].mark) out[0] = { text: ELLIPSIS + out[0].text, mark: false };
    else out.unshift({ text: ELLIPSIS, mark: false });
  }
  if (end < text.length) {
    const last = out[out.length - 1];
    if (last && !last.mark) out[out.length - 1] = { text: last.text + ELLIPSIS, mark: false };
    else out.push({ text: ELLIPSIS, mark: false });
  }
  return out;
}
