/**
 * Query planning and match strength: what a typed query asks for, before and after MiniSearch runs it.
 * DOM-free; shared by the browser and Node (`bj-index query`), so both rank alike.
 *
 * A query is cut into *slots*: one per English content word and one per bigram of each Han run
 * (or the character of a one-character run). Each slot lists the query terms that satisfy it: the
 * word's stem, its pinyin form, its fuzzy and prefix neighbours (with a lower factor), editorial
 * synonyms and Chinese → English renderings from the glossary's own bilingual names. A result's
 * *coverage* is the share of the slots it satisfies, each slot weighted by how rare its term is
 * (idf); coverage grades Han runs (no all-or-nothing AND) and is the coordination factor of
 * multi-word queries. A result is `strong` when its coverage is high or the query names it.
 *
 * Applied to queries only (the index keeps every word): English function and question words and
 * Chinese question words and particles are dropped (`question-words.ts`).
 */
import type { Query } from 'minisearch';
import type { Lexicon, LexiconHit } from './lexicon.js';
import { QUERY_STOP_WORDS, stripQuestion } from './question-words.js';
import type { Vocabulary } from './vocabulary.js';

export { Vocabulary } from './vocabulary.js';
export { QUERY_STOP_WORDS, ZH_QUESTION_PATTERNS, stripQuestion } from './question-words.js';
import { hasHan, type VariantMap } from './script.js';
import { hanBigrams, queryParts, stemWord, tokenizeWithOffsets, type QueryParts } from './text.js';
import { FORMS_FIELD, formTerm, isFormTerm } from './word-forms.js';

/** How much a kind of match is worth, relative to the term as typed. */
export const MATCH_FACTOR = {
  exact: 1,
  /** Another form of the word's stem only (`reviews` for `reviewers`), when the corpus has the form typed. */
  stem: 0.9,
  rendering: 0.9,
  synonym: 0.9,
  prefix: 0.8,
  fuzzy: 0.75,
} as const;

/**
 * A word typed in a form found in at least this share of its stem's documents is taken as its stem
 * (`services` where most passages say services): no separate look-up of the form as typed.
 */
const DOMINANT_FORM = 0.5;

/** Coverage from which a result counts as a close (`strong`) match. */
export const STRONG_COVERAGE = 0.7;

/** One query term a slot accepts: all `terms` must have matched (a rendering may be several words). */
export interface Alternative {
  terms: string[];
  factor: number;
  /** Reached through the dictionary lexicon: a translation, or an English dictionary synonym. */
  dictionary?: 'translation' | 'synonym';
  /**
   * Terms none of which may have matched either: for a word typed as its own stem (`review`), the
   * stem's other written forms (`word-forms.ts`), so that only a result with the word as typed
   * (and none of its other forms) counts as having it.
   */
  lacks?: string[];
}

/** True when a result that matched `matched` has this alternative. */
export function hasAlternative(alt: Alternative, matched: ReadonlySet<string>): boolean {
  return alt.terms.every((t) => matched.has(t)) && !alt.lacks?.some((t) => matched.has(t));
}

/** Something the query asks for: one English content word, or one Han bigram (or lone character). */
export interface Slot {
  /** How rare the slot's own term is in the corpus (idf); rare words weigh more. */
  weight: number;
  alternatives: Alternative[];
  /**
   * The word as typed, where the corpus has it so and has other forms of its stem
   * (`word-forms.ts`): a result without it has only the word's neighbours (`rank.ts`).
   */
  typed?: Alternative;
}

/** `shi2jian1` → `shijian`: pinyin typed with tone digits, or the word unchanged. */
export function stripToneDigits(word: string): string {
  return /^(?:[a-z]+[1-5])+[a-z]*$/.test(word) ? word.replace(/[1-5]/g, '') : word;
}

/** Capitalised 2–4 letter words of the raw query (`IP`, `AI`, `SRAS`), lowercased. */
export function acronymsOf(query: string): Set<string> {
  return new Set([...query.matchAll(/(?<![\p{L}\p{N}])([A-Z]{2,4})s?(?![\p{L}\p{N}])/gu)].map((m) => m[1]!.toLowerCase()));
}

/**
 * Coverage of a result: the weighted share of the slots it satisfies, given the query terms it
 * matched (MiniSearch's `queryTerms`). 0 for no slots.
 */
