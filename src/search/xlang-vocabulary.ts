/**
 * What a built index holds, as the lexicon builder (`xlang-build.ts`) asks it: its English stems and
 * the gloss phrases in its text, how many records an English gloss matches, and the dictionary
 * headwords that stand in its Chinese text. The lexicon keeps only entries these find. Node only,
 * build time only.
 */
import { Catalogue } from './catalogue.js';
import { indexTerms, searchCorpus, TEXT_FIELDS, type SearchDoc } from './engine.js';
import type { BuiltIndex } from './format.js';
import { HAN_RUN, toSimplified } from './script.js';
import { tokenizeWithOffsets } from './text.js';

/** Longest Chinese headword kept, in characters. */
export const MAX_HEADWORD = 8;

/**
 * The English stems, the consecutive stem pairs and triples that are one of `glossPhrases`, and the
 * Chinese text (simplified Han runs) of a built index. (Every pair and triple of a large site's text
 * was millions of strings, kept to be asked about a few thousand glosses.)
 */
export function vocabularyOf(
  index: BuiltIndex,
  glossPhrases: ReadonlySet<string>,
): { en: Set<string>; phrases: Set<string>; zh: string[] } {
  const en = new Set<string>();
  const phrases = new Set<string>();
  const firstWords = new Set([...glossPhrases].map((g) => g.slice(0, g.indexOf(' '))));
  const phrase = (text: string) => {
    if (glossPhrases.has(text)) phrases.add(text);
  };
  const zh: string[] = [];
  const docLang = new Map(index.documents.map((d) => [d.id, d.lang]));
  const addEn = (text: string | undefined) => {
    if (!text) return;
    const words = tokenizeWithOffsets(text.replace(HAN_RUN, ' ')).map((t) => t.term);
    words.forEach((w, i) => {
      en.add(w);
      if (i >= 1 && firstWords.has(words[i - 1]!)) phrase(`${words[i - 1]} ${w}`);
      if (i >= 2 && firstWords.has(words[i - 2]!)) phrase(`${words[i - 2]} ${words[i - 1]} ${w}`);
    });
  };
  const addZh = (text: string | undefined) => {
    if (text) for (const m of text.matchAll(HAN_RUN)) zh.push(toSimplified(m[0], index.variants));
  };
  const add = (text: string | undefined) => {
    addEn(text);
    addZh(text);
  };
  for (const d of index.documents) [d.title.en, d.title.zh].forEach(add);
  for (const e of index.entries) {
    if (e.kind === 'term') {
      [e.title.en, e.title.zh, e.section?.en, e.section?.zh, ...e.aliases.en, ...e.aliases.zh].forEach(add);
      [...(e.definition.en ?? []), ...(e.definition.zh ?? [])].forEach(add);
    } else {
      const lang = docLang.get(e.document);
      [e.text, ...e.headings].forEach(lang === 'zh' ? add : addEn);
    }
  }
  return { en, phrases, zh };
}

/**
 * How many keywords and passages an English gloss (its stems, each one of `wanted`) matches,
 * counted up to `enough`: those that have all of its stems in the fields a query searches, as
 * MiniSearch's AND query would need. A translation that matches nothing only costs bytes.
 */
export function glossMatcher(index: BuiltIndex, wanted: ReadonlySet<string>): (stems: readonly string[], enough: number) => number {
  const catalogue = Catalogue.fromJSON(index);
  const postings = new Map<string, Set<number>>();
  searchCorpus(catalogue).docs.forEach((doc, n) => {
    for (const field of TEXT_FIELDS) {
      for (const term of indexTerms(doc[field as keyof SearchDoc], catalogue.variants)) {
        if (!wanted.has(term)) continue;
        let docs = postings.get(term);
        if (!docs) postings.set(term, (docs = new Set()));
        docs.add(n);
      }
    }
  });
  return (stems, enough) => {
    const sets = stems.map((t) => postings.get(t) ?? new Set<number>()).sort((a, b) => a.size - b.size);
    let n = 0;
    for (const doc of sets[0] ?? []) if (sets.every((docs) => docs.has(doc)) && ++n >= enough) break;
    return n;
  };
}

/** The first two characters of a word. */
const firstTwo = (word: string): string => {
  const first = word.codePointAt(0)! > 0xffff ? 2 : 1;
  return word.slice(0, first + (word.codePointAt(first)! > 0xffff ? 2 : 1));
};

/**
 * The headwords that stand somewhere in the Han runs: from each character of each run, the 2 to
 * {@link MAX_HEADWORD} characters after it, where some headword starts with its first two. (A set
 * of every substring of the runs grew to millions of strings on a large site.)
 */
export function headwordsIn(runs: string[], headwords: readonly string[]): Set<string> {
  const texts = [...new Set(runs)].map((run) => [...run]);
  const pairs = new Set<string>();
  for (const chars of texts) for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i]! + chars[i + 1]!);
  const words = new Set<string>();
  const starts = new Set<string>();
  for (const word of headwords) {
    const start = firstTwo(word);
    if (!pairs.has(start)) continue;
    words.add(word);
    starts.add(start);
  }
  const out = new Set<string>();
  for (const chars of texts) {
    for (let i = 0; i + 1 < chars.length; i++) {
      let s = chars[i]! + chars[i + 1]!;
      if (!starts.has(s)) continue;
      if (words.has(s)) out.add(s);
      for (let j = i + 2; j < chars.length && j - i < MAX_HEADWORD; j++) if (words.has((s += chars[j]!))) out.add(s);
    }
  }
  return out;
}
