/**
 * Reader relevance metrics, shared by test/search/reader-relevance.test.ts and `npm run bench`
 * (bench/lib/reader-relevance.mjs): MRR@10, hit@1 and hit@10 per category.
 *
 * A case with `relevant: []` cannot be answered by the corpus: it counts as right (1 for all three
 * figures) when the engine shows no result it calls strong (`weakOnly`), or no result at all.
 */
export interface ReaderCase {
  q: string;
  category: string;
  /** Acceptable ids, best first; `[]` = the corpus cannot answer. */
  relevant: string[];
  note?: string;
}

export interface Figures {
  n: number;
  mrr: number;
  hit1: number;
  hit10: number;
  /** Queries whose first result was not relevant. */
  failed: string[];
}

export const K = 10;

/** One case's reciprocal rank, hit@1 and hit@10. */
export function scoreCase(ids: readonly string[], c: ReaderCase, weakOnly = false): { rr: number; hit1: number; hit10: number } {
  if (c.relevant.length === 0) {
    const ok = ids.length === 0 || weakOnly ? 1 : 0;
    return { rr: ok, hit1: ok, hit10: ok };
  }
  const rank = ids.slice(0, K).findIndex((id) => c.relevant.includes(id));
  return { rr: rank < 0 ? 0 : 1 / (rank + 1), hit1: rank === 0 ? 1 : 0, hit10: rank >= 0 ? 1 : 0 };
}

/** Figures per category and overall for one engine (`search(q)` → ranked ids and whether all are weak). */
export function measure(
  cases: readonly ReaderCase[],
  search: (q: string) => { ids: string[]; weakOnly: boolean },
): { byCategory: Record<string, Figures>; all: Figures } {
  const byCategory: Record<string, Figures> = {};
  const all: Figures = { n: 0, mrr: 0, hit1: 0, hit10: 0, failed: [] };
  for (const c of cases) {
    const { ids, weakOnly } = search(c.q);
    const s = scoreCase(ids, c, weakOnly);
    for (const acc of [(byCategory[c.category] ??= { n: 0, mrr: 0, hit1: 0, hit10: 0, failed: [] }), all]) {
      acc.n++;
      acc.mrr += s.rr;
      acc.hit1 += s.hit1;
      acc.hit10 += s.hit10;
      if (!s.hit1) acc.failed.push(c.q);
    }
  }
  for (const acc of [...Object.values(byCategory), all]) {
    acc.mrr /= acc.n;
    acc.hit1 /= acc.n;
    acc.hit10 /= acc.n;
  }
  return { byCategory, all };
}
