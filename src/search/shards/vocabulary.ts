/** The query planner's `Vocabulary` over a sharded index's loaded parts. DOM-free. */
import { Vocabulary } from '../vocabulary.js';
import type { LoadedTerm } from './postings.js';

/** What {@link ShardVocabulary} reads from the loaded parts (undefined: not loaded, noted as missing). */
export interface VocabularySource {
  term(term: string): LoadedTerm | undefined;
  withPrefix(prefix: string): LoadedTerm[] | undefined;
  /** The loaded word forms starting with `first` and their stems, sorted (undefined: not loaded). */
  formsStartingWith(first: string): Array<[form: string, stem: string]> | undefined;
}

/** The planner's `Vocabulary`, answering from a sharded index's loaded parts. Same rules as its base. */
export class ShardVocabulary extends Vocabulary {
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
  override frequency(term: string): number {
    return this.source.term(term)?.df ?? 0;
  }
  override isAcronym(stem: string): boolean {
    return this.source.term(stem)?.acronym ?? false;
  }
  override withPrefix(prefix: string, isHan: (t: string) => boolean): string[] {
    return (this.source.withPrefix(prefix) ?? [])
      .filter((t) => t.df > 0 && t.term !== prefix && !isHan(t.term))
      .map((t) => t.term)
      .sort();
  }
  override near(word: string, maxDistance: number): Array<{ term: string; distance: number }> {
    const forms = this.source.formsStartingWith(word[0]!);
    if (!forms) return [];
    // The base class's rule over just these forms.
    const probe = new Vocabulary();
    for (const [form, stem] of forms) probe.addForm(form, stem);
    return probe.near(word, maxDistance);
  }
}
