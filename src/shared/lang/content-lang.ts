/**
 * Which language's content comes first for an element (titles, definitions, results): the `lang`
 * of the text around it, else the script of its own text, else the page's (see src/shared/lang/locale.ts,
 * "The rule"). Used by the popover and the search results, so it lives apart from the loader's
 * locale code.
 */
import type { ContentLang } from '../../search/types.js';
import { matchLocale, pageLang } from './locale.js';
import { scriptLang, writtenLang } from './text-lang.js';

/**
 * The content language to lead with for `el`: the `lang` of the text around it (on `el` or an
 * ancestor below `<html>`), else the script of `text` (a keyword as written: 监管沙盒 reads Chinese
 * first, "regulatory sandbox" English, on a page that marks no language), else the page's language.
 */
export function contentLangOf(el: Element, text = ''): ContentLang {
  const written = writtenLang(el);
  if (written) return contentLangFor(matchLocale(written));
  return scriptLang(text) ?? contentLangFor(matchLocale(pageLang()));
}

/** Content language matching a UI locale: Chinese locales read Chinese content first. */
export function contentLangFor(locale: string): ContentLang {
  return locale.startsWith('zh') ? 'zh' : 'en';
}

/** The `lang` attribute value for content text: Chinese content in this corpus is simplified. */
export function langAttr(lang: ContentLang): 'en' | 'zh-Hans' {
  return lang === 'zh' ? 'zh-Hans' : 'en';
}
