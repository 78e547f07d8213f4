/**
 * Searching a sharded index (see `format.ts`): the catalogue is a `PolicyIndex` whose engine scores
 * the postings of the parts loaded so far (`scorer.ts`) and whose vocabulary reads the same parts.
 * A search runs `PolicyIndex.search` and notes every part it needed but did not have; those are
 * fetched (in parallel) and the search runs again, until nothing is missing. Each run is synchronous
 * and cheap; only the fetches wait. Results are those of the single-file index, exactly.
 *
 * DOM-free: runs in a Web Worker, a page or Node. Parts are fetched with the `load` function given.
 */
import type { Query } from 'minisearch';
import { Catalogue, cutQuery } from '../catalogue.js';
import { rangePartsNeeded } from '../xlang-needed.js';
import { SEARCH_FIELDS, markHan } from '../engine.js';
import { PolicyIndex } from '../policy-index.js';
import type { HitId, SearchEngine, SearchableFields } from '../search-engine.js';
import { BjError, isRecord, type Entry, type PassageEntry, type SearchOptions, type SearchResult, type SourceInfo } from '../types.js';
import { hanBigrams } from '../text.js';
import { unbrokenIn } from './contiguity.js';
import { fetchPart, type PartLoader } from './fetch-part.js';
import { isShardedIndex, type ShardManifest } from './format.js';
import { partFile, type PartKind } from './part-names.js';
import { checkManifest } from './manifest.js';
import { checkManifestTrust, checkPart } from './part-check.js';
import { fragmentEntries } from './part-records.js';
import { ShardTerms } from './terms.js';
import { PostingsScorer, type ScoredHit } from './scorer.js';
import { ShardVocabulary } from './vocabulary.js';

export type { PartLoader } from './fetch-part.js';
export { checkManifest } from './manifest.js';

/** Upper bound on fetch-and-rerun rounds of one search (each round loads every part it lacked). */
const MAX_ROUNDS = 8;

export interface ShardedSearchOptions extends SearchOptions {
  /**
   * How many of the leading passages need their text and document (default: all returned); the
   * others come marked `pending` (see `SearchResult.pending`), until asked for.
   */
  resolve?: number;
  /**
   * Called before each round of fetches: true when a newer query made this one moot (the reader
   * typed on). The search then stops fetching and returns what it has.
   */
  superseded?: () => boolean;
}

/** What the catalogue of a sharded index reads from the index around it. */
interface ShardAccess {
  readonly engine: SearchEngine;
  /** A fetched passage by id, else undefined. */
  passage(id: HitId): PassageEntry | undefined;
  /** A fetched passage's text, else undefined (a passage not fetched yet is noted as missing). */
  passageText(id: HitId): string | undefined;
  /**
   * Whether passage number `doc` holds the Han run unbroken, from its bigrams' places; undefined
   * for a build without them (its text must then be fetched).
   */
  unbroken(doc: number, run: string): boolean | undefined;
}

/** The catalogue of a sharded index: a `PolicyIndex` searching the fetched parts. */
class ShardCatalogue extends PolicyIndex {
  constructor(
    catalogue: Catalogue,
    private readonly shards: ShardAccess,
  ) {
    super(catalogue);
  }
  override prepareSearch(): Promise<void> {
    return Promise.resolve();
  }
  override buildSearch(): void {}
  protected override searchEngine(): SearchEngine {
    return this.shards.engine;
  }
  /** Marks the results whose passage is not fetched yet (see `SearchResult.pending`). */
  override search(query: string, opts?: SearchOptions): SearchResult[] {
    return super.search(query, opts).map((r) => {
      const doc = this.blanks.get(r.entry);
      return doc === undefined ? r : { ...r, pending: doc };
    });
  }
  /** Blank entries standing for passages not fetched yet, and their document numbers. */
  private readonly blanks = new WeakMap<Entry, number>();
  protected override entryOf(id: HitId): Entry | undefined {
    if (typeof id === 'string') return super.entryOf(id) ?? this.shards.passage(id);
    const source = { id: '', title: {}, languages: [] };
    const blank: PassageEntry = {
      kind: 'passage',
      id: '',
      document: { id: '', title: {} },
      headings: [],
      text: '',
      lang: 'en',
      source,
      terms: [],
    };
    this.blanks.set(blank, id);
    return blank;
  }
  protected override kindOf(id: HitId): Entry['kind'] | undefined {
    return typeof id === 'number' ? 'passage' : super.kindOf(id);
  }
  /** A passage not fetched yet is judged by its bigrams' places, so its text is fetched only when shown. */
  protected override holdsRun(id: HitId, run: string): boolean {
    return (typeof id === 'number' ? this.shards.unbroken(id, run) : undefined) ?? super.holdsRun(id, run);
  }
  protected override searchableFields(id: HitId): SearchableFields | undefined {
    const own = super.searchableFields(id);
    if (own) return own;
    const text = this.shards.passageText(id);
    return text === undefined ? undefined : { title: '', aliases: '', text };
  }
}

