/**
 * The one binary search of the search core (sorted word lists, partition boundaries, postings).
 * DOM-free.
 */

/**
 * The first index in `0…length` at which `isPast` holds, given that it holds from some index on
 * and never before (`length` when it never does).
 */
export function bisect(length: number, isPast: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isPast(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first index of sorted `items` whose item is not below `key` (`items.length` when none). */
export function lowerBound(items: readonly string[], key: string): number {
  return bisect(items.length, (i) => items[i]! >= key);
}
