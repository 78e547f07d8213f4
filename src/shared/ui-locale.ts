/**
 * The UI locale of an element (src/shared/locale.ts, "The rule") and its translations, without the
 * `@lit/localize` runtime: what the loader needs to label the search box in the page's language
 * (a generated table of those few strings), and the import of each translation chunk, which only
 * the runtime in locale.ts asks for, on first use of a part.
 */
import type { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import { shellStrings, type ShellId } from '../generated/shell-strings.js';

export type UiLocale = typeof sourceLocale | (typeof targetLocales)[number];

type Templates = Awaited<typeof import('../generated/locales/zh-Hans.js')>['templates'];

const pending = new Map<UiLocale, Promise<{ templates: Templates }>>();

/** The translation chunk of `locale` (imported once; again after a failure); what `@lit/localize`'s `loadLocale` returns. */
export function loadTemplates(locale: UiLocale): Promise<{ templates: Templates }> {
  let load = pending.get(locale);
  if (!load) {
    load = locale === 'zh-Hant' ? import('../generated/locales/zh-Hant.js') : import('../generated/locales/zh-Hans.js');
    load.catch(() => pending.delete(locale));
    pending.set(locale, load);
  }
  return load;
}

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
