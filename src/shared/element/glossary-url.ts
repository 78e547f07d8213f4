/**
 * Where the site's glossary page is (a page with `<bj-glossary>`), page-wide:
 * `<meta name="bj-glossary-url" content="/glossary.html">` or `window.bjPolicyWidgets.glossary`.
 * With it, every keyword popover links "Full entry" to the keyword's anchor there.
 */
import { parseUrl } from '../index/config.js';

/** `glossary.html#<id>` for the keyword `id`, resolved against the page; `undefined` without the setting (or with a bad one, warned once). */
export function glossaryHref(id: string): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="bj-glossary-url"]')?.content?.trim();
  const fromGlobal = window.bjPolicyWidgets?.glossary;
  const raw = meta || (typeof fromGlobal === 'string' ? fromGlobal.trim() : '');
  const base = raw ? parseUrl(raw, `the glossary address ${JSON.stringify(raw)}`) : undefined;
  return base && `${base.split('#')[0]}#${encodeURIComponent(id)}`;
}
