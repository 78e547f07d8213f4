/**
 * `bj-index build`'s dictionary lexicon (src/search/xlang-format.ts): derived from CC-CEDICT at
 * build time, pruned to the index's words, written in parts to a folder beside the index
 * (`bj-index.json` → `bj-index.lexicon/00.json` …) and named in the index's `lexiconFile`, so the
 * search fetches only the parts a query needs. `bj-index query` reads them from disk.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BuiltIndex } from '../search/format.js';
import type { PolicyIndex } from '../search/policy-index.js';
import { writeFileAtomic } from './atomic-write.js';

const PART_FILE = /^\d{2,}\.json$/;

/** `dist/bj-index.json` → `bj-index.lexicon`. */
export function lexiconFolderName(output: string): string {
  return `${basename(output).replace(/\.json$/i, '') || 'bj-index'}.lexicon`;
}

/** A built lexicon: its part files by path. */
export interface LexiconOutput {
  folder: string;
  files: Map<string, Buffer>;
}

/** Builds the lexicon of `index` and names its parts in the index (`lexiconFile`). */
export async function buildLexiconFor(index: BuiltIndex, output: string): Promise<LexiconOutput> {
  // Loaded only here: it reads the dictionary and the word list (about 17 MB), which query never needs.
  const [{ buildXLexicon, splitXLexicon }, { dictionarySources, saveDictionaryCache }] = await Promise.all([
    import('../search/xlang-build.js'),
    import('./dictionary-cache.js'),
  ]);
  const sources = dictionarySources();
  const lexicon = buildXLexicon(index, sources);
  await saveDictionaryCache(sources);
  const parts = splitXLexicon(lexicon);
  const folderName = lexiconFolderName(output);
  const digits = Math.max(2, String(parts.length - 1).length);
  const names = parts.map((_, i) => `${String(i).padStart(digits, '0')}.json`);
  const has = (m: Record<string, unknown>) => Object.keys(m).length > 0;
  index.lexiconFile = {
    files: names.map((n) => `${folderName}/${n}`),
    has: { zh: has(lexicon.zh), en: has(lexicon.en), syn: has(lexicon.syn) },
  };
  const folder = join(dirname(output), folderName);
  return { folder, files: new Map(parts.map((p, i) => [join(folder, names[i]!), Buffer.from(JSON.stringify(p), 'utf8')])) };
}

/** Writes the parts, then removes parts of an earlier build that this one does not have. */
export async function writeLexicon(lexicon: LexiconOutput): Promise<void> {
  await mkdir(lexicon.folder, { recursive: true });
  for (const [path, bytes] of lexicon.files) await writeFileAtomic(path, bytes);
  for (const name of await readdir(lexicon.folder)) {
    if (PART_FILE.test(name) && !lexicon.files.has(join(lexicon.folder, name))) await rm(join(lexicon.folder, name), { force: true });
  }
}

/**
 * Gives a single-file index read from `indexPath` every part of its lexicon, when it names one. A
 * missing or broken part is a warning (`warn`): the search then stays in the query's own language.
 */
export async function loadLexiconBeside(index: PolicyIndex, indexPath: string, warn: (line: string) => void): Promise<void> {
  const { useLexicon } = await import('../search/xlang.js');
  const files = index.catalogue.built.lexiconFile?.files;
  if (!Array.isArray(files)) return;
  const failed: string[] = [];
  let why = '';
  for (const file of files) {
    if (typeof file !== 'string') continue;
    const path = join(dirname(indexPath), file);
    try {
      useLexicon(index, JSON.parse(await readFile(path, 'utf8')));
    } catch (e) {
      failed.push(path);
      why ||= e instanceof Error ? e.message.replace(/^bj:\s*/, '') : String(e);
    }
  }
  if (failed.length > 0) {
    const more = failed.length > 1 ? ` and ${failed.length - 1} more` : '';
    warn(
      `bj: cannot use the lexicon part ${failed[0]}${more} (${why}); searching without its translations, rebuild the index with \`npx bj-index build\``,
    );
  }
}
