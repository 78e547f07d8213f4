/**
 * Derives an index's cross-language query lexicon from CC-CEDICT (`cedict.ts`), pruned to the
 * index's own vocabulary (see `xlang.ts` for how queries use it). Node only, build time only.
 *
 * - `zh`: Chinese word → English glosses, kept only where the gloss's content words occur together in
 *   one of the index's passages or keywords (so a Chinese query reaches English passages), and only
 *   for the few Chinese words a reader would type for a common gloss (see {@link MAX_WORDS_PER_GLOSS}).
 * - `en`: English gloss (its stems) → Chinese words, kept only where the Chinese word occurs in the
 *   index's Chinese text (so an English question reaches Chinese pages).
 * - `syn`: English word the index lacks → English glosses of the same headwords that it has
 *   (`knockoff` → `counterfeit`): weaker matches, English to English.
 */
import { QUERY_STOP_WORDS } from './question-words.js';
import { loadCedict, CEDICT_SOURCE, type CedictEntry } from './cedict.js';
import { wordFrequencies } from './word-frequency.js';
import { XLANG_FORMAT, XLANG_VERSION, type BuiltXLexicon } from './xlang-format.js';
import { tokenizeWithOffsets } from './text.js';
import type { BuiltIndex } from './format.js';
import { glossMatcher, headwordsIn, MAX_HEADWORD, vocabularyOf } from './xlang-vocabulary.js';

/** Longest gloss kept, in content words; longer glosses are definitions, not translations. */
const MAX_GLOSS_WORDS = 3;
/** Glosses kept per Chinese word (CEDICT lists the commonest senses first). */
const MAX_GLOSSES = 4;
/** Senses read per dictionary entry (CC-CEDICT lists the commonest first). */
const MAX_SENSES = 3;
/** Chinese words kept per English gloss. */
const MAX_TARGETS = 4;
/**
 * English synonyms kept per word the index lacks: the first headword's. More only add weak matches
 * that crowd the first (and most of the synonym map's bytes).
 */
const MAX_SYNONYMS = 1;
/**
 * How common (its count in jieba's dictionary) a Chinese word must be to be kept for Chinese
 * queries, unless a gloss of it is what the index is about ({@link MIN_TOPICAL_COUNT}) or a phrase
 * the index uses: the words readers type, not every entry.
 */
const MIN_ZH_COUNT = 500;
/** How common (jieba count) a word must be when one of its glosses is one the index is about ({@link TOPICAL_MATCHES}). */
const MIN_TOPICAL_COUNT = 100;
/** Keywords and passages a gloss matches for the index to be about it. */
const TOPICAL_MATCHES = 3;
/** How common (jieba count) a headword must be for its glosses to serve as English synonyms. */
const MIN_SYNONYM_COUNT = 5000;
/** Most senses of a headword whose glosses serve as English synonyms of each other. */
const MAX_SYNONYM_SENSES = 5;
/**
 * Chinese words kept per English gloss when the dictionary gives it more than
 * {@link SPECIFIC_GLOSS_WORDS}: a common gloss (`time`, `work`) is what dozens of Chinese words
 * translate to, most of them rare synonyms or later senses no reader types for it. Those whose first
 * sense it is come first, then the commonest. This is most of the lexicon's bytes.
 */
const MAX_WORDS_PER_GLOSS = 3;
/** A gloss given by at most this many Chinese words keeps them all (`real estate`: 房地产, 不动产 …). */
const SPECIFIC_GLOSS_WORDS = 6;

/** Gloss → its content stems, computed once per gloss. */
const glossStemCache = new Map<string, string[]>();

/** The content stems of an English phrase as a query would search them (question words dropped). */
export function glossStems(gloss: string): string[] {
  let stems = glossStemCache.get(gloss);
  if (!stems) {
    stems = tokenizeWithOffsets(gloss)
      .filter((t) => t.kind === 'word' && !QUERY_STOP_WORDS.has(gloss.slice(t.start, t.end).toLowerCase()))
      .map((t) => t.term);
    glossStemCache.set(gloss, stems);
  }
  return stems;
}

const push = (map: Map<string, string[]>, key: string, value: string, max: number) => {
  const list = map.get(key) ?? [];
  if (!list.includes(value) && list.length < max) list.push(value);
  map.set(key, list);
};

/** What the builder reads: the dictionary and how common each Chinese word is. */
export interface XLexiconSources {
  dictionary: readonly CedictEntry[];
  frequency: ReadonlyMap<string, number>;
}

