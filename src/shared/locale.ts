/**
 * UI locale for the elements (`@lit/localize`, runtime mode; en, zh-Hans, zh-Hant).
 * The locale comes from the element's `lang`, else the nearest ancestor's (crossing shadow roots),
 * else `<html lang>`, falling back zh-Hant-TW → zh-Hant → zh → en. All locale templates are
 * bundled (they are a few hundred bytes), so switching never fetches anything.
 *
 * `@lit/localize` has one active locale per page: when elements disagree, the one resolved
 * last wins (documented limitation).
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import * as zhHans from '../generated/locales/zh-Hans.js';
import * as zhHant from '../generated/locales/zh-Hant.js';
import type { ContentLang } from '../search/types.js';

export type UiLocale = typeof sourceLocale | (typeof targetLocales)[number];

const templates = { 'zh-Hans': zhHans, 'zh-Hant': zhHant } as const;

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => Promise.resolve(templates[locale as keyof typeof templates]),
});

export { getLocale };

/** Maps any BCP 47 tag to a UI locale: zh-TW/HK/MO and *-Hant → zh-Hant; other zh → zh-Hans; else en. */
export function matchLocale(tag: string | null | undefined): UiLocale {
  const t = (tag ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (!t.startsWith('zh')) return 'en';
  if (/-hant\b|-(tw|hk|mo)\b/.test(t)) return 'zh-Hant';
  return 'zh-Hans';
}

/** The nearest `lang` from `el` upwards, crossing shadow roots; `<html lang>` last. */
export function nearestLang(el: Element): string {
  let node: Element | null = el;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    if (node.parentElement) node = node.parentElement;
    else {
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return document.documentElement.lang || navigator.language || 'en';
}

/** The UI locale for `el`. */
export function localeFor(el: Element): UiLocale {
  return matchLocale(nearestLang(el));
}

/** Makes `el`'s locale the active one (re-rendering every `@localized()` element if it changes). */
export async function applyLocale(el: Element): Promise<UiLocale> {
  const wanted = localeFor(el);
  if (getLocale() !== wanted) await setLocale(wanted);
  return wanted;
}

/** Content language matching a UI locale: Chinese locales read Chinese content first. */
export function contentLangFor(locale: string): ContentLang {
  return locale.startsWith('zh') ? 'zh' : 'en';
}

/** The `lang` attribute value for content text: Chinese content in this corpus is simplified. */
export function langAttr(lang: ContentLang): 'en' | 'zh-Hans' {
  return lang === 'zh' ? 'zh-Hans' : 'en';
}
