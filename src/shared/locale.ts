/**
 * UI locale for the elements (`@lit/localize`, runtime mode; en, zh-Hans, zh-Hant), and the
 * content language that decides which language's text comes first.
 *
 * ## The rule: UI strings follow the element or the page; content order follows the text around
 *
 * `@lit/localize` has ONE active locale per page, so a per-paragraph UI language cannot work:
 * a keyword in a zh-Hant paragraph of an English page used to switch every element's labels to
 * traditional Chinese when its popover opened. So:
 *
 * - **UI locale** (labels, buttons, status messages: everything from `msg()`) is
 *   {@link uiLocaleFor}: the element's OWN `lang` attribute if set, else the page locale
 *   (`<html lang>`, else `navigator.language`), matched by {@link matchLocale}
 *   (zh-Hant-TW → zh-Hant → zh → en, Pagefind's chain). An element makes its UI locale the
 *   page's active one with {@link applyUiLocale} when it shows strings (a keyword: when its
 *   popover opens). Two elements with different own `lang`s on one page therefore take turns:
 *   the one shown last wins (the library's limitation).
 * - **Content order** (which language's title and definition come first) is
 *   {@link contentLangOf}: the nearest `lang` from the element upwards below `<html>`, crossing
 *   shadow roots, else the script of the keyword's own text (src/shared/text-lang.ts), then
 *   `<html lang>`. A keyword in a Chinese paragraph of an English page shows the Chinese title
 *   first, with English labels; so does 监管沙盒 on an old CMS page that marks no language. Content text always carries its own `lang` ({@link langAttr}).
 *
 * ## Re-rendering on a locale change: {@link localized}
 *
 * Every element that calls `msg()` is decorated with `@localized()` from THIS module (not the one
 * from `@lit/localize`, which adds one `window` listener per element: with 2,000 keywords,
 * adding them was the largest cost of upgrading a page). Here one `window` listener serves all
 * connected localized elements and calls `requestUpdate()` on each when a new locale is ready.
 *
 * All locale templates are bundled (they are a few hundred bytes), so switching never fetches.
 */
import { configureLocalization, LOCALE_STATUS_EVENT } from '@lit/localize';
import type { ReactiveControllerHost, ReactiveElement } from 'lit';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import * as zhHans from '../generated/locales/zh-Hans.js';
import * as zhHant from '../generated/locales/zh-Hant.js';
import type { ContentLang } from '../search/types.js';
import { scriptLang, writtenLang } from './text-lang.js';

export type UiLocale = typeof sourceLocale | (typeof targetLocales)[number];

const templates = { 'zh-Hans': zhHans, 'zh-Hant': zhHant } as const;

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => Promise.resolve(templates[locale as keyof typeof templates]),
});

export { getLocale };

/** The connected `@localized()` elements; one shared `window` listener re-renders them. */
const hosts = new Set<ReactiveControllerHost>();
let listening = false;

function onLocaleStatus(event: Event): void {
  if ((event as CustomEvent<{ status: string }>).detail.status !== 'ready') return;
  for (const host of hosts) host.requestUpdate();
}

/**
 * Class decorator: the element re-renders when the page's UI locale changes (a drop-in for
 * `@lit/localize`'s `@localized()`, with one shared listener instead of one per element).
 */
export const localized =
  () =>
  (ctor: typeof ReactiveElement): void => {
    ctor.addInitializer((host) => {
      host.addController({
        hostConnected: () => {
          hosts.add(host);
          if (!listening && typeof window !== 'undefined') {
            listening = true;
            window.addEventListener(LOCALE_STATUS_EVENT, onLocaleStatus);
          }
        },
        hostDisconnected: () => {
          hosts.delete(host);
        },
      });
    });
  };

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

/** Makes `el`'s UI locale ({@link uiLocaleFor}) the page's active one; `@localized()` elements re-render. */
export async function applyUiLocale(el: Element): Promise<UiLocale> {
  const wanted = uiLocaleFor(el);
  if (getLocale() !== wanted) await setLocale(wanted);
  return wanted;
}

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
