/**
 * The traditional → simplified map of a corpus (`variantsOf` in src/search/build.ts) takes OpenCC's
 * dictionaries, most of a second of CPU, whatever the corpus's size; and a rebuild's corpus mostly
 * has the same Chinese texts as the build before. So the map is kept in the build cache folder
 * (build-cache.ts) as `variants-KEY.json`, KEY hashing the set of texts it depends on
 * (`variantTexts`), opencc-js's version and this program's code: the same texts give the same map.
 *
 * The newest {@link KEEP} files are kept (a hit makes a file the newest again), so that editors
 * working on a few sites, and a test suite's corpora, are all served. Like the dictionary cache it
 * is only an optimisation: a missing, unreadable or malformed file means the map is made again.
 */
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusFile, SynonymsFile } from '../search/types.js';
import { writeFileAtomic } from './atomic-write.js';
import { cacheDir, cacheHash } from './build-cache.js';

const CACHE_FORMAT = 'bj-index-variant-cache/1';
const FILE = /^variants-[0-9a-f]{24}\.json$/;
/** Variant maps kept, newest first. */
const KEEP = 32;

type Corpora = ReadonlyArray<{ file: string; data: CorpusFile | SynonymsFile }>;

/** The cached map of `corpora`'s texts, and how to save it when there is none. */
export interface CachedVariants {
  variants?: Record<string, string>;
  save(variants: Record<string, string>): Promise<void>;
}

function isVariantMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(([k, v]) => typeof v === 'string' && [...k].length === 1 && [...v].length === 1)
  );
}

/** Looks up the variant map of `corpora` in the build cache. */
export async function cachedVariants(corpora: Corpora): Promise<CachedVariants> {
  const dir = cacheDir();
  if (!dir) return { save: async () => undefined };
  const { variantTexts } = await import('../search/build.js');
  const hash = cacheHash(CACHE_FORMAT, ['opencc-js']);
  // Sorted: the map depends on the set of texts, not on the order of files and records.
  hash.update(JSON.stringify([...variantTexts(corpora)].sort()));
  const name = `variants-${hash.digest('hex').slice(0, 24)}.json`;
  const path = join(dir, name);
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (isVariantMap(value)) {
      const now = new Date();
      utimesSync(path, now, now);
      return { variants: value, save: async () => undefined };
    }
  } catch {
    // Not made yet, or damaged: made again by the caller.
  }
  return {
    save: async (variants) => {
      try {
        await writeFileAtomic(path, JSON.stringify(variants));
        const files = readdirSync(dir)
          .filter((f) => FILE.test(f))
          .map((f) => ({ f, t: statSync(join(dir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
          .sort((a, b) => b.t - a.t);
        for (const { f } of files.slice(KEEP)) rmSync(join(dir, f), { force: true });
      } catch {
        // A read-only home, a full disk: the next build makes the map again.
      }
    },
  };
}
