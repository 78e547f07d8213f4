/**
 * Orders MiniSearch's hits: each score graded by the result's coverage of the query (see
 * `query.ts`), and a bonus for a Han run of the query found unbroken in the text. DOM-free.
 */
import type { SearchResult as MiniSearchResult } from 'minisearch';
import { coverage, type QueryPlan } from './query.js';

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
 * (`holdsRun`: in its simplified text, or a sharded index's bigram places) earns a bonus. Best first.
 */
export function rank(raw: MiniSearchResult[], plan: QueryPlan, holdsRun: (id: MiniSearchResult['id'], run: string) => boolean): Ranked[] {
  const out = raw.map((hit) => {
    const c = coverage(plan.slots, new Set(hit.queryTerms));
    hit.score = (hit.score / Math.max(1, hit.queryTerms.length)) * c * c;
    return { hit, coverage: c };
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
  return out;
}
