/**
 * Where a search result links to (part of the search chunk, with the address check of
 * src/search/validate.ts, which the loader does not carry).
 */
import type { SearchResult } from '../../search/types.js';
import { webHref } from '../../search/web-address.js';

/**
 * Where a result links to: a passage indexed from a web page (`bj-index build --site`) to its page
 * and heading, when that address is http(s), with a text fragment of the passage's opening words
 * (`#heading:~:text=…`): browsers that support text fragments scroll to the passage and highlight
 * it, others go to the heading. Other results link to the filled `template`, if there is one.
 */
export function resultHref(result: SearchResult, template?: string): string | undefined {
  const entry = result.entry;
  // The loader accepts only http(s) page addresses (validate.ts); checked again where it becomes a link.
  const url = entry.kind === 'passage' && /^https?:\/\//i.test(entry.url ?? '') ? webHref(entry.url) : undefined;
  if (url !== undefined && entry.kind === 'passage') {
    const fragment = textFragment(entry.text, entry.lang);
    return fragment ? `${url}${url.includes('#') ? '' : '#'}${fragment}` : url;
  }
  return template ? webLink(fillHrefTemplate(template, result.kind, result.id)) : undefined;
}

/**
 * `href` when it resolves to an http(s) address (a path such as `/policy/{id}` does), else
 * undefined: a template such as `javascript:…` never becomes a link that runs on click.
 */
function webLink(href: string): string | undefined {
  try {
    return /^https?:$/.test(new URL(href, globalThis.document?.baseURI ?? 'http://localhost/').protocol) ? href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `:~:text=` and the opening words of `text` (about 8 Chinese characters or 30 letters), cut at a
 * word boundary (`Intl.Segmenter`: a text fragment matches whole words only), with `-`, `&` and
 * `,` percent-encoded as its syntax requires; empty without `Intl.Segmenter` (browsers without it
 * have no text fragments either) and for an empty text.
 */
export function textFragment(text: string, lang: string): string {
  if (!Intl.Segmenter) return '';
  let start = '';
  for (const { segment } of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text.trim())) {
    if (start.length >= (lang === 'zh' ? 8 : 30)) break;
    start += segment;
  }
  start = start.trim();
  return start && `:~:text=${encodeURIComponent(start).replace(/-/g, '%2D')}`;
}

/** Fills `{id}` (URL-encoded) and `{kind}` (`term` or `passage`) in a link template. */
export function fillHrefTemplate(template: string, kind: string, id: string): string {
  return template.replace(/\{id\}/g, encodeURIComponent(id)).replace(/\{kind\}/g, encodeURIComponent(kind));
}
