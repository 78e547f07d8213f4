/**
 * Which keyword a query names: the whole query as a name (title, alias, id, acronym or pinyin, tone
 * digits allowed), else the longest keyword name found inside it with any words around
 * (`监管沙盒是什么`, `what is a regulatory sandbox`; Chinese names as substrings, English ones as
 * whole words). Such a keyword comes first in the results. Names are keyed by `names.ts`. DOM-free.
 */
import type { Catalogue } from './catalogue.js';
import { nameForms, nameKey } from './names.js';
import type { QueryPlan } from './query.js';
import { hasHan, toSimplified } from './script.js';
import type { TermEntry } from './types.js';

/** True when the words of `name` occur in `key` as whole words, in order (both `nameKey`s). */
function containsWords(key: string, name: string): boolean {
  return ` ${key} `.includes(` ${name} `);
}

/** Keyword names as a query meets them. */
export class QueryNames {
  /** Chinese keyword names (simplified), kept whole when question words are stripped. */
  readonly zh: string[] = [];
  /** Name keys of every keyword name form, longest first, for names inside a query. */
  private readonly keys: Array<{ key: string; term: TermEntry; han: boolean }> = [];

  constructor(
    private readonly catalogue: Catalogue,
    /** Joined pinyin and initials of keyword names → the keyword. */
    private readonly byPinyin: ReadonlyMap<string, TermEntry>,
  ) {
    const variants = catalogue.variants;
    for (const { termId, name, lang } of catalogue.termNames()) {
      const term = catalogue.term(termId)!;
      for (const form of nameForms(name)) {
        const key = nameKey(form, variants);
        if (key.length >= 2) this.keys.push({ key, term, han: hasHan(key) });
        if (lang === 'zh') this.zh.push(toSimplified(form, variants));
      }
    }
    this.keys.sort((a, b) => b.key.length - a.key.length);
  }

  /** The keyword the (cut) query names, if any (see the module notes). */
  namedTerm(query: string, plan: QueryPlan): TermEntry | undefined {
    const byName = this.catalogue.lookupTerm(query);
    if (byName) return byName;
    const { words, han } = plan.parts;
    if (han.length === 0 && words.length > 0 && words.every((w) => /^[a-z1-5]+$/.test(w))) {
      const byPinyin = this.byPinyin.get(words.join('').replace(/[1-5]/g, ''));
      if (byPinyin) return byPinyin;
    }
    const key = nameKey(query, this.catalogue.variants);
    const compact = key.replace(/ /g, '');
    for (const { key: name, term, han: isHan } of this.keys) {
      if (isHan ? compact.includes(name.replace(/ /g, '')) : containsWords(key, name)) return term;
    }
    return undefined;
  }
}
