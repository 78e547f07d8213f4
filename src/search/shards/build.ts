/**
 * Splits a built index into the sharded layout of `format.ts`: the keyword catalogue (entry file),
 * term partitions, form partitions and passage fragments. Runs where the index is built (Node);
 * DOM-free and without Node imports, so a test may run it anywhere.
 *
 * The postings are the engine's own (`../build-postings.ts`: MiniSearch's, indexed with the engine's
 * options), so a sharded search scores exactly as the single-file one.
 */
import { buildPostings, type BigramPlaces } from '../build-postings.js';
import { Catalogue } from '../catalogue.js';
import { searchCorpus } from '../engine.js';
import type { BuiltIndex, StoredDocument, StoredPassage, StoredTerm } from '../format.js';
import { isHanBigram } from './contiguity.js';
import { partName } from './part-names.js';
import {
  SHARD_FORMAT,
  SHARD_FORMAT_VERSION,
  type FieldPostings,
  type FormPart,
  type PassagePart,
  type ShardManifest,
  type StoredPositions,
  type StoredTermPostings,
  type TermPart,
} from './format.js';

export interface ShardOptions {
  /** Folder of the parts, relative to the entry file (default `bj-index/`). */
  base?: string;
  /** Largest term partition, in characters of JSON, before a new one starts (a single term may exceed it). */
  termPartChars?: number;
  /** Largest form partition, in characters of JSON. */
  formPartChars?: number;
  /** Passages per fragment (default: the corpus's passages a page, 1 to {@link DEFAULT_FRAGMENT_PASSAGES}). */
  passagesPerFragment?: number;
  /** Passages per keyword kept in the catalogue (what a popover lists). */
  relatedPerKeyword?: number;
}

export const SHARD_DEFAULTS: Required<Omit<ShardOptions, 'passagesPerFragment'>> = {
  base: 'bj-index/',
  // About 2 KB gzip a part. A query's words and character pairs each fall in a partition of their own,
  // so the partition size is what each costs (a term with many postings is a part alone at any size).
  // On the 10,000-passage site of one page a passage (bench/sites.mjs), the next five Chinese queries
  // fetched 84 KB of terms at 16,000 and 64 KB at 6,000; the entry file, which names no part since
  // layout version 2, holds the first term of each (7 KB gzip at 6,000).
  termPartChars: 6_000,
  formPartChars: 24_000,
  relatedPerKeyword: 3,
};

/**
 * Most passages a fragment holds by default. A query fetches one fragment per passage shown (the
 * passages of one page usually share one), so a fragment is about a page: on a site of long pages
 * ten consecutive passages (a page's results then come in one request), on a site of one page a
 * passage one (Pagefind's fragment per page: 0.3-0.6 KB gzip instead of 2-5 KB for ten pages).
 */
export const DEFAULT_FRAGMENT_PASSAGES = 10;

/** Passages per fragment for `passages`: their number per document on average, 1 to {@link DEFAULT_FRAGMENT_PASSAGES}. */
export function passagesPerFragment(passages: readonly StoredPassage[]): number {
  const documents = new Set(passages.map((p) => p.document)).size;
  return Math.min(DEFAULT_FRAGMENT_PASSAGES, Math.max(1, Math.round(passages.length / Math.max(1, documents))));
}

/**
 * Single-file indexes up to this many characters of JSON stay single files under `--shards auto`
 * (the default corpus is about 130,000).
 */
export const AUTO_SHARD_CHARS = 400_000;

/** The entry file of a sharded index: a valid index (the catalogue) with the manifest. */
export type ShardedEntry = BuiltIndex & { shards: ShardManifest };

export interface ShardedBuild {
  entry: ShardedEntry;
  /** Part files by name (relative to `base`), as JSON text. */
  parts: Map<string, string>;
}

const PINYIN_FIELD_NAMES = ['pinyin', 'pinyinSyl', 'linkedPinyin'];

export { partName };

/** Sorted records cut into runs, each with its records' JSON texts. */
interface Run<T> {
  records: T[];
  json: string[];
}

/**
 * Cuts sorted records into runs of at most `chars` characters of JSON (a single record may exceed it),
 * keeping each record's JSON text for the part (`partText`): every record is serialised once.
 */
function cut<T>(records: T[], chars: number): Array<Run<T>> {
  const out: Array<Run<T>> = [];
  let run: Run<T> = { records: [], json: [] };
  let size = 0;
  for (const r of records) {
    const json = JSON.stringify(r);
    const n = json.length + 1;
    if (run.records.length > 0 && size + n > chars) {
      out.push(run);
      run = { records: [], json: [] };
      size = 0;
    }
    run.records.push(r);
    run.json.push(json);
    size += n;
  }
  if (run.records.length > 0) out.push(run);
  return out;
}

/** Stands in a part for its run of records until their JSON texts replace it (no part holds it otherwise). */
const RUN_MARK = '\u0000run';

/** `JSON.stringify(part)` where `part` holds `RUN_MARK` in place of the array of `run`: the same text. */
function partText(part: object, run: Run<unknown>): string {
  return JSON.stringify(part).replace(JSON.stringify(RUN_MARK), () => `[${run.json.join(',')}]`);
}

/** The stored places of a term whose `text` postings are `docs` (ascending) with frequencies `tf`. */
function positionsOf(places: BigramPlaces | undefined, docs: number[], tf: number[]): StoredPositions {
  const count = tf.reduce((a, b) => a + b, 0);
  if (!places || places.places.length !== count || places.docs.length !== docs.length || places.docs.some((d, i) => d !== docs[i])) {
    throw new Error('bj: internal error: the places of a Han bigram do not match its postings; report this');
  }
  return places.places;
}

