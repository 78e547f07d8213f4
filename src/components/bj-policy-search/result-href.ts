/**
 * Where a search result links to (part of the search chunk, with the address check of
 * src/search/validate.ts, which the loader does not carry).
 */
import type { SearchResult } from '../../search/types.js';
import { webHref } from '../../search/web-address.js';

/**
 * Where a result links to: a passage indexed from a web page (`bj-index build --site`) to its page
 * and heading, when that address is http(s); other results to the filled `template`, if there is one.
 */
export function resultHref(result: SearchResult, template?: string): string | undefined {
  // The loader accepts only http(s) page addresses (validate.ts); checked again where it becomes a link.
  const url = result.entry.kind === 'passage' && /^https?:\/\//i.test(result.entry.url ?? '') ? webHref(result.entry.url) : undefined;
  if (url !== undefined) return url;
  return template ? webLink(fillHrefTemplate(template, result.kind, result.id)) : undefined;
}

/**
 * `href` when it resolves to an http(s) address (a path such as `/policy/{id}` does), else
 * undefined: a template such as `javascript:…` never becomes a link that runs on click.
 */
function webLink(href: string): string | undefined {
  try {
    return /^https?:$/.test(new URL(href, document.baseURI).protocol) ? href : undefined;
  } catch {
    return undefined;
  }
}

/** Fills `{id}` (URL-encoded) and `{kind}` (`term` or `passage`) in a link template. */
export function fillHrefTemplate(template: string, kind: string, id: string): string {
  return template.replace(/\{id\}/g, encodeURIComponent(id)).replace(/\{kind\}/g, encodeURIComponent(kind));
}
