/**
 * Cutting a long text into consecutive slices of bounded length, at a sentence end or a space near
 * the limit when there is one, never inside a surrogate pair. One rule for `bj-index build` (which
 * splits a long paragraph of a page into consecutive passages of at most {@link MAX_PASSAGE_CHARS})
 * and the details view (which lays a long passage out a slice at a time).
 */

/** Longest passage text `bj-index build` writes: longer paragraphs of a page become consecutive passages. */
export const MAX_PASSAGE_CHARS = 20_000;

/** Where to cut before `to`: after a sentence end or space in the last tenth of the slice, else at `to` (moved off a low surrogate). */
function cutAt(text: string, from: number, to: number): number {
  const floor = to - Math.floor((to - from) / 10);
  for (const end of [/[。！？；.!?;]\s?$/u, /\s$/u]) {
    for (let i = to; i > floor; i--) if (end.test(text.slice(Math.max(from, i - 2), i))) return i;
  }
  const code = text.charCodeAt(to);
  return code >= 0xdc00 && code <= 0xdfff ? to - 1 : to;
}

/** `text` as consecutive slices of at most `size` characters (one slice when it is short enough); joined, they are `text`. */
export function textSlices(text: string, size: number): string[] {
  const out: string[] = [];
  let from = 0;
  while (text.length - from > size) {
    const to = cutAt(text, from, from + size);
    out.push(text.slice(from, to));
    from = to;
  }
  out.push(text.slice(from));
  return out;
}
