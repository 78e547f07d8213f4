/**
 * The cross-language query lexicon (the part files `bj-index.lexicon/NN.json` beside
 * `bj-index.json`): derived at build time from CC-CEDICT and pruned to
 * the index's own words (`xlang-build.ts`), read by `xlang.ts`. Dictionary entries expand queries
 * only; nothing here is ever shown as source text. DOM-free and Node-free.
 *
 * Licence: CC-CEDICT is CC BY-SA 4.0 (MDBG); a lexicon derived from it is under the same licence.
 */

/** `format` of a lexicon file. */
export const XLANG_FORMAT = 'bj-index-lexicon';
/** Version of the lexicon layout. */
export const XLANG_VERSION = 1;

/** The maps of a lexicon, each sorted by key. */
export interface XLexiconMaps {
  /** Simplified Chinese word → English glosses (as query stems: `busi licens`) whose words all occur in the index's English text. */
  zh: Record<string, string[]>;
  /** English gloss as its stems joined by a space (`busi licens`) → Chinese words of the index's text. */
  en: Record<string, string[]>;
  /** English stem the index lacks → glosses (as stems) of the same dictionary headwords that it has. */
  syn: Record<string, string[]>;
}

/** A lexicon part file: the entries whose keys start with a character of its part (see `xlang-needed.ts`). */
export interface StoredXLexicon extends XLexiconMaps {
  format: typeof XLANG_FORMAT;
  version: typeof XLANG_VERSION;
  /** The `hash` of the index it was built for. */
  index: string;
  /** Which part this is, and how many there are. */
  part: number;
  parts: number;
  /** Where the entries come from, and their licence. */
  source: string;
  license: string;
}

/** Where an index's lexicon is: the `lexiconFile` field of `bj-index.json`. */
export interface XLexiconManifest {
  /** The part files, relative to the index file's URL; an entry's part is `partOf(key, files.length)`. */
  files: string[];
  /** Which maps have entries (a query of a language whose map is empty never fetches the file). */
  has: { zh: boolean; en: boolean; syn: boolean };
}
