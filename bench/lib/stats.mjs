// Small timing helpers shared by the bench scripts (no benchmark library: we want medians and
// p95 of individual runs, not ops/sec).

/** Value at quantile q (0..1) of the samples, nearest-rank on a sorted copy. */
export function quantile(samples, q) {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export const median = (s) => quantile(s, 0.5);
export const p95 = (s) => quantile(s, 0.95);

/** `{median, p95, min, runs}` of some samples (milliseconds). */
export function summary(samples) {
  return { median: median(samples), p95: p95(samples), min: Math.min(...samples), runs: samples.length };
}

/**
 * Times `fn` `runs` times after `warmup` untimed calls; `fn` may be async. Returns the summary and
 * the raw samples in ms.
 */
export async function time(fn, { runs = 10, warmup = 2 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return { ...summary(samples), samples };
}

/** Synchronous variant of {@link time} (no await between runs: tighter loops for sub-ms work). */
export function timeSync(fn, { runs = 10, warmup = 2 } = {}) {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    samples.push(performance.now() - t0);
  }
  return { ...summary(samples), samples };
}

/** Heap used after a full GC (needs `node --expose-gc`; without it, a best effort). */
export function heapUsed() {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

// Formatting ---------------------------------------------------------------------------------

export function ms(v) {
  if (v === undefined || v === null || Number.isNaN(v)) return 'n/a';
  if (v < 1) return `${v.toFixed(3)} ms`;
  if (v < 100) return `${v.toFixed(1)} ms`;
  return `${Math.round(v)} ms`;
}

export function bytes(v) {
  if (v === undefined || v === null || Number.isNaN(v)) return 'n/a';
  if (v < 1024) return `${v} B`;
  if (v < 1024 * 1024) return `${(v / 1024).toFixed(1)} KB`;
  return `${(v / 1024 / 1024).toFixed(2)} MB`;
}

/** `a / b` as "1.8×", for "how much slower/larger than the baseline". */
export function ratio(a, b) {
  if (!a || !b) return '';
  return `${(a / b).toFixed(a / b < 10 ? 2 : 0)}×`;
}