/**
 * A sharded index, opened from its entry file. `search` fetches what each query needs; everything
 * else (keyword lookups, suggestions, names for annotation) is the catalogue's, with no fetch.
 */
export class ShardedIndex {
  /** The catalogue: keywords, a few passages per keyword, variants and lexicon. */
  readonly catalogue: PolicyIndex;
  readonly manifest: ShardManifest;
  /** Absolute URL of every part fetched so far, in order. */
  readonly fetched: string[] = [];

  private readonly baseUrl: string;
  private readonly hash: string;
  private readonly sources = new Map<string, SourceInfo>();
  private readonly fragments = new Map<number, Promise<void> | true>();
  /** Lexicon partitions fetched or being fetched (a failed one is not tried again). */
  private readonly lexiconParts = new Map<number, Promise<void>>();
  private readonly terms: ShardTerms;
  private readonly scorer: PostingsScorer;
  private readonly keywordIds: string[];
  /** Fetched passages by document number, and their document numbers by id. */
  private readonly passages = new Map<number, PassageEntry>();
  private readonly passageNumber = new Map<string, number>();
  /** Fragments the current round needed and lacked. */
  private missingFragments = new Set<number>();
  /**
   * The engine's hits of the first round of the search under way that lacked no term or form:
   * later rounds (which only wait for passage texts) reuse them instead of scoring again.
   */
  private memo?: { hits?: ScoredHit[] };

  private constructor(
    entry: Record<string, unknown>,
    manifest: ShardManifest,
    entryUrl: string,
    private readonly load: PartLoader,
  ) {
    const catalogue = Catalogue.fromJSON(entry);
    this.manifest = manifest;
    this.hash = catalogue.hash;
    this.baseUrl = new URL(manifest.base, entryUrl).href;
    for (const s of entry.sources as SourceInfo[]) this.sources.set(s.id, s);
    this.keywordIds = catalogue.terms().map((t) => t.id);
    if (this.keywordIds.length !== manifest.keywordCount) {
      throw new BjError(
        'format',
        `bj: the index's catalogue has ${this.keywordIds.length} keywords, its manifest ${manifest.keywordCount}; rebuild it with \`npx bj-index build\`.`,
      );
    }
    this.terms = new ShardTerms(manifest, (kind, i, add) => this.fetchPart(kind, i, add));
    this.scorer = new PostingsScorer(this.terms, { ...manifest, fields: SEARCH_FIELDS });
    const engine: SearchEngine = {
      vocabulary: new ShardVocabulary(manifest.documentCount, this.terms),
      search: (query, wanted) => this.hits(query, wanted),
    };
    this.catalogue = new ShardCatalogue(catalogue, {
      engine,
      passage: (id) => this.passage(id),
      passageText: (id) => this.passageText(id),
      unbroken: (doc, run) =>
        unbrokenIn(
          hanBigrams(run).map((g) => this.terms.term(markHan(g))),
          doc,
          manifest.fieldIds.text!,
        ),
    });
  }

  /** True when a parsed index file is the entry of a sharded index. */
  static isSharded(json: unknown): boolean {
    return isShardedIndex(json);
  }

  /**
   * Opens a sharded index from its parsed entry file, found at `entryUrl` (parts resolve against it).
   * Throws a `BjError` when the catalogue or the manifest is broken.
   */
  static open(entry: unknown, entryUrl: string, load: PartLoader): ShardedIndex {
    if (!isRecord(entry))
      throw new BjError('format', `bj: the index at ${entryUrl} is not a bj-policy-widgets index; rebuild it with \`npx bj-index build\`.`);
    const manifest = checkManifest(entry.shards, entryUrl);
    checkManifestTrust(manifest, entryUrl);
    return new ShardedIndex(entry, manifest, entryUrl, load);
  }

  /**
   * Same as {@link PolicyIndex.search}, fetching the parts the query needs first. Rejects with a
   * `BjError` when a part is missing or broken. Translates as a single-file index does: the lexicon
   * partitions of a query's Chinese characters are fetched before it runs; those of its English words
   * only when its own words found nothing strong (then it runs again).
   */
  async search(query: string, opts: ShardedSearchOptions = {}): Promise<SearchResult[]> {
    if (!this.manifest.lexicon) return this.rounds(query, opts);
    await this.loadLexicon(query, false);
    const results = await this.rounds(query, opts);
    if (results.some((r) => r.strength === 'strong') || opts.superseded?.() || !(await this.loadLexicon(query, true))) return results;
    return this.rounds(query, opts);
  }

  /** Runs the search, fetching what each round lacked, until nothing is missing. */
  private async rounds(query: string, opts: ShardedSearchOptions): Promise<SearchResult[]> {
    const memo = {};
    for (let round = 0; ; round++) {
      this.terms.startRound();
      this.missingFragments = new Set();
      this.memo = memo;
      let results: SearchResult[];
      try {
        results = this.catalogue.search(query, opts);
      } finally {
        this.memo = undefined;
      }
      this.noteUnresolved(results, opts.resolve ?? Infinity);
      const fragments = this.missingFragments;
      if ((this.terms.complete() && fragments.size === 0) || round >= MAX_ROUNDS || opts.superseded?.()) return results;
      await Promise.all([this.terms.loadMissing(), ...[...fragments].map((i) => this.loadFragment(i))]);
    }
  }

