/**
 * How `<bj-glossary>` orders its keywords: grouped by the section they were published under (in
 * the order sections first appear in the index), each group sorted by pinyin or by English. Pure;
 * no DOM, no Lit.
 *
 * Pinyin order is the browser's Chinese collation (`Intl.Collator('zh-u-co-pinyin')`, ICU's
 * default for Chinese): no pinyin table travels to the page. Keywords without a Chinese title sort
 * by their English title after the Chinese ones (and the other way round); leading articles and
 * quotation marks are ignored (`The "every microgram counts" initiative` sorts under E).
 */
import type { ContentLang, TermEntry } from '../../search/types.js';

/** The order inside a section: by the Chinese titles' pinyin, or by the English titles. */
export type GlossarySort = 'pinyin' | 'en';

export interface GlossarySection {
  /** The section's name in the languages published (empty for keywords published without one). */
  name: { en?: string; zh?: string };
  /** Stable key of the section (its English, else Chinese name). */
  key: string;
  terms: TermEntry[];
}

/** A title without leading articles, quotation marks and brackets, for sorting. */
export function sortKey(title: string): string {
  return title
    .replace(/^[\s"'“”‘’「」『』《》()（）]+/u, '')
    .replace(/^(the|a|an)\s+/i, '')
    .replace(/^[\s"'“”‘’「」『』《》()（）]+/u, '');
}

const pinyin = new Intl.Collator('zh-u-co-pinyin', { sensitivity: 'base', numeric: true });
const english = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Sorts keywords: `pinyin` by Chinese title (then the English-only ones), `en` by English title (then the Chinese-only ones). */
export function compareTerms(sort: GlossarySort): (a: TermEntry, b: TermEntry) => number {
  const first: ContentLang = sort === 'pinyin' ? 'zh' : 'en';
  const second: ContentLang = first === 'zh' ? 'en' : 'zh';
  const collator = (lang: ContentLang): Intl.Collator => (lang === 'zh' ? pinyin : english);
  return (a, b) => {
    for (const lang of [first, second]) {
      const x = a.title[lang];
      const y = b.title[lang];
      if (x && y) return collator(lang).compare(sortKey(x), sortKey(y)) || a.id.localeCompare(b.id);
      if (x || y) return x ? -1 : 1;
    }
    return a.id.localeCompare(b.id);
  };
}

/** The keywords grouped by section (in order of first appearance), each group sorted. */
export function groupTerms(terms: readonly TermEntry[], sort: GlossarySort): GlossarySection[] {
  const sections = new Map<string, GlossarySection>();
  for (const t of terms) {
    const key = t.section?.en ?? t.section?.zh ?? '';
    let section = sections.get(key);
    if (!section) sections.set(key, (section = { key, name: { ...t.section }, terms: [] }));
    // A section named in Chinese by one keyword and not by another still gets both names.
    section.name.zh ??= t.section?.zh;
    section.terms.push(t);
  }
  const order = compareTerms(sort);
  return [...sections.values()].map((s) => ({ ...s, terms: s.terms.sort(order) }));
}
