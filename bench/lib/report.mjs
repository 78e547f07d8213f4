// Results of a bench script: rows of figures, each next to its baseline, printed as a table and
// written as JSON. Every script runs alone (`node --expose-gc --import tsx bench/<name>.mjs`) or
// under `bench/run.mjs`, which passes `--json <file>` and merges the files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bytes, ms, ratio } from './stats.mjs';

export class Results {
  constructor(suite, title) {
    this.suite = suite;
    this.title = title;
    this.rows = [];
    this.notes = [];
    this.started = Date.now();
  }

  /**
   * One figure. `unit`: 'ms' | 'B' | 'sizes' (`{raw, gzip, brotli}` bytes; ratio on gzip) | 'x' (plain
   * number) | 'text'. `baseline` is the same figure for
   * plain MiniSearch (or the named baseline), measured in the same process ('share': a fraction
   * shown as a percentage); `detail` holds raw
   * numbers (samples' summary) for results.json.
   */
  add(id, label, value, { unit = 'ms', baseline, note, detail } = {}) {
    this.rows.push({ id: `${this.suite}.${id}`, label, value, unit, baseline, note, detail });
    return value;
  }

  note(text) {
    this.notes.push(text);
    log(`${this.suite}: note: ${text}`);
  }

  /** A figure that could not be measured, with why. */
  missing(id, label, why) {
    this.rows.push({ id: `${this.suite}.${id}`, label, value: null, unit: 'text', note: why });
  }

  toJSON() {
    const data = { suite: this.suite, title: this.title, seconds: (Date.now() - this.started) / 1000, rows: this.rows, notes: this.notes };
    // A table of the suite's own shape (bench/sites.mjs: the growth table), written into the docs as it is.
    return this.markdown ? { ...data, markdown: this.markdown } : data;
  }
}

export function log(...a) {
  process.stderr.write(`${a.join(' ')}\n`);
}

export function formatValue(v, unit) {
  if (v === null || v === undefined) return 'n/a';
  if (unit === 'ms') return ms(v);
  if (unit === 'B') return bytes(v);
  if (unit === 'sizes')
    return Number.isNaN(v.brotli ?? NaN) ? `${bytes(v.raw)} / ${bytes(v.gzip)}` : `${bytes(v.raw)} / ${bytes(v.gzip)} / ${bytes(v.brotli)}`;
  if (unit === 'x') return typeof v === 'number' ? v.toLocaleString('en-US') : String(v);
  if (unit === 'share') return typeof v === 'number' ? `${(v * 100).toFixed(0)}%` : String(v);
  return String(v);
}

/** A Markdown-compatible table of the suites' rows (plain text reads fine in a terminal too). */
export function table(suites) {
  const lines = ['| Figure | bj-policy-widgets | Baseline | Ratio | Note |', '| --- | ---: | ---: | ---: | --- |'];
  for (const s of suites) {
    lines.push(`| **${s.title}** | | | | |`);
    for (const r of s.rows) {
      const base = r.baseline === undefined ? '' : formatValue(r.baseline, r.unit);
      const num = (v) => (r.unit === 'sizes' && v ? v.gzip : v);
      const rat =
        typeof num(r.value) === 'number' && typeof num(r.baseline) === 'number' && r.unit !== 'text'
          ? ratio(num(r.value), num(r.baseline))
          : '';
      lines.push(`| ${r.label} | ${formatValue(r.value, r.unit)} | ${base} | ${rat} | ${r.note ?? ''} |`);
    }
  }
  return lines.join('\n');
}

/** Ends a script: prints its table to stdout and writes `--json <file>` when given. */
export function finish(results) {
  const data = results.toJSON();
  const at = process.argv.indexOf('--json');
  if (at >= 0) {
    const file = process.argv[at + 1];
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(data, null, 2));
  } else {
    console.log(table([data]));
    for (const n of data.notes) console.log(`- ${n}`);
  }
}

/** True when this module is the script node was started with. */
export function isMain(url) {
  return url === `file://${path.resolve(process.argv[1] ?? '')}`;
}

/**
 * Writes `text` into docs/performance.md between the `<!-- NAME:start -->` and `<!-- NAME:end -->`
 * markers, with the date; leaves the page alone (and says so) when the markers are missing.
 */
export function writeDocsBlock(name, text) {
  const docs = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'docs', 'performance.md');
  const page = readFileSync(docs, 'utf8'); // read right before writing: others edit the page too
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = page.indexOf(start);
  const b = page.indexOf(end);
  if (a < 0 || b < a) {
    log(`bench: docs/performance.md has no ${name}:start/${name}:end markers; not updated`);
    return;
  }
  let commit = 'an uncommitted tree';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout.
  }
  const cpus = os.cpus();
  const when = `Measured ${new Date().toISOString().slice(0, 10)} at ${commit} on ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, load average ${os.loadavg()[0].toFixed(1)} at the end.`;
  writeFileSync(docs, `${page.slice(0, a + start.length)}\n${when}\n\n${text}\n${page.slice(b)}`);
  log(`bench: docs/performance.md ${name} block updated`);
}
