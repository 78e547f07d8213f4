/**
 * Orders MiniSearch's hits: each score graded by the result's coverage of the query (see
 * `query.ts`), a bonus for a Han run of the query found unbroken in the text, and the results that
 * have everything the query asks for (each word, as typed where the corpus has it so) above those
 * that have only some. DOM-free.
 */
import type { SearchResult as MiniSearchResult } from 'minisearch';
import { coverage, hasAlternative, type QueryPlan, type Slot } from './query.js';
import { stemOfFormTerm } from './word-forms.js';

/** The fields of a keyword's names (a passage has none). */
const NAME_FIELDS: ReadonlySet<string> = new Set(['title', 'aliases']);

/** How many of the best results are checked for a Han run found unbroken, and the bonus per run. */
const CONTIGUOUS_CHECKED = 40;
const CONTIGUOUS_BONUS = 0.5;

/** A hit and its coverage (0–1). */
export interface Ranked {
  hit: MiniSearchResult;
  coverage: number;
}

/**
 * MiniSearch's own count of matched query terms is taken out (expansions would inflate it) and
 * replaced by the squared coverage, so documents matching more of the query's words and bigrams
 * come first. A Han run of three or more characters found unbroken in a document's text
 * (`holdsRun`: in its simplified text, or a sharded index's bigram places) earns a bonus. Then the
 * complete results (see {@link isComplete}) go first. Best first.
 */
export function rank(raw: MiniSearchResult[], plan: QueryPlan, holdsRun: (id: MiniSearchResult['id'], run: string) => boolean): Ranked[] {
  const complete = new Set<Ranked>();
  const out = raw.map((hit) => {
    const matched = new Set(hit.queryTerms);
    const c = coverage(plan.slots, matched);
    hit.score = (hit.score / Math.max(1, hit.queryTerms.length)) * c * c;
    const item = { hit, coverage: c };
    if (isComplete(plan.slots, matched, namedByStems(plan.slots, hit))) complete.add(item);
    return item;
  });
  out.sort((a, b) => b.hit.score - a.hit.score);
  const runs = plan.runs.filter((r) => [...r].length >= 3);
  if (runs.length > 0) {
    for (const item of out.slice(0, CONTIGUOUS_CHECKED)) {
      const whole = runs.filter((r) => holdsRun(item.hit.id, r)).length;
      if (whole > 0) item.hit.score *= 1 + CONTIGUOUS_BONUS * whole;
    }
    out.sort((a, b) => b.hit.score - a.hit.score);
  }
  return completeFirst(out, complete);
}

/**
 * True when a result satisfies every slot of the query: some alternative of each (a word's stem,
 * prefix or fuzzy neighbour, the glossary's renderings and synonyms; not the dictionary lexicon's
 * translations, which only rank), and the word as typed where the slot has it (`Slot.typed`: the
 * corpus writes the word so), unless `namedByStems` (see {@link namedByStems}).
 */
export function isComplete(slots: readonly Slot[], matched: ReadonlySet<string>, namedByStems = false): boolean {
  return slots.every((slot) =>
    slot.typed
      ? namedByStems || hasAlternative(slot.typed, matched)
      : slot.alternatives.some((alt) => !alt.dictionary && hasAlternative(alt, matched)),
  );
}

/**
 * True when a query of two or more words names a keyword by its words' stems: the stem of every
 * word it has as typed is in the keyword's names (`time banks` names "Time banking"). One word is
 * not enough: `timing` does not name "Time banking", nor `imported` "Two important details".
 */
function namedByStems(slots: readonly Slot[], hit: MiniSearchResult): boolean {
  if (slots.length < 2) return false;
  const typed = slots.filter((s) => s.typed);
  return typed.length > 0 && typed.every((s) => hit.match[stemOfFormTerm(s.typed!.terms[0]!)]?.some((f) => NAME_FIELDS.has(f)) ?? false);
}

/**
 * The complete results above the others, each group in its order: a passage with all the query's
 * words, or with a rare word as typed, comes before any passage with some of them or only their
 * neighbours, however often those occur in it. The scores of the complete results are raised by
 * the best score of the others, so scores still fall down the list.
 */
function completeFirst(out: Ranked[], complete: ReadonlySet<Ranked>): Ranked[] {
  if (complete.size === 0 || complete.size === out.length) return out;
  const partial = out.filter((item) => !complete.has(item));
  const lift = partial[0]!.hit.score;
  const first = out.filter((item) => complete.has(item));
  for (const item of first) item.hit.score += lift;
  return [...first, ...partial];
}
