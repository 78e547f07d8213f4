// The xlang-site category (issue 21): English questions whose answers are paragraphs of a
// Chinese-only district site (bench/xlang-site/, written by someone who had not read the engine).
// The site is indexed as a webmaster would, by the CLI's `bj-index build data --site …` (so the
// dictionary lexicon is built and read the CLI's way), then searched by our engine (with the
// lexicon's parts read from disk) and by the two baselines over the same passages.
// A result counts for a relevant `file#id` when it is a passage under that heading, and for a
// relevant `file` when it is any passage of that page.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { baselines, ours, measure } from './reader-relevance.mjs';

const BASE = 'https://example.gov.cn/';

/** Builds and measures; returns `compare`-shaped figures, or undefined when the site is missing. */
export async function compareXlangSite({ root, engineDir }) {
  const site = path.join(root, 'bench', 'xlang-site');
  let cases;
  try {
    cases = JSON.parse(readFileSync(path.join(site, 'queries.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const out = path.join(root, '.tmp', 'bench', 'xlang-site', 'bj-index.json');
  mkdirSync(path.dirname(out), { recursive: true });
  const built = spawnSync(
    process.execPath,
    [
      path.join(root, 'bin', 'bj-index.js'),
      'build',
      path.join(root, 'data'),
      '--site',
      path.join(site, 'pages'),
      '--base-url',
      BASE,
      '-o',
      out,
    ],
    {
      encoding: 'utf8',
    },
  );
  if (built.status !== 0) throw new Error(`bj: building the xlang site failed: ${built.stderr}`);
  const json = JSON.parse(readFileSync(out, 'utf8'));
  const { PolicyIndex } = await import(pathToFileURL(path.join(engineDir, 'index.ts')).href);
  const { useLexicon } = await import(pathToFileURL(path.join(engineDir, 'xlang.ts')).href);
  const index = PolicyIndex.fromJSON(json);
  for (const file of json.lexiconFile?.files ?? []) useLexicon(index, JSON.parse(readFileSync(path.join(path.dirname(out), file), 'utf8')));

  // Passage id → `file#anchor` of its page section.
  const docs = new Map(json.documents.map((d) => [d.id, d]));
  const keyOf = new Map();
  for (const e of json.entries) {
    const url = e.kind === 'passage' ? docs.get(e.document)?.url : undefined;
    if (url?.startsWith(BASE)) keyOf.set(e.id, `${url.slice(BASE.length)}${e.anchor ? `#${e.anchor}` : ''}`);
  }
  const relevantOf = new Map(cases.map((c) => [c.q, c.relevant]));
  /** Result ids as the cases name them (`file#id`, or `file` where the case names the page). */
  const asKeys = (q, ids) => {
    const relevant = relevantOf.get(q) ?? [];
    const keys = ids.map((id) => {
      const key = keyOf.get(id) ?? id;
      const file = key.split('#')[0];
      return relevant.includes(key) ? key : relevant.includes(file) ? file : key;
    });
    return [...new Set(keys)];
  };
  const mapped = (fn) => (q) => {
    const r = fn(q);
    return { ...r, ids: asKeys(q, r.ids) };
  };
  const corpora = [
    {
      data: {
        terms: json.entries.filter((e) => e.kind === 'term'),
        documents: json.documents.map((d) => ({ ...d, passages: json.entries.filter((e) => e.kind === 'passage' && e.document === d.id) })),
      },
    },
  ];
  const base = baselines(corpora);
  const prefix = (cs) => cs.map((c) => ({ ...c, category: `xlang-site/${c.category}` }));
  return {
    cases: cases.length,
    ours: measure(prefix(cases), mapped(ours(index))),
    plain: measure(prefix(cases), mapped(base.plain)),
    segmenter: measure(prefix(cases), mapped(base.segmenter)),
  };
}
