/**
 * Searching a sharded index (see `format.ts`): the catalogue is a `PolicyIndex`; its search engine
 * is replaced by a MiniSearch whose term tree, document ids and field lengths are views of the
 * parts loaded so far, and its vocabulary by one that reads the same parts. A search runs today's
 * code (`PolicyIndex.search`) and notes every part it needed but did not have; those are fetched
 * (in parallel) and the search runs again, until nothing is missing. Each run is synchronous and
 * cheap; only the fetches wait. Results are those of the single-file index, exactly.
 *
 * DOM-free: runs in a Web Worker, a page or Node. Parts are fetched with the `load` function given.
 */
import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import { isRelatedCounts, passageEntry } from '../catalogue.js';
import { PolicyIndex } from '../index.js';
import { Vocabulary } from '../query.js';
import { BjError, type Entry, type PassageEntry, type SearchOptions, type SearchResult, type SourceInfo } from '../types.js';
import type { StoredDocument, StoredPassage } from '../format.js';
import {
  SHARD_FORMAT,
  SHARD_FORMAT_VERSION,
  isShardedIndex,
  partOf,
  partsWithPrefix,
  type FormPart,
  type PassagePart,
  type ShardManifest,
  type StoredTermPostings,
  type TermPart,
} from './format.js';
import { checkManifestTrust, checkPart } from './part-check.js';
import { engineInternals, indexInternals, type FieldTermData, type PostingsView, type SearchDocLike, type TermTree } from './internals.js';

type SearchOptionsOf = Parameters<MiniSearch['search']>[1];
type Hit = ReturnType<MiniSearch['search']>[number];
/** See {@link ShardedIndex.search}. */
interface Memo {
  hits?: Array<Hit & { n: number }>;
}

/** Fetches a part by absolute URL: its JSON text or parsed value. Rejects with a `BjError` (network, HTTP). */
export type PartLoader = (url: string) => Promise<unknown>;

/** Prefix of the id given to a passage whose fragment is not loaded yet (never shown). */
const PENDING = '\u0000';
/** Upper bound on fetch-and-rerun rounds of one search (each round loads every part it lacked). */
const MAX_ROUNDS = 8;

