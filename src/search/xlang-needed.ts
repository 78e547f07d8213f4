/**
 * Which parts of an index's dictionary lexicon (`xlang-format.ts`) a query needs: entries are
 * partitioned by the first character of their key (a Chinese word, an English stem), so a query
 * fetches the parts of its own characters and words' first letters, and only when the lexicon has
 * entries of its language. DOM-free; a lazy part of the search (`src/shared/index/lexicon-loader.ts`).
 */
import type { PolicyIndex } from './policy-index.js';
import { cutQuery } from './catalogue.js';
import type { XLexiconManifest } from './xlang-format.js';
import type { ShardLexicon } from './shards/format.js';
import { partsWithPrefix } from './shards/partitions.js';
import { tokenizeWithOffsets } from './text.js';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud8bf][\udc00-\udfff]/gu;
const LATIN_WORD = /[a-z]{2,}/gi;

/** The part of a key (its first character's code point modulo the number of parts). */
export function partOf(key: string, parts: number): number {
  return parts > 0 ? key.codePointAt(0)! % parts : 0;
}

/**
 * The parts `query` needs (indexes into `manifest.files`), given its simplified text; with
 * `english` false, only those of its Chinese characters. Malformed manifests need none.
 */
export function partsNeeded(manifest: XLexiconManifest | undefined, query: string, english = true): number[] {
  if (typeof manifest !== 'object' || manifest === null || !Array.isArray(manifest.files) || typeof query !== 'string') return [];
  const n = manifest.files.length;
  const has = manifest.has ?? { zh: false, en: false, syn: false };
  const parts = new Set<number>();
  if (has.zh) for (const ch of query.match(HAN) ?? []) parts.add(partOf(ch, n));
  if (english && (has.en || has.syn)) for (const w of query.match(LATIN_WORD) ?? []) parts.add(partOf(w.toLowerCase(), n));
  return [...parts].sort((a, b) => a - b);
}

/**
 * The partitions of a sharded index's lexicon (`ShardLexicon`: contiguous ranges of sorted keys) that
 * `query` (simplified) needs: those holding keys that start with one of its Chinese characters, and
 * with `english`, with one of its words' stems. Malformed manifests need none.
 */
export function rangePartsNeeded(lexicon: ShardLexicon | undefined, query: string, english = true): number[] {
  if (!lexicon || !Array.isArray(lexicon.first) || typeof query !== 'string') return [];
  const parts = new Set<number>();
  const add = (prefix: string) => partsWithPrefix(lexicon.first, prefix).forEach((p) => parts.add(p));
  if (lexicon.has.zh) for (const ch of query.match(HAN) ?? []) add(ch);
  if (english && (lexicon.has.en || lexicon.has.syn)) {
    for (const t of tokenizeWithOffsets(query)) if (t.kind === 'word' && /^[a-z]/.test(t.term)) add(t.term);
  }
  return [...parts].sort((a, b) => a - b);
}

/**
 * The files of `index`'s dictionary lexicon (relative to the index's URL) that a search for `query`
 * would use and that it has not been given yet; `[]` when none (see `PolicyIndex.useLexicon`).
 */
export function lexiconFilesFor(index: PolicyIndex, query: string, english = true): string[] {
  if (typeof query !== 'string') return [];
  const manifest = index.catalogue.built.lexiconFile;
  const loaded = index.lexiconParts();
  return partsNeeded(manifest, index.toSimplified(cutQuery(query)), english)
    .filter((p) => !loaded.has(p))
    .map((p) => manifest!.files[p]!);
}
