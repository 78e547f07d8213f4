#!/usr/bin/env node
// Builds dist/ only when it is missing or older than its sources, so that `.ci/run` (which runs
// `npm run build`, then `npm test`) builds once, and `npm test` on its own still tests a fresh build.
//
// Fresh = every output below exists and the oldest of them is newer than the newest source file
// (src/, data/, xliff/, the build configuration, package.json).
//   node scripts/ensure-build.mjs            build if stale, else say it is reused
//   node scripts/ensure-build.mjs --check    exit 1 if stale (build nothing)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = [
  'dist/bj-policy-widgets.js',
  'dist/bj-policy-widgets.iife.js',
  'dist/search.js',
  'dist/bj-index.json',
  'dist/cli/bj-index.js',
  'dist/types/bj-policy-widgets.d.ts',
  'dist/custom-elements.json',
  'dist/sizes.json',
];
const sources = [
  'src',
  'data',
  'xliff',
  'package.json',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'lit-localize.json',
  'scripts/build.mjs',
  'scripts/cem.config.mjs',
  'scripts/vite-plugin-minify-lit.mjs',
];

function newest(rel) {
  const abs = path.join(root, rel);
  if (!existsSync(abs)) return { time: 0, file: rel };
  const st = statSync(abs);
  if (!st.isDirectory()) return { time: st.mtimeMs, file: rel };
  let best = { time: st.mtimeMs, file: rel };
  for (const name of readdirSync(abs)) {
    const n = newest(path.join(rel, name));
    if (n.time > best.time) best = n;
  }
  return best;
}

const missing = outputs.filter((f) => !existsSync(path.join(root, f)));
const oldestOutput = missing.length ? 0 : Math.min(...outputs.map((f) => statSync(path.join(root, f)).mtimeMs));
const source = sources.map(newest).reduce((a, b) => (b.time > a.time ? b : a));
const stale = missing.length
  ? `dist/ lacks ${missing.join(', ')}`
  : source.time > oldestOutput
    ? `${source.file} changed after the last build`
    : '';

if (!stale) {
  console.log('build: dist/ is newer than its sources; reusing it (npm run build rebuilds)');
  process.exit(0);
}
if (process.argv.includes('--check')) {
  console.error(`bj: dist/ is stale (${stale}); run \`npm run build\``);
  process.exit(1);
}
console.log(`build: ${stale}; building`);
const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--', '--quiet'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
