/**
 * The shared contract of bj-policy-widgets: the corpus format editors write (`data/*.json`),
 * the records a built index holds, and the results a search returns. DOM-free; imported by
 * the Node index builder, the CLI and the browser alike.
 */

/** Content languages. UI locales are separate (`en`, `zh-Hans`, `zh-Hant`). */
export type ContentLang = 'en' | 'zh';

/** Text in one or both languages. At least one is present; a missing one was never published. */
export interface Bilingual {
  en?: string;
  zh?: string;
}

/** Paragraphs in one or both languages, as published. */
export interface BilingualParagraphs {
  en?: string[];
  zh?: string[];
}

/** The publication a record was transcribed from. */
export interface SourceInfo {
  /** Stable id, e.g. `kob2022-part3`. Records point at it with `source`. */
  id: string;
  /** Publication title as published. */
  title: Bilingual;
  /** Publisher or site as published, e.g. `wb.beijing.gov.cn`. */
  publisher?: string;
  /** URL or host as published (never invented). */
  url?: string;
  /** Date as published, ISO `YYYY-MM-DD` where the text gives one. */
  date?: string;
  /** The seed file the record was transcribed from, for traceability. */
  file?: string;
  /** Languages the publication has. */
  languages: ContentLang[];
}

// ---------------------------------------------------------------------------------------------
// Corpus files (data/*.json): what editors write, validated by data/schema/corpus.schema.json.
// ---------------------------------------------------------------------------------------------

export interface CorpusFile {
  $schema?: string;
  format: 'bj-corpus';
  schemaVersion: 1;
  source: SourceInfo;
  terms?: TermRecord[];
  documents?: DocumentRecord[];
}

/**
 * An editors' synonyms file (`data/*.json` with `"format": "bj-synonyms"`, validated by
 * data/schema/synonyms.schema.json): query-side equivalences only, never shown as source text.
 */
export interface SynonymsFile {
  $schema?: string;
  format: 'bj-synonyms';
  schemaVersion: 1;
  /** Same-language equivalences: a query containing one of `queries` also searches `means`. */
  equivalents?: Array<{ lang: ContentLang; queries: string[]; means: string; reason?: string }>;
  /** Chinese ↔ English query pairs: a Chinese query containing `zh` also searches `en`. */
  pairs?: Array<{ zh: string; en: string[]; reason?: string }>;
}

/** One glossary keyword as published. */
export interface TermRecord {
  /** Stable URL-safe slug, `[a-z0-9]+(-[a-z0-9]+)*`, e.g. `regulatory-sandbox`. */
  id: string;
  /** Number in its edition, e.g. 19. */
  number?: number;
  /** Edition name, e.g. `Keywords of Beijing 2022`. */
  edition: string;
  /** Section the keyword is published under, in the languages published. */
  section?: Bilingual;
  title: Bilingual;
  definition: BilingualParagraphs;
  /** Variant names the policy documents actually use for this keyword. */
  aliases?: { en?: string[]; zh?: string[] };
}

/** One policy document: its passages in reading order. */
export interface DocumentRecord {
  /** Stable URL-safe slug. */
  id: string;
  /** Title as published; where the copy has none, a descriptive `en` title marked `titleNote`. */
  title: Bilingual;
  /** Why the title is not verbatim, when it is not. */
  titleNote?: string;
  /** Language of the passages. */
  lang: ContentLang;
  /**
   * Address of the web page the document was read from. Set only by `bj-index build --site` for
   * HTML pages; corpus files do not have it (the schema refuses it).
   */
  url?: string;
  /** Publication date of the page, `YYYY-MM-DD`, where it states one (`bj-index build --site` only, like `url`). */
  date?: string;
  passages: PassageRecord[];
}

/** One paragraph or numbered item of a policy document, verbatim. */
export interface PassageRecord {
  /** Stable URL-safe id, unique across the corpus, e.g. `bj-open-gov-2023-p014`. */
  id: string;
  /** Heading path as published, outermost first (e.g. `["II. Main Tasks", "(I) Create …"]`). */
  headings: string[];
  text: string;
  /** `id` of the nearest heading above the passage on its page (`bj-index build --site` only). */
  anchor?: string;
}