/** Splits `built` into the sharded layout. */
export function shardIndex(built: BuiltIndex, options: ShardOptions = {}): ShardedBuild {
  const opts = { ...SHARD_DEFAULTS, ...options };
  const catalogue = Catalogue.fromJSON(built);
  const js = buildPostings(searchCorpus(catalogue).docs, catalogue.variants);
  const vocab = js.vocabulary;
  const df = vocab.documentFrequencies();
  const keywords = built.entries.filter((e): e is StoredTerm => e.kind === 'term');
  const passages = built.entries.filter((e): e is StoredPassage => e.kind === 'passage');
  if (js.documentCount !== keywords.length + passages.length || vocab.docs !== js.documentCount) {
    throw new Error('bj: internal error: the search engine does not hold one document per entry; report this');
  }
  const pinyinFieldIds = new Set(PINYIN_FIELD_NAMES.map((f) => js.fieldIds[f]));
  const textField = js.fieldIds.text;
  const parts = new Map<string, string>();
  const part = (name: string, value: object) => parts.set(name, JSON.stringify(value));

  // Terms, with their rank in the term tree, in sorted order; a Han bigram's places beside it.
  const records: StoredTermPostings[] = [];
  const positions = new Map<string, StoredPositions>();
  const pinyinTerms: Array<[string, number]> = [];
  js.terms.forEach(([term, fields], rank) => {
    const postings: FieldPostings[] = [];
    let inPinyin = false;
    for (const { field: fieldId, docs: ids, tf } of fields) {
      if (pinyinFieldIds.has(fieldId)) inPinyin = true;
      const deltas: number[] = [];
      const lengths: number[] = [];
      let last = 0;
      for (const id of ids) {
        deltas.push(id - last);
        last = id;
        lengths.push(js.fieldLength(id, fieldId));
      }
      postings.push([fieldId, deltas, tf, lengths]);
      if (fieldId === textField && isHanBigram(term)) positions.set(term, positionsOf(js.places.get(term), ids, tf));
    }
    if (inPinyin) pinyinTerms.push([term, rank]);
    records.push([term, rank, df.get(term) ?? 0, vocab.isAcronym(term) ? 1 : 0, postings]);
  });
  const seen = new Set(js.terms.map(([term]) => term));
  for (const [term, n] of df) if (!seen.has(term)) records.push([term, -1, n, vocab.isAcronym(term) ? 1 : 0, []]);
  records.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const termRuns = cut(records, opts.termPartChars);
  termRuns.forEach((run, i) => {
    const name = partName('terms', i, built.hash);
    const where = run.records.map((r) => positions.get(r[0]) ?? 0);
    const terms = RUN_MARK as unknown as TermPart['terms'];
    parts.set(name, partText({ format: SHARD_FORMAT, index: built.hash, part: name, terms, positions: where } satisfies TermPart, run));
  });

  const forms = [...vocab.writtenForms()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const formRuns = cut(forms, opts.formPartChars);
  formRuns.forEach((run, i) => {
    const name = partName('forms', i, built.hash);
    const forms = RUN_MARK as unknown as FormPart['forms'];
    parts.set(name, partText({ format: SHARD_FORMAT, index: built.hash, part: name, forms } satisfies FormPart, run));
  });

  const documents = new Map(built.documents.map((d) => [d.id, d]));
  const docsOf = (list: StoredPassage[]): StoredDocument[] => {
    const ids = [...new Set(list.map((p) => p.document))];
    return ids.map((id) => documents.get(id)).filter((d) => d !== undefined);
  };
  const per = options.passagesPerFragment ?? passagesPerFragment(passages);
  for (let i = 0; i < passages.length; i += per) {
    const list = passages.slice(i, i + per);
    const name = partName('passages', i / per, built.hash);
    const fragment: PassagePart = {
      format: SHARD_FORMAT,
      index: built.hash,
      part: name,
      from: keywords.length + i,
      passages: list,
      documents: docsOf(list),
    };
    part(name, fragment);
  }

  // The catalogue: every keyword, and the first passages of each (what a popover lists).
  const related = new Set<string>();
  const perKeyword = new Map<string, number>();
  for (const p of passages) {
    if (!p.terms.some((t) => (perKeyword.get(t) ?? 0) < opts.relatedPerKeyword)) continue;
    related.add(p.id);
    for (const t of p.terms) perKeyword.set(t, (perKeyword.get(t) ?? 0) + 1);
  }
  const kept = passages.filter((p) => related.has(p.id));
  const relatedTotals = new Map<string, number>();
  for (const p of passages) for (const t of new Set(p.terms)) relatedTotals.set(t, (relatedTotals.get(t) ?? 0) + 1);
  const manifest: ShardManifest = {
    version: SHARD_FORMAT_VERSION,
    base: opts.base,
    documentCount: js.documentCount,
    keywordCount: keywords.length,
    averageFieldLength: js.averageFieldLength,
    fieldIds: js.fieldIds,
    terms: { first: termRuns.map((run) => run.records[0]![0]) },
    forms: { first: formRuns.map((run) => run.records[0]![0]) },
    passages: { per },
    pinyinTerms,
    passageCount: passages.length,
    relatedCounts: keywords.map((k) => relatedTotals.get(k.id) ?? 0),
  };
  const entry: ShardedEntry = {
    ...built,
    documents: docsOf(kept),
    entries: built.entries.filter((e) => e.kind === 'term' || related.has(e.id)),
    shards: manifest,
  };
  return { entry, parts };
}
