import { readFileSync, readdirSync } from 'node:fs';
import type { CorpusInput } from '../../src/search/build.js';

/** Corpus files of a directory under the repository, as `buildIndex` takes them. */
export function readCorpora(dir: 'data' | 'test/search/fixtures'): CorpusInput[] {
  const url = new URL(`../../${dir}/`, import.meta.url);
  return readdirSync(url)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: `${dir}/${f}`, data: JSON.parse(readFileSync(new URL(f, url), 'utf8')) }));
}
