/**
 * The terms of a sharded index as loaded from its term partitions: document frequency and rank for
 * the query planner, and postings decoded on first use into typed arrays (12 bytes a posting) for
 * the scorer. DOM-free.
 */
import type { FieldPostings, StoredPositions, StoredTermPostings } from './format.js';
import type { Postings, TermPostings } from './scorer.js';

/** A term of a loaded term partition. */
export interface LoadedTerm {
  readonly term: string;
  /** Position in the engine's term tree (-1: no postings, only a document frequency). */
  readonly rank: number;
  /** Document frequency over the text fields. */
  readonly df: number;
  /** True when the corpus writes the term as an acronym. */
  readonly acronym: boolean;
  /** The stored postings, until decoded. */
  stored?: FieldPostings[];
  /** The decoded postings (undefined when the term has none). */
  postings?: TermPostings;
  /** A Han bigram's places in the `text` field (0: none; undefined: a build that did not store them). */
  readonly places?: StoredPositions;
  /** Where each `text` posting's places start in `places`, computed on first use. */
  starts?: Uint32Array;
}

/** A stored term record and its places, its postings not decoded yet. */
export function loadedTerm(record: StoredTermPostings, places?: StoredPositions): LoadedTerm {
  return { term: record[0], rank: record[1], df: record[2], acronym: record[3] === 1, stored: record[4], places };
}

/** The term's postings by field id, decoded on first use; undefined when it has none. */
export function postingsOf(t: LoadedTerm): TermPostings | undefined {
  if (t.stored) {
    const out = new Map<number, Postings>();
    for (const [fieldId, deltas, tf, lengths] of t.stored) {
      const docs = new Uint32Array(deltas.length);
      let doc = 0;
      deltas.forEach((d, k) => {
        doc += d;
        docs[k] = doc;
      });
      out.set(fieldId, { docs, tfs: Uint32Array.from(tf), lengths: Uint32Array.from(lengths) });
    }
    t.postings = out.size > 0 ? out : undefined;
    t.stored = undefined;
  }
  return t.postings;
}
