#!/usr/bin/env node
// Removes the chunks of an earlier `npm run build:cli` from dist/cli: esbuild's code splitting names
// chunks by content hash (`chunk-WWXUQN2R.js`, `build-4SO27OH5.js`) and never deletes the old ones,
// so a developer's dist/cli would keep every past version, `npm pack` would ship them, and the
// tests' build cache (which hashes dist/cli) would change more often than the code does.
// Keeps the entries (every file whose name is not `name-HASH.js`) and what they import, directly or
// through other chunks; deletes the other hashed chunks.
//
//   node scripts/prune-cli.mjs dist/cli
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HASHED = /^[\w-]+-[A-Z0-9]{8}\.js$/;

/** Deletes the hashed chunks under `dir` that no entry reaches; returns their names. */
export function pruneCli(dir) {
  const files = readdirSync(dir);
  const reached = new Set(files.filter((f) => !HASHED.test(f)));
  const queue = [...reached].filter((f) => /\.[cm]?js$/.test(f));
  while (queue.length) {
    const text = readFileSync(path.join(dir, queue.pop()), 'utf8');
    for (const [, name] of text.matchAll(/["']\.\/([\w-]+\.js)["']/g)) {
      if (!reached.has(name) && files.includes(name)) {
        reached.add(name);
        queue.push(name);
      }
    }
  }
  const stale = files.filter((f) => HASHED.test(f) && !reached.has(f));
  for (const f of stale) rmSync(path.join(dir, f), { force: true });
  return stale;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('bj: name the folder, e.g. `node scripts/prune-cli.mjs dist/cli`');
  pruneCli(dir);
}
