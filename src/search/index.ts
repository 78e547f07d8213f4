/**
 * The search core's public API: load a built index (`PolicyIndex.fromJSON`) and search it.
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
 * Queries: p50 ≈ 0.6 ms on the 83 relevance queries (plain MiniSearch: ≈ 0.26 ms).
 * Bench query mix (bench/lib/queries.mjs), Chromium: p50 0.10 ms, p95 0.5 ms (plain MiniSearch with
 * fuzzy + prefix: 0.07 / 0.4 ms), after marking Han terms (HAN_MARK) and caching highlight work.
 */
import MiniSearch, { type Query, type SearchResult as MiniSearchResult } from 'minisearch';
import {
  DATA_SCHEMA_VERSION,
  INDEX_FORMAT,
  INDEX_FORMAT_VERSION,
  LIBRARY_NAME,
  LIBRARY_VERSION,
  type BuiltIndex,
  type StoredDocument,
  type StoredTerm,
} from './format.js';
import { Lexicon } from './lexicon.js';
import { STRONG_COVERAGE, Vocabulary, coverage, planQuery, type QueryPlan } from './query.js';
import {
  editDistance,
  findName,
  hanBigrams,
  hasHan,
  nameKey,
  nameVariants,
  toSimplified as simplify,
  tokenizeWithOffsets,
  type Token,
  type VariantMap,
} from './text.js';
import {
  BjError,
  type ContentLang,
  type Entry,
  type MatchRange,
  type PassageEntry,
  type SearchOptions,
  type SearchResult,
  type SourceInfo,
  type TermEntry,
} from './types.js';
import { describeProblem, findIndexProblem } from './validate.js';

export * from './types.js';
export * from './format.js';
export { snippet, highlight, type Segment } from './snippet.js';
export { tokenize, tokenizeWithOffsets, queryParts, nameKey, findName, type Token, type VariantMap } from './text.js';
export { QUERY_STOP_WORDS, ZH_QUESTION_PATTERNS, STRONG_COVERAGE } from './query.js';

/**
 * Longest query searched, in UTF-16 code units; longer queries are cut (never inside a surrogate
 * pair). Keeps the cost of a pasted paragraph bounded.
 */
export const MAX_QUERY_LENGTH = 256;

/** Queries longer than this are cut before looking for suggestions (edit distance is quadratic). */
const SUGGEST_QUERY_LENGTH = 64;
/** How alike (1 − edit distance / length) a name must be to be suggested. */
const SUGGEST_MIN_SIMILARITY = 0.6;

/** Default number of results of {@link PolicyIndex.search}. */
export const DEFAULT_LIMIT = 20;

/**
 * The text a result shows and highlights: a passage's text, or a keyword's definition paragraphs in
 * `lang` joined with a blank line (`'\n\n'`); `''` when the keyword has no definition in `lang`.
 */
export function entryText(entry: Entry, lang: ContentLang): string {
  if (entry.kind === 'passage') return entry.text;
  return (entry.definition[lang] ?? []).join('\n\n');
}

/** The language `entryText` should use for `entry`: `preferred` if the entry has it, else the other. */
export function entryLang(entry: Entry, preferred: ContentLang): ContentLang {
  if (entry.kind === 'passage') return entry.lang;
  if (entry.definition[preferred]?.length) return preferred;
  return preferred === 'en' ? 'zh' : 'en';
}

/** Figures about a loaded index. */
export interface IndexSizeInfo {
  terms: number;
  passages: number;
  documents: number;
  /** Length of the JSON text, when loaded from a string. */
  jsonLength?: number;
}

/** The document MiniSearch indexes for each entry. */
interface SearchDoc {
  id: string;
  title: string;
  aliases: string;
  pinyin: string;
  pinyinSyl: string;
  text: string;
  context: string;
  linked: string;
  linkedPinyin: string;
}