export function coverage(slots: readonly Slot[], matched: ReadonlySet<string>, counts: (alt: Alternative) => boolean = () => true): number {
  let total = 0;
  let got = 0;
  for (const slot of slots) {
    total += slot.weight;
    let best = 0;
    for (const alt of slot.alternatives) {
      if (!counts(alt)) continue;
      if (alt.factor > best && hasAlternative(alt, matched)) best = alt.factor;
    }
    got += slot.weight * best;
  }
  return total > 0 ? got / total : 0;
}

/** What the planner needs from the loaded index. */
export interface PlanContext {
  variants: VariantMap;
  vocab: Vocabulary;
  lexicon: Lexicon;
  /** The dictionary lexicon, once loaded (`xlang.ts`, a lazy part); without it queries are not translated. */
  xlang?: QueryTranslator | undefined;
  /** True when the word occurs in some keyword's joined pinyin or initials. */
  inPinyin(word: string): boolean;
  /** Chinese keyword names (simplified), kept whole when question words are stripped. */
  names: readonly string[];
  /** The indexed form of a Han term (see `HAN_MARK` in index.ts). */
  mark(term: string): string;
  textFields: string[];
  pinyinFields: string[];
  /** MiniSearch's prefix and fuzzy weights. */
  weights: { prefix: number; fuzzy: number };
  /** Prefix weight of a one-character Han query. */
  hanPrefixWeight(char: string): number;
}

/** Adds dictionary translations to a query's slots (the dictionary lexicon, `xlang.ts`). */
export interface QueryTranslator {
  /** A Han run's bigram slots get the English glosses of its dictionary words. */
  translateRun(run: string, runSlots: Slot[], ctx: PlanContext, queries: Query[]): void;
  /** English content words' slots get Chinese words and dictionary synonyms. */
  translateWords(stems: string[], wordSlots: Slot[], ctx: PlanContext, queries: Query[]): void;
  /**
   * Whether a result that matched `matched` with coverage `cover` is strong (dictionary synonyms
   * only rank), and whether only the dictionary's words matched.
   */
  grade(slots: readonly Slot[], matched: ReadonlySet<string>, cover: number): { strong: boolean; translated: boolean };
}

/** A planned query: MiniSearch sub-queries, the slots to grade results by, and what to highlight. */
export interface QueryPlan {
  queries: Query[];
  slots: Slot[];
  /** The query's parts as typed (before stop words were removed). */
  parts: QueryParts;
  /**
   * Han runs searched (question words removed) and a lexicon phrase the query spells in pinyin, for
   * highlighting and contiguity.
   */
  runs: string[];
}

/**
 * Edit distance allowed for an English query word (as typed) that the corpus lacks: none under 4
 * letters, 1 up to 7, else 2.
 */
export function fuzziness(typed: string): number {
  if (typed.length < 4 || /\d/.test(typed)) return 0;
  return typed.length <= 7 ? 1 : 2;
}

/** The word stems of an English phrase, as indexed (stop words dropped). */
function stemsOf(phrase: string): string[] {
  return tokenizeWithOffsets(phrase)
    .filter((t) => t.kind === 'word')
    .map((t) => t.term);
}