export interface ShardedSearchOptions extends SearchOptions {
  /**
   * How many of the leading passages need their text and document (default: all returned); the
   * others come with an empty text and an id starting with U+0000, until asked for.
   */
  resolve?: number;
  /**
   * Called before each round of fetches: true when a newer query made this one moot (the reader
   * typed on). The search then stops fetching and returns what it has.
   */
  superseded?: () => boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Checks the `shards` field of an entry file; a `bj:` message on the first problem. */
export function checkManifest(value: unknown, url: string): ShardManifest {
  const bad = (what: string) =>
    new BjError(
      'format',
      `bj: the index at ${url} has a broken "shards" manifest (${what}); rebuild it with \`npx bj-index build --shards\`.`,
    );
  if (!isRecord(value)) throw bad('not an object');
  if (value.version !== SHARD_FORMAT_VERSION) {
    throw new BjError(
      'format',
      `bj: the index at ${url} has sharded layout version ${String(value.version)}, this library reads version ${SHARD_FORMAT_VERSION}; rebuild it with \`npx bj-index build\`.`,
    );
  }
  for (const key of ['documentCount', 'keywordCount', 'passageCount'] as const) {
    if (!Number.isInteger(value[key]) || (value[key] as number) < 0) throw bad(`${key} is not a count`);
  }
  if (typeof value.base !== 'string') throw bad('base is not a string');
  if (!Array.isArray(value.averageFieldLength) || !value.averageFieldLength.every((n) => typeof n === 'number'))
    throw bad('averageFieldLength');
  if (!isRecord(value.fieldIds)) throw bad('fieldIds');
  for (const key of ['terms', 'forms'] as const) {
    const list = value[key];
    if (!isRecord(list) || !isStringArray(list.files) || !isStringArray(list.first) || list.files.length !== list.first.length) {
      throw bad(`${key} lists`);
    }
  }
  const p = value.passages;
  if (!isRecord(p) || !isStringArray(p.files) || !Number.isInteger(p.per) || (p.per as number) < 1) throw bad('passages list');
  if (!Array.isArray(value.pinyinTerms)) throw bad('pinyinTerms');
  const m = value as unknown as ShardManifest;
  if (m.relatedCounts !== undefined && !isRelatedCounts(m.relatedCounts, m.keywordCount)) throw bad('relatedCounts');
  if (m.keywordCount + m.passageCount !== m.documentCount) throw bad('documentCount is not keywords + passages');
  if (Math.ceil(m.passageCount / m.passages.per) !== m.passages.files.length) throw bad('passage fragment count');
  for (const name of [...m.terms.files, ...m.forms.files, ...m.passages.files]) {
    if (!/^[\w.-]+\.json$/.test(name)) throw bad(`part name ${JSON.stringify(name)}`);
  }
  return m;
}

/**
 * A term's postings in one field, as MiniSearch reads them (`size`, `keys()` in document order, then
 * `get` of each): two typed arrays, 8 bytes a posting instead of a `Map` entry.
 */
class Postings implements PostingsView {
  private cursor = 0;
  constructor(
    private readonly docs: Uint32Array,
    private readonly tfs: Uint32Array,
  ) {}
  get size(): number {
    return this.docs.length;
  }
  keys(): Iterable<number> {
    return this.docs.values();
  }
  get(doc: number): number | undefined {
    let i = this.cursor;
    if (this.docs[i] !== doc) {
      let lo = 0;
      let hi = this.docs.length - 1;
      i = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = this.docs[mid]!;
        if (at === doc) {
          i = mid;
          break;
        }
        if (at < doc) lo = mid + 1;
        else hi = mid - 1;
      }
      if (i < 0) return undefined;
    }
    this.cursor = i + 1 < this.docs.length ? i + 1 : 0;
    return this.tfs[i];
  }
}

/** Levenshtein distance (MiniSearch's fuzzy matching), giving up above `max`. */
function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

interface LoadedTerm {
  rank: number;
  df: number;
  acronym: boolean;
  record: StoredTermPostings;
  data?: FieldTermData;
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
  private readonly termParts = new Map<number, Promise<void> | true>();
  private readonly formParts = new Map<number, Promise<void> | true>();
  private readonly fragments = new Map<number, Promise<void> | true>();
  private readonly terms = new Map<string, LoadedTerm>();
  private readonly forms = new Map<string, string>();
  private readonly passages = new Map<number, PassageEntry>();
  /** Field lengths by field id, then document number (a typed array per field, made on first use). */
  private readonly lengths: Array<Uint32Array | undefined> = [];
  /** What `_fieldLength.get` returns: one row, refilled per call (MiniSearch reads it at once). */
  private readonly lengthRow: number[] = [];
  /** What the current round needed and lacked. */
  private missing = { terms: new Set<number>(), forms: new Set<number>(), fragments: new Set<number>() };
  /** The document number of a pending passage's id (see {@link PENDING}), else undefined. */
  private readonly pendingDoc = (id: string): number | undefined => (id.startsWith(PENDING) ? Number(id.slice(PENDING.length)) : undefined);
  /** Document number of each keyword and each fetched passage, by id. */
  private readonly docNumber = new Map<string, number>();
  /** The memo of the search under way (set only while its round runs). */
  private memo?: Memo;

  private constructor(
    entry: Record<string, unknown>,
    manifest: ShardManifest,
    entryUrl: string,
    private readonly load: PartLoader,
  ) {
    this.catalogue = PolicyIndex.fromJSON(entry);
    this.manifest = manifest;
    this.hash = this.catalogue.hash;
    this.baseUrl = new URL(manifest.base, entryUrl).href;
    for (const s of entry.sources as SourceInfo[]) this.sources.set(s.id, s);
    this.install();
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
    const index = new ShardedIndex(entry, manifest, entryUrl, load);
    return index;
  }

