/**
 * The corpus vocabulary as the query planner sees it: document frequencies (idf) of the indexed
 * terms, the words as written (for typo matching) and the corpus's acronyms, collected while the
 * engine indexes (see `engine.ts`). DOM-free.
 */
import { lowerBound } from './bisect.js';
import { editDistance } from './edit-distance.js';

/** Document frequencies of the indexed terms of the text fields, collected while indexing. */
export class Vocabulary {
  private readonly df = new Map<string, number>();
  private readonly lastDoc = new Map<string, number>();
  /** Word forms as written (folded, not stemmed) → their stem, for typo matching (`emplyment`). */
  private readonly surface = new Map<string, string>();
  /** Stems of words the corpus writes in capitals (`IPR`, `SRAS`, `QR`). */
  private readonly acronyms = new Set<string>();
  private sortedWords?: string[];
  private sortedSurface?: string[];
  /** Number of documents seen. */
  docs = 0;

  /** Marks the start of the next document. */
  nextDocument(): void {
    this.docs++;
  }

  /** Records an indexed term of the current document. */
  add(term: string): void {
    if (this.lastDoc.get(term) === this.docs) return;
    this.lastDoc.set(term, this.docs);
    this.df.set(term, (this.df.get(term) ?? 0) + 1);
    this.sortedWords = undefined;
  }

  /** Records how an indexed word was written (`written` as in the text, `stem` as indexed). */
  addForm(written: string, stem: string): void {
    const folded = written.toLowerCase();
    if (!this.surface.has(folded)) {
      this.surface.set(folded, stem);
      this.sortedSurface = undefined;
    }
    if (/^[A-Z]{2,6}s?$/.test(written)) this.acronyms.add(stem);
  }

  /** True when the corpus writes this stem as an acronym. */
  isAcronym(stem: string): boolean {
    return this.acronyms.has(stem);
  }

  /** Document frequency of each text term (what a sharded index ships in its term partitions). */
  documentFrequencies(): ReadonlyMap<string, number> {
    return this.df;
  }

  /** Each word form as written (folded) → its stem (what a sharded index ships in its form partitions). */
  writtenForms(): ReadonlyMap<string, string> {
    return this.surface;
  }

  has(term: string): boolean {
    return this.df.has(term);
  }

  /** How many documents have the term (0 for a term the corpus lacks). */
  frequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** Inverse document frequency: high for rare terms and for terms the corpus lacks. */
  idf(term: string): number {
    return Math.log(1 + this.docs / (this.frequency(term) + 1));
  }

  /** Terms that start with `prefix`, the term itself and those `isHan` (or any other kind it names) excluded. */
  withPrefix(prefix: string, isHan: (t: string) => boolean): string[] {
    const terms = (this.sortedWords ??= [...this.df.keys()].sort());
    const out: string[] = [];
    for (let i = lowerBound(terms, prefix); i < terms.length && terms[i]!.startsWith(prefix); i++)
      if (terms[i] !== prefix && !isHan(terms[i]!)) out.push(terms[i]!);
    return out;
  }

  /**
   * Word terms within `maxDistance` edits of `word` that start with the same letter (typos on a
   * phone keyboard rarely hit the first letter; `route` is not `out`), the word itself excluded.
   */
  near(word: string, maxDistance: number): Array<{ term: string; distance: number }> {
    const forms = (this.sortedSurface ??= [...this.surface.keys()].sort());
    const best = new Map<string, number>();
    for (const t of this.withPrefixRange(forms, word[0]!)) {
      if (t === word || Math.abs(t.length - word.length) > maxDistance) continue;
      const d = editDistance(word, t, maxDistance, true);
      const stem = this.surface.get(t)!;
      if (d <= maxDistance && d < (best.get(stem) ?? Infinity)) best.set(stem, d);
    }
    return [...best].map(([term, distance]) => ({ term, distance }));
  }

  private *withPrefixRange(words: string[], first: string): Iterable<string> {
    for (let i = lowerBound(words, first); i < words.length && words[i]!.startsWith(first); i++) yield words[i]!;
  }
}
