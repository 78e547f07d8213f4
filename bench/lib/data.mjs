// Corpus loading and the baseline: plain MiniSearch with default options (default tokenizer, no
// stemming, no Chinese handling) over the same records as our index.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dataDir = path.join(root, 'data');
export const dist = path.join(root, 'dist');
/** Scratch space for generated bundles, pages' data and per-suite results (gitignored). */
export const scratch = path.join(root, '.tmp', 'bench');

/** The corpus files of a directory as `buildIndex` takes them: `{file, data}` in name order. */
export function loadCorpora(dir = dataDir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, data: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) }));
}

/** Counts of a corpus. */
export function countCorpus(corpora) {
  let terms = 0;
  let passages = 0;
  let chars = 0;
  for (const { data } of corpora) {
    terms += data.terms?.length ?? 0;
    for (const d of data.documents ?? []) {
      passages += d.passages.length;
      for (const p of d.passages) chars += p.text.length;
    }
  }
  return { terms, passages, chars };
}

/** Options of the baseline: MiniSearch defaults, the fields a widget searches and shows. */
export const BASELINE_OPTIONS = {
  fields: ['title', 'aliases', 'headings', 'text'],
  storeFields: ['kind', 'title', 'text'],
};

/** The baseline's documents: one per keyword and per passage, with the same text our index holds. */
export function baselineDocs(corpora) {
  const docs = [];
  for (const { data } of corpora) {
    for (const t of data.terms ?? []) {
      docs.push({
        id: t.id,
        kind: 'term',
        title: [t.title.en, t.title.zh].filter(Boolean).join(' / '),
        aliases: [...(t.aliases?.en ?? []), ...(t.aliases?.zh ?? [])].join('; '),
        headings: '',
        text: [...(t.definition.en ?? []), ...(t.definition.zh ?? [])].join('\n\n'),
      });
    }
    for (const d of data.documents ?? []) {
      for (const p of d.passages) {
        docs.push({
          id: p.id,
          kind: 'passage',
          title: d.title.en ?? d.title.zh ?? '',
          aliases: '',
          headings: p.headings.join(' / '),
          text: p.text,
        });
      }
    }
  }
  return docs;
}

/** Baseline search options: MiniSearch's default search, and the "fairer" fuzzy 0.2 + prefix. */
export const BASELINE_SEARCH = {
  default: {},
  fuzzy: { fuzzy: 0.2, prefix: true },
};
