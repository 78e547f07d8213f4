/**
 * MiniSearch's `search`, evaluated over postings fetched from a sharded index instead of a built
 * engine: the same BM25+ scores, the same prefix and fuzzy expansion weights, the same `OR` / `AND`
 * combinations and the same order of hits, to the last bit (`test/search/shards.test.ts` compares
 * every result with the single-file engine's). It reproduces {@link MINISEARCH_VERSION}
 * (`MiniSearch.ts`: `search`, `executeQuery`, `executeQuerySpec`, `termResults`,
 * `combinators`, `calcBM25Score`), which package.json pins exactly; the CLI refuses another
 * installed version (`minisearch-version.ts`).
 *
 * Reads the query trees `PolicyIndex` builds: strings with `tokenize`/`processTerm` given, `fields`,
 * `boost`, `boostTerm`, `prefix`, `fuzzy`, `maxFuzzy`, `weights`, `bm25`, `combineWith`
 * (`boostDocument` and the wildcard query are not used there, and not read here). DOM-free.
 */
import type { Query, SearchOptions, SearchResult as MiniSearchResult } from 'minisearch';
import type { HitId } from '../search-engine.js';

export { MINISEARCH_VERSION } from '../minisearch-version.js';

/** A term's postings in one field: document numbers (ascending), term frequencies, field lengths. */
export interface Postings {
  readonly docs: Uint32Array;
  readonly tfs: Uint32Array;
  readonly lengths: Uint32Array;
}

/** A term's postings by field id. */
export type TermPostings = ReadonlyMap<number, Postings>;

/** The term lookups MiniSearch's search makes of its term tree, in the order it iterates them. */
export interface PostingsSource {
  get(term: string): TermPostings | undefined;
  /** Terms starting with `prefix` (itself included), in the term tree's order. */
  atPrefix(prefix: string): Iterable<[string, TermPostings]>;
  /** Terms within `maxDistance` edits (Levenshtein), in the order MiniSearch's fuzzy search finds them. */
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermPostings, number]>;
}

/** The corpus-wide figures BM25 reads, and the engine's fields in their order. */
export interface ScoredCorpus {
  documentCount: number;
  averageFieldLength: readonly number[];
  fieldIds: Readonly<Record<string, number>>;
  fields: readonly string[];
}

/** A hit, as MiniSearch returns it, with its document number. */
export type ScoredHit = MiniSearchResult & { doc: number };

type Options = SearchOptions & {
  tokenize?: (text: string) => string[];
  processTerm?: (term: string) => string | string[] | null | undefined | false;
  bm25?: { k: number; b: number; d: number };
};
interface Accumulated {
  score: number;
  terms: string[];
  match: Record<string, string[]>;
}
type Raw = Map<number, Accumulated>;

const DEFAULTS: {
  combineWith: 'OR';
  maxFuzzy: number;
  weights: { fuzzy: number; prefix: number };
  bm25: { k: number; b: number; d: number };
} = { combineWith: 'OR', maxFuzzy: 6, weights: { fuzzy: 0.45, prefix: 0.375 }, bm25: { k: 1.2, b: 0.7, d: 0.5 } };

const own = <T>(object: Record<string, T> | undefined, key: string): T | undefined =>
  object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

function addUnique(target: string[], source: readonly string[]): void {
  for (const t of source) if (!target.includes(t)) target.push(t);
}

const COMBINE: Record<string, (a: Raw, b: Raw) => Raw> = {
  or: (a, b) => {
    for (const doc of b.keys()) {
      const existing = a.get(doc);
      if (existing == null) a.set(doc, b.get(doc)!);
      else {
        const { score, terms, match } = b.get(doc)!;
        existing.score = existing.score + score;
        existing.match = Object.assign(existing.match, match);
        addUnique(existing.terms, terms);
      }
    }
    return a;
  },
  and: (a, b) => {
    const combined: Raw = new Map();
    for (const doc of b.keys()) {
      const existing = a.get(doc);
      if (existing == null) continue;
      const { score, terms, match } = b.get(doc)!;
      addUnique(existing.terms, terms);
      combined.set(doc, { score: existing.score + score, terms: existing.terms, match: Object.assign(existing.match, match) });
    }
    return combined;
  },
  and_not: (a, b) => {
    for (const doc of b.keys()) a.delete(doc);
    return a;
  },
};

/** Scores query trees over postings, as MiniSearch's `search` does over its index. */
export class PostingsScorer {
  constructor(
    private readonly source: PostingsSource,
    private readonly corpus: ScoredCorpus,
  ) {}

  /** Hits best first (ties in the order MiniSearch leaves them); `idOf` names them, `wanted` filters by that id. */
  search(query: Query, idOf: (doc: number) => HitId, wanted?: (id: HitId) => boolean): ScoredHit[] {
    const hits: ScoredHit[] = [];
    for (const [doc, { score, terms, match }] of this.execute(query, {})) {
      const quality = terms.length || 1;
      const hit = { id: idOf(doc), score: score * quality, terms: Object.keys(match), queryTerms: terms, match, doc };
      if (!wanted || wanted(hit.id)) hits.push(hit);
    }
    return hits.sort((a, b) => b.score - a.score);
  }