  /** Loads the parts a query needs without returning results (e.g. while the user types). */
  async prefetch(query: string): Promise<void> {
    await this.search(query, { limit: 0 });
  }

  /** The engine's search: hits scored from the loaded postings (or the memo), named by what is fetched. */
  private hits(query: Query, wanted?: (id: HitId) => boolean): ScoredHit[] {
    const memo = this.memo;
    if (memo?.hits) return memo.hits.map((h) => ({ ...h, id: this.idOf(h.doc) }));
    const hits = this.scorer.search(query, (doc) => this.idOf(doc), wanted);
    if (memo && this.terms.complete()) memo.hits = hits.map((h) => ({ ...h }));
    return hits;
  }

  /** A keyword's id, a fetched passage's id, or the document number of a passage not fetched yet. */
  private idOf(doc: number): HitId {
    return doc < this.manifest.keywordCount ? this.keywordIds[doc]! : (this.passages.get(doc)?.id ?? doc);
  }

  /** A fetched passage by id (undefined for a document number: not fetched yet). */
  private passage(id: HitId): PassageEntry | undefined {
    const n = typeof id === 'string' ? this.passageNumber.get(id) : undefined;
    return n === undefined ? undefined : this.passages.get(n);
  }

  /** The text a Han run is looked for in; a passage not fetched yet is noted as a missing fragment. */
  private passageText(id: HitId): string | undefined {
    if (typeof id === 'number') {
      this.missingFragments.add(this.fragmentOf(id));
      return undefined;
    }
    return this.passage(id)?.text;
  }

  /** Notes the fragments of the leading `resolve` passages not fetched yet. */
  private noteUnresolved(results: SearchResult[], resolve: number): void {
    let passages = 0;
    for (const r of results) {
      if (r.kind !== 'passage' || passages++ >= resolve || r.pending === undefined) continue;
      this.missingFragments.add(this.fragmentOf(r.pending));
    }
  }

  private fragmentOf(doc: number): number {
    return Math.floor((doc - this.manifest.keywordCount) / this.manifest.passages.per);
  }

  /** Fetches part `i` of `kind`, checks its records (part-check.ts), gives it to `add`, then lists it as fetched. */
  private async fetchPart(kind: PartKind | 'lexicon', i: number, add: (value: Record<string, unknown>) => void): Promise<void> {
    const m = this.manifest;
    const name = kind === 'lexicon' ? m.lexicon!.files[i]! : partFile(m, kind, i, this.hash);
    const url = new URL(name, this.baseUrl).href;
    const value = await fetchPart(this.load, url, name, this.hash);
    checkPart(value, { url, kind, i, manifest: m, sources: this.sources.keys(), keywords: this.keywordIds });
    add(value);
    this.fetched.push(url);
  }

  /**
   * Fetches the lexicon partitions `query` needs (with `english`, those of its words too) and waits
   * for them (also for those another search is fetching); true when one was not asked for before.
   * A partition that cannot be used is left out with a `bj:` warning, once: the search then stays in
   * the query's own language, as a single-file index's does.
   */
  private async loadLexicon(query: string, english: boolean): Promise<boolean> {
    const lexicon = this.manifest.lexicon!;
    const needed = rangePartsNeeded(lexicon, this.catalogue.toSimplified(cutQuery(query)), english);
    const fresh = needed.filter((i) => !this.lexiconParts.has(i));
    if (fresh.length > 0) {
      const xlang = import('../xlang.js');
      for (const i of fresh) {
        const pending = xlang
          .then(({ useLexiconPart }) => this.fetchPart('lexicon', i, (value) => useLexiconPart(this.catalogue, value)))
          .catch((e: unknown) =>
            console.warn(`bj: searching without translations: ${e instanceof Error ? e.message.replace(/^bj:\s*/, '') : String(e)}`),
          );
        this.lexiconParts.set(i, pending);
      }
    }
    await Promise.all(needed.map((i) => this.lexiconParts.get(i)));
    return fresh.length > 0;
  }

  private loadFragment(i: number): Promise<void> {
    const have = this.fragments.get(i);
    if (have === true) return Promise.resolve();
    if (have) return have;
    const from = this.manifest.keywordCount + i * this.manifest.passages.per;
    const pending = this.fetchPart('passages', i, (value) => {
      fragmentEntries(value, from, this.sources).forEach((entry, k) => {
        this.passages.set(from + k, entry);
        this.passageNumber.set(entry.id, from + k);
      });
    }).then(() => {
      this.fragments.set(i, true);
    });
    this.fragments.set(i, pending);
    pending.catch(() => this.fragments.delete(i));
    return pending;
  }
}
