// Bytes: raw, gzip (zlib level 9) and brotli (quality 11) of the dist bundles and the default index,
// next to plain MiniSearch (its bundle, and its serialised index of the same documents); and the
// budgets of issue 14 as `npm run build` measured them (dist/sizes.json: the loader, a keyword
// popover's first opening, the search box's first search).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import { BASELINE_OPTIONS, baselineDocs, dist, loadCorpora } from './lib/data.mjs';
import { baselineBundles } from './lib/bundles.mjs';
import { finish, isMain, Results } from './lib/report.mjs';

export const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
export const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;

export function sizes(buf) {
  return { raw: buf.length, gzip: gzip(buf), brotli: brotli(buf) };
}

/** The baseline's serialised index (what a site would ship for plain MiniSearch). */
export function baselineIndexJSON(corpora = loadCorpora()) {
  const ms = new MiniSearch(BASELINE_OPTIONS);
  ms.addAll(baselineDocs(corpora));
  return JSON.stringify(ms);
}

export async function run() {
  const r = new Results('size', 'Size (raw / gzip -9 / brotli 11; ratio on gzip)');
  const { minisearch } = await baselineBundles();
  const msBundle = sizes(readFileSync(minisearch));
  const files = [
    [
      'es',
      'bj-policy-widgets.js (the loader: elements, triggers, search box)',
      'bj-policy-widgets.js',
      msBundle,
      'baseline: minisearch alone, minified',
    ],
    [
      'iife',
      'bj-policy-widgets.iife.js (classic script: imports the loader)',
      'bj-policy-widgets.iife.js',
      msBundle,
      'baseline: minisearch alone, minified',
    ],
    ['search', 'search.js (headless search API)', 'search.js', msBundle, 'baseline: minisearch alone, minified'],
  ];
  for (const [id, label, file, base, note] of files) {
    const p = path.join(dist, file);
    if (!existsSync(p)) {
      r.missing(id, label, `dist/${file} missing (npm run build)`);
      continue;
    }
    const s = sizes(readFileSync(p));
    r.add(id, label, s, { unit: 'sizes', baseline: base, note });
  }
  const budgetsPath = path.join(dist, 'sizes.json');
  const budgets = existsSync(budgetsPath) ? (JSON.parse(readFileSync(budgetsPath, 'utf8')).budgets ?? []) : [];
  for (const [i, b] of budgets.entries()) {
    r.add(`budget.${i}`, `budget: ${b.name}`, b.gzip, {
      unit: 'B',
      note: `limit ${b.limit} KB gzip; ${b.files.length} files`,
    });
  }
  const indexPath = path.join(dist, 'bj-index.json');
  const base = sizes(Buffer.from(baselineIndexJSON()));
  if (existsSync(indexPath)) {
    const s = sizes(readFileSync(indexPath));
    const note = 'baseline: JSON.stringify(MiniSearch) of the same docs, texts stored';
    r.add('index', 'bj-index.json (default corpus)', s, { unit: 'sizes', baseline: base, note });
  } else {
    r.missing('index', 'bj-index.json (default corpus)', 'dist/bj-index.json missing (npm run build:index)');
  }
  return r;
}

if (isMain(import.meta.url)) finish(await run());
