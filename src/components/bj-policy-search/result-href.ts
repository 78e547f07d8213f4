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

/** A word segmenter for Chinese, made on first need: the first `Intl.Segmenter` of a page starts ICU's word breaking (20–800 ms on a phone). */
let segmenter: Intl.Segmenter | undefined;

/**
 * A clause mark (Chinese or Western punctuation, a space): a word boundary by any rule, so a
 * Chinese fragment can end there without a word segmenter.
 */
const CLAUSE_END = /[\s，。；：、！？,.;:!?）)」』】]/;

/**
 * `:~:text=` and the opening words of `text` (about 30 letters, or a Chinese clause), cut at a word
 * boundary (a text fragment matches whole words only), with `-`, `&` and `,` percent-encoded as its
 * syntax requires; empty for an empty text. Without `Intl.Segmenter`, whose first use on a page is
 * the longest task between a keystroke and its results on a phone: text with spaces is cut at a
 * space, Chinese at its first clause mark within 40 characters (or where it ends). Only Chinese
 * without such a mark is cut by a segmenter, about 8 characters; and not at all in a browser
 * without one (it has no text fragments either).
 */
export function textFragment(text: string, lang: string): string {
  const whole = text.trim();
  let start = '';
  if (lang !== 'zh') {
    for (const word of whole.slice(0, 200).split(/(\s+)/)) {
      if (start.length >= 30) break;
      start += word;
    }
  } else {
    const mark = whole.slice(4, 41).search(CLAUSE_END);
    if (mark >= 0) start = whole.slice(0, mark + 4);
    else if (whole.length <= 40) start = whole;
    else if (typeof Intl.Segmenter === 'function') {
      segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
      for (const { segment } of segmenter.segment(whole.slice(0, 60))) {
        if (start.length >= 8) break;
        start += segment;
      }
    }
  }
  start = start.trim();
  return start && `:~:text=${encodeURIComponent(start).replace(/-/g, '%2D')}`;
}

/** Fills `{id}` (URL-encoded) and `{kind}` (`term` or `passage`) in a link template. */
export function fillHrefTemplate(template: string, kind: string, id: string): string {
  return template.replace(/\{id\}/g, encodeURIComponent(id)).replace(/\{kind\}/g, encodeURIComponent(kind));
}
