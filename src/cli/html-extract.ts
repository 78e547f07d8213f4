/**
 * Turns one decoded HTML page into passages: a passage per paragraph or list item (and per table
 * cell, definition, quote or loose run of text), each under its heading path (h1–h6) and with the id
 * of the nearest heading that has one. Parsed with htmlparser2 (domhandler tree) and css-select.
 *
 * What is read:
 * - the regions: every element with `data-bj-body` if the page has any; else the elements that match
 *   `--content` (outermost only; a page without one is skipped); else `<main>`, else `<body>`; none
 *   inside an element marked `data-bj-ignore` (so `<html data-bj-ignore>` leaves a page out);
 * - inside them, everything but `data-bj-ignore` elements and script, style, nav, header, footer,
 *   aside, template, noscript (and what they contain), except the headings of an article's or
 *   section's own `<header>`;
 * - the title: `<meta name="bj:title" content="…">`, else the first element matching `--title`, else
 *   `<title>`, else the first `<h1>` of the regions. A heading whose text is the title is left out
 *   of the heading paths (it would repeat the title);
 * - the language: `lang` of the first region or its nearest ancestor that has one (`<html lang>`);
 * - the publication date, where the page states one (src/cli/page-date.ts).
 */
import { compile } from 'css-select';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';
import { MAX_PASSAGE_CHARS, textSlices } from '../search/text-slices.js';
import { pageDate } from './page-date.js';

/** A compiled CSS selector (css-select), as `compileSelector` returns. */
export type Selector = ReturnType<typeof compile>;

export interface ExtractOptions {
  /** `--content`: the content region. */
  content?: { text: string; test: Selector };
  /** `--title`: the element whose text is the title. */
  title?: { text: string; test: Selector };
}

export interface PagePassage {
  headings: string[];
  text: string;
  /** `id` of the nearest heading above that has one. */
  anchor?: string;
}

export interface PageContent {
  title?: string;
  /** The `lang` attribute that applies to the content (as written), if any. */
  lang?: string;
  /** Publication date as the page states it, `YYYY-MM-DD`. */
  date?: string;
  passages: PagePassage[];
}

/** The page is not indexed, for `reason` (a phrase, e.g. `no element matches --content "main"`). */
export interface SkippedPage {
  skip: string;
}

/** Compiles a CSS selector; throws css-select's error for an invalid one. */
export function compileSelector(text: string): Selector {
  return compile(text);
}

/** Elements whose content is never text of the page. */
const SKIPPED = new Set([
  'script',
  'style',
  'nav',
  'header',
  'footer',
  'aside',
  'template',
  'noscript',
  'head',
  'title',
  'meta',
  'link',
  'svg',
  'math',
  'iframe',
  'object',
  'select',
  'button',
]);
/** Elements whose text is one passage, unless they hold one of {@link STRUCTURE}. */
const PASSAGE = new Set(['p', 'li', 'dt', 'dd', 'blockquote', 'pre', 'td', 'th', 'caption', 'figcaption', 'address', 'summary', 'legend']);
/** Inside a passage element, these make it a container whose parts are passages of their own. */
const STRUCTURE = new Set(['ul', 'ol', 'dl', 'table', 'li', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article']);
/** Block elements: text before and after them belongs to different passages. */
const BLOCK = new Set([
  ...PASSAGE,
  ...STRUCTURE,
  'html',
  'body',
  'main',
  'div',
  'form',
  'fieldset',
  'details',
  'dialog',
  'figure',
  'hgroup',
  'hr',
  'tr',
  'tbody',
  'thead',
  'tfoot',
  'center',
]);
const HEADING = /^h([1-6])$/;

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const isIgnored = (el: Element): boolean => SKIPPED.has(el.name) || el.attribs['data-bj-ignore'] !== undefined;

/** Every element of the tree in document order; with `visible`, none inside an ignored element. */
function* elements(node: AnyNode, visible = false): Generator<Element> {
  if (!('children' in node)) return;
  for (const child of node.children) {
    if (!isElement(child) || (visible && isIgnored(child))) continue;
    yield child;
    yield* elements(child, visible);
  }
}

/** Matching elements, outermost only (one inside another is read with it). */
function outermost(doc: Document, match: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (node: AnyNode) => {
    if (!('children' in node)) return;
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (match(child)) found.push(child);
      else visit(child);
    }
  };
  visit(doc);
  return found;
}

function first(node: AnyNode, match: (el: Element) => boolean, visible = false): Element | undefined {
  for (const el of elements(node, visible)) if (match(el)) return el;
  return undefined;
}

/**
 * Whitespace as in the corpus: control characters, line breaks, tabs and (ideographic, non-breaking)
 * spaces become single spaces, none at either end, and none between two Chinese characters or
 * punctuation marks (where HTML source lines were wrapped).
 */
export function normalizeText(text: string): string {
  return (
    text
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
      // eslint-disable-next-line no-control-regex -- finding control characters is what this expression is for
      .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
      .trim()
      .replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef]) (?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '')
  );
}

/** The text of an element: its text nodes, a space at block boundaries, ignored parts left out. */
function textOf(node: AnyNode): string {
  let out = '';
  const visit = (n: AnyNode) => {
    if (n.type === 'text') out += (n as unknown as { data: string }).data;
    else if (isElement(n)) {
      if (isIgnored(n)) return;
      const block = BLOCK.has(n.name) || n.name === 'br';
      if (block) out += ' ';
      for (const c of n.children) visit(c);
      if (block) out += ' ';
    }
  };
  if (isElement(node)) for (const c of node.children) visit(c);
  else visit(node);
  return out;
}

