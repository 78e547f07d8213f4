/**
 * `bj-index build`'s dictionary lexicon (src/search/xlang-format.ts): derived from CC-CEDICT at
 * build time, pruned to the index's words, written in parts to a folder beside the index
 * (`bj-index.json` → `bj-index.lexicon/00.HASH.json` …) and named in the index's `lexiconFile`, so the
 * search fetches only the parts a query needs. `bj-index query` reads them from disk.
 *
 * As a sharded index's parts (shards-output.ts): the parts carry their build's hash, so a rebuild
 * writes its own beside those the current index names, the index is replaced last, and only then
 * are parts of neither build removed. A rebuild stopped midway leaves the old index translating.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BuiltIndex } from '../search/format.js';
import type { PolicyIndex } from '../search/policy-index.js';
import type { ShardedBuild } from '../search/shards/build.js';
import type { BuiltXLexicon } from '../search/xlang-format.js';
import { SHARD_FORMAT, type LexiconPart } from '../search/shards/format.js';
import { isRunning, writeFileAtomic } from './atomic-write.js';
import { startWorkerJob } from './worker-job.js';

/** Part files: `00.HASH.json` (older builds: `00.json`). */
const PART_FILE = /^\d{2,}(?:\.[0-9a-f]{8,64})?\.json$/;
/** Temp files of part writes (atomic-write.ts): `.00.HASH.json.PID.HEX.tmp`. */
const PART_TEMP = /^\.\d{2,}(?:\.[0-9a-f]{8,64})?\.json\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** `dist/bj-index.json` → `bj-index.lexicon`. */
export function lexiconFolderName(output: string): string {
  return `${basename(output).replace(/\.json$/i, '') || 'bj-index'}.lexicon`;
}

/** A built lexicon: its part files by path. */
export interface LexiconOutput {
  folder: string;
  files: Map<string, Buffer>;
}

/** The lexicon of `index`, derived from the dictionaries (through the CLI's dictionary cache). */
export async function deriveLexicon(index: BuiltIndex): Promise<BuiltXLexicon> {
  // Loaded only here: they read the dictionary and the word list (about 17 MB), which query never needs.
  const [{ buildXLexicon }, { dictionarySources, saveDictionaryCache }] = await Promise.all([
    import('../search/xlang-build.js'),
    import('./dictionary-cache.js'),
  ]);
  const sources = dictionarySources();
  const lexicon = buildXLexicon(index, sources);
  await saveDictionaryCache(sources);
  return lexicon;
}

/** Builds the lexicon of `index` and names its parts in the index (`lexiconFile`). */
export async function buildLexiconFor(index: BuiltIndex, output: string): Promise<LexiconOutput> {
  const { splitXLexicon } = await import('../search/xlang-parts.js');
  const lexicon = await deriveLexicon(index);
  const parts = splitXLexicon(lexicon);
  const folderName = lexiconFolderName(output);
  const digits = Math.max(2, String(parts.length - 1).length);
  const bytes = parts.map((p) => Buffer.from(JSON.stringify(p), 'utf8'));
  // Each part named by its own bytes: a browser's or CDN's cached part of another build or format
  // is never served under the name of this one (a library upgrade leaves the index's hash unchanged).
  const names = bytes.map((b, i) => `${String(i).padStart(digits, '0')}.${createHash('sha256').update(b).digest('hex').slice(0, 20)}.json`);
  const has = (m: Record<string, unknown>) => Object.keys(m).length > 0;
  index.lexiconFile = {
    files: names.map((n) => `${folderName}/${n}`),
    has: { zh: has(lexicon.zh), en: has(lexicon.en), syn: has(lexicon.syn) },
  };
  const folder = join(dirname(output), folderName);
  return { folder, files: new Map(bytes.map((b, i) => [join(folder, names[i]!), b])) };
}

/**
 * Starts deriving the lexicon of the index whose JSON text is `json` in a worker thread, so that it
 * runs on another core while this thread cuts the index into parts; `addShardedLexicon` asks for the
 * result. Undefined where there is no worker (worker-job.ts): the lexicon is then derived here.
 */
export function lexiconInWorker(json: string): (() => Promise<BuiltXLexicon>) | undefined {
  return startWorkerJob<BuiltXLexicon>({ job: 'lexicon', json });
}