/**
 * A dictionary entry as the builder reads it ({@link digestDictionary}): what of it does not depend
 * on the index, worked out once. The CLI keeps these in its dictionary cache.
 */
export interface LexiconEntry {
  /** The simplified headword, 2 to {@link MAX_HEADWORD} characters. */
  zh: string;
  /** How many glosses the dictionary gives it, in all its senses. */
  senses: number;
  /** How common it is: its count in jieba's dictionary, 0 when it is not listed. */
  count: number;
  /**
   * The glosses of its first {@link MAX_SENSES} senses as a query searches them: their content stems
   * joined by spaces, each of 1 to {@link MAX_GLOSS_WORDS} stems, in the dictionary's order. Never empty.
   */
  glosses: string[];
}

/**
 * The entries of `dictionary` the builder can use, in order: a headword of other length, or whose
 * first senses have no gloss of 1 to {@link MAX_GLOSS_WORDS} content words, adds nothing to any lexicon.
 */
export function digestDictionary(dictionary: readonly CedictEntry[], frequency: ReadonlyMap<string, number>): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const entry of dictionary) {
    const len = [...entry.zh].length;
    if (len < 2 || len > MAX_HEADWORD) continue;
    const glosses = entry.glosses
      .slice(0, MAX_SENSES)
      .map(glossStems)
      .filter((stems) => stems.length > 0 && stems.length <= MAX_GLOSS_WORDS)
      .map((stems) => stems.join(' '));
    if (glosses.length > 0) out.push({ zh: entry.zh, senses: entry.glosses.length, count: frequency.get(entry.zh) ?? 0, glosses });
  }
  return out;
}

/**
 * Builds the pruned lexicon of `index` from the dictionary and word counts (default: CC-CEDICT and
 * jieba's), or from entries already digested ({@link digestDictionary}).
 */
