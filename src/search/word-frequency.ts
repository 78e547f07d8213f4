/**
 * How common a Chinese word is: its count in jieba's dictionary (`dict.txt.big`, MIT, shipped in
 * the npm package `jieba-js`, pinned in package.json: the path is not part of its API). The
 * build-time lexicon (`xlang-build.ts`) keeps the words readers type, not every dictionary entry.
 * Node only, build time only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BjError } from './types.js';

let cached: Map<string, number> | undefined;

/** Word → count (simplified and traditional forms as listed), read once per process. */
export function wordFrequencies(): Map<string, number> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  let text: string;
  try {
    text = readFileSync(path.join(path.dirname(require.resolve('jieba-js/package.json')), 'dict', 'dict.txt.big'), 'utf8');
  } catch (cause) {
    throw new BjError(
      'invalid-data',
      'bj: the word frequency list (npm package jieba-js) is missing; run `npm install` in the bj-policy-widgets package, or build with --no-dictionary.',
      { cause },
    );
  }
  // Lines are `word count tag`; read with indexOf, not split: 580,000 lines.
  const freq = new Map<string, number>();
  for (let at = 0; at < text.length;) {
    const end = text.indexOf('\n', at);
    const stop = end < 0 ? text.length : end;
    const space = text.indexOf(' ', at);
    if (space > at && space < stop) {
      const next = text.indexOf(' ', space + 1);
      const count = Number(text.slice(space + 1, next > 0 && next < stop ? next : stop));
      if (count > 0) freq.set(text.slice(at, space), count);
    }
    at = stop + 1;
  }
  cached = freq;
  return freq;
}
