/** The one edit distance of the search core (typo matching, fuzzy pinyin, suggestions). DOM-free. */

/**
 * Edit distance of two strings in UTF-16 code units: insertions, deletions and substitutions, and
 * with `transpositions` an adjacent swap as one edit too (optimal string alignment: `sprots` is one
 * typo from `sports`; MiniSearch's fuzzy search counts plain Levenshtein distance). Gives up once
 * the distance must exceed `max`, returning a number above `max`.
 */
export function editDistance(a: string, b: string, max = Infinity, transpositions = false): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (transpositions && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}
