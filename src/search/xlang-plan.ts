/**
 * Query translation through the dictionary lexicon (`xlang.ts`): alternatives for a query's slots
 * (see `query.ts`) in the other language, and English dictionary synonyms. Dictionary matches weigh
 * less than the query's own words and the editors' pairs (`MATCH_FACTOR`), so a translated match
 * alone is strong only when the translations cover the query's content words. DOM-free.
 */
import type { Query } from 'minisearch';
import { STRONG_COVERAGE, coverage, type Alternative, type PlanContext, type Slot } from './query.js';
import type { XLexicon } from './xlang.js';
import { hanBigrams } from './text.js';

/**
 * How much a dictionary match is worth (see `MATCH_FACTOR` in query.ts): a translation below the
 * editors' pairs (0.9), an English dictionary synonym of a word the index lacks weaker still.
 */
export const DICTIONARY_FACTOR = { translation: 0.72, synonym: 0.6 } as const;

/**
 * A result's grade: strong only when its coverage is, counting no dictionary synonym (they only
 * rank); translated when nothing but the dictionary's words matched.
 */
export function grade(slots: readonly Slot[], matched: ReadonlySet<string>, cover: number): { strong: boolean; translated: boolean } {
  return {
    strong: cover >= STRONG_COVERAGE && coverage(slots, matched, (alt) => alt.dictionary !== 'synonym') >= STRONG_COVERAGE,
    translated: cover > 0 && coverage(slots, matched, (alt) => alt.dictionary === undefined) === 0,
  };
}

/** The stems of a gloss (stored as its query stems, space-separated). */
const stemsOf = (gloss: string): string[] => gloss.split(' ').filter(Boolean);

/** Adds an AND sub-query for `terms` and returns the alternative it gives a slot. */
function alternative(terms: string[], kind: 'translation' | 'synonym', ctx: PlanContext, queries: Query[]): Alternative {
  const factor = DICTIONARY_FACTOR[kind];
  // Scored below the query's own words too, not only graded so: rare bigrams of a translation
  // would otherwise outscore the passage that uses the query's own words.
  queries.push({ queries: terms, fields: ctx.textFields, combineWith: 'AND', boostTerm: () => factor * factor });
  return { terms, factor, dictionary: kind };
}

/** A Han run's dictionary words searched as their English glosses, for the run's bigram slots. */
export function translateRun(xlang: XLexicon, run: string, runSlots: Slot[], ctx: PlanContext, queries: Query[]): void {
  // Each bigram slot: the translations of the words it lies in, or, where it joins two words
  // (营业|执照), of either word.
  const bySlot = runSlots.map(() => [] as Alternative[]);
  for (const word of xlang.segment(run)) {
    const alts: Alternative[] = [];
    for (const gloss of word.targets) {
      const terms = stemsOf(gloss);
      if (terms.length > 0) alts.push(alternative(terms, 'translation', ctx, queries));
    }
    // A one-character run has one slot; a word of n characters covers its n - 1 bigrams, and the
    // bigrams joining it to its neighbours.
    const from = Math.max(0, word.at - 1);
    const to = Math.min(runSlots.length, Math.max(word.at + 1, word.at + word.length));
    for (let g = from; g < to; g++) bySlot[g]!.push(...alts);
  }
  bySlot.forEach((alts, g) => runSlots[g]!.alternatives.push(...alts));
}

/**
 * English content words (their stems, one slot each) searched as the Chinese words of the index's
 * text that the dictionary gives for them, and a word the index lacks as its dictionary synonyms.
 */
export function translateWords(xlang: XLexicon, stems: string[], wordSlots: Slot[], ctx: PlanContext, queries: Query[]): void {
  for (const phrase of xlang.english(stems)) {
    const alts = phrase.targets.map((zh) => alternative(hanBigrams(zh).map(ctx.mark), 'translation', ctx, queries));
    for (let w = phrase.at; w < phrase.at + phrase.length; w++) wordSlots[w]!.alternatives.push(...alts);
  }
  stems.forEach((stem, w) => {
    if (ctx.vocab.has(stem)) return;
    for (const gloss of xlang.synonyms(stem)) {
      const terms = stemsOf(gloss);
      if (terms.length > 0) wordSlots[w]!.alternatives.push(alternative(terms, 'synonym', ctx, queries));
    }
  });
}
