/**
 * The search engine's postings of a whole corpus, for `bj-index build --shards` to cut into term
 * partitions: what MiniSearch 7.2.0's `add` and `toJSON` give for the engine of `engine.ts`, made
 * without MiniSearch's term tree. The tree finds each term's node by scanning the children of every
 * node on its path, and at 10,000 passages its Han node has thousands (one per first character): an
 * `add` of every token occurrence through it was most of a sharded build's time. Here each
 * occurrence is one `Map` lookup, and only the distinct terms go into a `SearchableMap` (MiniSearch's
 * own tree, its public export), in the order the engine first meets them, which makes the same tree
 * and so the same term ranks. `test/search/shards.test.ts` checks that a sharded search scores as
 * the single-file engine does. DOM-free and Node-free.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { engineOptions, markHan, SEARCH_FIELDS, type SearchDoc } from './engine.js';
import type { VariantMap } from './script.js';
import { Vocabulary } from './vocabulary.js';

/** A term's postings in one field: its documents (ascending) and its frequency in each. */
export interface FieldTermPostings {
  field: number;
  docs: number[];
  tf: number[];
}

/** A Han bigram's places in the `text` field: per document holding it, its places among the field's Han tokens, as gaps. */
export interface BigramPlaces {
  docs: number[];
  /** The first place in a document, then the gap from the place before (as `StoredPositions`). */
  places: number[];
  last: number;
}

/** The engine's tables of a corpus: what MiniSearch's `toJSON` holds that a sharded index ships. */
export interface EnginePostings {
  documentCount: number;
  /** Field ids by field name (MiniSearch's `fieldIds`). */
  fieldIds: Record<string, number>;
  /** Average field lengths by field id, computed as MiniSearch computes them. */
  averageFieldLength: number[];
  /** The field lengths (distinct tokens) of document `doc`, by field id. */
  fieldLength(doc: number, field: number): number;
  /** Every term in the order of MiniSearch's term tree (its rank), with its postings by ascending field id. */
  terms: Array<[term: string, postings: FieldTermPostings[]]>;
  /** Document frequencies, written forms and acronyms, as the engine's vocabulary collects them. */
  vocabulary: Vocabulary;
  /** Where each Han bigram (marked) stands in the `text` field of each document. */
  places: Map<string, BigramPlaces>;
}

/** A term's postings while documents are added: by field id, in the order the term first met them. */
type Building = FieldTermPostings[];

/** The engine's postings of `docs` (document `i` is `docs[i]`, as the engine numbers them). */
export function buildPostings(docs: readonly SearchDoc[], variants: VariantMap): EnginePostings {
  const vocabulary = new Vocabulary();
  const { fields, extractField, tokenize, processTerm } = engineOptions(variants, vocabulary);
  if (fields.join() !== SEARCH_FIELDS.join())
    throw new Error('bj: internal error: the engine indexes other fields than the builder; report this');
  const fieldIds = Object.fromEntries(fields.map((f, i) => [f, i]));
  const textField = fieldIds.text!;
  const hanMark = markHan('');
  const nFields = fields.length;
  const lengths = new Uint32Array(docs.length * nFields);
  const averageFieldLength: number[] = [];
  const index = new Map<string, Building>();
  const places = new Map<string, BigramPlaces>();

  const addTerm = (field: number, doc: number, term: string) => {
    let postings = index.get(term);
    if (!postings) index.set(term, (postings = []));
    let p = postings.find((q) => q.field === field);
    if (!p) postings.push((p = { field, docs: [], tf: [] }));
    const last = p.docs.length - 1;
    if (last >= 0 && p.docs[last] === doc) p.tf[last]!++;
    else {
      p.docs.push(doc);
      p.tf.push(1);
    }
  };
  const notePlaces = (doc: number, tokens: readonly string[]) => {
    let place = 0;
    for (const token of tokens) {
      if (!token.startsWith(hanMark)) continue;
      if (token.length > hanMark.length && [...token.slice(hanMark.length)].length === 2) {
        let p = places.get(token);
        if (!p) places.set(token, (p = { docs: [], places: [], last: 0 }));
        if (p.docs[p.docs.length - 1] !== doc) {
          p.docs.push(doc);
          p.places.push(place);
        } else p.places.push(place - p.last);
        p.last = place;
      }
      place++;
    }
  };

  // MiniSearch's `add`, step by step: the id first, then each field in order (`extractField` and
  // `tokenize` have effects the engine relies on: the vocabulary, the forms field).
  docs.forEach((document, doc) => {
    if (extractField(document, 'id') == null) throw new Error('bj: internal error: a search document has no id; report this');
    for (let field = 0; field < nFields; field++) {
      const name = fields[field]!;
      const value: unknown = extractField(document, name);
      if (value == null) continue;
      const tokens = tokenize(String(value), name);
      const length = new Set(tokens).size;
      lengths[doc * nFields + field] = length;
      averageFieldLength[field] = ((averageFieldLength[field] || 0) * doc + length) / (doc + 1);
      for (const token of tokens) {
        const processed = processTerm(token, name);
        if (Array.isArray(processed)) for (const t of processed) addTerm(field, doc, t);
        else if (processed) addTerm(field, doc, processed);
      }
      if (field === textField) notePlaces(doc, tokens);
    }
  });

  // The term tree of the same terms met in the same order is the engine's, and so are its ranks.
  const tree = new SearchableMap<true>();
  for (const term of index.keys()) tree.set(term, true);
  const terms: EnginePostings['terms'] = [];
  for (const term of tree.keys()) terms.push([term, index.get(term)!.sort((a, b) => a.field - b.field)]);
  return {
    documentCount: docs.length,
    fieldIds,
    averageFieldLength,
    fieldLength: (doc, field) => lengths[doc * nFields + field]!,
    terms,
    vocabulary,
    places,
  };
}
