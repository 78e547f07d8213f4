#!/usr/bin/env node
// `npm run build`: everything a webmaster or a package user gets, in dist/ (copied as a folder).
//
//   dist/bj-policy-widgets.js        the loader (ES module): defines the elements, draws keyword
//                                    triggers and the search box; imports the rest on first need from
//   dist/chunks/*.js                 popover, search, annotation, index reader, translations (+ .map)
//   dist/bj-policy-widgets.iife.js   classic <script src defer>: imports the loader next to itself
//   dist/annotate.js                 headless annotation (`bj-policy-widgets/annotate`)
//   dist/glossary.js                 <bj-glossary>, a glossary page's own script (`bj-policy-widgets/glossary`)
//   dist/search.js                   headless search API, no Lit/DOM, one file (+ .map)
//   dist/search-worker.js            the search worker, started from next to the loader (+ .map), and
//   dist/chunks/worker-*.js          its sharded index reader, imported for a sharded index only
//   dist/bj-index.json               the default index (npm run build:index)
//   dist/cli/bj-index.js             the bj-index command (npm run build:cli)
//   dist/types/                      type declarations (tsc -p tsconfig.build.json)
//   dist/custom-elements.json        element manifest (cem analyze --litelement)
//
// Ends with a size table (raw and gzip bytes) and the budgets (gzip): the loader, what a page has
// loaded once a keyword's popover first opens, and once the search box first searches. The build
// fails when one is exceeded. `--update-docs` also writes both tables into docs/performance.md between
// the `sizes:start` / `sizes:end` markers.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstNonAscii } from './vite-plugin-ascii-only.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const rel = (p) => path.relative(root, p);
const quiet = process.argv.includes('--quiet');
const log = (...a) => quiet || console.log(...a);

/** Runs a command; resolves when it exits 0, rejects (with its name) otherwise. */
function run(cmd, args, env = {}) {
  const label = [path.basename(cmd), ...args].join(' ');
  log(`build: ${label}`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`bj: \`${label}\` failed (${signal ?? `exit ${code}`}); see its output above`)),
    );
  });
}
const npmRun = (script) => run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script]);

function fail(message) {
  console.error(message);
  process.exit(1);
}

const started = Date.now();
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const manifestPath = path.join(root, pkg.customElements ?? 'dist/custom-elements.json');
if (rel(manifestPath) !== path.join('dist', 'custom-elements.json')) {
  fail('bj: package.json "customElements" must be dist/custom-elements.json, where scripts/cem.config.mjs writes it');
}
mkdirSync(dist, { recursive: true });
rmSync(path.join(dist, 'types'), { recursive: true, force: true });
// Chunks have content hashes in their names: old ones would pile up.
rmSync(path.join(dist, 'chunks'), { recursive: true, force: true });

// The steps are independent (each writes its own files), so they run side by side.
await Promise.all([
  // 1. CLI, then the default index with it (both owned by the CLI: npm run build:cli / build:index).
  npmRun('build:cli').then(() => npmRun('build:index')),
  // 2. Browser bundles: one Vite library build per target (vite.config.ts reads BJ_TARGET).
  ...['es', 'iife', 'search', 'worker'].map((target) => run(bin('vite'), ['build', '--logLevel', 'warn'], { BJ_TARGET: target })),
  // 3. Type declarations.
  run(bin('tsc'), ['-p', 'tsconfig.build.json']),
  // 4. Custom elements manifest, where package.json's "customElements" points.
  run(bin('cem'), ['analyze', '--config', 'scripts/cem.config.mjs', '--quiet']),
]).catch((err) => fail(err.message));

