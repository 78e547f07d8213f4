#!/usr/bin/env node
// `npm run bench`: every figure of bj-policy-widgets next to its baseline, and the targets.
//
//   node bench/run.mjs                 all suites (builds dist/ first when missing or stale)
//   node bench/run.mjs --only size,page
//   node bench/run.mjs --no-build      use dist/ as it is
//   node bench/run.mjs --update-docs   also writes the summary into docs/performance.md (between the
//                                      bench:start / bench:end markers)
//   node bench/run.mjs --docs-from bench/results.json   only rewrite docs/performance.md from a results file
//
// Each suite is a small script in bench/ (run alone: `node --expose-gc --import tsx bench/<name>.mjs`),
// started here in a child process of its own. Prints one table and the targets (✓/✗, never a
// failing exit code for a missed target), and writes bench/results.json (gitignored).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM } from './lib/browser.mjs';
import { dist, root, scratch } from './lib/data.mjs';
import { formatValue, log, table, writeDocsBlock } from './lib/report.mjs';

const started = Date.now();
const DOCS = path.join(root, 'docs', 'performance.md');
/**
 * The whole run should stay under 5 minutes on 2 cores; growth (last) gets what is left and skips
 * (and extrapolates) sizes that would not fit. `BJ_BENCH_BUDGET=900 npm run bench` (seconds) gives
 * it room to measure 100k passages too.
 */
const BUDGET_MS = (Number(process.env.BJ_BENCH_BUDGET) || 285) * 1000;
const SUITES = ['size', 'index', 'query', 'longtask', 'browser', 'transfer', 'page', 'sites', 'planted', 'growth'];

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : SUITES;
const noBuild = args.includes('--no-build');

if (args.includes('--docs-from')) {
  const saved = JSON.parse(readFileSync(path.resolve(args[args.indexOf('--docs-from') + 1]), 'utf8'));
  updateDocs(saved);
  process.exit(0);
}

// 1. dist/ up to date (npm run build) ------------------------------------------------------------
const OUTPUTS = ['bj-policy-widgets.js', 'bj-policy-widgets.iife.js', 'search.js', 'search-worker.js', 'bj-index.json'].map((f) =>
  path.join(dist, f),
);
const INPUTS = ['src', 'data', 'package.json', 'vite.config.ts', 'scripts/build.mjs'].map((f) => path.join(root, f));

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

function stale() {
  if (OUTPUTS.some((f) => !existsSync(f))) return 'dist/ is incomplete';
  const oldest = Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs));
  return newest(INPUTS[0]) > oldest || INPUTS.slice(1).some((f) => newest(f) > oldest) ? 'dist/ is older than its sources' : '';
}

const reason = noBuild ? '' : stale();
let built = 'dist/ up to date';
if (reason) {
  log(`bench: ${reason}; running npm run build…`);
  const t0 = Date.now();
  const res = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
  built =
    res.status === 0
      ? `npm run build (${((Date.now() - t0) / 1000).toFixed(0)} s)`
      : `npm run build FAILED (exit ${res.status}); figures use what dist/ has`;
  log(`bench: ${built}`);
}

