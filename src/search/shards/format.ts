/**
 * The sharded index layout (`bj-index build --shards`), for corpora too large to ship as one file.
 * DOM-free and Node-free.
 *
 * - The entry file (`bj-index.json`, where the widgets look by default) is a complete, valid
 *   {@link BuiltIndex} holding the **keyword catalogue**: every keyword, source, the variant map and
 *   the lexicon, plus the first few passages of each keyword (what a popover lists). Popovers and
 *   `<bj-annotate>` load it as they load any index; its size does not grow with the passages.
 *   Its `shards` field (a {@link ShardManifest}) tells the search where the rest is.
 * - **Term partitions** (`terms-NNN.HASH.json`; every part's name ends with its build's `hash`):
 *   the inverted index, cut into contiguous ranges of the sorted terms. Each term carries its
 *   postings per field (document number, term frequency and the field's length in that document:
 *   everything MiniSearch's BM25 needs, so the per-document length
 *   table is spread over the postings instead of shipped whole), its document frequency for the
 *   query planner and its position in MiniSearch's term tree (so expansions are replayed in the same
 *   order). A query fetches the partitions of its own terms and of their prefix expansions.
 *   A Han bigram also carries where it stands in each document's `text` field (`positions`), so
 *   the ranker can tell a query's Han run found unbroken from the postings alone, without fetching
 *   the texts of the candidates it does not show (`contiguity.ts`).
 * - **Form partitions** (`forms-NNN.json`): word forms as written → their stem, for typo matching;
 *   fetched only for a query word the corpus lacks.
 * - **Passage fragments** (`passages-NNN.json`): passage texts and their documents, a fixed number of
 *   consecutive passages per file (about a page's: one on a site of one page a passage, up to 10),
 *   fetched only for the results shown.
 * - **Lexicon partitions** (`lexicon-NNN.json`, when built with the dictionary): the dictionary
 *   lexicon (`../xlang-format.ts`), cut into contiguous ranges of its sorted keys like the terms;
 *   a query fetches those of its own characters and words (`../xlang-needed.ts`).
 *
 * Every part names the build it belongs to (`index`, the catalogue's `hash`) and its own `part`
 * name; a part from another build is refused. Term, form and passage parts are named by their
 * kind, number and build (`part-names.ts`), so the entry file lists none of their names: a site of
 * 10,000 pages has 10,000 passage fragments, whose names would be 25 KB gzip in the file every
 * popover loads. Version 1 of the layout listed them (`files`); it is still read.
 */
import type { StoredDocument, StoredPassage } from '../format.js';
import type { XLexiconMaps } from '../xlang-format.js';

/** True when `json` (a parsed `bj-index.json`) is the entry file of a sharded index. */
export function isShardedIndex(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'shards' in json;
}

/** `format` of every part file. */
export const SHARD_FORMAT = 'bj-index-part';
/** Version of the sharded layout (the `shards` field and the part files) that builds write; readers also read 1. */
export const SHARD_FORMAT_VERSION = 2;

/** A term's postings in one field: `[fieldId, docDeltas, termFrequencies, fieldLengths]`. */
export type FieldPostings = [fieldId: number, docDeltas: number[], tf: number[], lengths: number[]];

/**
 * One term of a term partition: the term (Han terms under their internal mark), its rank in the
 * term tree, its document frequency over the text fields (0 when only in pinyin fields), 1 when the
 * corpus writes it as an acronym, and its postings.
 */
export type StoredTermPostings = [term: string, rank: number, df: number, acronym: 0 | 1, postings: FieldPostings[]];

/** Where the parts are and the corpus-wide figures scoring needs. Lives in the entry file's `shards`. */
export interface ShardManifest {
  /** 2; 1 in builds that listed the part names (`files`). */
  version: 1 | typeof SHARD_FORMAT_VERSION;
  /** Folder of the part files, relative to the entry file's URL (ends with `/`). */
  base: string;
  /** Documents MiniSearch indexed (keywords first, then passages, in corpus order). */
  documentCount: number;
  /** How many of those documents are keywords (document numbers below it). */
  keywordCount: number;
  /** MiniSearch's average field lengths, by field id. */
  averageFieldLength: number[];
  /** MiniSearch's field ids, by field name (checked against the reader's own). */
  fieldIds: Record<string, number>;
  /** Term partitions: the first term of each (sorted); their file names in version 1 only (see `partFile`). */
  terms: { first: string[]; files?: string[] };
  /** Form partitions: the first form of each (sorted); their file names in version 1 only. */
  forms: { first: string[]; files?: string[] };
  /**
   * Passage fragments: passages `per` to a file, in document-number order from `keywordCount`; their
   * file names in version 1 only.
   */
  passages: { per: number; files?: string[] };
  /** Terms with postings in a pinyin field, with their ranks (for fuzzy pinyin matching). */
  pinyinTerms: Array<[term: string, rank: number]>;
  /** Total passages in the index (the catalogue holds only a few). */
  passageCount: number;
  /**
   * How many passages use each keyword's names, in the catalogue's keyword order (the catalogue
   * holds only the first few of them; a popover shows the whole count). Absent in older builds.
   */
  relatedCounts?: number[];
  /**
   * Lexicon partitions: file names, the first key of each (sorted), and which of the lexicon's maps
   * have entries. Absent when built without the dictionary (`--no-dictionary`) or by older builds.
   */
  lexicon?: ShardLexicon;
}

/** Where a sharded index's dictionary lexicon is (see {@link ShardManifest.lexicon}). */
export interface ShardLexicon {
  files: string[];
  first: string[];
  has: { zh: boolean; en: boolean; syn: boolean };
}

/** A lexicon partition file: the entries of the three maps whose keys fall in its range. */
export interface LexiconPart extends XLexiconMaps {
  format: typeof SHARD_FORMAT;
  index: string;
  part: string;
  /** Where the entries come from, and their licence. */
  source: string;
  license: string;
}

/**
 * Where a Han bigram stands in the `text` field of each document of its postings there: for each
 * posting in document order, as many numbers as its term frequency, the first the bigram's place
 * among the field's Han tokens (bigrams and run-final characters, in order), each next one the gap
 * from the one before. Two bigrams of one run are consecutive tokens; a run ends with its lone last
 * character, so bigrams of two runs never are. 0 for a term without `text` postings or not a bigram.
 */
export type StoredPositions = number[] | 0;

/** A term partition file. */
export interface TermPart {
  format: typeof SHARD_FORMAT;
  index: string;
  part: string;
  terms: StoredTermPostings[];
  /**
   * One entry per term, in the same order (see {@link StoredPositions}). Absent in builds of library
   * 0.1, whose readers ignore it: the ranker then reads the candidates' texts instead.
   */
  positions?: StoredPositions[];
}

/** A form partition file: `[form, stem]`, sorted by form. */
export interface FormPart {
  format: typeof SHARD_FORMAT;
  index: string;
  part: string;
  forms: Array<[form: string, stem: string]>;
}

/** A passage fragment file: its passages (consecutive document numbers) and their documents. */
export interface PassagePart {
  format: typeof SHARD_FORMAT;
  index: string;
  part: string;
  /** Document number of the first passage. */
  from: number;
  passages: StoredPassage[];
  documents: StoredDocument[];
}
