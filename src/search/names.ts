/**
 * How a keyword's names are normalised and varied: the one definition the index builder (which
 * passages name a keyword), the catalogue's lookup (`<bj-keyword>` text → keyword), the search
 * (a keyword named by the query; highlights) and the annotator (names in running text) share.
 * `test/search/names.test.ts` checks that they agree. DOM-free and dependency-free.
 *
 * A published name (a title or alias) stands for these *forms* ({@link nameForms}): itself; without
 * a trailing parenthesis (`Smart review and approval system`); the parenthesised acronym (`SRAS`);
 * each of these without a leading article (`The notification and compliance requirement` →
 * `notification and compliance requirement`). Then:
 * - a *lookup key* ({@link nameKey}) of a form or of any text ignores case, width, diacritics,
 *   traditional characters, quotation marks, hyphens and spacing, and a leading `the`; a form is
 *   also found with a simple plural or singular last word ({@link lookupKeys});
 * - in running text ({@link nameSpellings}, matched by `TermMatcher` in `name-matcher.ts`) a form is
 *   found in any case and width, in traditional characters, with or without its quotation marks,
 *   with a simple plural or singular last word (`regulatory sandboxes`), and as whole words.
 */
import { toSimplified, type VariantMap } from './script.js';
import type { ContentLang } from './types.js';

/** One published title or alias of a keyword, with its language (as `Catalogue.termNames()` lists them). */
export interface TermName {
  termId: string;
  name: string;
  lang: ContentLang;
}

/**
 * A keyword's published names in the one order everyone uses: English title, Chinese title, English
 * aliases, Chinese aliases. Where two keywords share a spelling, the first in this order wins.
 */
export function publishedNames(t: {
  id: string;
  title: { en?: string; zh?: string };
  aliases: { en: readonly string[]; zh: readonly string[] };
}): TermName[] {
  const out: TermName[] = [];
  if (t.title.en) out.push({ termId: t.id, name: t.title.en, lang: 'en' });
  if (t.title.zh) out.push({ termId: t.id, name: t.title.zh, lang: 'zh' });
  for (const name of t.aliases.en) out.push({ termId: t.id, name, lang: 'en' });
  for (const name of t.aliases.zh) out.push({ termId: t.id, name, lang: 'zh' });
  return out;
}

/** Length-preserving traditional → simplified mapping (e.g. `Catalogue.toSimplified`). */
export type Simplify = (text: string) => string;

/** Quotation marks: removed from lookup keys, optional around names in text. */
const QUOTES =
  /["'`\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u3008\u3009\u300a\u300b\u300c\u300d\u300e\u300f\u301d\u301e\u301f\uff02\uff07]/g;
const MARKS = /\p{M}/gu;
/** A trailing parenthesis (ASCII or full width) and what it holds. */
const TRAILING_PAREN = /^(.*\S)\s*[(\uff08]([^()\uff08\uff09]+)[)\uff09]$/;
/** What a parenthesis must hold to be an acronym of the name (`SRAS`, `5G`; not a year such as `2021`). */
const ACRONYM = /^[A-Z0-9]{2,}$/;
/** A leading article: `the` before one word or more, `a`/`an` before two or more (`A share` stays). */
const ARTICLE = /^(?:the\s+(?=\S)|an?\s+(?=\S+\s+\S))/i;

/**
 * The forms of one published name (see the module notes), unnormalised, the name itself first:
 * what a lookup key and the spellings in text are made from.
 */
export function nameForms(name: string): string[] {
  const out = [name.trim()];
  const m = TRAILING_PAREN.exec(name.trim());
  if (m) {
    out.push(m[1]!);
    if (isAcronym(m[2]!.trim())) out.push(m[2]!.trim());
  }
  for (const form of [...out]) {
    const bare = form.replace(ARTICLE, '');
    if (bare !== form && bare) out.push(bare);
  }
  return out;
}

/** True when `form` is an acronym (`SRAS`, `5G`; capitals and digits, at least one capital): never given a plural or singular. */
export function isAcronym(form: string): boolean {
  return ACRONYM.test(form) && /[A-Z]/.test(form);
}

/**
 * A lookup key for names: simplified, folded (width, diacritics), lowercased, quotation marks
 * removed, hyphens/underscores and whitespace collapsed to one space, a leading English `the `
 * dropped. `监管沙盒`, `監管沙盒`, `Regulatory  Sandbox`, `regulatory-sandbox` and
 * `“Regulatory sandbox”` share a key.
 */
export function nameKey(text: string, variants: VariantMap = {}): string {
  const key = toSimplified(text, variants)
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(QUOTES, '')
    .replace(/[\s\-_\u2010-\u2015\u3000]+/g, ' ')
    .trim();
  return key.replace(/^the /, '');
}

/**
 * The lookup keys of one published name, exact ones first: the {@link nameKey} of each of its
 * {@link nameForms}, then (except for acronyms) the same with the other grammatical number.
 */
export function lookupKeys(name: string, variants: VariantMap = {}): { exact: string[]; number: string[] } {
  const exact: string[] = [];
  const number: string[] = [];
  for (const form of nameForms(name)) {
    const key = nameKey(form, variants);
    if (!key) continue;
    exact.push(key);
    if (!isAcronym(form)) number.push(...otherNumber(key));
  }
  return { exact, number };
}

const SPACE_LIKE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\u301f\uff02]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\uff07]/g;
const FULL_WIDTH = /[\uff01-\uff5e]/g;

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
 * Normalises running text (and names) for finding names in it, one UTF-16 unit for one, so offsets
 * in the result are offsets in the input: lowercase, full-width ASCII folded, every whitespace and
 * dash a space, curly quotes straight, traditional characters simplified. `simplify` must be
 * length-preserving; when it is not, it is not applied.
 */
export function normalizeText(text: string, simplify?: Simplify): string {
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

/**
 * The other grammatical number of a lowercased name (`regulatory sandbox` → `regulatory sandboxes`,
 * `service packages` → `service package`): its last word's {@link numberForms}.
 */
export function otherNumber(lowered: string): string[] {
  const m = /^(.*?)([a-z]+)$/.exec(lowered);
  if (m && lowered.includes(' ')) return numberForms(m[2]!).map((w) => m[1] + w);
  if (m && /^[a-z]+$/.test(lowered)) return numberForms(lowered);
  return [];
}

/**
 * The spellings a name is found in within running text, normalised ({@link normalizeText}), longest
 * first: each of its {@link nameForms} (a form with a leading article gives way to the form without
 * it, so "the" is never marked), with and without quotation marks, and (except acronyms) with a
 * simple plural or singular last word.
 */
export function nameSpellings(name: string, simplify?: Simplify): string[] {
  const forms = nameForms(name);
  const out = new Set<string>();
  const add = (v: string) => {
    const s = squeeze(v);
    if (s) out.add(s);
  };
  for (const form of forms) {
    if (forms.includes(form.replace(ARTICLE, '')) && ARTICLE.test(form)) continue;
    const base = squeeze(normalizeText(form, simplify));
    for (const s of new Set([base, squeeze(base.replace(QUOTES, ''))])) {
      add(s);
      if (!isAcronym(form)) for (const other of otherNumber(s)) add(other);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}
