/**
 * Tokenisation: the one module both the Node index builder and the browser use, so an index is
 * always searched with the tokens it was built with. (Which characters are Han: `script.ts`; how
 * keyword names are keyed and found in text: `names.ts`, `name-matcher.ts`.)
 *
 * Pure code only: no `Intl.Segmenter`, no `toLocale*`, no locale-dependent API, so tokens are the
 * same in Node, Chromium and Firefox (checked by `test/search/tokenizer*.test.ts`).
 *
 * - English (and any non-Han script): NFKD, combining marks removed, lowercased, split on anything
 *   that is not a letter or digit, a small explicit stop-word list, Porter stems (`stemmer`).
 * - Chinese (Han characters): each run of Han characters is mapped traditional → simplified with the
 *   index's variant map (char by char, length-preserving), then cut into overlapping character
 *   bigrams. A run's last character is also indexed on its own, so a one-character query finds every
 *   occurrence by prefix (`监` finds `监管`, and `盒` finds the run-final `盒` of `监管沙盒`).
 */
import { stemmer } from 'stemmer';
import { HAN_RUN, MAYBE_HAN, toSimplified, type VariantMap } from './script.js';

export { hasHan, toSimplified, type VariantMap } from './script.js';

/** English stop words dropped from text and queries. Deliberately small and explicit. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'into',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  's',
  'such',
  'that',
  'the',
  'their',
  'these',
  'this',
  'to',
  'was',
  'were',
  'which',
  'with',
]);

/** Maximal runs of letters/digits (with their combining marks); Han runs are split out afterwards. */
const WORD_RUN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const MARKS = /\p{M}/gu;
const ASCII_WORD = /^[A-Za-z0-9]+$/;
// eslint-disable-next-line no-control-regex -- every ASCII character, the control ones included, is the point
const ASCII_TEXT = /^[\x00-\x7f]*$/;
const ASCII_RUN = /[A-Za-z0-9]+/g;
const ASCII_LOWER = /^[a-z]+$/;
const NOT_ALNUM = /[^\p{L}\p{N}]+/u;

/** One token of a text, with its position in the original string. */
export interface Token {
  /** The indexed term: a stem, a Han bigram, or a single Han character. */
  term: string;
  /** `word` for letters/digits outside Han, `han` for Han bigrams and characters. */
  kind: 'word' | 'han';
  /** UTF-16 offsets `[start, end)` in the original text. */
  start: number;
  end: number;
}

/**
 * Folds a non-Han word: compatibility forms (full-width letters, ligatures), diacritics removed,
 * lowercased. May return several pieces when folding reveals separators (`ﬁ`→`fi`, `①`→`1`).
 */
export function foldWord(word: string): string[] {
  if (ASCII_WORD.test(word)) return [word.toLowerCase()];
  const folded = word.normalize('NFKD').replace(MARKS, '').toLowerCase();
  return folded.split(NOT_ALNUM).filter(Boolean);
}

const stems = new Map<string, string>();

/** Stems an English word unless it is a stop word (then `''`). Digits are kept as they are. */
export function stemWord(folded: string): string {
  if (STOP_WORDS.has(folded)) return '';
  if (!ASCII_LOWER.test(folded)) return folded;
  let stem = stems.get(folded);
  if (stem === undefined) {
    if (stems.size > 20000) stems.clear(); // bounded memo: indexing and queries reuse few words
    stem = stemmer(folded);
    stems.set(folded, stem);
  }
  return stem;
}

/**
 * Every word and Han run of `text` as raw pieces with offsets: words folded but not stemmed, Han runs
 * simplified. The shared first step of indexing, querying and highlighting.
 */
export function segments(
  text: string,
  variants: VariantMap = {},
): Array<{ kind: 'word' | 'han'; text: string; start: number; end: number }> {
  const out: Array<{ kind: 'word' | 'han'; text: string; start: number; end: number }> = [];
  if (ASCII_TEXT.test(text)) {
    // Same result as the general path for ASCII (letters and digits are [A-Za-z0-9]), faster.
    for (const m of text.matchAll(ASCII_RUN)) {
      out.push({ kind: 'word', text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
    }
    return out;
  }
  for (const m of text.matchAll(WORD_RUN)) {
    const run = m[0];
    const base = m.index;
    let last = 0;
    const pushWord = (from: number, to: number) => {
      if (to <= from) return;
      for (const piece of foldWord(run.slice(from, to))) {
        out.push({ kind: 'word', text: piece, start: base + from, end: base + to });
      }
    };
    if (!MAYBE_HAN.test(run)) {
      pushWord(0, run.length);
      continue;
    }
    for (const h of run.matchAll(HAN_RUN)) {
      pushWord(last, h.index);
      const end = h.index + h[0].length;
      out.push({ kind: 'han', text: toSimplified(h[0], variants), start: base + h.index, end: base + end });
      last = end;
    }
    pushWord(last, run.length);
  }
  return out;
}

/** Splits a (simplified) Han run into its characters with UTF-16 offsets (astral chars are 2 units). */
function hanChars(run: string): Array<{ ch: string; at: number }> {
  const chars: Array<{ ch: string; at: number }> = [];
  let at = 0;
  for (const ch of run) {
    chars.push({ ch, at });
    at += ch.length;
  }
  return chars;
}

/** Overlapping bigrams of a Han run, or the single character of a one-character run. */
export function hanBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

/**
 * Index tokens of `text` with their offsets: English stems (stop words dropped) and, for each Han
 * run, its bigrams plus its last character alone.
 */
export function tokenizeWithOffsets(text: string, variants: VariantMap = {}): Token[] {
  const tokens: Token[] = [];
  for (const seg of segments(text, variants)) {
    if (seg.kind === 'word') {
      const term = stemWord(seg.text);
      if (term) tokens.push({ term, kind: 'word', start: seg.start, end: seg.end });
      continue;
    }
    const chars = hanChars(seg.text);
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i]!;
      const b = chars[i + 1]!;
      tokens.push({ term: a.ch + b.ch, kind: 'han', start: seg.start + a.at, end: seg.start + b.at + b.ch.length });
    }
    const lastChar = chars[chars.length - 1]!;
    tokens.push({ term: lastChar.ch, kind: 'han', start: seg.start + lastChar.at, end: seg.end });
  }
  return tokens;
}

/** The terms MiniSearch indexes for `text` (see {@link tokenizeWithOffsets}). */
export function tokenize(text: string, variants: VariantMap = {}): string[] {
  return tokenizeWithOffsets(text, variants).map((t) => t.term);
}

/** A query split the way text is indexed, before stemming and bigrams. */
export interface QueryParts {
  /** Folded words as typed (not stemmed, stop words kept), in query order. */
  words: string[];
  /** Simplified Han runs, in query order. */
  han: string[];
}

/** Splits a query the same way text is indexed (see {@link segments}). */
export function queryParts(query: string, variants: VariantMap = {}): QueryParts {
  const parts: QueryParts = { words: [], han: [] };
  for (const seg of segments(query, variants)) (seg.kind === 'han' ? parts.han : parts.words).push(seg.text);
  return parts;
}
