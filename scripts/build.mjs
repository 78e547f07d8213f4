#!/usr/bin/env node
// `npm run build`: everything a webmaster or a package user gets, in dist/.
//
//   dist/bj-policy-widgets.js        ES module: every element, every dependency, one file (+ .map)
//   dist/bj-policy-widgets.iife.js   the same for a classic <script src defer> (+ .map)
//   dist/search.js                   headless search API, no Lit/DOM (+ .map)
//   dist/search-worker.js            the search worker, started from next to the bundles (+ .map)
//   dist/bj-index.json               the default index (npm run build:index)
//   dist/cli/bj-index.js             the bj-index command (npm run build:cli)
//   dist/types/                      type declarations (tsc -p tsconfig.build.json)
//   dist/custom-elements.json        element manifest (cem analyze --litelement)
//
// Ends with a size table (raw and gzip bytes). `--update-readme` also writes that table into
// README.md between the `sizes:start` / `sizes:end` markers.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// 5. Checks: exactly the expected files, ASCII only, production Lit, a DOM-free search.js.
const expected = ['bj-policy-widgets.js', 'bj-policy-widgets.iife.js', 'search.js', 'search-worker.js'];
const strayChunks = readdirSync(dist).filter((f) => f.endsWith('.js') && !expected.includes(f));
if (strayChunks.length) fail(`bj: unexpected chunks in dist/: ${strayChunks.join(', ')}; every import must be bundled into its entry`);
for (const f of readdirSync(dist).filter((name) => name.endsWith('.js'))) {
  // A GBK page whose server sends .js without a charset decodes the file as GBK (README, "Pages not in UTF-8").
  const bytes = readFileSync(path.join(dist, f));
  const at = firstNonAscii(bytes);
  if (at >= 0) {
    const around = bytes.subarray(Math.max(0, at - 30), at + 10).toString('utf8');
    fail(
      `bj: dist/${f} has a non-ASCII byte at offset ${at} (…${around}…); every bundle must be ASCII-only, see scripts/vite-plugin-ascii-only.mjs`,
    );
  }
}
for (const f of expected) {
  const code = readFileSync(path.join(dist, f), 'utf8');
  if (/Lit is in dev mode/.test(code)) fail(`bj: dist/${f} contains Lit's development build; check resolve.conditions in vite.config.ts`);
  if (/\bimport\s*\(|^\s*import\s.+from\s*["']/m.test(code)) fail(`bj: dist/${f} still imports other files; it must be self-contained`);
  if (!existsSync(path.join(dist, `${f}.map`))) fail(`bj: dist/${f}.map is missing`);
}
const search = readFileSync(path.join(dist, 'search.js'), 'utf8');
if (/customElements|attachShadow|LitElement/.test(search)) fail('bj: dist/search.js pulls in Lit or the DOM; it must stay headless');
const searchWorker = readFileSync(path.join(dist, 'search-worker.js'), 'utf8');
if (/customElements|attachShadow|LitElement/.test(searchWorker))
  fail('bj: dist/search-worker.js pulls in Lit or the DOM; a worker has neither');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
if (!tags.length) fail(`bj: ${rel(manifestPath)} lists no elements; give each element class a JSDoc @tagname`);

// 6. Sizes.
const sized = [
  ['dist/bj-policy-widgets.js', 'all elements, ES module'],
  ['dist/bj-policy-widgets.iife.js', 'all elements, classic script'],
  ['dist/search.js', 'headless search API'],
  ['dist/search-worker.js', 'search worker (loaded by the first search)'],
  ['dist/bj-index.json', 'default index'],
];
const rows = sized.map(([file, what]) => {
  const buf = readFileSync(path.join(root, file));
  return { file, what, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
});
writeFileSync(path.join(dist, 'sizes.json'), JSON.stringify(rows, null, 2) + '\n');
const fmt = (n) => n.toLocaleString('en-US');
const table = [
  '| File | What | Bytes | Gzip bytes |',
  '| --- | --- | ---: | ---: |',
  ...rows.map((r) => `| \`${r.file}\` | ${r.what} | ${fmt(r.raw)} | ${fmt(r.gzip)} |`),
].join('\n');

console.log(`\nbuild: done in ${((Date.now() - started) / 1000).toFixed(1)} s; elements: ${tags.map((t) => `<${t}>`).join(' ')}\n`);
console.log(table + '\n');

if (process.argv.includes('--update-readme')) {
  const readmePath = path.join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const re = /(<!-- sizes:start -->)[\s\S]*?(<!-- sizes:end -->)/;
  if (!re.test(readme)) fail('bj: README.md has no <!-- sizes:start --> … <!-- sizes:end --> block');
  writeFileSync(readmePath, readme.replace(re, `$1\n${table}\n$2`));
  console.log('build: README.md size table updated');
}