// 2. Suites ---------------------------------------------------------------------------------------
mkdirSync(scratch, { recursive: true });
const results = [];
for (const name of SUITES.filter((s) => only.includes(s))) {
  const out = path.join(scratch, `${name}.result.json`);
  const t0 = Date.now();
  log(`bench: ${name}…`);
  const res = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(root, 'bench', `${name}.mjs`), '--json', out], {
    cwd: root,
    stdio: ['ignore', process.stderr, 'inherit'],
    env: { ...process.env, BJ_BENCH_DEADLINE: String(started + BUDGET_MS) },
    timeout: Math.max(60_000, started + BUDGET_MS + 60_000 - Date.now()),
  });
  if (res.status === 0 && existsSync(out) && statSync(out).mtimeMs >= t0 - 1000) {
    results.push(JSON.parse(readFileSync(out, 'utf8')));
  } else {
    results.push({
      suite: name,
      title: name,
      rows: [
        {
          id: `${name}.failed`,
          label: `${name} suite`,
          value: null,
          unit: 'text',
          note: `failed (exit ${res.status ?? res.signal}); run \`node --import tsx bench/${name}.mjs\` to see why`,
        },
      ],
      notes: [],
    });
  }
  log(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// 3. Targets (default corpus), read off the table ------------------------------------------------
const rows = new Map(results.flatMap((s) => s.rows.map((r) => [r.id, r])));
const KB = 1024;
const TARGETS = [
  {
    what: 'JavaScript before interaction ≤ 25 KB gzip (the loader)',
    row: 'size.es',
    get: (r) => r.value?.gzip,
    ok: (v) => v <= 25 * KB,
    show: (v) => `${formatValue(v, 'B')} (${v} B; dist/bj-policy-widgets.js, gzip -9)`,
  },
  {
    what: 'index ≤ 40 KB gzip',
    row: 'size.index',
    get: (r) => r.value?.gzip,
    ok: (v) => v <= 40 * KB,
    show: (v) => `${formatValue(v, 'B')} (${v} B)`,
  },
  {
    what: '0 bytes of index before the first interaction',
    row: 'transfer.before.index',
    get: (r) => r.value,
    ok: (v) => v === 0,
    show: (v) => `${v} B`,
  },
  {
    what: 'query p95 ≤ 1 ms (Chromium)',
    row: 'browser.query.p95',
    get: (r) => r.value,
    ok: (v) => v <= 1,
    show: (v) => formatValue(v, 'ms'),
  },
  {
    what: 'no task over 50 ms: "的" over a 20,000-character passage',
    row: 'longtask.max',
    get: (r) => r.value,
    ok: (v) => v <= 50,
    show: (v) => `${formatValue(v, 'ms')} (longest of 15)`,
  },
  {
    what: '2,000 keywords upgraded ≤ 50 ms',
    row: 'page.upgrade',
    get: (r) => r.value,
    ok: (v) => v <= 50,
    show: (v) => `${formatValue(v, 'ms')} (median)`,
  },
  // Issue 16, read at the largest generated site measured (bench/sites.mjs), against Pagefind in the same run.
  ...siteTargets(),
  // Issue 24, relevance at scale: planted answers (bench/planted.mjs) at each size measured.
  ...plantedTargets(),
];

/** The issue-24 relevance targets at each planted-answer size that has rows, for each of our layouts. */
function plantedTargets() {
  const found = [...rows.keys()].map((id) => /^planted\.(\d+)\.(\w+)\.all\.hit10$/.exec(id)).filter(Boolean);
  const pct = (v) => `${(v * 100).toFixed(0)}%`;
  return found.flatMap(([, size, engine]) => {
    const at = `planted answers, ${Number(size).toLocaleString('en-US')} passages, ${engine === 'single' ? 'one file' : engine}`;
    const id = (c, m) => `planted.${size}.${engine}.${c}.${m}`;
    return [
      {
        what: `${at}: hit@10 ≥ 95 % and ≥ Pagefind's`,
        row: id('all', 'hit10'),
        get: (r) => r.value,
        ok: (v) => v >= 0.95 && v >= (rows.get(id('all', 'hit10'))?.baseline ?? 0),
        show: (v) => `${pct(v)} (Pagefind ${pct(rows.get(id('all', 'hit10'))?.baseline ?? NaN)})`,
      },
      {
        what: `${at}: the exact form ≥ 90 % of a rare word's top ten`,
        row: id('rare-en', 'exact'),
        get: (r) => Math.min(r.value, rows.get(id('rare-zh', 'exact'))?.value ?? r.value),
        ok: (v) => v >= 0.9,
        show: () =>
          `English ${pct(rows.get(id('rare-en', 'exact')).value)}, Chinese ${pct(rows.get(id('rare-zh', 'exact'))?.value ?? NaN)} (Pagefind ${pct(rows.get(id('rare-en', 'exact')).baseline ?? NaN)}, ${pct(rows.get(id('rare-zh', 'exact'))?.baseline ?? NaN)})`,
      },
    ];
  });
}

/** The issue-16 targets at the largest site size that has rows. */
function siteTargets() {
  const sizes = [...rows.keys()]
    .map((id) => /^sites\.(\d+)\.first$/.exec(id)?.[1])
    .filter(Boolean)
    .map(Number);
  if (sizes.length === 0) return [];
  const n = Math.max(...sizes);
  const at = `${n.toLocaleString('en-US')} passages`;
  const vs = (factor, what) => ({
    get: (r) => (r.baseline ? r.value / r.baseline : NaN),
    ok: (v) => v <= factor,
    show: (v) => `${v.toFixed(2)}× Pagefind's ${what}`,
  });
  return [
    { what: `site, ${at}: first-answer bytes ≤ Pagefind's`, row: `sites.${n}.first`, ...vs(1, 'bytes') },
    { what: `site, ${at}: first-answer time ≤ Pagefind's`, row: `sites.${n}.firstMs`, ...vs(1, 'time') },
    {
      what: `site, ${at}: no main-thread task over 50 ms from the first query on`,
      row: `sites.${n}.longest`,
      get: (r) => r.value,
      ok: (v) => v <= 50,
      show: (v) => formatValue(v, 'ms'),
    },
    { what: `site, ${at}: memory ≤ 2× Pagefind's (JS + WASM)`, row: `sites.${n}.heap`, ...vs(2, 'memory') },
    { what: `site, ${at}: warm query p95 ≤ half Pagefind's`, row: `sites.${n}.warmP95`, ...vs(0.5, 'p95') },
    ...growthTargets(n, vs),
  ];
}

/**
 * Issue 24's targets on the growth table at `n` passages, for each site shape measured: bytes of the
 * first answer and of the next five queries ≤ Pagefind's in both query languages (UI vs UI and API
 * vs API), on the phone profile the first answer ≤ Pagefind's time and no task over 50 ms, and the
 * build ≤ 1.5× Pagefind's time.
 */
function growthTargets(n, vs) {
  const at = `${n.toLocaleString('en-US')} passages`;
  const shapes = [...rows.keys()]
    .filter((id) => id.startsWith(`sites.${n}.`) && id.endsWith('.buildMs'))
    .map((id) => id.slice(`sites.${n}`.length, -'.buildMs'.length));
  return shapes.flatMap((shape) => {
    const page = shape === '.p1' ? 'a page a passage' : '50 passages a page';
    // English UIs on the 50-a-page site keep the rows' first ids (the issue-16 targets above read them).
    const id = (lang, mode, metric) =>
      shape === '' && lang === 'en' && mode !== 'api'
        ? `sites.${n}.${mode === 'phone' ? 'phone.' : ''}${metric}`
        : `sites.${n}${shape}.${lang}.${mode}.${metric}`;
    const out = [];
    for (const lang of ['en', 'zh']) {
      const where = `site, ${at}, ${page}, ${lang === 'en' ? 'English' : 'Chinese'}`;
      for (const mode of ['ui', 'api']) {
        const pair = mode === 'ui' ? 'element vs UI' : 'API vs API';
        out.push({ what: `${where}, ${pair}: first-answer bytes ≤ Pagefind's`, row: id(lang, mode, 'first'), ...vs(1, 'bytes') });
        out.push({ what: `${where}, ${pair}: next-five bytes ≤ Pagefind's`, row: id(lang, mode, 'next5'), ...vs(1, 'bytes') });
      }
      out.push({ what: `${where}, phone: first answer ≤ Pagefind UI's time`, row: id(lang, 'phone', 'firstMs'), ...vs(1, 'time') });
      out.push({
        what: `${where}, phone: no main-thread task over 50 ms`,
        row: id(lang, 'phone', 'longest'),
        get: (r) => r.value,
        ok: (v) => v <= 50,
        show: (v) => formatValue(v, 'ms'),
      });
    }
    out.push({ what: `site, ${at}, ${page}: build ≤ 1.5× Pagefind's time`, row: `sites.${n}${shape}.buildMs`, ...vs(1.5, 'build time') });
    return out;
  });
}
const targets = TARGETS.map((t) => {
  const r = rows.get(t.row);
  const v = r ? t.get(r) : undefined;
  const measured = typeof v === 'number' && !Number.isNaN(v);
  return {
    target: t.what,
    row: t.row,
    value: measured ? v : null,
    measured: measured ? t.show(v) : 'not measured',
    met: measured ? t.ok(v) : null,
  };
});

// 4. Output ---------------------------------------------------------------------------------------
const seconds = (Date.now() - started) / 1000;
let chromium = 'unknown';
try {
  chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  // no Chromium: the figure says "unknown"
}
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout: the figure says "unknown"
}
const env = {
  date: new Date().toISOString(),
  commit,
  node: process.version,
  chromium,
  cpu: `${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}`,
  loadavg: os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' '),
  build: built,
  seconds,
};