  /** Same as {@link PolicyIndex.search}, fetching the parts the query needs first. Rejects with a `BjError` when a part is missing or broken. */
  async search(query: string, opts: ShardedSearchOptions = {}): Promise<SearchResult[]> {
    // The engine's hits of the first round that lacked no term or form, reused by later rounds
    // (those only wait for passage texts): one evaluation of the postings instead of two.
    const memo: Memo = {};
    for (let round = 0; ; round++) {
      this.missing = { terms: new Set(), forms: new Set(), fragments: new Set() };
      this.memo = memo;
      let results: SearchResult[];
      try {
        results = this.catalogue.search(query, opts);
      } finally {
        this.memo = undefined;
      }
      let passages = 0;
      for (const r of results) {
        if (r.kind !== 'passage' || passages++ >= (opts.resolve ?? Infinity)) continue;
        const n = this.pendingDoc(r.id);
        if (n !== undefined) this.missing.fragments.add(this.fragmentOf(n));
      }
      const { terms, forms, fragments } = this.missing;
      if (terms.size + forms.size + fragments.size === 0 || round >= MAX_ROUNDS || opts.superseded?.()) return results;
      await Promise.all([
        ...[...terms].map((i) => this.loadPart(this.termParts, i, this.manifest.terms.files[i]!, (v) => this.addTerms(v, i))),
        ...[...forms].map((i) => this.loadPart(this.formParts, i, this.manifest.forms.files[i]!, (v) => this.addForms(v, i))),
        ...[...fragments].map((i) => this.loadPart(this.fragments, i, this.manifest.passages.files[i]!, (v) => this.addFragment(v, i))),
      ]);
    }
  }

  /** Loads the parts a query needs without returning results (e.g. while the user types). */
  async prefetch(query: string): Promise<void> {
    await this.search(query, { limit: 0 });
  }

  private fragmentOf(doc: number): number {
    return Math.floor((doc - this.manifest.keywordCount) / this.manifest.passages.per);
  }

  private loadPart(cache: Map<number, Promise<void> | true>, i: number, name: string, add: (value: unknown) => void): Promise<void> {
    const have = cache.get(i);
    if (have === true) return Promise.resolve();
    if (have) return have;
    const url = new URL(name, this.baseUrl).href;
    const pending = this.load(url).then(
      (text) => {
        let value: unknown = text;
        if (typeof text === 'string')
          try {
            value = JSON.parse(text);
          } catch (cause) {
            throw new BjError(
              'json',
              `bj: part ${url} of the index is not valid JSON (${cause instanceof Error ? cause.message : String(cause)}); publish the folder \`bj-index build\` wrote with bj-index.json again.`,
              { cause },
            );
          }
        if (!isRecord(value) || value.format !== SHARD_FORMAT || value.part !== name) {
          throw new BjError(
            'format',
            `bj: ${url} is not part ${name} of a bj-policy-widgets index; publish the folder \`bj-index build\` wrote with bj-index.json again.`,
          );
        }
        if (value.index !== this.hash) {
          throw new BjError(
            'format',
            `bj: part ${url} belongs to another build of the index (hash ${String(value.index)}, expected ${this.hash}); publish bj-index.json and its folder from the same \`bj-index build\`.`,
          );
        }
        checkPart(value, {
          url,
          name,
          manifest: this.manifest,
          sources: this.sources.keys(),
          keywords: this.catalogue.terms().map((t) => t.id),
        });
        add(value);
        this.fetched.push(url);
        cache.set(i, true);
      },
      (error: unknown) => {
        cache.delete(i);
        throw error;
      },
    );
    cache.set(i, pending);
    pending.catch(() => cache.delete(i));
    return pending;
  }

  private malformed(name: string, what: string): BjError {
    return new BjError(
      'format',
      `bj: part ${name} of the index has a malformed ${what}; rebuild it with \`npx bj-index build\` and publish it again.`,
    );
  }

