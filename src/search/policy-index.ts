/**
 * A searchable policy index: a {@link Catalogue} (keywords, passages, lookup by name) plus search,
 * in English and Chinese (simplified, traditional, pinyin), with typo tolerance and prefix search.
 * DOM-free; runs in browsers and Node. Build-only code (opencc-js, pinyin-pro) lives in `build.ts`
 * and is never imported from here.
 *
 * Index design (default corpus: 13 keywords, 100 passages; `gzip -9`; Node 20, script in the report):
 *   (a) entries + serialised MiniSearch (`toJSON`/`loadJS`): 246 KB raw, 59.7 KB gzip; load ≈ 65 ms.
 *   (b) entries only, indexed on load (`addAll`):            130 KB raw, 33.9 KB gzip; load ≈ 2 ms,
 *       plus ≈ 90 ms to index, paid once on the first `search()` (or in chunks by `fromJSONAsync`).
 * (a) breaks the 40 KB gzip budget (the bigram/stem postings alone are 25.8 KB gzip), so the index
 * ships (b): entries once, sources/documents by id, pinyin and the variant map precomputed at build.
 * `lookupTerm`, `termNames` and `passagesFor` never build the search index.
 *
 * The parts: `engine.ts` builds MiniSearch (`search-engine.ts`: what a search runs on, which a
 * sharded index replaces by its own; `lazy-engine.ts`: when, at once or in slices), `query.ts` plans a query, `rank.ts` orders the hits,
 * `named.ts` finds a keyword the query names, `highlight.ts` marks what matched, `suggest.ts` says
 * "did you mean".
 */
import type MiniSearch from 'minisearch';
import type { Query, SearchResult as MiniSearchResult } from 'minisearch';
import { Catalogue, cutQuery, entryLang, entryText, type IndexSizeInfo } from './catalogue.js';
import {
  BOOST,
  FUZZY_WEIGHT,
  PINYIN_FIELDS,
  PREFIX_WEIGHT,
  TEXT_FIELDS,
  hanPrefixWeight,
  markHan,
  newEngine,
  searchCorpus,
  unmark,
  type SearchCorpus,
  type SearchDoc,
} from './engine.js';
import { Highlighter } from './highlight.js';
import { LazyEngine } from './lazy-engine.js';
import { Lexicon } from './lexicon.js';
import { QueryNames } from './named.js';
import { STRONG_COVERAGE, planQuery, type QueryPlan } from './query.js';
import type { QueryTranslator } from './query.js';
import { rank } from './rank.js';
import { miniSearchEngine, type HitId, type SearchEngine, type SearchableFields } from './search-engine.js';
import { suggestionNames, suggestNames, type SuggestName } from './suggest.js';
import type { ContentLang, Entry, PassageEntry, SearchOptions, SearchResult, TermEntry } from './types.js';
import { Vocabulary } from './vocabulary.js';
import type { TermName } from './names.js';

/** Default number of results of {@link PolicyIndex.search}. */
export const DEFAULT_LIMIT = 20;

/**
 * A loaded policy index: keywords and passages, searchable in English and Chinese (simplified,
 * traditional, pinyin), with typo tolerance and prefix search.
 *
 * ```ts
 * const index = PolicyIndex.fromJSON(await (await fetch('/bj-index.json')).text());
 * index.search('监管沙盒')[0].entry; // the "Regulatory sandbox" keyword
 * ```
 */
export class PolicyIndex {
  /** The keywords and passages (what a popover or an annotation reads), shared, never copied. */
  readonly catalogue: Catalogue;
  /** Content hash of the index (changes whenever its content does). */
  readonly hash: string;
  /** Counts describing the loaded index. */
  readonly sizeInfo: IndexSizeInfo;

  /** The catalogue's entries by id (the same map, not a copy). */
  private readonly entries: Map<string, Entry>;
  private readonly corpus: SearchCorpus;
  /** What MiniSearch indexes, by id. */
  private readonly docById: Map<string, SearchDoc>;
  /** The query lexicon shipped in the index (Chinese → English names, editors' synonyms). */
  private readonly lexicon: Lexicon;
  private readonly names: QueryNames;
  private readonly highlighter: Highlighter;
  /** The dictionary lexicon (`xlang.ts`, a lazy part), once `useLexicon` gave it a part. */
  private xlang?: QueryTranslator & { readonly parts: ReadonlySet<number> };
  /** The MiniSearch index, built on first search or by `prepareSearch` (see the design note at the top). */
  private readonly lazy: LazyEngine;
  /** Document frequencies of each engine's text terms, filled while it indexes. */
  private readonly vocabOf = new WeakMap<MiniSearch<SearchDoc>, Vocabulary>();
  /** The keyword names prepared for `suggest`, on its first call. */
  private suggestable?: SuggestName[];