const lines = [];
lines.push(table(results));
lines.push('');
lines.push('| Target (default corpus) | Measured | |');
lines.push('| --- | --- | :---: |');
for (const t of targets) lines.push(`| ${t.target} | ${t.measured} | ${t.met === null ? '–' : t.met ? '✓' : '✗'} |`);
lines.push('');
for (const s of results) for (const n of s.notes ?? []) lines.push(`- ${s.suite}: ${n}`);
lines.push(
  `- Baseline: plain MiniSearch 7, default options (\`new MiniSearch({fields, storeFields})\`, default tokenizer) on the same documents, in the same process/page; "fuzzy" = \`{fuzzy: 0.2, prefix: true}\`.`,
);
lines.push(
  `- Medians of repeated runs; KB = 1024 bytes. ${env.cpu}, Node ${env.node}, ${env.chromium}; load average ${env.loadavg} at the end; ${env.build}; ${seconds.toFixed(0)} s in all.`,
);
console.log(lines.join('\n'));
const saved = { env, targets, suites: results };
writeFileSync(path.join(root, 'bench', 'results.json'), JSON.stringify(saved, null, 2));
if (args.includes('--update-docs')) updateDocs(saved);
log(`bench: wrote bench/results.json (${seconds.toFixed(0)} s)`);

