/**
 * Which term or form partition holds a key: partitions are contiguous ranges of the sorted keys,
 * each named by its first key (the manifest's `first` lists). DOM-free.
 */
import { bisect } from '../bisect.js';

/** Which partition of sorted `first` keys holds `key` (-1 before the first). */
export function partOf(first: readonly string[], key: string): number {
  return bisect(first.length, (i) => first[i]! > key) - 1;
}

/** Partitions that may hold keys starting with `prefix`. */
export function partsWithPrefix(first: readonly string[], prefix: string): number[] {
  const from = Math.max(0, partOf(first, prefix));
  const out: number[] = [];
  for (let i = from; i < first.length; i++) {
    if (i > from && first[i]! > prefix && !first[i]!.startsWith(prefix)) break;
    out.push(i);
  }
  return out;
}
