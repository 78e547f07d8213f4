/**
 * The cross-language query lexicon at query time (see `xlang-format.ts`, built by `xlang-build.ts`
 * from CC-CEDICT): Chinese words of a query found by longest match, with their English glosses;
 * English phrases of a query with the Chinese words the index writes for them; English words the
 * index lacks with dictionary synonyms it has. Queries only; never shown as source text. DOM-free.
 * A lazy part: the search imports it with the first lexicon file (src/shared/index/lexicon-loader.ts),
 * so a search that never needs the lexicon never loads this code either.
 *
 * ```ts
 * useLexicon(index, await (await fetch('/bj-index.lexicon/04.json')).json()); // see lexiconFilesFor
 * ```
 */
import type { Query } from 'minisearch';
import type { PolicyIndex } from './policy-index.js';
import type { PlanContext, QueryTranslator, Slot } from './query.js';
import { XLANG_FORMAT, decodeMap, type XLexiconMaps } from './xlang-format.js';
import { grade, translateRun, translateWords } from './xlang-plan.js';

/** A dictionary word found in a Han run: its position (in characters) and what it translates to. */
export interface XWord {
  word: string;
  /** Index of its first character in the run, and its length in characters. */
  at: number;
  length: number;
  /** English glosses (Chinese word) or Chinese words (English phrase). */
  targets: string[];
}

/** The maps of a lexicon part, encoded (a part file) or not (a built lexicon, a sharded index's partition). */
type StoredMaps = Partial<Record<keyof XLexiconMaps, unknown>>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads one map: as a part file stores it (`EncodedMap`) or as an object (a built lexicon, a sharded index's partition), skipping malformed entries. */
function readMap(v: unknown): Map<string, string[]> {
  if (Array.isArray(v)) return decodeMap(v);
  const out = new Map<string, string[]>();
  if (!isRecord(v)) return out;
  for (const [k, list] of Object.entries(v)) {
    if (Array.isArray(list)) {
      const strings = list.filter((x): x is string => typeof x === 'string' && x.length > 0);
      if (strings.length > 0) out.set(k, strings);
    }
  }
  return out;
}

/**
 * Forward longest match of `units` (characters or stems) against `map`'s keys (units joined by
 * `sep`), from `longest` down to `shortest` units; units no key starts with are skipped.
 */
function longestMatches(units: readonly string[], map: Map<string, string[]>, sep: string, shortest: number, longest: number): XWord[] {
  const out: XWord[] = [];
  for (let i = 0; i < units.length;) {
    let found = 0;
    for (let len = Math.min(longest, units.length - i); len >= shortest && !found; len--) {
      const word = units.slice(i, i + len).join(sep);
      const targets = map.get(word);
      if (targets) {
        out.push({ word, at: i, length: len, targets });
        found = len;
      }
    }
    i += found || 1;
  }
  return out;
}

export class XLexicon implements QueryTranslator {
  private readonly zh: Map<string, string[]>;
  private readonly en: Map<string, string[]>;
  private readonly syn: Map<string, string[]>;
  private longest = 1;
  /** The parts added so far. */
  readonly parts = new Set<number>();

  constructor(maps: StoredMaps = {}) {
    this.zh = readMap(maps.zh);
    this.en = readMap(maps.en);
    this.syn = readMap(maps.syn);
    for (const k of this.zh.keys()) this.longest = Math.max(this.longest, [...k].length);
  }

  /**
   * Adds a lexicon part file (parsed JSON) of the index whose hash is `hash`. Throws a `bj:` message
   * when it is not a lexicon or was built for another index.
   */
  add(json: unknown, hash: string): void {
    if (!isRecord(json) || json.format !== XLANG_FORMAT)
      throw new Error('bj: the lexicon file is not a bj-index lexicon; rebuild the index with `npx bj-index build`.');
    if (json.index !== hash)
      throw new Error('bj: the lexicon file belongs to another build of the index; upload the index and its lexicon together.');
    this.addMaps(json);
    const parts = typeof json.parts === 'number' ? json.parts : 1;
    if (parts === 1) this.parts.add(0);
    else if (typeof json.part === 'number') this.parts.add(json.part);
  }

  /** Adds the entries of a part whose origin the caller has checked (a sharded index's lexicon partition). */
  addMaps(maps: StoredMaps): void {
    const part = new XLexicon(maps);
    for (const [k, v] of part.zh) this.zh.set(k, v);
    for (const [k, v] of part.en) this.en.set(k, v);
    for (const [k, v] of part.syn) this.syn.set(k, v);
    this.longest = Math.max(this.longest, part.longest);
  }

  /** The dictionary words of a (simplified) Han run, by forward longest match; characters between them are skipped. */
  segment(run: string): XWord[] {
    return longestMatches([...run], this.zh, '', 2, this.longest);
  }

  /**
   * The English phrases of a query (its content words' stems, in order) that the lexicon knows, by
   * longest match: `at`/`length` count words; `targets` are Chinese words of the index's text.
   */
  english(stems: readonly string[]): XWord[] {
    return longestMatches(stems, this.en, ' ', 1, 3);
  }

  translateRun(run: string, runSlots: Slot[], ctx: PlanContext, queries: Query[]): void {
    translateRun(this, run, runSlots, ctx, queries);
  }

  translateWords(stems: string[], wordSlots: Slot[], ctx: PlanContext, queries: Query[]): void {
    translateWords(this, stems, wordSlots, ctx, queries);
  }

  grade(slots: readonly Slot[], matched: ReadonlySet<string>, cover: number): { strong: boolean; translated: boolean } {
    return grade(slots, matched, cover);
  }

  /** Dictionary synonyms (English glosses the index has) of an English stem it lacks. */
  synonyms(stem: string): string[] {
    return this.syn.get(stem) ?? [];
  }
}

const lexicons = new WeakMap<PolicyIndex, XLexicon>();

/**
 * Gives `index` a part of its dictionary lexicon (a parsed file named by `lexiconFilesFor`, or a
 * whole lexicon), so its queries also reach the other language. Throws a `bj:` message for a file
 * of another build.
 */
export function useLexicon(index: PolicyIndex, json: unknown): void {
  lexiconOf(index).add(json, index.hash);
}

/**
 * Gives `index` a lexicon partition of a sharded index, already checked as a part of the index's
 * build (`shards/part-check.ts`).
 */
export function useLexiconPart(index: PolicyIndex, maps: Partial<XLexiconMaps>): void {
  lexiconOf(index).addMaps(maps);
}

function lexiconOf(index: PolicyIndex): XLexicon {
  let lexicon = lexicons.get(index);
  if (!lexicon) {
    lexicon = new XLexicon();
    lexicons.set(index, lexicon);
    index.translateWith(lexicon);
  }
  return lexicon;
}