/** True when the element or an ancestor is marked `data-bj-ignore` (e.g. `<html data-bj-ignore>`). */
function ignoredWithin(el: Element): boolean {
  for (let n: AnyNode | null = el; n; n = n.parent) if (isElement(n) && n.attribs['data-bj-ignore'] !== undefined) return true;
  return false;
}

/** True inside an <article> or <section>, where a <header> is that section's header, not the site's banner. */
function inSection(el: Element): boolean {
  for (let n = el.parent; n; n = n.parent) if (isElement(n) && (n.name === 'article' || n.name === 'section')) return true;
  return false;
}

function holdsStructure(el: Element): boolean {
  for (const d of elements(el, true)) if (STRUCTURE.has(d.name)) return true;
  return false;
}

/** Reads a page; see the module comment for what is read. */
export function extractPage(html: string, options: ExtractOptions = {}): PageContent | SkippedPage {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  let regions = outermost(doc, (el) => el.attribs['data-bj-body'] !== undefined);
  if (regions.length === 0 && options.content) {
    regions = outermost(doc, options.content.test);
    if (regions.length === 0) return { skip: `no element matches --content ${JSON.stringify(options.content.text)}` };
  }
  if (regions.length === 0) regions = outermost(doc, (el) => el.name === 'main');
  if (regions.length === 0) regions = outermost(doc, (el) => el.name === 'body');
  const roots: AnyNode[] = regions.length > 0 ? regions.filter((el) => !ignoredWithin(el)) : [doc];
  if (roots.length === 0) return { passages: [] };

  const title = pageTitle(doc, roots, options);
  const lang = langOf(roots[0]!);

  const passages: PagePassage[] = [];
  /** Open headings, outermost first; `text` undefined for a heading left out of the path. */
  const stack: Array<{ level: number; text?: string; id?: string }> = [];
  let buffer = '';
  const flush = () => {
    const text = normalizeText(buffer);
    buffer = '';
    if (!text) return;
    const headings = stack.flatMap((h) => (h.text !== undefined ? [h.text] : []));
    const anchor = [...stack].reverse().find((h) => h.id !== undefined)?.id;
    // A paragraph too long to show or search in one piece becomes consecutive passages.
    for (const piece of textSlices(text, MAX_PASSAGE_CHARS)) {
      const trimmed = piece.trim();
      if (trimmed) passages.push({ headings, text: trimmed, ...(anchor !== undefined ? { anchor } : {}) });
    }
  };
  const heading = (el: Element, level: number) => {
    flush();
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    const text = normalizeText(textOf(el));
    const id = el.attribs.id?.trim() || undefined;
    stack.push({ level, ...(text && text !== title ? { text } : {}), ...(id !== undefined ? { id } : {}) });
  };
  const walk = (node: AnyNode) => {
    if (!('children' in node)) return;
    for (const child of node.children) {
      if (child.type === 'text') {
        buffer += (child as unknown as { data: string }).data;
        continue;
      }
      if (!isElement(child)) continue;
      if (child.name === 'header' && child.attribs['data-bj-ignore'] === undefined && inSection(child)) {
        // An article's or section's own header: its heading titles what follows; the rest (dates, bylines) is left out.
        for (const el of elements(child, true)) {
          const level = HEADING.exec(el.name);
          if (level) heading(el, Number(level[1]));
        }
        continue;
      }
      if (isIgnored(child)) continue;
      const level = HEADING.exec(child.name);
      if (level) heading(child, Number(level[1]));
      else if (child.name === 'br') buffer += ' ';
      else if (PASSAGE.has(child.name) && !holdsStructure(child)) {
        flush();
        buffer = textOf(child);
        flush();
      } else if (BLOCK.has(child.name)) {
        flush();
        walk(child);
        flush();
      } else walk(child);
    }
  };
  for (const root of roots) {
    flush();
    if (isElement(root) && !isIgnored(root) && PASSAGE.has(root.name) && !holdsStructure(root)) buffer = textOf(root);
    else walk(root);
    flush();
  }
  const date = pageDate(doc, roots);
  return { ...(title ? { title } : {}), ...(lang ? { lang } : {}), ...(date ? { date } : {}), passages };
}

function pageTitle(doc: Document, roots: AnyNode[], options: ExtractOptions): string | undefined {
  const meta = first(doc, (el) => el.name === 'meta' && el.attribs.name?.trim().toLowerCase() === 'bj:title');
  const fromMeta = normalizeText(meta?.attribs.content ?? '');
  if (fromMeta) return fromMeta;
  if (options.title) {
    const el = first(doc, options.title.test);
    const text = el ? normalizeText(textOf(el)) : '';
    if (text) return text;
  }
  const title = first(doc, (el) => el.name === 'title');
  const fromTitle = title ? normalizeText(textOf(title)) : '';
  if (fromTitle) return fromTitle;
  for (const root of roots) {
    // An <h1> outside any skipped part first, else one in a header (an article's own, or the site's).
    const h1 = first(root, (el) => el.name === 'h1', true) ?? first(root, (el) => el.name === 'h1');
    const text = h1 ? normalizeText(textOf(h1)) : '';
    if (text) return text;
  }
  return undefined;
}

/** `lang` of the node or its nearest ancestor that has one. */
function langOf(node: AnyNode): string | undefined {
  for (let n: AnyNode | null = node; n; n = n.parent) {
    if (isElement(n) && n.attribs.lang !== undefined && n.attribs.lang.trim() !== '') return n.attribs.lang.trim();
  }
  return undefined;
}
