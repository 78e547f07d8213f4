/**
 * Finds keyword names in running text: the names of a term list ({@link nameSpellings}, see
 * `names.ts`) compiled into a character trie once, then one pass over a text. The index builder
 * links a passage to the keywords it finds here, the search highlights those links with it, and the
 * annotator (`<bj-annotate>`) marks what it finds, so all three see the same names. DOM-free.
 *
 * - English (and any script written with spaces) is matched as whole words: the characters around a
 *   match must not be letters, digits or marks of such a script (Unicode-aware), so "sandboxing"
 *   does not contain "sandbox" and "Sandbox-based" does.
 * - Chinese is matched by characters, with no word boundaries, after the index's length-preserving
 *   traditional → simplified mapping (`監管沙盒` matches `监管沙盒`).
 * - Text is normalised one UTF-16 unit for one ({@link normalizeText}), so offsets in the normalised
 *   text are offsets in the original. A space in a name matches any run of spaces, hyphens and line
 *   breaks in the text.
 */
import { nameSpellings, normalizeText, type Simplify, type TermName } from './names.js';
import { hasHan, hasUnspaced, toSimplified, type VariantMap } from './script.js';

export type { TermName } from './names.js';

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

/** Letters, digits and marks (of scripts written with spaces: see `isWordChar`). */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(ch: string): boolean {
  return WORD_CHAR.test(ch) && !hasUnspaced(ch);
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

/**
 * A set of names compiled into a trie. Build once per term list and call {@link TermMatcher.find},
 * {@link TermMatcher.findAll} or {@link TermMatcher.candidatesAt} as often as needed.
 */
export class TermMatcher {
  /** Number of spellings in the trie (names × variants). */
  readonly size: number;
  /** Number of distinct keywords the names belong to. */
  readonly termCount: number;
  /** Ids of those keywords. */
  readonly termIds: ReadonlySet<string>;
  private readonly root: TrieNode = { next: undefined, termId: undefined, boundaryAfter: false };
  private readonly simplify: Simplify | undefined;

  constructor(names: readonly TermName[], simplify?: Simplify) {
    this.simplify = simplify;
    let size = 0;
    const terms = new Set<string>();
    for (const { termId, name } of names) {
      terms.add(termId);
      for (const spelling of nameSpellings(name, simplify)) {
        if (spelling.length < (hasUnspaced(spelling) ? MIN_HAN_LENGTH : MIN_WORD_LENGTH)) continue;
        if (this.insert(spelling, termId)) size++;
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
   * wins, and the search goes on after it. What the annotator marks.
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

  /**
   * Every occurrence of every name in `text`, overlapping ones included (a shorter name inside a
   * longer one too), in order of their start: which keywords a passage names.
   */
  findAll(text: string): TermMatch[] {
    const norm = this.normalize(text);
    const out: TermMatch[] = [];
    for (let i = 0; i < norm.length; i++) out.push(...this.candidatesAt(norm, i));
    return out;
  }

  private insert(spelling: string, termId: string): boolean {
    let node = this.root;
    for (const ch of spelling) {
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
    node.boundaryAfter = wordBefore(spelling, spelling.length);
    return true;
  }
}

/**
 * Where one keyword name occurs in `text` (all its spellings, overlapping ones included), as
 * `[start, end)` ranges: {@link TermMatcher.findAll} for a single name.
 */
export function findName(text: string, name: string, variants: VariantMap = {}): Array<[number, number]> {
  const simplify: Simplify = (s) => toSimplified(s, variants);
  const matcher = new TermMatcher([{ termId: '', name, lang: hasHan(name) ? 'zh' : 'en' }], simplify);
  return matcher.findAll(text).map((m) => [m.start, m.end]);
}
