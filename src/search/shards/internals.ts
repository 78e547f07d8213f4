/**
 * The private members of `PolicyIndex`, `Vocabulary` and MiniSearch 7 that the sharded index reads
 * or replaces, named in one place. The sharded index runs today's search code (query planning,
 * MiniSearch scoring, ranking, highlighting) unchanged over postings fetched on demand: it gives a
 * catalogue-only `PolicyIndex` an engine whose term tree, document ids and field lengths are lazy
 * views of the loaded parts. If any of these members is renamed, `test/search/shards.test.ts`
 * (sharded results equal unsharded ones) fails.
 */
import type MiniSearch from 'minisearch';
import type { PolicyIndex } from '../index.js';
import type { Vocabulary } from '../query.js';
import type { Entry } from '../types.js';

/** The part of a `Map<document number, term frequency>` that MiniSearch's search reads. */
export interface PostingsView {
  readonly size: number;
  keys(): Iterable<number>;
  get(doc: number): number | undefined;
}

/** What MiniSearch keeps per term: field id → document number → term frequency. */
export type FieldTermData = Map<number, PostingsView>;

/** The term tree interface MiniSearch's search uses. */
export interface TermTree {
  get(term: string): FieldTermData | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
}

/** MiniSearch 7 members read by its `search` (see `executeQuerySpec` / `termResults`). */
export interface EngineInternals {
  _index: TermTree;
  _documentIds: { has(n: number): boolean; get(n: number): string | undefined };
  _fieldLength: { get(n: number): number[] | undefined };
  _avgFieldLength: number[];
  _documentCount: number;
  _fieldIds: Record<string, number>;
}

/** The search document MiniSearch indexes for an entry (see `SearchDoc` in index.ts). */
export interface SearchDocLike {
  id: string;
  title: string;
  aliases: string;
  text: string;
}

/** `PolicyIndex` members used. */
export interface IndexInternals {
  /** Builds (on first use) and returns the full engine. */
  readonly engine: MiniSearch;
  searchIndex?: MiniSearch;
  vocabOf: WeakMap<MiniSearch, Vocabulary>;
  entries: Map<string, Entry>;
  docById: Map<string, SearchDocLike>;
  newEngine(): MiniSearch;
}

/** `Vocabulary` members read at build time. */
export interface VocabularyInternals {
  df: Map<string, number>;
  surface: Map<string, string>;
  acronyms: Set<string>;
  docs: number;
}

export const indexInternals = (index: PolicyIndex): IndexInternals => index as unknown as IndexInternals;
export const engineInternals = (engine: MiniSearch): EngineInternals => engine as unknown as EngineInternals;
export const vocabularyInternals = (vocab: Vocabulary): VocabularyInternals => vocab as unknown as VocabularyInternals;