  private addTerms(value: unknown, i: number): void {
    const part = value as TermPart;
    if (!Array.isArray(part.terms)) throw this.malformed(part.part, 'term list');
    for (const r of part.terms) {
      if (!Array.isArray(r) || typeof r[0] !== 'string' || typeof r[1] !== 'number' || !Array.isArray(r[4]))
        throw this.malformed(part.part, 'term');
      if (partOf(this.manifest.terms.first, r[0]) !== i)
        throw this.malformed(part.part, `term outside its range (${JSON.stringify(r[0])})`);
      this.terms.set(r[0], { rank: r[1], df: r[2], acronym: r[3] === 1, record: r });
    }
    this.termRecords.set(
      i,
      part.terms.map((r) => r[0]),
    );
  }

  private addForms(value: unknown, i: number): void {
    const part = value as FormPart;
    if (!Array.isArray(part.forms)) throw this.malformed(part.part, 'form list');
    for (const f of part.forms) {
      if (!Array.isArray(f) || typeof f[0] !== 'string' || typeof f[1] !== 'string') throw this.malformed(part.part, 'form');
      if (partOf(this.manifest.forms.first, f[0]) !== i) throw this.malformed(part.part, 'form outside its range');
      this.forms.set(f[0], f[1]);
    }
  }

  private addFragment(value: unknown, i: number): void {
    const part = value as PassagePart;
    const from = this.manifest.keywordCount + i * this.manifest.passages.per;
    if (part.from !== from || !Array.isArray(part.passages) || !Array.isArray(part.documents)) throw this.malformed(part.part, 'fragment');
    const documents = new Map<string, StoredDocument>(part.documents.map((d) => [d.id, d]));
    part.passages.forEach((p: StoredPassage, k) => {
      const doc = documents.get(p.document);
      if (!doc || typeof p.id !== 'string' || typeof p.text !== 'string' || !Array.isArray(p.headings) || !Array.isArray(p.terms)) {
        throw this.malformed(part.part, `passage (#${k})`);
      }
      const entry = passageEntry(p, doc, this.sources.get(doc.source) ?? { id: doc.source, title: {}, languages: [] });
      this.passages.set(from + k, entry);
      this.docNumber.set(entry.id, from + k);
    });
  }

  /** The postings of a loaded term as MiniSearch holds them (decoded once). */
  private dataOf(t: LoadedTerm): FieldTermData | undefined {
    if (t.data) return t.data;
    const out: FieldTermData = new Map();
    for (const [fieldId, deltas, tf, lengths] of t.record[4]) {
      const docs = new Uint32Array(deltas.length);
      const column = (this.lengths[fieldId] ??= new Uint32Array(this.manifest.documentCount));
      let doc = 0;
      deltas.forEach((d, k) => {
        doc += d;
        docs[k] = doc;
        column[doc] = lengths[k]!;
      });
      out.set(fieldId, new Postings(docs, Uint32Array.from(tf)));
    }
    t.data = out.size > 0 ? out : undefined;
    t.record[4] = []; // decoded: the JSON arrays are no longer needed
    return t.data;
  }

  /** The loaded term, or undefined (noting its partition as missing when it is not loaded). */
  private term(term: string): LoadedTerm | undefined {
    const i = partOf(this.manifest.terms.first, term);
    if (i < 0) return undefined;
    if (this.termParts.get(i) !== true) {
      this.missing.terms.add(i);
      return undefined;
    }
    return this.terms.get(term);
  }

  /** Loaded terms starting with `prefix` (all partitions loaded), else undefined (noting the missing ones). */
  private withPrefix(prefix: string): LoadedTerm[] | undefined {
    const parts = partsWithPrefix(this.manifest.terms.first, prefix);
    const lacking = parts.filter((i) => this.termParts.get(i) !== true);
    for (const i of lacking) this.missing.terms.add(i);
    if (lacking.length > 0) return undefined;
    const out: Array<[string, LoadedTerm]> = [];
    for (const i of parts) {
      for (const r of this.termRecords.get(i) ?? []) if (r.startsWith(prefix)) out.push([r, this.terms.get(r)!]);
    }
    return out.map(([, t]) => t);
  }

