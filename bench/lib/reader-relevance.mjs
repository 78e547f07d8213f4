// Reader relevance: MRR@10, hit@1 and hit@10 per category on the independent reader queries
// (test/search/reader/reader-queries.json), for our engine and two baselines run on the same
// cases in the same process: plain MiniSearch (default tokenizer, fuzzy 0.2 + prefix) and
// MiniSearch with an `Intl.Segmenter` word tokenizer (same search options).
//
// A case with `relevant: []` cannot be answered by the corpus: it counts as right when the engine
// shows no result it calls strong. Ours reports `strength` per result; a baseline has no such
// notion, so for it only "no result at all" counts as right.
// The metrics live in test/search/reader/metrics.ts (shared with the floor test); needs `--import tsx`.
import MiniSearch from 'minisearch';
import { BASELINE_OPTIONS, baselineDocs } from './data.mjs';

import { K, measure } from '../../test/search/reader/metrics.ts';

export { measure };

/** Intl.Segmenter word tokenizer (zh rules also split English on spaces), lowercased. */
export function segmenterTokenize() {
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  return (text) => [...seg.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment.toLowerCase());
}

/** The two baselines over the corpus records, as `q → {ids, weakOnly}`. */
export function baselines(corpora) {
  const docs = baselineDocs(corpora);
  const opts = { fuzzy: 0.2, prefix: true };
  const plain = new MiniSearch(BASELINE_OPTIONS);
  plain.addAll(docs);
  const segTokenize = segmenterTokenize();
  const seg = new MiniSearch({ ...BASELINE_OPTIONS, tokenize: segTokenize });
  seg.addAll(docs);
  const run = (ms) => (q) => ({ ids: ms.search(q, opts).map((r) => r.id), weakOnly: false });
  return { plain: run(plain), segmenter: run(seg) };
}

/** Our engine as `q → {ids, weakOnly}` (`weakOnly` when no result is `strong`). */
export function ours(index) {
  return (q) => {
    const results = index.search(q, { limit: K });
    const hasStrength = results.length > 0 && 'strength' in results[0];
    return {
      ids: results.map((r) => r.id),
      weakOnly: hasStrength ? results.every((r) => r.strength !== 'strong') : false,
    };
  };
}

/** All three engines on the same cases. */
export function compare({ index, corpora, cases }) {
  const base = baselines(corpora);
  return { ours: measure(cases, ours(index)), plain: measure(cases, base.plain), segmenter: measure(cases, base.segmenter) };
}

const pct = (x) => `${(x * 100).toFixed(0)}%`;

/** A plain-text table of `compare`'s result, one line per category. */
export function formatTable(r) {
  const cats = Object.keys(r.ours.byCategory).sort();
  const cell = (m) => `${m.mrr.toFixed(2)} ${pct(m.hit1).padStart(4)} ${pct(m.hit10).padStart(4)}`;
  const lines = [
    `${'category'.padEnd(28)} ${'n'.padStart(3)}  ${'ours MRR h@1 h@10'.padEnd(18)}  ${'plain MRR h@1 h@10'.padEnd(18)}  segmenter MRR h@1 h@10`,
  ];
  for (const c of [...cats, 'ALL']) {
    const get = (e) => (c === 'ALL' ? r[e].all : r[e].byCategory[c]);
    lines.push(
      `${c.padEnd(28)} ${String(get('ours').n).padStart(3)}  ${cell(get('ours')).padEnd(18)}  ${cell(get('plain')).padEnd(18)}  ${cell(get('segmenter'))}`,
    );
  }
  return lines.join('\n');
}