const TEXT_FIELDS = ['title', 'aliases', 'text', 'context', 'linked'];
const PINYIN_FIELDS = ['pinyin', 'pinyinSyl', 'linkedPinyin'];
const LINK_FIELDS = new Set(['linked', 'linkedPinyin']);
/** Field weights: names above definitions, a passage's own words above its links and headings. */
const BOOST: Record<string, number> = {
  title: 6,
  aliases: 4,
  pinyin: 5,
  pinyinSyl: 2,
  text: 1,
  context: 0.5,
  linked: 0.6,
  linkedPinyin: 0.5,
};

/**
 * Han terms (bigrams and single characters) are indexed under this prefix, which no query word can
 * start with. MiniSearch's fuzzy search walks every branch of its term tree that could still be
 * within the edit distance: without the prefix it visited every Han bigram for each fuzzy English
 * word (about half of all query time); with it, the Han branch is cut after three characters.
 * Results are unchanged: a fuzzy word (4+ letters, distance ≤ 2) is never that close to a 1–2
 * character Han term. Reported `terms` are given back without it.
 */
const HAN_MARK = '\u0001\u0001\u0001';
const markHan = (term: string): string => HAN_MARK + term;
const unmark = (term: string): string => (term.startsWith(HAN_MARK) ? term.slice(HAN_MARK.length) : term);
/** How many of the best results are checked for a Han run found unbroken, and the bonus per run. */
const CONTIGUOUS_CHECKED = 40;
const CONTIGUOUS_BONUS = 0.5;

/** True when the words of `name` occur in `key` as whole words, in order (both `nameKey`s). */
function containsWords(key: string, name: string): boolean {
  const at = ` ${key} `.indexOf(` ${name} `);
  return at >= 0;
}

/** MiniSearch 7's default `weights.prefix`. */
const PREFIX_WEIGHT = 0.375;
/** MiniSearch 7's default `weights.fuzzy` (the `weights` option wants both). */
const FUZZY_WEIGHT = 0.45;
/**
 * The prefix weight that scores a one-character Han query's bigram matches exactly as without
 * {@link HAN_MARK}: MiniSearch weighs a prefix match by the matched term's length L and the extra
 * characters d as L / (L + 0.3·d), and the mark adds to L (exact when the bigram's second
 * character is in the BMP, as all but the rarest CJK characters are).
 */
function hanPrefixWeight(char: string): number {
  const plain = char.length + 1;
  const marked = plain + HAN_MARK.length;
  return (PREFIX_WEIGHT * (plain / (plain + 0.3))) / (marked / (marked + 0.3));
}

function cutQuery(query: string): string {
  if (query.length <= MAX_QUERY_LENGTH) return query;
  let cut = query.slice(0, MAX_QUERY_LENGTH);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

function compatibleVersion(indexVersion: string, ours: string): boolean {
  const a = /^(\d+)\.(\d+)\./.exec(indexVersion);
  const b = /^(\d+)\.(\d+)\./.exec(ours);
  if (!a || !b) return false;
  return a[1] === b[1] && (a[1] !== '0' || a[2] === b[2]);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeRanges(field: MatchRange['field'], ranges: Array<[number, number]>): MatchRange[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: MatchRange[] = [];
  for (const [start, end] of ranges) {
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ field, start, end });
  }
  return out;
}

function occurrences(hay: string, needle: string, into: Array<[number, number]>): void {
  if (!needle) return;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) into.push([at, at + needle.length]);
}