// ---------------------------------------------------------------------------------------------
// Built index records: what the browser holds after loading an index.
// ---------------------------------------------------------------------------------------------

export interface TermEntry {
  kind: 'term';
  id: string;
  number?: number;
  edition: string;
  section?: Bilingual;
  title: Bilingual;
  definition: BilingualParagraphs;
  aliases: { en: string[]; zh: string[] };
  /** The source publication (resolved from the corpus file). */
  source: SourceInfo;
  /** Ids of passages that use this keyword's title or aliases, in corpus order. */
  passages: string[];
}

export interface PassageEntry {
  kind: 'passage';
  id: string;
  /** Its document; `date` (`YYYY-MM-DD`) where the document's page states one (`bj-index build --site`). */
  document: { id: string; title: Bilingual; date?: string };
  headings: string[];
  text: string;
  lang: ContentLang;
  source: SourceInfo;
  /** Ids of keywords this passage discusses (through titles or aliases). */
  terms: string[];
  /**
   * Link to the passage on its web page: the page's address, plus `#` and the id of the nearest
   * heading above it when one has an id. Only passages indexed from HTML pages
   * (`bj-index build --site`) have one. Not checked to be http(s): check before making it a link.
   */
  url?: string;
}

export type Entry = TermEntry | PassageEntry;

/** A character range `[start, end)` in one stored text field, for safe highlighting. */
export interface MatchRange {
  /** Which stored text: `title.en`, `title.zh`, `text` (passage text or the definition as joined by `entryText`). */
  field: 'title.en' | 'title.zh' | 'text';
  start: number;
  end: number;
}

export interface SearchResult {
  kind: 'term' | 'passage';
  id: string;
  title: Bilingual;
  /** The stored text searched: a passage's text, or a keyword's definition (see `entryText`). */
  text: string;
  /** Language of `text`. */
  lang: ContentLang;
  score: number;
  /**
   * How closely the result matches: `strong` when the query names it or it matches most of the
   * query (by weighted coverage), else `weak` (related, e.g. sharing one word of a question).
   */
  strength: 'strong' | 'weak';
  /** Weighted share (0–1) of the query's words and Chinese bigrams this result matches. */
  coverage: number;
  /**
   * `translation` when the result matches only through the dictionary lexicon (the query's words in
   * the other language, or their dictionary synonyms), not through the query's own words.
   */
  via?: 'translation';
  /** The query terms that matched, as MiniSearch reports them. */
  terms: string[];
  /** Ranges to highlight. Never HTML. */
  matches: MatchRange[];
  entry: Entry;
  /**
   * Set on a passage result of a sharded index whose text is not fetched yet (beyond the search's
   * `resolve`): the passage's document number in that index. Its `id`, `title` and `text` are empty
   * and `entry` is a blank passage until a search with a larger `resolve` fetches it. Absent on
   * every other result.
   */
  pending?: number;
}

export interface SearchOptions {
  /** `all` (default), `term` or `passage`. */
  kind?: 'all' | 'term' | 'passage';
  /** Maximum results (default 20). */
  limit?: number;
  /**
   * Language of a keyword result's `text` when its definition has both (optional addition):
   * default `zh` when the query contains Han characters, else `en`.
   */
  lang?: ContentLang;
}

/** Errors the library reports. `message` always starts with `bj:` and says what to do. */
export type BjErrorCode =
  'network' | 'http' | 'timeout' | 'json' | 'format' | 'schema-version' | 'library-version' | 'too-large' | 'unknown-term' | 'invalid-data';

/** A plain object (not null, not an array): what every reader of JSON checks first. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class BjError extends Error {
  readonly code: BjErrorCode;
  constructor(code: BjErrorCode, message: string, options?: { cause?: unknown }) {
    super(message.startsWith('bj:') ? message : `bj: ${message}`, options);
    this.name = 'BjError';
    this.code = code;
  }
}
