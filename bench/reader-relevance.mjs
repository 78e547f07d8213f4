// Reader relevance alone: `node --import tsx bench/reader-relevance.mjs [--engine path/to/src/search/index.ts] [--cases file.json]`
// prints MRR@10, hit@1, hit@10 per category for our engine, plain MiniSearch and MiniSearch with
// Intl.Segmenter (see bench/lib/reader-relevance.mjs). `--engine` measures another checkout's search core.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCorpora, root } from './lib/data.mjs';
import { compare, formatTable } from './lib/reader-relevance.mjs';
import { compareXlangSite } from './lib/xlang-site.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
const engineDir = path.dirname(path.resolve(opt('--engine', path.join(root, 'src/search/index.ts'))));
const casesFile = path.resolve(opt('--cases', path.join(root, 'test/search/reader/reader-queries.json')));
const { PolicyIndex } = await import(pathToFileURL(path.join(engineDir, 'index.ts')).href);
const { buildIndex } = await import(pathToFileURL(path.join(engineDir, 'build.ts')).href);
const dataDir = opt('--data', path.join(engineDir, '../../data'));
const corpora = loadCorpora(dataDir);
const built = buildIndex(corpora);
const index = PolicyIndex.fromJSON(JSON.stringify(built));
// The dictionary lexicon (issue 21), where the engine has one and unless `--no-dictionary`.
const lexiconBuilder = path.join(engineDir, 'xlang-build.ts');
if (!args.includes('--no-dictionary') && existsSync(lexiconBuilder)) {
  const { buildXLexicon } = await import(pathToFileURL(lexiconBuilder).href);
  const { useLexicon } = await import(pathToFileURL(path.join(engineDir, 'xlang.ts')).href);
  useLexicon(index, buildXLexicon(built));
}
const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
const r = compare({ index, corpora, cases });
console.log(`engine ${engineDir}, ${cases.length} cases from ${casesFile}`);
console.log(formatTable(r));
if (args.includes('--failed')) for (const [c, m] of Object.entries(r.ours.byCategory)) console.log(`${c}: ${m.failed.join(' | ')}`);
// Issue 21's xlang-site category: English questions, a Chinese-only site indexed with `--site`.
const site = args.includes('--no-site') ? undefined : await compareXlangSite({ root, engineDir });
if (site) {
  console.log(`\nxlang-site: ${site.cases} cases from bench/xlang-site/queries.json, site indexed by bj-index build --site`);
  console.log(formatTable(site));
  if (args.includes('--failed')) for (const [c, m] of Object.entries(site.ours.byCategory)) console.log(`${c}: ${m.failed.join(' | ')}`);
}
if (args.includes('--json')) console.log(JSON.stringify({ ...r, site }));
