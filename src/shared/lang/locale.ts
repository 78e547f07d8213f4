/**
 * UI locale for the elements (`@lit/localize`, runtime mode; en, zh-Hans, zh-Hant), and the
 * content language that decides which language's text comes first.
 *
 * ## The rule: UI strings follow the element or the page; content order follows the text around
 *
 * `@lit/localize` has ONE active locale per page, so a per-paragraph UI language cannot work:
 * a keyword in a zh-Hant paragraph of an English page must not switch every element's labels to
 * traditional Chinese when its popover opens. So:
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
 *   shadow roots, else the script of the keyword's own text (src/shared/lang/text-lang.ts), then
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
 * This module (with the `@lit/localize` runtime) comes with the chunks that show strings (popover,
 * search panel); the loader carries only src/shared/lang/ui-locale.ts, enough for the search box's label.
 * Each translation is a chunk of its own (a few hundred bytes), fetched the first time an element
 * of the page needs it. Content language: src/shared/lang/content-lang.ts.
 */
import { configureLocalization, LOCALE_STATUS_EVENT } from '@lit/localize';
import type { ReactiveControllerHost, ReactiveElement } from 'lit';
import { sourceLocale, targetLocales } from '../../generated/locale-codes.js';
import { uiLocaleFor, type UiLocale } from './ui-locale.js';

export { matchLocale, pageLang, uiLocaleFor, type UiLocale } from './ui-locale.js';

type Templates = Awaited<typeof import('../../generated/locales/zh-Hans.js')>['templates'];

const pending = new Map<UiLocale, Promise<{ templates: Templates }>>();

/** The translation chunk of `locale` (imported once; again after a failure); what `@lit/localize`'s `loadLocale` returns. */
function loadTemplates(locale: UiLocale): Promise<{ templates: Templates }> {
  let load = pending.get(locale);
  if (!load) {
    load = locale === 'zh-Hant' ? import('../../generated/locales/zh-Hant.js') : import('../../generated/locales/zh-Hans.js');
    load.catch(() => pending.delete(locale));
    pending.set(locale, load);
  }
  return load;
}

// Each translation is a small chunk of its own, fetched when a page first needs that language.
const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loadTemplates(locale as UiLocale),
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
    ctor.addInitializer(watchLocale);
  };

/** Makes one element re-render when the page's UI locale changes (what `@localized()` does, for an element that starts showing strings later). */
export function watchLocale(host: ReactiveElement): void {
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
}

/** Makes `el`'s UI locale ({@link uiLocaleFor}) the page's active one; `@localized()` elements re-render. */
export async function applyUiLocale(el: Element): Promise<UiLocale> {
  const wanted = uiLocaleFor(el);
  if (getLocale() !== wanted) await setLocale(wanted);
  return wanted;
}
