/**
 * The keyword catalogue of a built index: keywords and passages by id, a keyword looked up by any
 * of its names (title, alias, id; any case, width or script), its related passages, and every name
 * for annotation. All a `<bj-keyword>` popover or `<bj-annotate>` needs, without the search engine:
 * importing this module pulls no MiniSearch, stemmer, query planning, lexicon or highlighting
 * (`test/search/catalogue-bundle.test.ts` checks the bundle). `PolicyIndex.fromCatalogue` adds
 * search to a loaded catalogue without reading the JSON again. DOM-free.
 *
 * ```ts
 * const catalogue = Catalogue.fromJSON(await (await fetch('/bj-index.json')).text());
 * catalogue.lookupTerm('監管沙盒')?.title.en; // "Regulatory sandbox"
 * ```
 */
import type { BuiltIndex, StoredDocument, StoredPassage } from './format.js';
import { lookupKeys, nameKey, publishedNames, type TermName } from './names.js';
import { readIndex } from './read-index.js';
import { toSimplified, type VariantMap } from './script.js';
import type { ContentLang, Entry, PassageEntry, SourceInfo, TermEntry } from './types.js';

/**
 * Longest query or name looked up, in UTF-16 code units; longer text is cut (never inside a
 * surrogate pair). Keeps the cost of a pasted paragraph bounded.
 */
export const MAX_QUERY_LENGTH = 256;

