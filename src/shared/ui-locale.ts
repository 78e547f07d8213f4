/**
 * The UI locale of an element (src/shared/locale.ts, "The rule") and its translations, without the
 * `@lit/localize` runtime: what the loader needs to label the search box in the page's language.
 * Each translation is a small chunk, imported here only (the runtime in locale.ts loads it here too).
 */
import type { sourceLocale, targetLocales } from '../generated/locale-codes.js';

export type UiLocale = typeof sourceLocale | (typeof targetLocales)[number];

type Templates = Awaited<typeof import('../generated/locales/zh-Hans.js')>['templates'];

const translations = new Map<UiLocale, Templates>();
/** Locales whose chunk failed to load: their strings fall back to English. */
const failed = new Set<UiLocale>();
const pending = new Map<UiLocale, Promise<{ templates: Templates }>>();

/** The translation chunk of `locale` (imported once); what `@lit/localize`'s `loadLocale` returns. */
export function loadTemplates(locale: UiLocale): Promise<{ templates: Templates }> {
  let load = pending.get(locale);
  if (!load) {
    load = locale === 'zh-Hant' ? import('../generated/locales/zh-Hant.js') : import('../generated/locales/zh-Hans.js');
    load.then(
      (module) => translations.set(locale, module.templates),
      () => {
        pending.delete(locale);
        failed.add(locale);
      },
    );
    pending.set(locale, load);
  }
  return load;
}

/**
 * The plain string `id` (English `english`) in `el`'s UI locale: English at once; a translation once
 * its chunk has arrived, else `undefined` while it loads (`arrived` runs when it has).
 */
export function uiString(el: Element, id: keyof Templates, english: string, arrived: () => void): string | undefined {
  const locale = uiLocaleFor(el);
  if (locale === 'en' || failed.has(locale)) return english;
  const text = translations.get(locale)?.[id];
  if (typeof text === 'string') return text;
  loadTemplates(locale).then(arrived, () => undefined);
  return undefined;
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