/** Plans a (cut) query; `null` when it has nothing searchable. */
export function planQuery(q: string, ctx: PlanContext): QueryPlan | null {
  const parts = queryParts(q, ctx.variants);
  const acronyms = acronymsOf(q);
  const queries: Query[] = [];
  const slots: Slot[] = [];
  const { vocab, lexicon, mark } = ctx;
  const isHan = (t: string) => t !== mark('') && t.startsWith(mark(''));
  /** Terms that are not words of the text fields: Han terms and written forms' terms. */
  const notWord = (t: string) => isHan(t) || isFormTerm(t);

  // English and pinyin words.
  const typedWords = parts.words.map((w) => {
    const toneless = stripToneDigits(w);
    return toneless !== w && ctx.inPinyin(toneless) ? toneless : w;
  });
  const content = typedWords.filter((w) => acronyms.has(w) || !QUERY_STOP_WORDS.has(w));
  const onlyStopWords = content.length === 0 && parts.han.length === 0;
  const words = onlyStopWords ? typedWords : content;
  const latin = words.filter((w) => /^[a-z]+$/.test(w));
  const joined = latin.join('');
  const joinedPinyin = latin.length > 1 && ctx.inPinyin(joined) ? joined : undefined;
  const pinyin = latin.filter((w) => ctx.inPinyin(w));
  if (joinedPinyin) pinyin.push(joinedPinyin);
  const typo = latin.length === 1 && pinyin.length === 0 && joined.length >= 6 ? joined : undefined;
  if (typo) pinyin.push(typo);
  // Pinyin of a lexicon phrase (`yingshang huanjing` → 营商环境) searches that phrase.
  const spelled = joined.length >= 4 ? lexicon.fromPinyin(joined) : undefined;
  const spelledAlts: Alternative[] = [];
  if (spelled) {
    const grams = hanBigrams(spelled).map(mark);
    queries.push({ queries: grams, fields: ctx.textFields, combineWith: 'AND' });
    spelledAlts.push({ terms: grams, factor: MATCH_FACTOR.exact });
    for (const hit of lexicon.inChinese(spelled)) spelledAlts.push(...targetQueries(hit, ctx, queries));
  }

  const wordStems: string[] = [];
  const wordSlots: Slot[] = [];
  words.forEach((typed, i) => {
    const stem = stemWord(typed) || typed;
    const weights = new Map<string, number>([[stem, 1]]);
    const alternatives: Alternative[] = [{ terms: [stem], factor: MATCH_FACTOR.exact }];
    const pinyinish = /^[a-z]+$/.test(typed) && ctx.inPinyin(typed);
    const typedAlt = !onlyStopWords && !pinyinish ? asTyped(typed, stem, vocab, isHan, queries) : undefined;
    if (typedAlt) {
      alternatives[0]!.factor = MATCH_FACTOR.stem;
      alternatives.unshift(typedAlt);
    }
    if (!onlyStopWords && !pinyinish) {
      const exact = vocab.has(stem);
      const acronym = acronyms.has(typed);
      const last = i === words.length - 1;
      // Prefix: while typing (the last word) or for words the corpus lacks as typed; acronyms always.
      if ((stem.length >= 3 || acronym) && (!exact || last || acronym)) {
        for (const t of vocab.withPrefix(stem, notWord)) {
          // A capitalised query (`IP`) extends to the corpus's acronyms (`IPR`), not to words (`ipad`).
          if (acronym && !vocab.isAcronym(t)) continue;
          weights.set(t, (ctx.weights.prefix * t.length) / (t.length + 0.3 * (t.length - stem.length)));
          alternatives.push({ terms: [t], factor: MATCH_FACTOR.prefix });
        }
      }
      // Fuzzy: only for words the corpus does not contain as typed.
      const distance = fuzziness(typed);
      if (!exact && distance > 0) {
        for (const { term, distance: d } of vocab.near(typed, distance)) {
          if (weights.has(term)) continue;
          weights.set(term, (ctx.weights.fuzzy * term.length) / (term.length + d));
          alternatives.push({ terms: [term], factor: MATCH_FACTOR.fuzzy });
        }
      }
    }
    if (pinyinish) alternatives.push({ terms: [typed], factor: MATCH_FACTOR.exact });
    if (joinedPinyin && latin.includes(typed)) alternatives.push({ terms: [joinedPinyin], factor: MATCH_FACTOR.exact });
    if (typo === typed) alternatives.push({ terms: [typo], factor: MATCH_FACTOR.fuzzy });
    if (latin.includes(typed)) alternatives.push(...spelledAlts);
    for (const means of lexicon.english(typed)) {
      const stems = stemsOf(means);
      if (stems.length === 0) continue;
      queries.push({ queries: stems, fields: ctx.textFields, combineWith: 'AND' });
      alternatives.push({ terms: stems, factor: MATCH_FACTOR.synonym });
    }
    queries.push({ queries: [...weights.keys()], fields: ctx.textFields, boostTerm: (t: string) => weights.get(t) ?? 1 });
    const slot: Slot = { weight: vocab.idf(stem), alternatives, ...(typedAlt ? { typed: typedAlt } : {}) };
    slots.push(slot);
    if (!onlyStopWords && !pinyinish) {
      wordStems.push(stem);
      wordSlots.push(slot);
    }
  });
  ctx.xlang?.translateWords(wordStems, wordSlots, ctx, queries);
  if (pinyin.length > 0) {
    queries.push({
      queries: [...new Set(pinyin)],
      fields: ctx.pinyinFields,
      prefix: (t: string) => t.length >= 3,
      fuzzy: (t: string) => (t === typo ? 1 : false),
    });
  }

  // Han runs: graded by bigram, question words removed, lexicon phrases also searched as their targets.
  const protect = [...ctx.names, ...lexicon.zhPhrases];
  let runs = [...new Set(parts.han.flatMap((run) => stripQuestion(run, protect)))];
  if (runs.length === 0 && words.length === 0) runs = parts.han;
  for (const run of runs) {
    const chars = [...run];
    if (chars.length === 1) {
      queries.push({
        queries: [mark(run)],
        fields: ctx.textFields,
        prefix: true,
        weights: { fuzzy: ctx.weights.fuzzy, prefix: ctx.hanPrefixWeight(run) },
      });
      const slot = { weight: vocab.idf(mark(run)), alternatives: [{ terms: [mark(run)], factor: MATCH_FACTOR.exact }] };
      slots.push(slot);
      continue;
    }
    const grams = hanBigrams(run);
    queries.push({ queries: [...new Set(grams)].map(mark), fields: ctx.textFields, combineWith: 'OR' });
    const runSlots: Slot[] = grams.map((g) => ({
      weight: vocab.idf(mark(g)),
      alternatives: [{ terms: [mark(g)], factor: MATCH_FACTOR.exact }],
    }));
    for (const hit of lexicon.inChinese(run)) {
      const alts = targetQueries(hit, ctx, queries);
      const len = [...hit.phrase].length;
      for (let at = run.indexOf(hit.phrase); at >= 0; at = run.indexOf(hit.phrase, at + 1)) {
        const from = [...run.slice(0, at)].length;
        for (let g = from; g < from + len - 1 && g < runSlots.length; g++) runSlots[g]!.alternatives.push(...alts);
      }
    }
    ctx.xlang?.translateRun(run, runSlots, ctx, queries);
    slots.push(...runSlots);
  }
  if (queries.length === 0) return null;
  // A lexicon phrase spelled in pinyin is a Han run of the query too: highlighted, and found unbroken.
  if (spelled && !runs.includes(spelled)) runs = [...runs, spelled];
  return { queries, slots, parts, runs };
}