  private readonly termRecords = new Map<number, string[]>();

  /** Replaces the catalogue's engine and vocabulary by views of the loaded parts. */
  private install(): void {
    const internals = indexInternals(this.catalogue);
    const m = this.manifest;
    const engine = internals.newEngine();
    const e = engineInternals(engine);
    for (const [field, id] of Object.entries(m.fieldIds)) {
      if (e._fieldIds[field] !== id) {
        throw new BjError(
          'format',
          `bj: the index's search fields do not match this library's (field ${field}); rebuild it with \`npx bj-index build\`.`,
        );
      }
    }
    e._documentCount = m.documentCount;
    e._avgFieldLength = m.averageFieldLength;
    const keywordIds = this.catalogue.terms().map((t) => t.id);
    if (keywordIds.length !== m.keywordCount) {
      throw new BjError(
        'format',
        `bj: the index's catalogue has ${keywordIds.length} keywords, its manifest ${m.keywordCount}; rebuild it with \`npx bj-index build\`.`,
      );
    }
    const pending = this.pendingDoc;
    keywordIds.forEach((id, n) => this.docNumber.set(id, n));
    e._documentIds = {
      has: (n) => n >= 0 && n < m.documentCount,
      get: (n) => {
        const p = this.passages.get(n);
        const id = n < m.keywordCount ? keywordIds[n]! : p ? p.id : `${PENDING}${n}`;
        return id;
      },
    };
    e._fieldLength = {
      get: (n) => {
        const row = this.lengthRow;
        this.lengths.forEach((column, field) => (row[field] = column ? column[n]! : 0));
        return row;
      },
    };
    const tree: TermTree = {
      get: (term) => {
        const t = this.term(term);
        return t ? this.dataOf(t) : undefined;
      },
      atPrefix: (prefix) => {
        const found = this.withPrefix(prefix) ?? [];
        found.sort((a, b) => a.rank - b.rank);
        const out: Array<[string, FieldTermData]> = [];
        for (const t of found) {
          const data = this.dataOf(t);
          if (data) out.push([t.record[0], data]);
        }
        return out;
      },
      fuzzyGet: (term, maxDistance) => {
        // Only terms with pinyin postings can score in the fields fuzzy queries search (pinyin).
        // MiniSearch's fuzzy search walks its term tree the other way round from its iteration.
        const near = m.pinyinTerms
          .map(([t, rank]) => ({ t, rank, d: levenshtein(term, t, maxDistance) }))
          .filter((x) => x.d <= maxDistance)
          .sort((a, b) => b.rank - a.rank);
        const out = new Map<string, [FieldTermData, number]>();
        for (const { t, d } of near) {
          const loaded = this.term(t);
          const data = loaded && this.dataOf(loaded);
          if (data) out.set(t, [data, d]);
        }
        return out;
      },
    };
    e._index = tree;
    const run = engine.search.bind(engine);
    engine.search = ((query: Query, options?: SearchOptionsOf) => {
      const memo = this.memo;
      if (memo?.hits) {
        // Same query, same postings: the hits again, with the ids of passages fetched since.
        return memo.hits.map((h) => ({ ...h, id: e._documentIds.get(h.n) }));
      }
      const hits = run(query, options);
      if (memo && this.missing.terms.size === 0 && this.missing.forms.size === 0) {
        memo.hits = hits.map((h) => ({ ...h, n: this.docNumber.get(h.id as string) ?? pending(h.id as string)! }));
      }
      return hits;
    }) as typeof engine.search;
    internals.searchIndex = engine;
    internals.vocabOf.set(engine, this.vocabulary());

    // Entries and search documents of fetched passages; a pending passage reads as an empty one.
    const entries = internals.entries;
    const entryGet = entries.get.bind(entries);
    entries.get = (id: string): Entry | undefined => {
      const own = entryGet(id);
      if (own) return own;
      const n = pending(id);
      if (n !== undefined) return this.passages.get(n) ?? this.placeholder(id);
      const loaded = this.passageById.get(id);
      return loaded;
    };
    const docs = internals.docById;
    const docGet = docs.get.bind(docs);
    docs.get = (id: string): SearchDocLike | undefined => {
      const own = docGet(id);
      if (own) return own;
      const n = pending(id);
      if (n !== undefined) {
        this.missing.fragments.add(this.fragmentOf(n));
        return undefined;
      }
      const p = this.passageById.get(id);
      return p ? { id, title: '', aliases: '', text: p.text } : undefined;
    };
  }

