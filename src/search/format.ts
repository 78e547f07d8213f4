/**
 * The built index file (`bj-index.json`): what `buildIndex` writes and `PolicyIndex.fromJSON` reads.
 * Records are stored once: sources and documents by id, a keyword's `passages` derived on load from
 * the passages' `terms`. DOM-free and Node-free.
 */
import type { Bilingual, ContentLang, SourceInfo, TermEntry } from './types.js';
import type { XLexiconManifest } from './xlang-format.js';

/** The `format` marker of a built index. */
export const INDEX_FORMAT = 'bj-index';
/** Version of this file layout; bumped on any incompatible change. */
export const INDEX_FORMAT_VERSION = 1;
/** Version of the corpus data schema (`CorpusFile.schemaVersion`) the index was built from. */
export const DATA_SCHEMA_VERSION = 1;
/** Package name written into and expected in `library.name`. */
export const LIBRARY_NAME = 'bj-policy-widgets';
/**
 * Version of this library; must equal `version` in package.json (a test checks it). An index is read
 * only by a library with a compatible version (same major; for 0.x, same major and minor).
 */
export const LIBRARY_VERSION = '0.1.0';

/** A keyword as stored in the index: `source` by id, `passages` derived on load. */
export interface StoredTerm extends Omit<TermEntry, 'source' | 'passages'> {
  /** Source id (see `BuiltIndex.sources`). */
  source: string;
  /**
   * Pinyin of the Chinese title and aliases, computed at build time (never in the browser): `keys`
   * are the joined full pinyin and the initials (`jianguanshahe`, `jgsh`), `syllables` the spaced
   * full pinyin (`jian guan sha he`).
   */
  pinyin?: { keys: string[]; syllables: string[] };
}

/** A passage as stored in the index: its document by id. */
export interface StoredPassage {
  kind: 'passage';
  id: string;
  /** Document id (see `BuiltIndex.documents`). */
  document: string;
  headings: string[];
  text: string;
  /** Ids of the keywords whose names occur in `text`, in corpus order. */
  terms: string[];
  /**
   * Passages read from HTML pages (`bj-index build --site`) only: the `id` of the nearest heading
   * above the passage that has one, unescaped. The passage's link is its document's `url` + `#` +
   * the anchor percent-encoded (`PassageEntry.url`); without an anchor, the document's `url`.
   */
  anchor?: string;
}

/** A policy document's metadata, shared by its passages. */
export interface StoredDocument {
  id: string;
  title: Bilingual;
  lang: ContentLang;
  /** Source id. */
  source: string;
  /**
   * Documents read from HTML pages (`bj-index build --site`) only: the page's absolute address
   * (`--base-url` + its path in the site folder; `…/index.html` → `…/`). Added in library 0.1 without
   * a format version bump: an optional field that readers without it ignore.
   */
  url?: string;
  /**
   * Documents read from HTML pages only: the page's publication date, `YYYY-MM-DD`, where it states one
   * (src/cli/page-date.ts). Optional, like `url`: readers without it ignore it.
   */
  date?: string;
}

export type StoredEntry = StoredTerm | StoredPassage;

/** The whole built index, a plain JSON value. */
export interface BuiltIndex {
  format: typeof INDEX_FORMAT;
  formatVersion: typeof INDEX_FORMAT_VERSION;
  schemaVersion: typeof DATA_SCHEMA_VERSION;
  library: { name: string; version: string };
  /** sha256 (hex, 20 chars) of the content below; changes whenever the searchable content does. */
  hash: string;
  sources: SourceInfo[];
  documents: StoredDocument[];
  /** Keywords and passages in corpus order (files sorted by name, records as written). */
  entries: StoredEntry[];
  /**
   * Traditional → simplified characters, restricted to the corpus's characters (built with
   * opencc-js), applied char by char to text and queries.
   */
  variants: Record<string, string>;
  /**
   * The query lexicon (optional: indexes built before it existed have none): Chinese phrases with
   * their published English names, from keyword titles, aliases and section names and from the
   * editors' `bj-synonyms` files, and editors' same-language equivalences. Queries only.
   */
  lexicon?: StoredLexicon;
  /**
   * Where the dictionary lexicon is (`bj-index build`, from CC-CEDICT; `xlang-format.ts`): fetched
   * only by a query that needs it. Absent when the index was built without one.
   */
  lexiconFile?: XLexiconManifest;
}

/** See {@link BuiltIndex.lexicon} and `lexicon.ts`. */
export interface StoredLexicon {
  /** A Chinese phrase, its English names as published, and its joined toneless pinyin. */
  renderings: Array<{ zh: string; en: string[]; pinyin?: string }>;
  /** Query forms (`from`) that also search the corpus's form (`to`), per language. */
  equivalents: Array<{ lang: ContentLang; from: string[]; to: string }>;
}
