/**
 * The UI locale of an element (src/shared/lang/locale.ts, "The rule") without the `@lit/localize`
 * runtime: what the loader needs to label the search box and draw its offline notices in the page's
 * language (a generated table of those few strings). The translation chunks are imported by the
 * runtime in locale.ts only, on first use of a part.
 */
import type { sourceLocale, targetLocales } from '../../generated/locale-codes.js';
import { shellStrings, type ShellId } from '../../generated/shell-strings.js';

export type UiLocale = typeof sourceLocale | (typeof targetLocales)[number];

/**
 * The plain string `id` in `el`'s UI locale, from the loader's own table (generated from xliff/):
 * the search box is labelled in the page's language before any translation chunk is fetched.
 */
export function uiString(el: Element, id: ShellId): string {
  return shellStrings[uiLocaleFor(el)][id];
}

/** Maps any BCP 47 tag to a UI locale: zh-TW/HK/MO and *-Hant → zh-Hant; other zh → zh-Hans; else en. */
export function matchLocale(tag: string | null | undefined): UiLocale {
  const t = (tag ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (!t.startsWith('zh')) return 'en';
  if (/-hant\b|-(tw|hk|mo)\b/.test(t)) return 'zh-Hant';
  return 'zh-Hans';
}

/** The page's language: `<html lang>`, else the browser's, else `en`. */
export function pageLang(): string {
  return document.documentElement.lang || navigator.language || 'en';
}

/** The UI locale for `el`: its own `lang` attribute, else the page's (see the rule above). */
export function uiLocaleFor(el: Element): UiLocale {
  return matchLocale(el.getAttribute('lang') || pageLang());
}