  private get passageById(): Map<string, PassageEntry> {
    if (this.byIdSize !== this.passages.size) {
      this.byId = new Map([...this.passages.values()].map((p) => [p.id, p]));
      this.byIdSize = this.passages.size;
    }
    return this.byId;
  }
  private byId = new Map<string, PassageEntry>();
  private byIdSize = 0;

  private placeholder(id: string): PassageEntry {
    return {
      kind: 'passage',
      id,
      document: { id: '', title: {} },
      headings: [],
      text: '',
      lang: 'en',
      source: { id: '', title: {}, languages: [] },
      terms: [],
    };
  }

  /** A `Vocabulary` answering from the loaded parts, noting the ones it lacked. */
  private vocabulary(): Vocabulary {
    const m = this.manifest;
    return new ShardVocabulary(m.documentCount, {
      term: (t) => this.term(t),
      withPrefix: (p) => this.withPrefix(p),
      near: (word, maxDistance) => {
        const first = word[0]!;
        const lacking = partsWithPrefix(m.forms.first, first).filter((i) => this.formParts.get(i) !== true);
        for (const i of lacking) this.missing.forms.add(i);
        if (lacking.length > 0) return [];
        const forms = [...this.forms.keys()].filter((f) => f.startsWith(first)).sort();
        return nearForms(forms, word, maxDistance, (f) => this.forms.get(f)!);
      },
    });
  }
}

/** What {@link ShardVocabulary} reads from the loaded parts (undefined: not loaded, noted as missing). */
interface VocabularySource {
  term(term: string): LoadedTerm | undefined;
  withPrefix(prefix: string): LoadedTerm[] | undefined;
  near(word: string, maxDistance: number): Array<{ term: string; distance: number }>;
}

/** The planner's `Vocabulary`, answering from a sharded index's loaded parts. Same rules as its base. */
class ShardVocabulary extends Vocabulary {
  constructor(
    documents: number,
    private readonly source: VocabularySource,
  ) {
    super();
    this.docs = documents;
  }
  override has(term: string): boolean {
    return (this.source.term(term)?.df ?? 0) > 0;
  }
  override idf(term: string): number {
    return Math.log(1 + this.docs / ((this.source.term(term)?.df ?? 0) + 1));
  }
  override isAcronym(stem: string): boolean {
    return this.source.term(stem)?.acronym ?? false;
  }
  override withPrefix(prefix: string, isHan: (t: string) => boolean): string[] {
    return (this.source.withPrefix(prefix) ?? [])
      .filter((t) => t.df > 0 && t.record[0] !== prefix && !isHan(t.record[0]))
      .map((t) => t.record[0])
      .sort();
  }
  override near(word: string, maxDistance: number): Array<{ term: string; distance: number }> {
    return this.source.near(word, maxDistance);
  }
}

/** `Vocabulary.near` over the given sorted forms (same rule: same first letter, OSA distance). */
function nearForms(
  forms: string[],
  word: string,
  maxDistance: number,
  stemOf: (f: string) => string,
): Array<{ term: string; distance: number }> {
  const probe = new Vocabulary();
  for (const f of forms) probe.addForm(f, stemOf(f));
  return probe.near(word, maxDistance);
}