// docs/performance.md "Performance" block: the targets and the main figures (all of them are in
// results.json), the default corpus (one-file index) apart from a large site (sharded index).
function updateDocs({ env, targets, suites }) {
  const rows = new Map(suites.flatMap((s) => s.rows.map((r) => [r.id, r])));
  const pick = (ids) => ids.map((id) => rows.get(id)).filter(Boolean);
  const main = pick([
    'size.es',
    'size.search',
    'size.index',
    'transfer.before.total',
    'transfer.before.index',
    'transfer.hover',
    'transfer.search',
    'index.build',
    'browser.load',
    'browser.ready',
    'browser.query.p50',
    'browser.query.p95',
    'browser.query.first',
    'browser.relevance',
    'page.upgrade',
    'page.popover',
    'page.annotate',
    ...suites.filter((s) => s.suite === 'query').flatMap((s) => s.rows.map((r) => r.id).filter((id) => id.startsWith('query.reader'))),
  ]);
  // The one-file index as it grows; the "phone limit" rows are left out: above about 1,000 passages
  // bj-index writes a sharded index, whose figures are the site table's.
  const growth = pick(
    suites
      .filter((s) => s.suite === 'growth')
      .flatMap((s) => s.rows.map((r) => r.id).filter((id) => /\.(gzip|ready|p95|heap|core|shard)(\.est)?$|^growth\.\d+$/.test(id))),
  );
  const figures = (title, chosen) =>
    table([{ title, rows: chosen }])
      .split('\n')
      .filter((l) => !l.startsWith('| **'))
      .join('\n');
  const targetRows = (list) => list.map((t) => `| ${t.target} | ${t.measured} | ${t.met === null ? '–' : t.met ? '✓' : '✗'} |`);
  const isSite = (t) => t.target.startsWith('site, ');
  const lines = [
    `Measured by \`npm run bench\` on ${env.date.slice(0, 10)} at ${env.commit} (${env.cpu}, Node ${env.node}, ${env.chromium}; load average ${env.loadavg}; ${env.build}; ${Math.round(env.seconds)} s in all).`,
    '`node bench/run.mjs --update-docs` refreshes this block; [bench/README.md](../bench/README.md) says what each figure measures, `bench/results.json` holds all of them.',
    'Baseline: plain MiniSearch 7 with default options on the same documents, in the same process or page ("fuzzy": `{fuzzy: 0.2, prefix: true}`). Medians unless marked; KB = 1024 bytes.',
    '',
    '### Targets',
    '',
    '| Target: default corpus (one-file index) | Measured | |',
    '| --- | --- | :---: |',
    ...targetRows(targets.filter((t) => !isSite(t))),
    '',
    '| Target: a generated site (sharded index), against Pagefind | Measured | |',
    '| --- | --- | :---: |',
    ...targetRows(targets.filter(isSite)),
    '',
    '### Default corpus (one-file index)',
    '',
    figures('Main figures', main),
    '',
    '### The one-file index as it grows (synthetic corpora, `--shards never`)',
    '',
    'A site above about 1,000 passages gets a sharded index by default; its figures are in "A site of any size" below.',
    '',
    figures('Growth', growth),
  ];
  const text = readFileSync(DOCS, 'utf8'); // re-read right before writing: others edit the page too
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) {
    log('bench: docs/performance.md has no bench:start/bench:end markers; not updated');
    return;
  }
  writeFileSync(DOCS, `${text.slice(0, a + start.length)}\n${lines.join('\n')}\n${text.slice(b)}`);
  log('bench: docs/performance.md Performance block updated');
  const sites = suites.find((suite) => suite.suite === 'sites')?.markdown;
  if (sites) writeDocsBlock('sites', sites);
}
