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
/** Version of the lexicon layout: 2 since each map of a part file is stored as an {@link EncodedMap}. */
export const XLANG_VERSION = 2;

/** The maps of a lexicon, each sorted by key. */
export interface XLexiconMaps {
  /** Simplified Chinese word → English glosses (as query stems: `busi licens`) whose words all occur in the index's English text. */
  zh: Record<string, string[]>;
  /** English gloss as its stems joined by a space (`busi licens`) → Chinese words of the index's text. */
  en: Record<string, string[]>;
  /** English stem the index lacks → glosses (as stems) of the same dictionary headwords that it has. */
  syn: Record<string, string[]>;
}

/**
 * A map of a part file, as two strings (about a tenth fewer gzip bytes than the object): its keys,
 * sorted and front-coded (each as one digit, how many leading characters it shares with the key
 * before it, up to 9, then the rest) and joined by `,`; and each key's targets joined by `|`, in the
 * same order, joined by `,`. Keys and targets are Chinese words and query stems, which never hold
 * `,` or `|`; an entry that did would be left out.
 */
export type EncodedMap = [keys: string, targets: string];

/** The lexicon as built: its maps, where they come from and their licence, for the index whose `hash` is `index`. */
export interface BuiltXLexicon extends XLexiconMaps {
  format: typeof XLANG_FORMAT;
  version: typeof XLANG_VERSION;
  index: string;
  source: string;
  license: string;
}

/** A lexicon part file: the entries whose keys start with a character of its part (see `xlang-needed.ts`). */
export interface StoredXLexicon {
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
  zh: EncodedMap;
  en: EncodedMap;
  syn: EncodedMap;
}

/** A map as stored in a part file (see {@link EncodedMap}). */
export function encodeMap(map: Record<string, string[]>): EncodedMap {
  const plain = (s: string) => s.length > 0 && !/[,|]/.test(s);
  const keys = Object.keys(map)
    .filter((k) => plain(k) && map[k]!.some(plain))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let previous = '';
  const coded = keys.map((key) => {
    let shared = 0;
    while (shared < 9 && shared < key.length && key[shared] === previous[shared]) shared++;
    previous = key;
    return `${shared}${key.slice(shared)}`;
  });
  return [coded.join(','), keys.map((k) => map[k]!.filter(plain).join('|')).join(',')];
}

/**
 * The entries of a stored map (see {@link EncodedMap}); empty targets are skipped, and a map whose
 * two strings disagree in length (a hand-edited or truncated file) is read as empty.
 */
export function decodeMap(stored: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!Array.isArray(stored) || typeof stored[0] !== 'string' || typeof stored[1] !== 'string' || stored[0] === '') return out;
  const coded = stored[0].split(',');
  const targets = stored[1].split(',');
  if (coded.length !== targets.length) return out;
  let previous = '';
  coded.forEach((c, i) => {
    const key = previous.slice(0, Number(c[0]) || 0) + c.slice(1);
    previous = key;
    const list = targets[i]!.split('|').filter(Boolean);
    if (key && list.length > 0) out.set(key, list);
  });
  return out;
}

/** Where an index's lexicon is: the `lexiconFile` field of `bj-index.json`. */
export interface XLexiconManifest {
  /** The part files, relative to the index file's URL; an entry's part is `partOf(key, files.length)`. */
  files: string[];
  /** Which maps have entries (a query of a language whose map is empty never fetches the file). */
  has: { zh: boolean; en: boolean; syn: boolean };
}