  /** A subclass may answer searches from another engine (see {@link searchEngine}). */
  protected constructor(catalogue: Catalogue) {
    this.catalogue = catalogue;
    this.hash = catalogue.hash;
    this.sizeInfo = catalogue.sizeInfo;
    this.entries = catalogue.entryMap;
    this.lexicon = new Lexicon(catalogue.built.lexicon, catalogue.variants);
    this.corpus = searchCorpus(catalogue);
    this.docById = this.corpus.docById;
    this.names = new QueryNames(catalogue, this.corpus.byPinyin);
    this.highlighter = new Highlighter(catalogue, this.corpus.linkTokens);
    this.lazy = new LazyEngine(this.corpus.docs, () => this.newEngine());
  }

  /**
   * Loads a built index: the JSON text of `bj-index.json` or its parsed value. Throws a `BjError`:
   * `json` (text is not JSON), `format` (not a bj-index, or a file layout this library cannot read),
   * `schema-version` (built from another data schema), `library-version` (built by an incompatible
   * library version). Each message says how to fix it (usually: rebuild with `npx bj-index build`).
   */
  static fromJSON(json: unknown): PolicyIndex {
    return new PolicyIndex(Catalogue.fromJSON(json));
  }

  /**
   * Like {@link fromJSON}, and also builds the search index now, in slices of about 8 ms that yield
   * to the event loop, so the first `search` is fast and the page stays responsive.
   */
  static async fromJSONAsync(json: unknown): Promise<PolicyIndex> {
    const index = PolicyIndex.fromJSON(json);
    await index.prepareSearch();
    return index;
  }

  /**
   * Adds search to a catalogue already loaded (a page that opened a popover first and searches
   * later): the index is neither fetched nor checked again, and records are shared.
   */
  static fromCatalogue(catalogue: Catalogue): PolicyIndex {
    return new PolicyIndex(catalogue);
  }

  /**
   * Builds the search index now, in chunks that yield to the event loop, unless it is built already.
   * Call it when a search is about to happen (e.g. the search box gains focus) so the first
   * keystroke does not pay for indexing. Safe to call many times.
   */
  prepareSearch(): Promise<void> {
    return this.lazy.prepare();
  }

  /** Builds the search index now, in one synchronous step (a worker, where nothing waits for the thread). */
  buildSearch(): void {
    void this.lazy.engine;
  }

  /** An empty engine (see `engine.ts`), its vocabulary remembered for query planning. */
  protected newEngine(): MiniSearch<SearchDoc> {
    const { mini, vocab } = newEngine(this.catalogue.variants);
    this.vocabOf.set(mini, vocab);
    return mini;
  }

  /**
   * Searches keywords and passages. Accepts any string: English (stems, typos, prefixes), Chinese
   * (any 2+ character substring; simplified or traditional), pinyin (full, joined, initials) and
   * mixtures. Queries longer than {@link MAX_QUERY_LENGTH} are cut; a query with no letters, digits
   * or Han characters returns `[]`. A keyword whose name (any language, script or pinyin) is the
   * whole query comes first. Never throws.
   */
  search(query: string, opts: SearchOptions = {}): SearchResult[] {
    if (typeof query !== 'string') return [];
    const q = cutQuery(query);
    const engine = this.searchEngine();
    const plan = planQuery(q, {
      variants: this.catalogue.variants,
      vocab: engine.vocabulary,
      lexicon: this.lexicon,
      xlang: this.xlang,
      inPinyin: (w) => this.inPinyin(w),
      names: this.names.zh,
      mark: markHan,
      textFields: TEXT_FIELDS,
      pinyinFields: PINYIN_FIELDS,
      weights: { prefix: PREFIX_WEIGHT, fuzzy: FUZZY_WEIGHT },
      hanPrefixWeight,
    });
    if (!plan) return [];
    const kind = opts.kind ?? 'all';
    const limit = Math.max(0, Math.floor(opts.limit ?? DEFAULT_LIMIT));
    const wanted = kind === 'all' ? undefined : (id: HitId) => this.kindOf(id) === kind;
    let raw: MiniSearchResult[];
    try {
      const tree: Query = {
        queries: plan.queries,
        combineWith: 'OR',
        tokenize: (s: string) => [s],
        processTerm: (t: string) => t,
        boost: BOOST,
      };
      raw = engine.search(tree, wanted);
    } catch {
      return [];
    }
    const ranked = rank(raw, plan, (id, run) => this.holdsRun(id as HitId, run));
    const named = kind !== 'passage' ? this.names.namedTerm(q, plan) : undefined;
    if (named) {
      const at = ranked.findIndex((r) => r.hit.id === named.id);
      const top = ranked[0]?.hit.score ?? 1;
      if (at !== 0) {
        const item =
          at > 0
            ? ranked.splice(at, 1)[0]!
            : { hit: { id: named.id, score: 0, terms: [], queryTerms: [], match: {} } as MiniSearchResult, coverage: 1 };
        item.hit.score = Math.max(item.hit.score, top) * 1.01;
        ranked.unshift(item);
      }
      ranked[0]!.coverage = 1;
    }
    const lang: ContentLang = opts.lang ?? (plan.parts.han.length > 0 || this.isPinyin(plan.parts.words) ? 'zh' : 'en');
    return ranked.slice(0, limit).map(({ hit, coverage: c }) => this.toResult(hit, plan, lang, hit.id === named?.id, c));
  }

