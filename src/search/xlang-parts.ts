/**
 * The cross-language lexicon cut into the part files of an index (`xlang-build.ts` builds it): by
 * the first character of each key for a one-file index, by ranges of the sorted keys for a sharded
 * one, so that a query fetches only the parts of its own characters and words. Node only, build
 * time only.
 */
import { encodeMap, type BuiltXLexicon, type StoredXLexicon, type XLexiconMaps } from './xlang-format.js';
import { partOf } from './xlang-needed.js';

/** Entries per part, about (a part is then a few KB gzip). */
const ENTRIES_PER_PART = 700;

/**
 * The lexicon cut into part files by the first character of each key (`partOf`), so a query
 * fetches only the parts of its own characters and words.
 */
export function splitXLexicon(lexicon: BuiltXLexicon): StoredXLexicon[] {
  const entries = Object.keys(lexicon.zh).length + Object.keys(lexicon.en).length + Object.keys(lexicon.syn).length;
  const parts = Math.min(64, Math.max(1, Math.round(entries / ENTRIES_PER_PART)));
  const pick = (map: Record<string, string[]>, part: number) =>
    encodeMap(Object.fromEntries(Object.entries(map).filter(([k]) => partOf(k, parts) === part)));
  return Array.from({ length: parts }, (_, part) => ({
    format: lexicon.format,
    version: lexicon.version,
    index: lexicon.index,
    part,
    parts,
    source: lexicon.source,
    license: lexicon.license,
    zh: pick(lexicon.zh, part),
    en: pick(lexicon.en, part),
    syn: pick(lexicon.syn, part),
  }));
}

/**
 * Largest lexicon partition of a sharded index, in characters of JSON, before a new one starts: about
 * 2 KB gzip. A Chinese query fetches the partitions of its characters and words (营商环境: 4 or 5),
 * so each costs what a partition weighs: 28 KB for 营商环境 at 24,000, 10 KB at 4,000.
 */
const RANGE_PART_CHARS = 4_000;

/**
 * The lexicon of a sharded index cut into contiguous ranges of its sorted keys (the three maps'
 * keys together), as the index's terms are: each range with its first key, so a query fetches the
 * ranges its characters and words fall in (`rangePartsNeeded` in xlang-needed.ts).
 */
export function rangeXLexicon(lexicon: XLexiconMaps, maxChars = RANGE_PART_CHARS): Array<{ first: string } & XLexiconMaps> {
  const maps = ['zh', 'en', 'syn'] as const;
  const keys = [...new Set(maps.flatMap((m) => Object.keys(lexicon[m])))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Array<{ first: string } & XLexiconMaps> = [];
  let size = Infinity;
  for (const key of keys) {
    const n = maps.reduce((sum, m) => sum + (lexicon[m][key] ? JSON.stringify(lexicon[m][key]).length + key.length * 3 + 4 : 0), 0);
    if (size + n > maxChars) {
      out.push({ first: key, zh: {}, en: {}, syn: {} });
      size = 0;
    }
    const part = out[out.length - 1]!;
    for (const m of maps) if (lexicon[m][key]) part[m][key] = lexicon[m][key];
    size += n;
  }
  return out;
}