  private execute(query: Query, options: Options): Raw {
    if (typeof query === 'object') {
      const combined: Options = { ...options, ...query, queries: undefined } as Options;
      return this.combine(
        query.queries.map((sub) => this.execute(sub, combined)),
        combined.combineWith,
      );
    }
    if (typeof query !== 'string') return new Map();
    const opts = { ...DEFAULTS, ...options };
    const tokenize = opts.tokenize ?? ((s: string) => [s]);
    const processTerm = opts.processTerm ?? ((t: string) => t);
    const terms = tokenize(query)
      .flatMap((t) => processTerm(t))
      .filter((t): t is string => !!t);
    const results = terms.map((term, i) => {
      const fuzzy = typeof opts.fuzzy === 'function' ? opts.fuzzy(term, i, terms) : opts.fuzzy || false;
      const prefix = typeof opts.prefix === 'function' ? opts.prefix(term, i, terms) : opts.prefix === true;
      const termBoost = typeof opts.boostTerm === 'function' ? opts.boostTerm(term, i, terms) : 1;
      return this.spec(term, fuzzy, prefix, termBoost, opts);
    });
    return this.combine(results, opts.combineWith);
  }

  private combine(results: Raw[], combineWith = 'OR'): Raw {
    if (results.length === 0) return new Map();
    const combinator = COMBINE[combineWith.toLowerCase()];
    if (!combinator) throw new Error(`Invalid combination operator: ${combineWith}`);
    return results.reduce(combinator);
  }

  /** One term: exact, then its prefix expansions, then its fuzzy neighbours. */
  private spec(term: string, fuzzy: boolean | number, prefix: boolean, termBoost: number, options: Options): Raw {
    const opts = { ...DEFAULTS, ...options };
    const boosts = (opts.fields ?? this.corpus.fields).map((field): [string, number] => [field, own(opts.boost, field) || 1]);
    const { fuzzy: fuzzyWeight, prefix: prefixWeight } = { ...DEFAULTS.weights, ...opts.weights };
    const bm25 = opts.bm25;
    const results = this.termResults(term, term, 1, termBoost, this.source.get(term), boosts, bm25);
    const prefixMatches = prefix ? this.source.atPrefix(term) : undefined;
    let fuzzyMatches: Map<string, [TermPostings, number]> | undefined;
    if (fuzzy) {
      const f = fuzzy === true ? 0.2 : fuzzy;
      const maxDistance = f < 1 ? Math.min(opts.maxFuzzy, Math.round(term.length * f)) : f;
      if (maxDistance) fuzzyMatches = this.source.fuzzyGet(term, maxDistance);
    }
    if (prefixMatches) {
      for (const [found, data] of prefixMatches) {
        const distance = found.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(found);
        const weight = (prefixWeight * found.length) / (found.length + 0.3 * distance);
        this.termResults(term, found, weight, termBoost, data, boosts, bm25, results);
      }
    }
    if (fuzzyMatches) {
      for (const found of fuzzyMatches.keys()) {
        const [data, distance] = fuzzyMatches.get(found)!;
        if (!distance) continue;
        const weight = (fuzzyWeight * found.length) / (found.length + distance);
        this.termResults(term, found, weight, termBoost, data, boosts, bm25, results);
      }
    }
    return results;
  }

  private termResults(
    sourceTerm: string,
    derivedTerm: string,
    termWeight: number,
    termBoost: number,
    data: TermPostings | undefined,
    boosts: Array<[string, number]>,
    bm25: { k: number; b: number; d: number },
    results: Raw = new Map(),
  ): Raw {
    if (data == null) return results;
    const { documentCount, averageFieldLength, fieldIds } = this.corpus;
    for (const [field, fieldBoost] of boosts) {
      const fieldId = fieldIds[field]!;
      const postings = data.get(fieldId);
      if (postings == null) continue;
      const { docs, tfs, lengths } = postings;
      const matching = docs.length;
      const avgFieldLength = averageFieldLength[fieldId]!;
      for (let k = 0; k < docs.length; k++) {
        const doc = docs[k]!;
        const rawScore = bm25Score(tfs[k]!, matching, documentCount, lengths[k]!, avgFieldLength, bm25);
        const weighted = termWeight * termBoost * fieldBoost * rawScore;
        const result = results.get(doc);
        if (result) {
          result.score += weighted;
          if (!result.terms.includes(sourceTerm)) result.terms.push(sourceTerm);
          const match = own(result.match, derivedTerm);
          if (match) match.push(field);
          else result.match[derivedTerm] = [field];
        } else {
          results.set(doc, { score: weighted, terms: [sourceTerm], match: { [derivedTerm]: [field] } });
        }
      }
    }
    return results;
  }
}

/** MiniSearch's BM25+ (`calcBM25Score`). */
function bm25Score(
  termFreq: number,
  matchingCount: number,
  totalCount: number,
  fieldLength: number,
  avgFieldLength: number,
  { k, b, d }: { k: number; b: number; d: number },
): number {
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
}
