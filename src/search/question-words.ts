/**
 * Words a question carries that are not what it asks for: English function and question words
 * ({@link QUERY_STOP_WORDS}) and Chinese question words and particles ({@link ZH_QUESTION_PATTERNS}),
 * removed from queries only (the index keeps every word). DOM-free.
 */
import { STOP_WORDS } from './text.js';

/**
 * English words that carry no search meaning in a question, dropped from queries (never from the
 * index), never expanded by fuzzy or prefix matching and never highlighted. Extends the index's
 * {@link STOP_WORDS}. A query made only of these words still searches them, exactly.
 */
export const QUERY_STOP_WORDS: ReadonlySet<string> = new Set([
  ...STOP_WORDS,
  // question words
  'what',
  'whats',
  'who',
  'whom',
  'whose',
  'when',
  'where',
  'why',
  'how',
  'which',
  // auxiliaries and modals
  'am',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'do',
  'does',
  'did',
  'done',
  'doing',
  'have',
  'has',
  'had',
  'can',
  'could',
  'will',
  'would',
  'shall',
  'should',
  'may',
  'might',
  'must',
  // pronouns and determiners
  'i',
  'me',
  'my',
  'mine',
  'we',
  'us',
  'our',
  'you',
  'your',
  'he',
  'him',
  'his',
  'she',
  'her',
  'they',
  'them',
  'there',
  'those',
  'any',
  'some',
  'about',
  'than',
  'then',
  'so',
  'if',
  'but',
  'not',
  'no',
  'yes',
  'too',
  'also',
  'just',
  'very',
  'much',
  'many',
  'does',
  'else',
  // request verbs of questions ("tell me what … means")
  'please',
  'tell',
  'mean',
  'means',
  'meaning',
  'explain',
  'know',
  'want',
  'need',
  'get',
  'make',
  'let',
  'find',
  'show',
  'give',
  'something',
  'anything',
  'thing',
  'things',
  'way',
  'ways',
]);

/**
 * Chinese question words and particles, removed from a query's Han runs (the run is split where
 * one was), unless they are part of a keyword name or lexicon phrase found in the query.
 * Longest first, so `是什么意思` goes before `是什么` and `什么`.
 */
export const ZH_QUESTION_PATTERNS: readonly string[] = [
  '是什么意思',
  '什么意思',
  '啥意思',
  '是什么',
  '什么是',
  '指的是',
  '是指',
  '是啥',
  '什么',
  '为什么',
  '怎么办理',
  '如何办理',
  '怎么办',
  '怎么样',
  '怎么',
  '怎样',
  '如何',
  '请问',
  '有没有',
  '有什么',
  '有哪些',
  '是不是',
  '能不能',
  '可不可以',
  '可以吗',
  '需要吗',
  '哪些',
  '哪里',
  '哪儿',
  '在哪',
  '多少',
  '具体',
  '我们',
  '我想',
  '你们',
  '一下',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '么',
  '啥',
  '的',
  '是',
  '了',
  '我',
  '你',
  '谁',
];

/**
 * Splits a simplified Han run where a question word or particle stands, keeping `protect`ed
 * phrases (keyword names, lexicon phrases) whole. `监管沙盒是什么` → `['监管沙盒']`,
 * `请问告知承诺制怎么办理` → `['告知承诺制']`.
 */
export function stripQuestion(run: string, protect: readonly string[]): string[] {
  // UTF-16 positions: the patterns are BMP characters; an astral character is never a pattern.
  const guarded = new Uint8Array(run.length);
  for (const phrase of protect) {
    if (phrase.length < 2) continue;
    for (let at = run.indexOf(phrase); at >= 0; at = run.indexOf(phrase, at + 1)) guarded.fill(1, at, at + phrase.length);
  }
  const pieces: string[] = [];
  let from = 0;
  let i = 0;
  while (i < run.length) {
    const hit = guarded[i]
      ? undefined
      : ZH_QUESTION_PATTERNS.find((w) => run.startsWith(w, i) && !guarded.subarray(i, i + w.length).includes(1));
    if (hit) {
      if (i > from) pieces.push(run.slice(from, i));
      i += hit.length;
      from = i;
    } else i++;
  }
  if (run.length > from) pieces.push(run.slice(from));
  return pieces;
}
