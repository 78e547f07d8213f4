#!/usr/bin/env node
// `npm run build`: everything a webmaster or a package user gets, in dist/.
//
//   dist/bj-policy-widgets.js        ES module: every element, every dependency, one file (+ .map)
//   dist/bj-policy-widgets.iife.js   the same for a classic <script src defer> (+ .map)
//   dist/search.js                   headless search API, no Lit/DOM (+ .map)
//   dist/bj-index.json               the default index (npm run build:index)
//   dist/cli/bj-index.js             the bj-index command (npm run build:cli)
//   dist/types/                      type declarations (tsc -p tsconfig.build.json)
//   dist/custom-elements.json        element manifest (cem analyze --litelement)
//
// Ends with a size table (raw and gzip bytes). `--update-readme` also writes that table into
// README.md between the `sizes:start` / `sizes:end` markers.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const rel = (p) => path.relative(root, p);
const quiet = process.argv.includes('--quiet');
const log = (...a) => quiet || console.log(...a);

function run(cmd, args, env = {}) {
  log(`build: ${[path.basename(cmd), ...args].join(' ')}`);
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'], env: { ...process.env, ...env } });
}
const npmRun = (script) => run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script]);

function fail(message) {
  console.error(message);
  process.exit(1);
}

const started = Date.now();

// 1. CLI and default index (owned by the CLI: build it, then run it over data/).
npmRun('build:cli');
npmRun('build:index');

// 2. Browser bundles, one Vite library build per target (see vite.config.ts).
const { build } = await import('vite');
for (const target of ['es', 'iife', 'search']) {
  log(`build: vite (${target})`);
  process.env.BJ_TARGET = target;
  await build({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
}
delete process.env.BJ_TARGET;

// 3. Type declarations.
rmSync(path.join(dist, 'types'), { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);

// 4. Custom elements manifest, where package.json's "customElements" points.
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const manifestPath = path.join(root, pkg.customElements ?? 'dist/custom-elements.json');
run(bin('cem'), [
  'analyze',
  '--litelement',
  '--globs',
  'src/components/**/*.ts',
  '--exclude',
  'src/components/**/*.styles.ts',
  '--outdir',
  rel(path.dirname(manifestPath)),
  '--quiet',
]);
if (path.basename(manifestPath) !== 'custom-elements.json') {
  fail(`bj: package.json "customElements" must name a file called custom-elements.json (cem writes that name)`);
}

// 5. Checks: exactly the expected files, production Lit, a DOM-free search.js.
const expected = ['bj-policy-widgets.js', 'bj-policy-widgets.iife.js', 'search.js'];
const strayChunks = readdirSync(dist).filter((f) => f.endsWith('.js') && !expected.includes(f));
if (strayChunks.length) fail(`bj: unexpected chunks in dist/: ${strayChunks.join(', ')}; every import must be bundled into its entry`);
for (const f of expected) {
  const code = readFileSync(path.join(dist, f), 'utf8');
  if (/Lit is in dev mode/.test(code)) fail(`bj: dist/${f} contains Lit's development build; check resolve.conditions in vite.config.ts`);
  if (/\bimport\s*\(|^\s*import\s.+from\s*["']/m.test(code)) fail(`bj: dist/${f} still imports other files; it must be self-contained`);
  if (!existsSync(path.join(dist, `${f}.map`))) fail(`bj: dist/${f}.map is missing`);
}
const search = readFileSync(path.join(dist, 'search.js'), 'utf8');
if (/customElements|attachShadow|LitElement/.test(search)) fail('bj: dist/search.js pulls in Lit or the DOM; it must stay headless');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
if (!tags.length) fail(`bj: ${rel(manifestPath)} lists no elements; give each element class a JSDoc @tagname`);

// 6. Sizes.
const sized = [
  ['dist/bj-policy-widgets.js', 'all elements, ES module'],
  ['dist/bj-policy-widgets.iife.js', 'all elements, classic script'],
  ['dist/search.js', 'headless search API'],
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
  const re = /(<!-- sizes:start -->\n)[\s\S]*?(\n<!-- sizes:end -->)/;
  if (!re.test(readme)) fail('bj: README.md has no <!-- sizes:start --> … <!-- sizes:end --> block');
  writeFileSync(readmePath, readme.replace(re, `$1${table}$2`));
  console.log('build: README.md size table updated');
}
