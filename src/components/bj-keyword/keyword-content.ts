/**
 * Pure helpers for `<bj-keyword>`'s popover content: which languages to show, where to cut a long
 * definition, and where a keyword is mentioned in a policy passage. No DOM, no Lit.
 */
import type { ContentLang, MatchRange, PassageEntry, TermEntry } from '../../search/types.js';

/** `display` attribute values. */
export type KeywordDisplay = 'both' | 'page' | 'en' | 'zh';

/** A definition longer than this (in Latin-character units; a Han character counts 2) is cut. */
export const LONG_DEFINITION = 280;
/** A definition with more paragraphs than this is cut. */
export const MAX_COLLAPSED_PARAGRAPHS = 2;

const other = (lang: ContentLang): ContentLang => (lang === 'en' ? 'zh' : 'en');

/** Whether `entry` was published in `lang` (title or definition). */
export function hasLang(entry: TermEntry, lang: ContentLang): boolean {
  return Boolean(entry.title[lang] || entry.definition[lang]?.length);
}

/**
 * The content languages to show, first the one to lead with. `both`: the page's language, then the
 * other; `page`/`en`/`zh`: that one only, or the other when it was never published.
 */
export function languagesFor(entry: TermEntry, display: KeywordDisplay, pageLang: ContentLang): ContentLang[] {
  const wanted = display === 'en' || display === 'zh' ? display : pageLang;
  const order = display === 'both' ? [wanted, other(wanted)] : [wanted];
  const shown = order.filter((lang) => hasLang(entry, lang));
  if (shown.length) return shown;
  return [other(wanted)].filter((lang) => hasLang(entry, lang));
}

/** Reading weight: a Han character takes about as long to read as two Latin letters. */
export function textWeight(text: string): number {
  let weight = 0;
  for (const ch of text) weight += /\p{Script=Han}/u.test(ch) ? 2 : 1;
  return weight;
}

export interface Paragraph {
  lang: ContentLang;
  text: string;
}

/** All definition paragraphs in the languages shown, in that order. */
export function definitionParagraphs(entry: TermEntry, langs: ContentLang[]): Paragraph[] {
  return langs.flatMap((lang) => (entry.definition[lang] ?? []).map((text) => ({ lang, text })));
}

/** Whether the definition needs a "More" toggle. */
export function isLong(paragraphs: Paragraph[]): boolean {
  return paragraphs.length > MAX_COLLAPSED_PARAGRAPHS || paragraphs.reduce((sum, p) => sum + textWeight(p.text), 0) > LONG_DEFINITION;
}

/**
 * The first part of a long definition: its first paragraph, cut after the last full sentence that
 * fits in `limit` (or at a word boundary with `…` when no sentence fits).
 */
export function collapsedParagraph(paragraphs: Paragraph[], limit = LONG_DEFINITION): Paragraph | undefined {
  const first = paragraphs[0];
  if (!first || textWeight(first.text) <= limit) return first;
  const chars = [...first.text];
  let weight = 0;
  let cut = 0;
  while (cut < chars.length && weight + textWeight(chars[cut]!) <= limit) weight += textWeight(chars[cut++]!);
  const head = chars.slice(0, cut).join('');
  const sentence = /^[\s\S]*[。！？；]|^[\s\S]*[.!?](?=\s)/u.exec(head)?.[0];
  if (sentence && textWeight(sentence) >= limit * 0.4) return { lang: first.lang, text: sentence.trim() };
  const word = first.lang === 'en' ? head.replace(/\s+\S*$/, '') : head;
  return { lang: first.lang, text: `${word.replace(/[\s,，、;；:：]+$/u, '')}…` };
}

/** Where the keyword's titles or aliases occur in a passage (case-insensitive), for `snippet()`. */
export function mentionRanges(entry: TermEntry, passage: PassageEntry): MatchRange[] {
  const names = [entry.title.en, entry.title.zh, ...entry.aliases.en, ...entry.aliases.zh].filter((n): n is string =>
    Boolean(n && n.trim()),
  );
  const haystack = passage.text.toLowerCase();
  const ranges: MatchRange[] = [];
  for (const name of names) {
    const needle = name.toLowerCase();
    // Lower-casing keeps lengths for this corpus's scripts; guard anyway.
    if (needle.length !== name.length || haystack.length !== passage.text.length) continue;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      ranges.push({ field: 'text', start: at, end: at + needle.length });
    }
  }
  return ranges;
}

/** The language of a plain label such as an edition name: Han characters mean Chinese. */
export function guessLang(text: string): ContentLang {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
}
