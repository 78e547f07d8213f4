/**
 * The term matcher behind `<bj-annotate>` and {@link annotate}: DOM-free, one pass over a text with a
 * character trie built once per term list (and cached per index), leftmost-longest, never overlapping.
 *
 * What matches:
 * - every title and alias from `termNames()` (ids are slugs such as `service-packages` and are not
 *   matched: they never appear in published prose, only in URLs and code, which are skipped anyway);
 * - a few variants of each name: without a leading article ("The notification and compliance
 *   requirement" → "notification and compliance requirement"), without quotation marks
 *   (`两个“关键小事”` → `两个关键小事`), without a trailing parenthesis ("… system (SRAS)"), and simple
 *   English plurals/singulars of the last word only ("regulatory sandboxes", "service package");
 * - English (and any script written with spaces) case-insensitively and as whole words: the
 *   characters around a match must not be letters, digits or marks of such a script (Unicode-aware), so
 *   "sandboxing" does not contain "sandbox" and "Sandbox-based" does;
 * - Chinese by characters, with no word boundaries, after the index's length-preserving
 *   traditional → simplified mapping (`監管沙盒` matches `监管沙盒`).
 *
 * Text is normalised one UTF-16 unit for one (lowercase, full-width ASCII, curly quotes, dashes,
 * every whitespace and hyphen as a space), so offsets in the normalised text are offsets in the
 * original. A space in a name matches any run of spaces, hyphens and line breaks in the text.
 */
import type { ContentLang } from '../search/types.js';

/** One title or alias of a keyword, as `PolicyIndex.termNames()` lists them. */
export interface TermName {
  termId: string;
  name: string;
  lang: ContentLang;
}

/** What the matcher needs from an index: `PolicyIndex` fits. */
export interface TermSource {
  termNames(): readonly TermName[];
  /** Length-preserving traditional → simplified mapping. */
  toSimplified?(text: string): string;
}

/** One occurrence: `[start, end)` UTF-16 offsets in the text given to the matcher. */
export interface TermMatch {
  termId: string;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  /** Set when a name ends here. */
  termId: string | undefined;
  /** The name ending here needs a word boundary after it (its last character is a word character). */
  boundaryAfter: boolean;
}

/** Shortest name kept, in UTF-16 units: one Han character or two Latin letters mark too much. */
const MIN_HAN_LENGTH = 2;
const MIN_WORD_LENGTH = 3;

const SPACE_LIKE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\u301f\uff02]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\uff07]/g;
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const ANY_QUOTE = /["'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u300c\u300d\u300e\u300f\uff02]/g;
/** Letters, digits and marks of scripts written with spaces between words. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u;

function isWordChar(ch: string): boolean {
  return WORD_CHAR.test(ch) && !CJK_CHAR.test(ch);
}

/** Word characters among ASCII, by code (the common case, without a regular expression). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

/** True when the code point starting at `i` is a word character ({@link isWordChar}); false at the end. */
function wordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_WORD[code] === 1;
  if (code >= 0x4e00 && code <= 0x9fff) return false; // CJK unified ideographs
  return isWordChar(String.fromCodePoint(text.codePointAt(i)!));
}

/** True when the code point ending just before `i` is a word character; false at the start. */
function wordBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const code = text.charCodeAt(i - 1);
  if (code < 128) return ASCII_WORD[code] === 1;
  if (code >= 0xdc00 && code <= 0xdfff && i >= 2) return wordAt(text, i - 2);
  return wordAt(text, i - 1);
}

/** Lowercases one unit for one: a character whose lowercase is longer (İ) is kept as it is. */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const l = text[i]!.toLowerCase();
    out += l.length === 1 ? l : text[i]!;
  }
  return out;
}

/**
 * Normalises text for matching, one UTF-16 unit for one (see the module notes). `simplify` must be
 * length-preserving; when it is not, it is not applied.
 */
export function normalizeText(text: string, simplify?: (text: string) => string): string {
  let out = lowerSameLength(text)
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(SPACE_LIKE, ' ')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'");
  if (simplify) {
    const simple = simplify(out);
    if (simple.length === out.length) out = simple;
  }
  return out;
}

/** Collapses runs of spaces (the matcher's own form of a name). */
function squeeze(text: string): string {
  return text.replace(/ +/g, ' ').trim();
}

/** Simple English plural and singular forms of a last word (no stemming of other words). */
export function numberForms(word: string): string[] {
  if (!/^[a-z]{3,}$/.test(word)) return [];
  // A word ending in a plain -s (not -ss, -us, -is) is taken as a plural: its singular is added.
  if (/[^sui]s$/.test(word)) {
    if (/[^aeiou]ies$/.test(word)) return [word.slice(0, -3) + 'y'];
    if (/(ss|x|z|ch|sh)es$/.test(word)) return [word.slice(0, -2)];
    return [word.slice(0, -1)];
  }
  if (/[^aeiou]y$/.test(word)) return [word.slice(0, -1) + 'ies'];
  if (/(s|x|z|ch|sh)$/.test(word)) return [word + 'es'];
  return [word + 's'];
}