// 5. Checks: exactly the expected files (the loader's parts only in chunks/), ASCII only, production
// Lit, a DOM-free search.js.
const expected = ['bj-policy-widgets.js', 'bj-policy-widgets.iife.js', 'annotate.js', 'glossary.js', 'search.js', 'search-worker.js'];
const strayFiles = readdirSync(dist).filter((f) => f.endsWith('.js') && !expected.includes(f));
if (strayFiles.length) fail(`bj: unexpected files in dist/: ${strayFiles.join(', ')}; the loader's parts belong in dist/chunks/`);
const chunkFiles = readdirSync(path.join(dist, 'chunks'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `chunks/${f}`);
for (const f of [...expected, ...chunkFiles]) {
  // A GBK page whose server sends .js without a charset decodes the file as GBK (docs/webmasters.md, "Pages not in UTF-8").
  const bytes = readFileSync(path.join(dist, f));
  const at = firstNonAscii(bytes);
  if (at >= 0) {
    const around = bytes.subarray(Math.max(0, at - 30), at + 10).toString('utf8');
    fail(
      `bj: dist/${f} has a non-ASCII byte at offset ${at} (…${around}…); every bundle and chunk must be ASCII-only, see scripts/vite-plugin-ascii-only.mjs`,
    );
  }
  const code = bytes.toString('utf8');
  if (/Lit is in dev mode/.test(code)) fail(`bj: dist/${f} contains Lit's development build; check resolve.conditions in vite.config.ts`);
  if (!existsSync(path.join(dist, `${f}.map`))) fail(`bj: dist/${f}.map is missing`);
  // Every import is relative (./ or ../), so the folder works wherever it is copied.
  const absolute = /\bimport\s*\(\s*["'](?!\.\.?\/)|\}\s*from\s*["'](?!\.\.?\/)|\bimport\s*["'](?!\.\.?\/)/.exec(code);
  if (absolute && f !== 'search.js' && f !== 'search-worker.js')
    fail(`bj: dist/${f} imports a bare or absolute path (${code.slice(absolute.index, absolute.index + 60)}); imports must be relative`);
}
const search = readFileSync(path.join(dist, 'search.js'), 'utf8');
if (/\bimport\s*\(|^\s*import\s.+from\s*["']/m.test(search))
  fail('bj: dist/search.js still imports other files; it must be self-contained');
if (/customElements|attachShadow|LitElement/.test(search)) fail('bj: dist/search.js pulls in Lit or the DOM; it must stay headless');
// The worker imports nothing but its own lazy parts (chunks/worker-*.js), and those only itself.
const workerChunks = chunkFiles.filter((f) => f.startsWith('chunks/worker-'));
for (const f of ['search-worker.js', ...workerChunks]) {
  const code = readFileSync(path.join(dist, f), 'utf8');
  const own = f === 'search-worker.js' ? /^\.\/chunks\/worker-/ : /^(\.\/worker-|\.\.\/search-worker\.js$)/;
  // Minified output: static imports open a statement; dynamic ones are calls of import with a string.
  for (const m of code.matchAll(/(?:^|[;}])import\s*(?:[^"';]*?\bfrom\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
    const spec = m[1] ?? m[2];
    if (!own.test(spec)) fail(`bj: dist/${f} imports ${spec}; the search worker may import only its own parts (chunks/worker-*.js)`);
  }
  if (/customElements|attachShadow|LitElement/.test(code)) fail(`bj: dist/${f} pulls in Lit or the DOM; a worker has neither`);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
if (!tags.length) fail(`bj: ${rel(manifestPath)} lists no elements; give each element class a JSDoc @tagname`);

// 6. Sizes.
const gzipBytes = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const sized = [
  ['dist/bj-policy-widgets.js', 'loader: defines the elements, keyword triggers, search box (ES module)'],
  ['dist/bj-policy-widgets.iife.js', 'classic script: imports the loader next to itself'],
  [
    `dist/chunks/ (${chunkFiles.length - workerChunks.length} files)`,
    'parts imported on first need',
    chunkFiles.filter((f) => !workerChunks.includes(f)),
  ],
  ['dist/annotate.js', 'headless annotation (imports the loader)'],
  ['dist/glossary.js', "<bj-glossary>, a glossary page's script (imports the loader)"],
  ['dist/search.js', 'headless search API (one file)'],
  ['dist/search-worker.js', 'search worker (started by the first search)'],
  [`dist/chunks/worker-* (${workerChunks.length})`, 'sharded index reader of the worker (sharded indexes only)', workerChunks],
  ['dist/bj-index.json', 'default index'],
];
const rows = sized.map(([file, what, parts]) => {
  const files = parts ?? [file.replace(/^dist\//, '')];
  const raw = files.reduce((n, f) => n + statSync(path.join(dist, f)).size, 0);
  return { file, what, raw, gzip: files.reduce((n, f) => n + gzipBytes(f), 0) };
});
const fmt = (n) => n.toLocaleString('en-US');
const table = [
  '| File | What | Bytes | Gzip bytes |',
  '| --- | --- | ---: | ---: |',
  ...rows.map((r) => `| \`${r.file}\` | ${r.what} | ${fmt(r.raw)} | ${fmt(r.gzip)} |`),
].join('\n');

// 7. Budgets (issue 14), gzip, KB = 1024 bytes. A total is the loader plus every file a first use
// fetches: the feature's chunk, the index fetch and reader it uses, and their static imports
// (transitively); translations are left out (an English page fetches none), and so is the index.
const manifestFile = path.join(dist, 'chunks.manifest.json');
const chunkManifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
rmSync(manifestFile);
/** The manifest key of the chunk of `src`: its own, or that of the shared chunk named after it (vite.config.ts sharedParts). */
const bySource = (src) => {
  if (chunkManifest[src]) return src;
  const name = path.basename(src, path.extname(src));
  const shared = Object.keys(chunkManifest).find((key) => !chunkManifest[key].src && chunkManifest[key].name === name);
  if (!shared) fail(`bj: no chunk holds ${src} (scripts/build.mjs budgets); was it renamed?`);
  return shared;
};
/** The files a first use of `sources` fetches, as manifest keys. */
function firstUse(sources) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const entry = chunkManifest[key];
    for (const next of entry.imports ?? []) visit(next);
  };
  sources.forEach(visit);
  return [...seen].map((key) => chunkManifest[key].file);
}
// The popover reads keywords through loadCatalogue (src/shared/index/index-store.ts): the MiniSearch-free
// catalogue; the search box searches in the search worker (src/shared/index/search-client.ts), whose
// in-page fallback (src/shared/index/searcher.ts) is a chunk of its own, fetched only when a worker fails.
// The catalogue travels in the index-fetch chunk (vite.config.ts sharedParts).
const catalogueReader = 'src/shared/index/index-fetch.ts';
const loader = firstUse([bySource('src/bj-policy-widgets.ts')]);
// A Chinese page (lang="zh-CN") labels its search box from the loader's own string table
// (src/generated/shell-strings.ts). A translation chunk that the loader could import itself would be
// fetched at load, with the shared code it imports (16.4 KB before interaction, issue 24), so any the
// loader's files import dynamically counts in that page's budget.
const translationKeys = Object.keys(chunkManifest).filter((key) => chunkManifest[key].src?.startsWith('src/generated/locales/'));
if (!translationKeys.length) fail('bj: no translation chunk in the build (src/generated/locales/); scripts/build.mjs budgets');
const loaderKeys = Object.keys(chunkManifest).filter((key) => loader.includes(chunkManifest[key].file));
const chinesePage = [
  ...new Set([
    ...loader,
    ...firstUse(loaderKeys.flatMap((key) => (chunkManifest[key].dynamicImports ?? []).filter((d) => translationKeys.includes(d)))),
  ]),
];
// Raised from 30 / 45 KB: the first search arranges results by page and shows each page's address
// and date, and links carry a text fragment (+0.6 KB); offline, the parts that would draw a notice
// cannot arrive, so the loader draws it itself (with Retry, in the page's language).
const budgets = [
  { name: 'loader (a lang="en" page before interaction)', files: loader, limit: 12 },
  { name: 'a lang="zh-CN" page before interaction', files: chinesePage, limit: 12 },
  {
    name: 'keyword popover (loader + first opening)',
    files: [
      ...new Set([
        ...loader,
        ...firstUse([
          bySource('src/components/bj-keyword/keyword-popover.ts'),
          bySource('src/shared/index/index-fetch.ts'),
          bySource(catalogueReader),
        ]),
      ]),
    ],
    limit: 31,
  },
  {
    name: 'search box (loader + first search)',
    files: [
      ...new Set([
        ...loader,
        ...firstUse([bySource('src/components/bj-policy-search/search-controller.ts')]),
        // The first search starts the worker, which fetches and searches the index (issue 16); its
        // sharded reader (chunks/worker-*) is fetched only for a sharded index, so not counted here.
        'search-worker.js',
      ]),
    ],
    // Raised with the offline notice, result arrangement and text fragments (see above), and by the
    // dictionary lexicon's hook in the worker (which parts a query needs, translated slots, the
    // "English results for …" line: about 0.4 KB); the lexicon's code and data are lazy parts,
    // fetched only by a query that needs them; and by relevance at scale in the worker (the word as
    // typed above its stem's other forms, complete results first: about 0.6 KB, issue 24).
    limit: 48,
  },
  {
    // Not one of issue 14's three: it keeps an annotated article from paying for what it never uses
    // (the floating-panel code once came with the index store: +2.2 KB).
    name: 'annotated region (loader + first marking)',
    files: [
      ...new Set([
        ...loader,
        ...firstUse([
          bySource('src/components/bj-annotate/annotate-region.ts'),
          bySource('src/shared/index/index-fetch.ts'),
          bySource(catalogueReader),
        ]),
      ]),
    ],
    limit: 27,
  },
  {
    // A glossary page: its own script (with the loader it imports) and the index reader; the other
    // budgets never include it (issue 25: a page without <bj-glossary> fetches none of it).
    name: 'glossary page (glossary.js + first drawing)',
    files: [
      ...new Set([
        ...firstUse([bySource('src/glossary-entry.ts'), bySource('src/shared/index/index-fetch.ts'), bySource(catalogueReader)]),
      ]),
    ],
    limit: 40,
  },
].map((b) => ({ ...b, gzip: b.files.reduce((n, f) => n + gzipBytes(f), 0) }));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const budgetTable = [
  '| Budget (gzip) | Files | Measured | Limit | |',
  '| --- | ---: | ---: | ---: | :---: |',
  ...budgets.map(
    (b) => `| ${b.name} | ${b.files.length} | ${kb(b.gzip)} (${fmt(b.gzip)} B) | ${b.limit} KB | ${b.gzip <= b.limit * 1024 ? '✓' : '✗'} |`,
  ),
].join('\n');
writeFileSync(path.join(dist, 'sizes.json'), JSON.stringify({ files: rows, budgets }, null, 2) + '\n');

console.log(`\nbuild: done in ${((Date.now() - started) / 1000).toFixed(1)} s; elements: ${tags.map((t) => `<${t}>`).join(' ')}\n`);
console.log(table + '\n');
console.log(budgetTable + '\n');
for (const b of budgets.filter((x) => x.gzip > x.limit * 1024)) {
  fail(
    `bj: ${b.name} is ${kb(b.gzip)} gzip, over its budget of ${b.limit} KB (${b.files.join(', ')}); move code out of it into a chunk, or out of the first use`,
  );
}

if (process.argv.includes('--update-docs')) {
  const docsPath = path.join(root, 'docs', 'performance.md');
  const docs = readFileSync(docsPath, 'utf8');
  const re = /(<!-- sizes:start -->)[\s\S]*?(<!-- sizes:end -->)/;
  if (!re.test(docs)) fail('bj: docs/performance.md has no <!-- sizes:start --> … <!-- sizes:end --> block');
  writeFileSync(docsPath, docs.replace(re, `$1\n${table}\n\n${budgetTable}\n$2`));
  console.log('build: docs/performance.md size tables updated');
}
