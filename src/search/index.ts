/**
 * The search core's public API (a barrel): load a built index and search it (`PolicyIndex`), or
 * read only its keywords (`Catalogue`, no search engine). DOM-free; runs in browsers and Node.
 * Build-only code (opencc-js, pinyin-pro) lives in `build.ts` and is never imported from here.
 *
 * Where things are (one concept a file):
 *   read-index.ts   reading and checking `bj-index.json`      validate.ts  checking its records
 *   catalogue.ts    keywords, passages, lookup by name         names.ts     how names are varied and keyed
 *   name-matcher.ts names in running text (builder, annotator) script.ts    Han characters, trad → simp
 *   policy-index.ts search API                                 engine.ts    the MiniSearch engine builder
 *   text.ts         tokenizer                                  query.ts     query planning and coverage
 *   question-words.ts  question words dropped from queries     vocabulary.ts  corpus vocabulary (idf, typos)
 *   lexicon.ts      query lexicon                              rank.ts      ordering hits
 *   named.ts        the keyword a query names                  highlight.ts what to mark in a result
 *   suggest.ts      "did you mean"                             snippet.ts   cutting text around marks
 *   format.ts, types.ts  the index file and the records        build.ts     the index builder (Node only)
 */
export * from './types.js';
export * from './format.js';
export { Catalogue, MAX_QUERY_LENGTH, entryLang, entryText, type IndexSizeInfo } from './catalogue.js';
export { PolicyIndex, DEFAULT_LIMIT } from './policy-index.js';
export { snippet, highlight, type Segment } from './snippet.js';
export { tokenize, tokenizeWithOffsets, queryParts, type Token } from './text.js';
export { nameKey, type TermName } from './names.js';
export { findName } from './name-matcher.js';
export type { VariantMap } from './script.js';
export { QUERY_STOP_WORDS, ZH_QUESTION_PATTERNS } from './question-words.js';
export { STRONG_COVERAGE } from './query.js';
