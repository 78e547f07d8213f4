// Our code as the benchmarks load it: the shipped bundle dist/search.js when it exists (what pages
// run), else the TypeScript source (needs `node --import tsx`). The index builder is Node-only and
// always comes from src/search/build.ts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist, loadCorpora, root } from './data.mjs';

export async function searchModule() {
  const bundle = path.join(dist, 'search.js');
  if (existsSync(bundle)) return { mod: await import(pathToFileURL(bundle).href), from: 'dist/search.js' };
  return { mod: await import(pathToFileURL(path.join(root, 'src/search/index.ts')).href), from: 'src/search/index.ts' };
}

export async function buildModule() {
  return import(pathToFileURL(path.join(root, 'src/search/build.ts')).href);
}

/** The default index's JSON text: dist/bj-index.json, else built from data/ now. */
export async function defaultIndexJSON() {
  const file = path.join(dist, 'bj-index.json');
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const { buildIndex } = await buildModule();
  return JSON.stringify(buildIndex(loadCorpora()));
}
