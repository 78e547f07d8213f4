/**
 * The term and form partitions of a sharded index, loaded as queries need them: the scorer's
 * postings (`PostingsSource`) and the planner's vocabulary (`VocabularySource`) read them, and each
 * lookup of a partition not loaded yet is noted, for the search to fetch it and run again.
 * DOM-free.
 */
import { editDistance } from '../edit-distance.js';
import type { ShardManifest, TermPart } from './format.js';
import { partOf, partsWithPrefix } from './partitions.js';
import { formRecords, termRecords } from './part-records.js';
import { loadedTerm, postingsOf, type LoadedTerm } from './postings.js';
import type { PostingsSource, TermPostings } from './scorer.js';
import type { VocabularySource } from './vocabulary.js';

type Cache = Map<number, Promise<void> | true>;

export class ShardTerms implements PostingsSource, VocabularySource {
  private readonly termParts: Cache = new Map();
  private readonly formParts: Cache = new Map();
  private readonly terms = new Map<string, LoadedTerm>();
  /** The terms of each loaded term partition, sorted. */
  private readonly termNames = new Map<number, string[]>();
  private readonly forms = new Map<string, string>();
  /** Partitions the current round needed and lacked. */
  private missing = { terms: new Set<number>(), forms: new Set<number>() };

  constructor(
    private readonly manifest: ShardManifest,
    /** Fetches part `i` of a kind and gives its parsed object to `add` (see `ShardedIndex`). */
    private readonly fetchPart: (kind: 'terms' | 'forms', i: number, add: (value: Record<string, unknown>) => void) => Promise<void>,
  ) {}

  /** Forgets what the previous round lacked. */
  startRound(): void {
    this.missing = { terms: new Set(), forms: new Set() };
  }

  /** True when this round lacked no term or form partition. */
  complete(): boolean {
    return this.missing.terms.size === 0 && this.missing.forms.size === 0;
  }

  /** Fetches the partitions this round lacked. */
  loadMissing(): Promise<unknown> {
    const m = this.manifest;
    return Promise.all([
      ...[...this.missing.terms].map((i) =>
        load(this.termParts, i, () =>
          this.fetchPart('terms', i, (value) => {
            const records = termRecords(value, i, m.terms.first);
            const places = (value as Partial<TermPart>).positions;
            records.forEach((r, k) => this.terms.set(r[0], loadedTerm(r, places?.[k])));
            this.termNames.set(
              i,
              records.map((r) => r[0]),
            );
          }),
        ),
      ),
      ...[...this.missing.forms].map((i) =>
        load(this.formParts, i, () =>
          this.fetchPart('forms', i, (value) => {
            for (const [form, stem] of formRecords(value, i, m.forms.first)) this.forms.set(form, stem);
          }),
        ),
      ),
    ]);
  }

  /** The loaded term, or undefined (noting its partition as missing when it is not loaded). */
  term(term: string): LoadedTerm | undefined {
    const i = partOf(this.manifest.terms.first, term);
    if (i < 0) return undefined;
    if (this.termParts.get(i) !== true) {
      this.missing.terms.add(i);
      return undefined;
    }
    return this.terms.get(term);
  }

  /** Loaded terms starting with `prefix` (all partitions loaded), else undefined (noting the missing ones). */
  withPrefix(prefix: string): LoadedTerm[] | undefined {
    const parts = partsWithPrefix(this.manifest.terms.first, prefix);
    const lacking = parts.filter((i) => this.termParts.get(i) !== true);
    for (const i of lacking) this.missing.terms.add(i);
    if (lacking.length > 0) return undefined;
    const out: LoadedTerm[] = [];
    for (const i of parts) {
      for (const t of this.termNames.get(i) ?? []) if (t.startsWith(prefix)) out.push(this.terms.get(t)!);
    }
    return out;
  }

  formsStartingWith(first: string): Array<[string, string]> | undefined {
    const lacking = partsWithPrefix(this.manifest.forms.first, first).filter((i) => this.formParts.get(i) !== true);
    for (const i of lacking) this.missing.forms.add(i);
    if (lacking.length > 0) return undefined;
    const forms = [...this.forms.keys()].filter((f) => f.startsWith(first)).sort();
    return forms.map((f) => [f, this.forms.get(f)!]);
  }

  get(term: string): TermPostings | undefined {
    const t = this.term(term);
    return t && postingsOf(t);
  }

  /** In the term tree's order: by rank. */
  atPrefix(prefix: string): Array<[string, TermPostings]> {
    const found = (this.withPrefix(prefix) ?? []).sort((a, b) => a.rank - b.rank);
    const out: Array<[string, TermPostings]> = [];
    for (const t of found) {
      const postings = postingsOf(t);
      if (postings) out.push([t.term, postings]);
    }
    return out;
  }

  /**
   * Only terms with pinyin postings can score in the fields fuzzy queries search (pinyin). MiniSearch's
   * fuzzy search walks its term tree the other way round from its iteration: by rank, descending.
   */
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermPostings, number]> {
    const near = this.manifest.pinyinTerms
      .map(([t, rank]) => ({ t, rank, d: editDistance(term, t, maxDistance) }))
      .filter((x) => x.d <= maxDistance)
      .sort((a, b) => b.rank - a.rank);
    const out = new Map<string, [TermPostings, number]>();
    for (const { t, d } of near) {
      const postings = this.get(t);
      if (postings) out.set(t, [postings, d]);
    }
    return out;
  }
}

/** Loads partition `i` once (a failed load is tried again by the next search). */
function load(cache: Cache, i: number, fetch: () => Promise<void>): Promise<void> {
  const have = cache.get(i);
  if (have === true) return Promise.resolve();
  if (have) return have;
  const pending = fetch().then(() => {
    cache.set(i, true);
  });
  cache.set(i, pending);
  pending.catch(() => cache.delete(i));
  return pending;
}