/** 1 for equal strings, falling with the edit distance relative to the longer one. */
function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : 1 - editDistance(a, b) / longest;
}

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
  /** Content hash of the index (changes whenever its content does). */
  readonly hash: string;
  /** Counts describing the loaded index. */
  readonly sizeInfo?: IndexSizeInfo;

  private readonly variants: VariantMap;
  private readonly termList: TermEntry[];
  private readonly entries = new Map<string, Entry>();
  private readonly byName = new Map<string, TermEntry>();
  private readonly byPinyin = new Map<string, TermEntry>();
  private readonly pinyinKeys: string[] = [];
  private readonly names: Array<{ termId: string; name: string; lang: ContentLang }> = [];
  /** Per keyword, the tokens its names contribute to a passage's `linked`/`linkedPinyin` fields. */
  private readonly linkTokens = new Map<string, Set<string>>();
  /** What MiniSearch indexes; the inverted index itself is built on first search (see `engine`). */
  private readonly docs: SearchDoc[] = [];
  private readonly docById = new Map<string, SearchDoc>();
  private searchIndex?: MiniSearch<SearchDoc>;
  private preparing?: Promise<void>;
  /** Document frequencies of each engine's text terms, filled while it indexes. */
  private readonly vocabOf = new WeakMap<MiniSearch<SearchDoc>, Vocabulary>();
  /** The query lexicon shipped in the index (Chinese → English names, editors' synonyms). */
  private readonly lexicon: Lexicon;
  /** Chinese keyword names (simplified), kept whole when question words are stripped. */
  private readonly zhNames: string[] = [];
  /** Name keys (see `nameKey`) of every keyword name form, longest first, for names inside a query. */
  private readonly nameKeys: Array<{ key: string; term: TermEntry; han: boolean }> = [];
  /** Stored strings (titles, texts) → their word tokens, for highlighting; bounded by the corpus. */
  private readonly tokenCache = new Map<string, Token[]>();
  /** Stored strings → their simplified form (same length), for highlighting Han; bounded by the corpus. */
  private readonly simplifiedCache = new Map<string, string>();
  /** `passageId\ntermId` → where the keyword's names occur in the passage text; bounded by the corpus. */
  private readonly linkRangeCache = new Map<string, Array<[number, number]>>();

  private constructor(data: BuiltIndex, jsonLength?: number) {
    this.hash = data.hash;
    this.variants = data.variants;
    this.lexicon = new Lexicon(data.lexicon, data.variants);
    const sources = new Map<string, SourceInfo>(data.sources.map((s) => [s.id, s]));
    const documents = new Map<string, StoredDocument>(data.documents.map((d) => [d.id, d]));
    const stored = new Map<string, StoredTerm>();
    const source = (id: string): SourceInfo => sources.get(id) ?? { id, title: {}, languages: [] };

    this.termList = [];
    const passages: PassageEntry[] = [];
    for (const e of data.entries) {
      if (e.kind === 'term') {
        stored.set(e.id, e);
        const { pinyin: _pinyin, source: src, ...rest } = e;
        const term: TermEntry = { ...rest, source: source(src), passages: [] };
        this.termList.push(term);
        this.entries.set(term.id, term);
      } else {
        const doc = documents.get(e.document) ?? { id: e.document, title: {}, lang: 'en' as const, source: '' };
        const passage: PassageEntry = {
          kind: 'passage',
          id: e.id,
          document: { id: doc.id, title: doc.title },
          headings: e.headings,
          text: e.text,
          lang: doc.lang,
          source: source(doc.source),
          terms: e.terms,
        };
        if (doc.url !== undefined) passage.url = e.anchor ? `${doc.url}#${encodeURIComponent(e.anchor)}` : doc.url;
        passages.push(passage);
        this.entries.set(passage.id, passage);
      }
    }
    for (const p of passages) {
      for (const id of p.terms) {
        const t = this.entries.get(id);
        if (t?.kind === 'term') t.passages.push(p.id);
      }
    }

    const termDocs = new Map<string, { names: string; pinyinKeys: string; syllables: string }>();
    for (const t of this.termList) {
      const pinyin = stored.get(t.id)?.pinyin ?? { keys: [], syllables: [] };
      const published: Array<[string, ContentLang]> = [
        ...(t.title.en ? [[t.title.en, 'en'] as [string, ContentLang]] : []),
        ...(t.title.zh ? [[t.title.zh, 'zh'] as [string, ContentLang]] : []),
        ...t.aliases.en.map((n) => [n, 'en'] as [string, ContentLang]),
        ...t.aliases.zh.map((n) => [n, 'zh'] as [string, ContentLang]),
      ];
      for (const [name, lang] of published) {
        this.names.push({ termId: t.id, name, lang });
        for (const form of nameVariants(name)) {
          const key = nameKey(form, this.variants);
          if (key && !this.byName.has(key)) this.byName.set(key, t);
          if (key.length >= 2) this.nameKeys.push({ key, term: t, han: hasHan(key) });
          if (lang === 'zh') this.zhNames.push(simplify(form, this.variants));
        }
      }
      const idKey = nameKey(t.id);
      if (!this.byName.has(idKey)) this.byName.set(idKey, t);
      for (const key of pinyin.keys) {
        if (this.byPinyin.has(key)) continue;
        this.byPinyin.set(key, t);
        this.pinyinKeys.push(key);
      }
      const names = published.map(([n]) => n).join('\n');
      // Any syllable-aligned inner part of a name's pinyin is found by prefix (`shahe`, `guanjianxiaoshi`).
      const inner = pinyin.syllables.flatMap((spaced) => {
        const syl = spaced.split(' ');
        return syl.slice(1, -1).map((_, i) => syl.slice(i + 1).join(''));
      });
      const keys = [...new Set([...pinyin.keys, ...inner])].join(' ');
      const doc = { names, pinyinKeys: keys, syllables: pinyin.syllables.join(' ') };
      termDocs.set(t.id, doc);
      this.linkTokens.set(t.id, new Set([...this.indexTerms(names), ...doc.pinyinKeys.split(' '), ...doc.syllables.split(' ')]));
    }

    const docs = this.docs;
    for (const t of this.termList) {
      const d = termDocs.get(t.id)!;
      docs.push({
        id: t.id,
        title: [t.title.en, t.title.zh].filter(Boolean).join('\n'),
        aliases: [...t.aliases.en, ...t.aliases.zh].join('\n'),
        pinyin: d.pinyinKeys,
        pinyinSyl: d.syllables,
        text: [entryText(t, 'en'), entryText(t, 'zh')].join('\n\n'),
        context: '',
        linked: '',
        linkedPinyin: '',
      });
    }
    for (const p of passages) {
      const linked = p.terms.map((id) => termDocs.get(id)).filter((d) => d !== undefined);
      docs.push({
        id: p.id,
        title: '',
        aliases: '',
        pinyin: '',
        pinyinSyl: '',
        text: p.text,
        context: [p.document.title.en, p.document.title.zh, ...p.headings].filter(Boolean).join('\n'),
        linked: linked.map((d) => d.names).join('\n'),
        linkedPinyin: linked.map((d) => `${d.pinyinKeys} ${d.syllables}`).join(' '),
      });
    }
    this.nameKeys.sort((a, b) => b.key.length - a.key.length);
    for (const d of docs) this.docById.set(d.id, d);
    this.sizeInfo = {
      terms: this.termList.length,
      passages: passages.length,
      documents: documents.size,
      ...(jsonLength !== undefined ? { jsonLength } : {}),
    };
  }

  /**
   * Loads a built index: the JSON text of `bj-index.json` or its parsed value. Throws a `BjError`:
   * `json` (text is not JSON), `format` (not a bj-index, or a file layout this library cannot read),
   * `schema-version` (built from another data schema), `library-version` (built by an incompatible
   * library version). Each message says how to fix it (usually: rebuild with `npx bj-index build`).
   */
  static fromJSON(json: unknown): PolicyIndex {
    const { data, length } = PolicyIndex.check(json);
    return new PolicyIndex(data, length);
  }

  /**
   * Like {@link fromJSON}, and also builds the search index now, in chunks that yield to the event
   * loop (MiniSearch `addAllAsync`), so the first `search` is fast and the page stays responsive.
   */
  static async fromJSONAsync(json: unknown): Promise<PolicyIndex> {
    const { data, length } = PolicyIndex.check(json);
    const index = new PolicyIndex(data, length);
    const engine = index.newEngine();
    await engine.addAllAsync(index.docs, { chunkSize: 25 });
    index.searchIndex ??= engine;
    return index;
  }

  /**
   * Builds the search index now, in chunks that yield to the event loop, unless it is built already.
   * Call it when a search is about to happen (e.g. the search box gains focus) so the first
   * keystroke does not pay for indexing. Safe to call many times.
   */
  prepareSearch(): Promise<void> {
    if (this.searchIndex) return Promise.resolve();
    this.preparing ??= (async () => {
      const engine = this.newEngine();
      await engine.addAllAsync(this.docs, { chunkSize: 25 });
      this.searchIndex ??= engine;
    })();
    return this.preparing;
  }

  private newEngine(): MiniSearch<SearchDoc> {
    const vocab = new Vocabulary();
    const engine = new MiniSearch<SearchDoc>({
      fields: [...TEXT_FIELDS, ...PINYIN_FIELDS],
      storeFields: [],
      // MiniSearch reads a document's fields in `fields` order: the first one starts a document.
      extractField: (doc, field) => {
        if (field === TEXT_FIELDS[0]) vocab.nextDocument();
        return doc[field as keyof SearchDoc];
      },
      tokenize: (text, field) => {
        if (field && PINYIN_FIELDS.includes(field)) return text.split(' ').filter(Boolean);
        const tokens = tokenizeWithOffsets(text, this.variants);
        const terms = tokens.map((t) => (t.kind === 'han' ? markHan(t.term) : t.term));
        if (field) {
          for (const t of terms) vocab.add(t);
          for (const t of tokens) if (t.kind === 'word') vocab.addForm(text.slice(t.start, t.end), t.term);
        }
        return terms;
      },
      processTerm: (term) => term,
    });
    this.vocabOf.set(engine, vocab);
    return engine;
  }

  /** The terms MiniSearch indexes for a text field: {@link tokenize}'s, Han ones under {@link HAN_MARK}. */
  private indexTerms(text: string): string[] {
    return tokenizeWithOffsets(text, this.variants).map((t) => (t.kind === 'han' ? markHan(t.term) : t.term));
  }

  /**
   * The MiniSearch index, built from the entries on first use: keyword lookups and annotation never
   * pay for it, and the index file need not ship it (see the design note at the top).
   */
  private get engine(): MiniSearch<SearchDoc> {
    if (!this.searchIndex) {
      const engine = this.newEngine();
      engine.addAll(this.docs);
      this.searchIndex = engine;
    }
    return this.searchIndex;
  }

  private static check(json: unknown): { data: BuiltIndex; length?: number } {
    let value = json;
    let length: number | undefined;
    if (typeof json === 'string') {
      length = json.length;
      try {
        value = JSON.parse(json);
      } catch (cause) {
        throw new BjError('json', `bj: the index is not valid JSON (${String(cause)}); rebuild it with \`npx bj-index build\`.`, { cause });
      }
    }
    const rebuild = 'rebuild it with `npx bj-index build` and publish the new bj-index.json';
    if (!isRecord(value) || value.format !== INDEX_FORMAT) {
      throw new BjError(
        'format',
        `bj: this file is not a bj-policy-widgets index (no "format": "${INDEX_FORMAT}"); point the widgets at the bj-index.json that \`npx bj-index build\` writes.`,
      );
    }
    if (value.formatVersion !== INDEX_FORMAT_VERSION) {
      throw new BjError(
        'format',
        `bj: the index has format version ${String(value.formatVersion)}, this library reads version ${INDEX_FORMAT_VERSION}; ${rebuild}.`,
      );
    }
    if (value.schemaVersion !== DATA_SCHEMA_VERSION) {
      throw new BjError(
        'schema-version',
        `bj: the index was built from data schema version ${String(value.schemaVersion)}, this library reads version ${DATA_SCHEMA_VERSION}; ${rebuild}.`,
      );
    }
    const library = value.library;
    const version = isRecord(library) && typeof library.version === 'string' ? library.version : undefined;
    if (!isRecord(library) || library.name !== LIBRARY_NAME || !version || !compatibleVersion(version, LIBRARY_VERSION)) {
      throw new BjError(
        'library-version',
        `bj: the index was built by ${isRecord(library) ? `${String(library.name)} ${String(library.version)}` : 'an unknown library'}, which ${LIBRARY_NAME} ${LIBRARY_VERSION} cannot read; ${rebuild}.`,
      );
    }
    if (
      typeof value.hash !== 'string' ||
      !Array.isArray(value.sources) ||
      !Array.isArray(value.documents) ||
      !Array.isArray(value.entries) ||
      !isRecord(value.variants)
    ) {
      throw new BjError('format', `bj: the index is incomplete (hash, sources, documents, entries or variants missing); ${rebuild}.`);
    }
    const problem = findIndexProblem(value);
    if (problem) throw new BjError('format', `bj: the index has a malformed record at ${describeProblem(problem)}; ${rebuild}.`);
    return { data: value as unknown as BuiltIndex, ...(length !== undefined ? { length } : {}) };
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
    const engine = this.engine;
    const plan = planQuery(q, {
      variants: this.variants,
      vocab: this.vocabOf.get(engine) ?? new Vocabulary(),
      lexicon: this.lexicon,
      inPinyin: (w) => this.inPinyin(w),
      names: this.zhNames,
      mark: markHan,
      textFields: TEXT_FIELDS,
      pinyinFields: PINYIN_FIELDS,
      weights: { prefix: PREFIX_WEIGHT, fuzzy: FUZZY_WEIGHT },
      hanPrefixWeight,
    });
    if (!plan) return [];
    const kind = opts.kind ?? 'all';
    const limit = Math.max(0, Math.floor(opts.limit ?? DEFAULT_LIMIT));
    const wanted = (id: string) => kind === 'all' || this.entries.get(id)?.kind === kind;
    let raw: MiniSearchResult[];
    try {
      const tree: Query = {
        queries: plan.queries,
        combineWith: 'OR',
        tokenize: (s: string) => [s],
        processTerm: (t: string) => t,
        boost: BOOST,
      };
      raw = engine.search(tree, kind === 'all' ? {} : { filter: (r) => wanted(r.id as string) });
    } catch {
      return [];
    }
    const ranked = this.rank(raw, plan);
    const named = kind !== 'passage' ? this.namedTerm(q, plan) : undefined;
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

  /**
   * Orders MiniSearch's hits by their score graded by coverage (see `query.ts`): MiniSearch's own
   * count of matched query terms is taken out (expansions would inflate it) and replaced by the
   * squared coverage, so documents matching more of the query's words and bigrams come first. A
   * Han run of three or more characters found unbroken in a document's text earns a bonus.
   */
  private rank(raw: MiniSearchResult[], plan: QueryPlan): Array<{ hit: MiniSearchResult; coverage: number }> {
    const out = raw.map((hit) => {
      const c = coverage(plan.slots, new Set(hit.queryTerms));
      hit.score = (hit.score / Math.max(1, hit.queryTerms.length)) * c * c;
      return { hit, coverage: c };
    });
    out.sort((a, b) => b.hit.score - a.hit.score);
    const runs = plan.runs.filter((r) => [...r].length >= 3);
    if (runs.length > 0) {
      for (const item of out.slice(0, CONTIGUOUS_CHECKED)) {
        const text = this.searchableText(item.hit.id as string);
        const whole = runs.filter((r) => text.includes(r)).length;
        if (whole > 0) item.hit.score *= 1 + CONTIGUOUS_BONUS * whole;
      }
      out.sort((a, b) => b.hit.score - a.hit.score);
    }
    return out;
  }

  /** An entry's indexed text fields, simplified, for contiguity checks (cached per stored string). */
  private searchableText(id: string): string {
    const doc = this.docById.get(id);
    return doc ? this.simplifiedOf(`${doc.title}\n${doc.aliases}\n${doc.text}`) : '';
  }

  /**
   * Up to `limit` keyword names (titles and aliases, either language) that look like `query`, best
   * first: for "did you mean" after a search with no results.
   */
  suggest(query: string, limit = 5): string[] {
    if (typeof query !== 'string') return [];
    const q = nameKey(query.slice(0, SUGGEST_QUERY_LENGTH), this.variants);
    if (!/[\p{L}\p{N}]/u.test(q)) return [];
    const qWords = q.split(' ').length;
    const scored = new Map<string, number>();
    for (const { name } of this.names) {
      const key = nameKey(name, this.variants);
      const words = key.split(' ');
      // The whole name, or as many of its words as the query has (`sandbx` ~ `sandbox`).
      let best = similarity(q, key);
      for (let i = 0; i + qWords <= words.length; i++) {
        best = Math.max(best, 0.95 * similarity(q, words.slice(i, i + qWords).join(' ')));
      }
      if (best >= SUGGEST_MIN_SIMILARITY && best > (scored.get(name) ?? 0)) scored.set(name, best);
    }
    return [...scored.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, Math.max(0, limit))
      .map(([name]) => name);
  }

  /**
   * Finds a keyword by id, English or Chinese title or alias: simplified or traditional, any letter
   * case, ignoring quotes, hyphens and extra whitespace (`監管沙盒`, `REGULATORY SANDBOX`,
   * `regulatory-sandbox`, `Sandbox Supervision`).
   */
  lookupTerm(text: string): TermEntry | undefined {
    if (typeof text !== 'string') return undefined;
    return this.byName.get(nameKey(cutQuery(text), this.variants));
  }

  /**
   * Whether `text` finds its keyword only through an alias (`12345 citizen service hotline` →
   * "One issue per month"), not through the keyword's id or one of its titles.
   */
  viaAlias(text: string): boolean {
    const term = this.lookupTerm(text);
    if (!term) return false;
    const key = nameKey(cutQuery(text), this.variants);
    if (key === nameKey(term.id)) return false;
    const titles = [term.title.en, term.title.zh].filter((t): t is string => Boolean(t));
    return !titles.some((t) => nameVariants(t).some((form) => nameKey(form, this.variants) === key));
  }

  /** The keyword with this id. */
  term(id: string): TermEntry | undefined {
    const e = this.entries.get(id);
    return e?.kind === 'term' ? e : undefined;
  }

  /** The passage with this id. */
  passage(id: string): PassageEntry | undefined {
    const e = this.entries.get(id);
    return e?.kind === 'passage' ? e : undefined;
  }

  /** All keywords, in corpus order. */
  terms(): TermEntry[] {
    return [...this.termList];
  }

  /** The passages that use a keyword's names, in corpus order (`[]` for an unknown id). */
  passagesFor(termId: string): PassageEntry[] {
    return (this.term(termId)?.passages ?? []).map((id) => this.passage(id)).filter((p) => p !== undefined);
  }

  /** Every published keyword title and alias with its language, for annotating text. */
  termNames(): Array<{ termId: string; name: string; lang: ContentLang }> {
    return this.names.map((n) => ({ ...n }));
  }

  /** Maps traditional characters of the corpus to simplified, char by char (same length). */
  toSimplified(text: string): string {
    return simplify(text, this.variants);
  }

  /** True when `word` occurs in some keyword's joined pinyin or initials. */
  private inPinyin(word: string): boolean {
    return this.pinyinKeys.some((k) => k.includes(word));
  }

  /** True when every word of a Han-free query occurs in keywords' pinyin (`jianguan shahe`, `jgsh`). */
  private isPinyin(words: string[]): boolean {
    return words.length > 0 && words.every((w) => this.inPinyin(w.replace(/[1-5]/g, '')));
  }

  /**
   * The keyword the query names: the whole query (title, alias, id or pinyin, tone digits allowed),
   * else the longest keyword name found inside it with any words around (`监管沙盒是什么`,
   * `what is a regulatory sandbox`; Chinese names as substrings, English ones as whole words).
   */
  private namedTerm(query: string, plan: QueryPlan): TermEntry | undefined {
    const byName = this.lookupTerm(query);
    if (byName) return byName;
    const { words, han } = plan.parts;
    if (han.length === 0 && words.length > 0 && words.every((w) => /^[a-z1-5]+$/.test(w))) {
      const byPinyin = this.byPinyin.get(words.join('').replace(/[1-5]/g, ''));
      if (byPinyin) return byPinyin;
    }
    const key = nameKey(query, this.variants);
    const compact = key.replace(/ /g, '');
    for (const { key: name, term, han: isHan } of this.nameKeys) {
      if (isHan ? compact.includes(name.replace(/ /g, '')) : containsWords(key, name)) return term;
    }
    return undefined;
  }

  private toResult(r: MiniSearchResult, plan: QueryPlan, preferred: ContentLang, named: boolean, cover: number): SearchResult {
    const entry = this.entries.get(r.id as string)!;
    const lang = entryLang(entry, preferred);
    const text = entryText(entry, lang);
    const title = entry.kind === 'term' ? entry.title : entry.document.title;
    return {
      kind: entry.kind,
      id: entry.id,
      title,
      text,
      lang,
      score: r.score,
      strength: named || cover >= STRONG_COVERAGE ? 'strong' : 'weak',
      coverage: Math.round(cover * 1000) / 1000,
      terms: r.terms.map(unmark),
      matches: this.matchRanges(r, entry, title, text, plan, named),
      entry,
    };
  }

  /** Word tokens (with offsets) of a stored string, computed once per string. */
  private tokensOf(text: string): Token[] {
    let tokens = this.tokenCache.get(text);
    if (!tokens) {
      tokens = tokenizeWithOffsets(text, this.variants).filter((t) => t.kind === 'word');
      this.tokenCache.set(text, tokens);
    }
    return tokens;
  }

  /** `simplify(text)`, computed once per stored string. */
  private simplifiedOf(text: string): string {
    let out = this.simplifiedCache.get(text);
    if (out === undefined) {
      out = simplify(text, this.variants);
      this.simplifiedCache.set(text, out);
    }
    return out;
  }

  /** Where a linked keyword's names (all forms) occur in a passage's text, computed once per pair. */
  private linkRanges(passage: PassageEntry, term: TermEntry): Array<[number, number]> {
    const key = `${passage.id}\n${term.id}`;
    let ranges = this.linkRangeCache.get(key);
    if (!ranges) {
      ranges = [];
      for (const name of [term.title.en, term.title.zh, ...term.aliases.en, ...term.aliases.zh]) {
        if (!name) continue;
        for (const form of nameVariants(name)) ranges.push(...findName(passage.text, form, this.variants));
      }
      this.linkRangeCache.set(key, ranges);
    }
    return ranges;
  }

  /** Highlight ranges on the stored strings, from the terms MiniSearch matched. */
  private matchRanges(
    r: MiniSearchResult,
    entry: Entry,
    title: { en?: string; zh?: string },
    text: string,
    plan: QueryPlan,
    named: boolean,
  ): MatchRange[] {
    // Only what really matched: stop words and question words are not in the plan's runs or terms.
    const parts = { han: plan.runs };
    const matched = new Set(r.terms);
    const fieldsOf = (t: string) => r.match[t] ?? [];
    const fields: Array<[MatchRange['field'], string]> = [
      ['title.en', title.en ?? ''],
      ['title.zh', title.zh ?? ''],
      ['text', text],
    ];
    const out: MatchRange[] = [];
    for (const [field, s] of fields) {
      if (!s) continue;
      const ranges: Array<[number, number]> = [];
      for (const tok of this.tokensOf(s)) {
        if (matched.has(tok.term)) ranges.push([tok.start, tok.end]);
      }
      if (parts.han.length > 0 && hasHan(s)) {
        const simplified = this.simplifiedOf(s);
        for (const run of parts.han) {
          if ([...run].length === 1) occurrences(simplified, run, ranges);
          else for (const g of hanBigrams(run)) if (matched.has(markHan(g))) occurrences(simplified, g, ranges);
        }
      }
      if (entry.kind === 'term' && field === 'title.zh') {
        const byPinyin = r.terms.some((t) => fieldsOf(t).some((f) => f === 'pinyin' || f === 'pinyinSyl'));
        if (byPinyin || (named && ranges.length === 0 && parts.han.length === 0)) ranges.push([0, s.length]);
      }
      if (entry.kind === 'passage' && field === 'text') {
        const viaLinks = r.terms.filter((t) => fieldsOf(t).some((f) => LINK_FIELDS.has(f)));
        for (const id of entry.terms) {
          const tokens = this.linkTokens.get(id);
          const t = this.term(id);
          if (!tokens || !t || !viaLinks.some((m) => tokens.has(m))) continue;
          for (const range of this.linkRanges(entry, t)) ranges.push([range[0], range[1]]);
        }
      }
      out.push(...mergeRanges(field, ranges));
    }
    return out;
  }
}