export function buildXLexicon(
  index: BuiltIndex,
  sources: XLexiconSources | { entries: readonly LexiconEntry[] } = { dictionary: loadCedict(), frequency: wordFrequencies() },
): BuiltXLexicon {
  const entries = 'entries' in sources ? sources.entries : digestDictionary(sources.dictionary, sources.frequency);
  // The dictionary's glosses of more than one word: the phrases the index is asked about.
  const glossPhrases = new Set<string>();
  for (const { glosses } of entries) for (const g of glosses) if (g.includes(' ')) glossPhrases.add(g);
  const { en: enVocab, phrases, zh: zhRuns } = vocabularyOf(index, glossPhrases);
  // A gloss is matched only when every stem of it is in the English vocabulary (`matched` below).
  const matches = glossMatcher(index, enVocab);
  const inZh = headwordsIn(
    zhRuns,
    entries.map((e) => e.zh),
  );
  // Whether every stem of a gloss is in the index's English text: a one-word gloss (most) is its stem.
  const inVocab = (g: string): boolean => {
    for (let at = 0; ;) {
      const space = g.indexOf(' ', at);
      if (!enVocab.has(space < 0 ? (at === 0 ? g : g.slice(at)) : g.slice(at, space))) return false;
      if (space < 0) return true;
      at = space + 1;
    }
  };
  // How many keywords and passages a gloss matches (up to TOPICAL_MATCHES), 0 when a stem is not
  // in the index: asked once per gloss, not per entry.
  const matchedOf = new Map<string, number>();
  const matched = (g: string): number => {
    if (!inVocab(g)) return 0;
    let n = matchedOf.get(g);
    if (n === undefined) matchedOf.set(g, (n = matches(g.split(' '), TOPICAL_MATCHES)));
    return n;
  };
  // Chinese word → its glosses the index can match, whether it is named, and its first senses.
  const zhCandidates = new Map<string, { glosses: string[]; named: boolean; topical: boolean; first: Set<string>; count: number }>();
  const en = new Map<string, string[]>();
  const syn = new Map<string, string[]>();
  for (const entry of entries) {
    const { glosses } = entry;
    const known = glosses.filter((g) => matched(g) > 0);
    if (known.length > 0) {
      // A gloss the index uses as a phrase (`intellectual property rights`) names what it is about.
      const named = known.some((g) => g.includes(' ') && phrases.has(g));
      // A headword may have several entries (readings): their senses add up.
      const c = zhCandidates.get(entry.zh) ?? { glosses: [], named: false, topical: false, first: new Set<string>(), count: entry.count };
      c.glosses = [...new Set([...c.glosses, ...known])].slice(0, MAX_GLOSSES);
      c.named ||= named;
      // A gloss many keywords and passages match (`license`) is what the index is about.
      c.topical ||= known.some((g) => matched(g) >= TOPICAL_MATCHES);
      if (glosses[0] === known[0]) c.first.add(known[0]!);
      zhCandidates.set(entry.zh, c);
    }
    if (inZh.has(entry.zh)) for (const g of glosses) push(en, g, entry.zh, MAX_TARGETS);
    // A one-word gloss the index lacks reaches the glosses of the same (common) headword it has.
    // Only for common headwords of few senses, and only to one of their first two: `fake` → `counterfeit`.
    if (!known[0] || entry.count < MIN_SYNONYM_COUNT || entry.senses > MAX_SYNONYM_SENSES || glosses.indexOf(known[0]) > 1) continue;
    for (const g of glosses) {
      if (!g.includes(' ') && !enVocab.has(g)) push(syn, g, known[0], MAX_SYNONYMS);
    }
  }
  const count = (zh: string) => zhCandidates.get(zh)!.count;
  // The Chinese words readers type most, common words for what the index is about, and words whose
  // gloss the index uses as a phrase.
  const kept = [...zhCandidates].filter(
    ([zh, c]) => count(zh) >= MIN_ZH_COUNT || (c.topical && count(zh) >= MIN_TOPICAL_COUNT) || (c.named && count(zh) > 0),
  );
  // Then, per gloss, the few words a reader would type for it (MAX_WORDS_PER_GLOSS).
  const byGloss = new Map<string, string[]>();
  for (const [zh, c] of kept) for (const g of c.glosses) byGloss.set(g, [...(byGloss.get(g) ?? []), zh]);
  const chosen = new Set<string>();
  for (const [g, words] of byGloss) {
    const first = (zh: string) => (zhCandidates.get(zh)!.first.has(g) ? 0 : 1);
    words.sort((a, b) => first(a) - first(b) || count(b) - count(a));
    const n = words.length <= SPECIFIC_GLOSS_WORDS ? words.length : MAX_WORDS_PER_GLOSS;
    for (const zh of words.slice(0, n)) chosen.add(`${zh}\t${g}`);
  }
  const zh = new Map<string, string[]>();
  for (const [word, c] of kept) {
    const glosses = c.glosses.filter((g) => chosen.has(`${word}\t${g}`));
    if (glosses.length > 0) zh.set(word, glosses);
  }
  for (const word of derivable(zh)) zh.delete(word);
  const sorted = (map: Map<string, string[]>) =>
    Object.fromEntries([...map].filter(([, v]) => v.length > 0).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    format: XLANG_FORMAT,
    version: XLANG_VERSION,
    index: index.hash,
    source: CEDICT_SOURCE,
    license: 'CC BY-SA 4.0',
    zh: sorted(zh),
    en: sorted(en),
    syn: sorted(syn),
  };
}

/**
 * The compounds a query finds translated as well without them (`人民政府` → `peopl govern`): those
 * that the reader's longest match (`XLexicon.segment`) would cut, without them, into shorter words
 * of `zh` covering every character, whose glosses together have every stem of theirs. Shorter
 * compounds are decided first, so a longer one is cut into words that stay.
 */
function derivable(zh: ReadonlyMap<string, string[]>): Set<string> {
  const drop = new Set<string>();
  const longest = Math.max(0, ...[...zh.keys()].map((k) => [...k].length));
  const compounds = [...zh.keys()].filter((k) => [...k].length > 2).sort((a, b) => [...a].length - [...b].length);
  for (const word of compounds) {
    const chars = [...word];
    const stems = new Set<string>();
    let at = 0;
    while (at < chars.length) {
      let len = Math.min(longest, chars.length - at);
      for (; len >= 2; len--) {
        const part = chars.slice(at, at + len).join('');
        if (part !== word && !drop.has(part) && zh.has(part)) break;
      }
      if (len < 2) break;
      for (const g of zh.get(chars.slice(at, at + len).join(''))!) for (const s of g.split(' ')) stems.add(s);
      at += len;
    }
    if (at === chars.length && zh.get(word)!.every((g) => g.split(' ').every((s) => stems.has(s)))) drop.add(word);
  }
  return drop;
}