/** The spellings a name is matched in (already normalised), longest first. */
export function nameVariants(name: string, simplify?: (text: string) => string): string[] {
  const base = squeeze(normalizeText(name, simplify));
  const out = new Set<string>();
  const add = (v: string) => {
    const s = squeeze(v);
    if (s) out.add(s);
  };
  const shapes = new Set<string>([base]);
  const noParen = base.replace(/\s*\([^()]*\)$/, '');
  shapes.add(noParen);
  for (const s of [...shapes]) shapes.add(s.replace(ANY_QUOTE, ''));
  // A leading article is not part of the term: "the notification and compliance requirement" marks
  // the name only, so the article-less spelling replaces the one with it.
  const names = new Set([...shapes].map((s) => s.replace(/^(the|a|an) (?=\S+ \S)/, '')));
  for (const s of names) {
    add(s);
    const m = /^(.*?)([a-z]+)$/.exec(s);
    if (m && s.includes(' ') === true) for (const form of numberForms(m[2]!)) add(m[1] + form);
    else if (m && /^[a-z]+$/.test(s)) for (const form of numberForms(s)) add(form);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * A set of names compiled into a trie. Build once per term list ({@link matcherFor} caches it per
 * index) and call {@link TermMatcher.find} or {@link TermMatcher.candidatesAt} as often as needed.
 */
export class TermMatcher {
  /** Number of spellings in the trie (names × variants). */
  readonly size: number;
  /** Number of distinct keywords the names belong to. */
  readonly termCount: number;
  /** Ids of those keywords. */
  readonly termIds: ReadonlySet<string>;
  private readonly root: TrieNode = { next: undefined, termId: undefined, boundaryAfter: false };
  private readonly simplify: ((text: string) => string) | undefined;

  constructor(names: readonly TermName[], simplify?: (text: string) => string) {
    this.simplify = simplify;
    let size = 0;
    const terms = new Set<string>();
    for (const { termId, name } of names) {
      terms.add(termId);
      for (const variant of nameVariants(name, simplify)) {
        const hasHanChar = CJK_CHAR.test(variant);
        if (variant.length < (hasHanChar ? MIN_HAN_LENGTH : MIN_WORD_LENGTH)) continue;
        if (this.insert(variant, termId)) size++;
      }
    }
    this.size = size;
    this.termCount = terms.size;
    this.termIds = terms;
  }

  /** Normalises text the way names were (see {@link normalizeText}). */
  normalize(text: string): string {
    return normalizeText(text, this.simplify);
  }

  /**
   * Every name that matches at `start` of the normalised text `norm`, longest first, each respecting
   * word boundaries. Empty when none does.
   */
  candidatesAt(norm: string, start: number): TermMatch[] {
    const first = norm[start];
    if (first === undefined || !this.root.next?.has(first)) return [];
    if (wordAt(norm, start) && wordBefore(norm, start)) return [];
    const found: TermMatch[] = [];
    let node: TrieNode | undefined = this.root;
    let i = start;
    while (node?.next && i < norm.length) {
      const ch = norm[i]!;
      node = node.next.get(ch);
      if (!node) break;
      i++;
      if (ch === ' ') while (norm[i] === ' ') i++;
      if (node.termId !== undefined && norm[i - 1] !== ' ') {
        if (!node.boundaryAfter || !wordAt(norm, i)) {
          found.push({ termId: node.termId, start, end: i });
        }
      }
    }
    return found.reverse();
  }

  /**
   * Occurrences in `text`, leftmost-longest and never overlapping: at each place the longest name
   * wins, and the search goes on after it.
   */
  find(text: string): TermMatch[] {
    const norm = this.normalize(text);
    const out: TermMatch[] = [];
    let i = 0;
    while (i < norm.length) {
      const hit = this.candidatesAt(norm, i)[0];
      if (hit) {
        out.push(hit);
        i = hit.end;
      } else i++;
    }
    return out;
  }

  private insert(variant: string, termId: string): boolean {
    let node = this.root;
    for (const ch of variant) {
      for (let k = 0; k < ch.length; k++) {
        const unit = ch[k]!;
        node.next ??= new Map();
        let child = node.next.get(unit);
        if (!child) {
          child = { next: undefined, termId: undefined, boundaryAfter: false };
          node.next.set(unit, child);
        }
        node = child;
      }
    }
    if (node.termId !== undefined) return false; // first name wins (titles come before aliases)
    node.termId = termId;
    node.boundaryAfter = wordBefore(variant, variant.length);
    return true;
  }
}

const cache = new WeakMap<object, TermMatcher>();

/** The matcher for an index (or any {@link TermSource}), built on first use and kept per object. */
export function matcherFor(source: TermSource): TermMatcher {
  let matcher = cache.get(source);
  if (!matcher) {
    const simplify = source.toSimplified ? (text: string) => source.toSimplified!(text) : undefined;
    matcher = new TermMatcher(source.termNames(), simplify);
    cache.set(source, matcher);
  }
  return matcher;
}