/** `text` cut to {@link MAX_QUERY_LENGTH}, never inside a surrogate pair. */
export function cutQuery(text: string): string {
  if (text.length <= MAX_QUERY_LENGTH) return text;
  let cut = text.slice(0, MAX_QUERY_LENGTH);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

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

/**
 * A stored passage as the elements read it: its document's title, language and source, and its link
 * (the page URL plus the nearest heading's anchor, for passages indexed from a site's HTML). Used by
 * the catalogue and by the sharded reader's passage fragments.
 */
export function passageEntry(p: StoredPassage, doc: StoredDocument, source: SourceInfo): PassageEntry {
  const entry: PassageEntry = {
    kind: 'passage',
    id: p.id,
    document: doc.date !== undefined ? { id: doc.id, title: doc.title, date: doc.date } : { id: doc.id, title: doc.title },
    headings: p.headings,
    text: p.text,
    lang: doc.lang,
    source,
    terms: p.terms,
  };
  if (doc.url !== undefined) entry.url = p.anchor ? `${doc.url}#${encodeURIComponent(p.anchor)}` : doc.url;
  return entry;
}

/** Whether `v` is a sharded index's `relatedCounts` (src/search/shards/format.ts): a count per keyword. */
export function isRelatedCounts(v: unknown, keywords: number): v is number[] {
  return Array.isArray(v) && v.length === keywords && v.every((n) => Number.isInteger(n) && n >= 0);
}

/**
 * A loaded index's keywords and passages, with lookup by name. Made by {@link Catalogue.fromJSON};
 * records are plain objects shared with the `PolicyIndex` made from it.
 */
export class Catalogue {
  /** Content hash of the index (changes whenever its content does). */
  readonly hash: string;
  /** Counts describing the loaded index. */
  readonly sizeInfo: IndexSizeInfo;
  /** The checked index this catalogue was read from (for `PolicyIndex.fromCatalogue`). */
  readonly built: BuiltIndex;
  /** The index's traditional → simplified map. */
  readonly variants: VariantMap;

  private readonly termList: TermEntry[] = [];
  private readonly passageList: PassageEntry[] = [];
  private readonly entries = new Map<string, Entry>();
  /** @internal Entries by id, the map itself: shared with the `PolicyIndex` made from this catalogue. */
  readonly entryMap: Map<string, Entry> = this.entries;
  private readonly byName = new Map<string, TermEntry>();
  /** A sharded index's count of related passages per keyword id (its catalogue lists only the first few). */
  private readonly relatedTotals = new Map<string, number>();
  private readonly names: TermName[] = [];

  protected constructor(data: BuiltIndex, jsonLength?: number) {
    this.built = data;
    this.hash = data.hash;
    this.variants = data.variants;
    const sources = new Map<string, SourceInfo>(data.sources.map((s) => [s.id, s]));
    const documents = new Map<string, StoredDocument>(data.documents.map((d) => [d.id, d]));
    const source = (id: string): SourceInfo => sources.get(id) ?? { id, title: {}, languages: [] };

    for (const e of data.entries) {
      if (e.kind === 'term') {
        const { pinyin: _pinyin, source: src, ...rest } = e;
        const term: TermEntry = { ...rest, source: source(src), passages: [] };
        this.termList.push(term);
        this.entries.set(term.id, term);
      } else {
        const doc = documents.get(e.document) ?? { id: e.document, title: {}, lang: 'en' as const, source: '' };
        const passage = passageEntry(e, doc, source(doc.source));
        this.passageList.push(passage);
        this.entries.set(passage.id, passage);
      }
    }
    const counts = (data as { shards?: { relatedCounts?: unknown } }).shards?.relatedCounts;
    // A broken list is reported by the sharded reader when the search opens the index; a popover
    // then counts the passages it lists.
    if (isRelatedCounts(counts, this.termList.length)) this.termList.forEach((t, i) => this.relatedTotals.set(t.id, counts[i]!));
    for (const p of this.passageList) {
      for (const id of p.terms) {
        const t = this.entries.get(id);
        if (t?.kind === 'term') t.passages.push(p.id);
      }
    }
    // Exact names of every keyword first, then plurals and singulars where no name claims them.
    const numbered: Array<[string, TermEntry]> = [];
    for (const t of this.termList) {
      for (const published of publishedNames(t)) {
        this.names.push(published);
        const keys = lookupKeys(published.name, this.variants);
        for (const key of keys.exact) if (!this.byName.has(key)) this.byName.set(key, t);
        for (const key of keys.number) numbered.push([key, t]);
      }
      const idKey = nameKey(t.id);
      if (!this.byName.has(idKey)) this.byName.set(idKey, t);
    }
    for (const [key, t] of numbered) if (!this.byName.has(key)) this.byName.set(key, t);
    this.sizeInfo = {
      terms: this.termList.length,
      passages: this.passageList.length,
      documents: documents.size,
      ...(jsonLength !== undefined ? { jsonLength } : {}),
    };
  }

  /**
   * Reads a built index: the JSON text of `bj-index.json` or its parsed value. Throws a `BjError`:
   * `json` (text is not JSON), `format` (not a bj-index, or a file layout this library cannot read),
   * `schema-version` (built from another data schema), `library-version` (built by an incompatible
   * library version). Each message says how to fix it (usually: rebuild with `npx bj-index build`).
   */
  static fromJSON(json: unknown): Catalogue {
    const { data, length } = readIndex(json);
    return new Catalogue(data, length);
  }

  /**
   * Finds a keyword by id, English or Chinese title or alias: simplified or traditional, any letter
   * case, ignoring quotes, hyphens and extra whitespace (`監管沙盒`, `REGULATORY SANDBOX`,
   * `regulatory-sandbox`, `Sandbox Supervision`), a title's acronym (`SRAS`), or a name with a
   * simple plural or singular last word (`regulatory sandboxes`).
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
    return !titles.some((t) => {
      const keys = lookupKeys(t, this.variants);
      return keys.exact.includes(key) || keys.number.includes(key);
    });
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

  /** The keyword or passage with this id. */
  entry(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /** All keywords, in corpus order. */
  terms(): TermEntry[] {
    return [...this.termList];
  }

  /** All passages, in corpus order. */
  passages(): PassageEntry[] {
    return [...this.passageList];
  }

  /** The passages that use a keyword's names, in corpus order (`[]` for an unknown id). */
  passagesFor(termId: string): PassageEntry[] {
    return (this.term(termId)?.passages ?? []).map((id) => this.passage(id)).filter((p) => p !== undefined);
  }

  /**
   * How many passages use a keyword's names: all of them, also in a sharded index, whose catalogue
   * lists only the first few ({@link passagesFor}).
   */
  relatedCount(termId: string): number {
    return this.relatedTotals.get(termId) ?? this.passagesFor(termId).length;
  }

  /** Every published keyword title and alias with its language, for annotating text. */
  termNames(): TermName[] {
    return this.names.map((n) => ({ ...n }));
  }

  /** Maps traditional characters of the corpus to simplified, char by char (same length). */
  toSimplified(text: string): string {
    return toSimplified(text, this.variants);
  }
}
