/**
 * What `PolicyIndex.search` runs on: a scorer of MiniSearch query trees and the planner's
 * vocabulary. A single-file index uses MiniSearch itself; a sharded index scores the postings it
 * fetched (`shards/scorer.ts`). DOM-free.
 */
import type MiniSearch from 'minisearch';
import type { Query, SearchResult as MiniSearchResult } from 'minisearch';
import type { Vocabulary } from './vocabulary.js';

/**
 * The id of a search hit: an entry's id, or (sharded index only) the document number of a passage
 * whose fragment is not fetched yet.
 */
export type HitId = string | number;

export interface SearchEngine {
  readonly vocabulary: Vocabulary;
  /** Hits best first, as MiniSearch's `search` returns them (`id`: a {@link HitId}); `wanted` filters by id. */
  search(query: Query, wanted?: (id: HitId) => boolean): MiniSearchResult[];
}

/** The text fields of an entry that a Han run is looked for in (see `rank.ts`). */
export interface SearchableFields {
  title: string;
  aliases: string;
  text: string;
}

/** A built MiniSearch as a {@link SearchEngine}. */
export function miniSearchEngine<T>(mini: MiniSearch<T>, vocabulary: Vocabulary): SearchEngine {
  return {
    vocabulary,
    search: (query, wanted) => mini.search(query, wanted ? { filter: (r) => wanted(r.id as HitId) } : {}),
  };
}