/**
 * The alternative of an English word as typed, where the corpus writes it so and also writes other
 * forms of its stem (`word-forms.ts`); its sub-query added to `queries`. A form other than its stem
 * (`reviewers`) is searched in the forms field; a word that is its own stem (`review`) is had by a
 * result with the stem and none of the stem's other forms, which are searched for that alone.
 * Either sub-query only says which results have the form: it adds nothing to their scores (the
 * stem's match scores them), so a word written as typed does not outscore a passage found through
 * a translation (`rank.ts` puts the complete results first). Undefined for anything else (Han,
 * digits, a form the corpus lacks).
 */
function asTyped(typed: string, stem: string, vocab: Vocabulary, isHan: (t: string) => boolean, queries: Query[]): Alternative | undefined {
  if (!/^[a-z]+$/.test(typed) || !vocab.has(stem)) return undefined;
  if (typed !== stem) {
    const term = formTerm(stem, typed);
    const found = vocab.frequency(term);
    // Written so in most of the stem's documents: its other forms are too few to tell apart.
    if (found === 0 || found >= DOMINANT_FORM * vocab.frequency(stem)) return undefined;
    queries.push({ queries: [term], fields: [FORMS_FIELD], boostTerm: () => 0 });
    return { terms: [term], factor: MATCH_FACTOR.exact };
  }
  const others = vocab.withPrefix(formTerm(stem, ''), isHan);
  if (others.length === 0) return undefined;
  queries.push({ queries: others, fields: [FORMS_FIELD], boostTerm: () => 0 });
  return { terms: [stem], factor: MATCH_FACTOR.exact, lacks: others };
}

/** Sub-queries for a lexicon hit's targets, and the alternatives they give the phrase's slots. */
function targetQueries(hit: LexiconHit, ctx: PlanContext, queries: Query[]): Alternative[] {
  const alts: Alternative[] = [];
  for (const target of hit.targets) {
    const terms = hit.kind === 'rendering' || !hasHan(target) ? stemsOf(target) : hanBigrams(target).map(ctx.mark);
    if (terms.length === 0) continue;
    queries.push({ queries: terms, fields: ctx.textFields, combineWith: 'AND' });
    alts.push({ terms, factor: hit.kind === 'rendering' ? MATCH_FACTOR.rendering : MATCH_FACTOR.synonym });
  }
  return alts;
}