  /** The parts of the dictionary lexicon given so far (`useLexicon` in xlang.ts). */
  lexiconParts(): ReadonlySet<number> {
    return this.xlang?.parts ?? new Set();
  }

  /** @internal The dictionary lexicon queries are translated with, set by `useLexicon` (xlang.ts). */
  translateWith(lexicon: QueryTranslator & { readonly parts: ReadonlySet<number> }): void {
    this.xlang = lexicon;
  }

  /**
   * Up to `limit` keyword names (titles and aliases, either language) that look like `query`, best
   * first: for "did you mean" after a search with no results.
   */
  suggest(query: string, limit = 5): string[] {
    if (typeof query !== 'string') return [];
    this.suggestable ??= suggestionNames(this.catalogue.termNames(), this.catalogue.variants);
    return suggestNames(this.suggestable, query, limit, this.catalogue.variants);
  }

  /** See {@link Catalogue.lookupTerm}. */
  lookupTerm(text: string): TermEntry | undefined {
    return this.catalogue.lookupTerm(text);
  }

  /** See {@link Catalogue.viaAlias}. */
  viaAlias(text: string): boolean {
    return this.catalogue.viaAlias(text);
  }

  /** The keyword with this id. */
  term(id: string): TermEntry | undefined {
    return this.catalogue.term(id);
  }

  /** The passage with this id. */
  passage(id: string): PassageEntry | undefined {
    return this.catalogue.passage(id);
  }

  /** All keywords, in corpus order. */
  terms(): TermEntry[] {
    return this.catalogue.terms();
  }

  /** The passages that use a keyword's names, in corpus order (`[]` for an unknown id). */
  passagesFor(termId: string): PassageEntry[] {
    return this.catalogue.passagesFor(termId);
  }

  /** How many passages use a keyword's names (all of them; see `Catalogue.relatedCount`). */
  relatedCount(termId: string): number {
    return this.catalogue.relatedCount(termId);
  }

  /** Every published keyword title and alias with its language, for annotating text. */
  termNames(): TermName[] {
    return this.catalogue.termNames();
  }

  /** Maps traditional characters of the corpus to simplified, char by char (same length). */
  toSimplified(text: string): string {
    return this.catalogue.toSimplified(text);
  }

  /** The engine searches run on: MiniSearch over every entry, built on first use. */
  protected searchEngine(): SearchEngine {
    const mini = this.lazy.engine;
    return (this.miniEngine ??= miniSearchEngine(mini, this.vocabOf.get(mini) ?? new Vocabulary()));
  }
  private miniEngine?: SearchEngine;

  /** The entry a hit stands for. */
  protected entryOf(id: HitId): Entry | undefined {
    return typeof id === 'string' ? this.entries.get(id) : undefined;
  }

  /** Whether a hit is a keyword or a passage. */
  protected kindOf(id: HitId): Entry['kind'] | undefined {
    return this.entryOf(id)?.kind;
  }

  /** The searched text fields of a hit's entry (undefined when not at hand). */
  protected searchableFields(id: HitId): SearchableFields | undefined {
    return typeof id === 'string' ? this.docById.get(id) : undefined;
  }

  /** Whether a hit's indexed text holds the (simplified) Han run `run` unbroken (see `rank.ts`). */
  protected holdsRun(id: HitId, run: string): boolean {
    return this.searchableText(id).includes(run);
  }

  /** An entry's indexed text fields, simplified, for contiguity checks (cached per stored string). */
  private searchableText(id: HitId): string {
    const doc = this.searchableFields(id);
    return doc ? this.highlighter.simplifiedOf(`${doc.title}\n${doc.aliases}\n${doc.text}`) : '';
  }

  /** True when `word` occurs in some keyword's joined pinyin or initials. */
  private inPinyin(word: string): boolean {
    return this.corpus.pinyinKeys.some((k) => k.includes(word));
  }

  /** True when every word of a Han-free query occurs in keywords' pinyin (`jianguan shahe`, `jgsh`). */
  private isPinyin(words: string[]): boolean {
    return words.length > 0 && words.every((w) => this.inPinyin(w.replace(/[1-5]/g, '')));
  }

  private toResult(r: MiniSearchResult, plan: QueryPlan, preferred: ContentLang, named: boolean, cover: number): SearchResult {
    const entry = this.entryOf(r.id as HitId)!;
    const lang = entryLang(entry, preferred);
    const text = entryText(entry, lang);
    const title = entry.kind === 'term' ? entry.title : entry.document.title;
    const graded = this.xlang?.grade(plan.slots, new Set(r.queryTerms), cover) ?? { strong: cover >= STRONG_COVERAGE, translated: false };
    return {
      kind: entry.kind,
      id: entry.id,
      title,
      text,
      lang,
      score: r.score,
      strength: named || graded.strong ? 'strong' : 'weak',
      ...(!named && graded.translated ? { via: 'translation' as const } : {}),
      coverage: Math.round(cover * 1000) / 1000,
      terms: [...new Set(r.terms.map(unmark))],
      matches: this.highlighter.ranges(r, entry, title, text, plan, named),
      entry,
    };
  }
}