/**
 * Builds the lexicon of a sharded index's `built` and adds it to `layout` as partitions of its own
 * build (`lexicon-000.HASH.json`, written and cleaned up with the other parts), listed in the
 * manifest's `lexicon`. Returns the number of partitions. `derived`: the lexicon already under way
 * (`lexiconInWorker`).
 */
export async function addShardedLexicon(built: BuiltIndex, layout: ShardedBuild, derived?: () => Promise<BuiltXLexicon>): Promise<number> {
  const { rangeXLexicon } = await import('../search/xlang-parts.js');
  const { partName } = await import('../search/shards/build.js');
  const lexicon = await (derived ? derived() : deriveLexicon(built));
  const ranges = rangeXLexicon(lexicon);
  const files = ranges.map(({ first, ...maps }, i) => {
    const name = partName('lexicon', i, built.hash);
    const part: LexiconPart = {
      format: SHARD_FORMAT,
      index: built.hash,
      part: name,
      source: lexicon.source,
      license: lexicon.license,
      ...maps,
    };
    layout.parts.set(name, JSON.stringify(part));
    return name;
  });
  const has = (m: Record<string, unknown>) => Object.keys(m).length > 0;
  layout.entry.shards.lexicon = {
    files,
    first: ranges.map((r) => r.first),
    has: { zh: has(lexicon.zh), en: has(lexicon.en), syn: has(lexicon.syn) },
  };
  return files.length;
}

/**
 * Writes the parts of the index to be written at `output` (none for a sharded index or one built
 * with --no-dictionary), beside those its current index names. Returns the clean-up to run once the
 * new index has replaced it: removing the parts neither names (an earlier build's, an interrupted
 * one's, stale temp files), and the folder once it is empty and no index names a lexicon there.
 */
export async function writeLexicon(lexicon: LexiconOutput | undefined, output: string): Promise<() => Promise<void>> {
  const previous = await lexiconInUse(output);
  const folder = lexicon?.folder ?? join(dirname(output), lexiconFolderName(output));
  if (lexicon) {
    await mkdir(folder, { recursive: true });
    for (const [path, bytes] of lexicon.files) await writeFileAtomic(path, bytes);
  }
  return async () => {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return; // no lexicon folder: nothing to clean up
    }
    for (const name of names) {
      const temp = PART_TEMP.exec(name);
      const stale = temp
        ? !isRunning(Number(temp[1]))
        : PART_FILE.test(name) && !lexicon?.files.has(join(folder, name)) && !previous.has(name);
      if (stale) await rm(join(folder, name), { force: true });
    }
    // Built without a one-file lexicon (sharded, or --no-dictionary): the folder goes once the parts
    // of the index it replaced are gone too (a folder with anyone else's files stays).
    if (!lexicon) await rmdir(folder).catch(() => undefined);
  };
}

/** Names of the lexicon parts the index at `output` uses now (none when it is missing or has none). */
async function lexiconInUse(output: string): Promise<Set<string>> {
  const names = new Set<string>();
  try {
    const files = (JSON.parse(await readFile(output, 'utf8')) as { lexiconFile?: { files?: unknown } }).lexiconFile?.files;
    if (Array.isArray(files)) for (const f of files) if (typeof f === 'string') names.add(basename(f));
  } catch {
    // no index yet, or not one of ours: nothing to keep
  }
  return names;
}

/**
 * The lexicon parts of a single-file index read from `indexPath`, read from beside it as a query
 * needs them (`searchWithLexicon`: as the search box fetches them), each once. A missing or broken
 * part is one warning (`warn`): the search then stays in the query's own language.
 */
export function lexiconBeside(
  index: PolicyIndex,
  indexPath: string,
  warn: (line: string) => void,
): (q: string, english: boolean) => Promise<void> {
  const failed = new Set<string>();
  return async (q, english) => {
    const [{ useLexicon }, { lexiconFilesFor }] = await Promise.all([import('../search/xlang.js'), import('../search/xlang-needed.js')]);
    for (const file of lexiconFilesFor(index, q, english)) {
      const path = join(dirname(indexPath), file);
      if (failed.has(path)) continue;
      try {
        useLexicon(index, JSON.parse(await readFile(path, 'utf8')));
      } catch (e) {
        failed.add(path);
        const why = e instanceof Error ? e.message.replace(/^bj:\s*/, '') : String(e);
        warn(
          `bj: cannot use the lexicon part ${path} (${why}); searching without its translations, rebuild the index with \`npx bj-index build\``,
        );
      }
    }
  };
}
