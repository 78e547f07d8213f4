/**
 * The file names of a sharded index's parts (see `format.ts`). A module of its own so that the
 * search worker's first file, which reads only the entry, does not carry them. DOM-free.
 */
import type { ShardManifest } from './format.js';

/** The kinds of part named by `partName` alone (lexicon partitions are listed by name). */
export type PartKind = 'terms' | 'forms' | 'passages';

/**
 * `terms-000.HASH.json`: a part's name carries its build's hash (as Pagefind's hashed file names), so
 * a rebuild writes new files beside the old ones and readers of the old entry keep reading theirs.
 */
export function partName(kind: string, i: number, hash: string): string {
  return `${kind}-${String(i).padStart(3, '0')}.${hash}.json`;
}

/** How many parts of `kind` a manifest has. */
export function partCount(m: ShardManifest, kind: PartKind): number {
  return kind === 'passages' ? Math.ceil(m.passageCount / m.passages.per) : m[kind].first.length;
}

/** The file name of part `i` of `kind` in the build `hash`: listed by a version 1 manifest, else `partName`. */
export function partFile(m: ShardManifest, kind: PartKind, i: number, hash: string): string {
  return m[kind].files?.[i] ?? partName(kind, i, hash);
}

/** Every part file name of a manifest of the build `hash` (what publishing a rebuild must keep). */
export function partFiles(m: ShardManifest, hash: string): string[] {
  const kinds: PartKind[] = ['terms', 'forms', 'passages'];
  const out = kinds.flatMap((kind) => Array.from({ length: partCount(m, kind) }, (_, i) => partFile(m, kind, i, hash)));
  return [...out, ...(m.lexicon?.files ?? [])];
}
