/**
 * Which elements an annotated region leaves alone (links, headings, code, form controls, media,
 * existing keywords …) and which inline elements a run of text continues through.
 */

/** Elements whose text is never marked, with everything inside them. */
export const SKIP_TAGS = new Set([
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  'template',
  'noscript',
  'input',
  'textarea',
  'select',
  'button',
  'option',
  'optgroup',
  'datalist',
  'bj-keyword',
  'bj-annotate',
  'svg',
  'math',
  'rt',
  'rp',
  'iframe',
  'object',
  'video',
  'audio',
  'canvas',
  'title',
]);

/** Inline (phrasing) elements a run of text continues through. Anything else ends a run. */
const INLINE_TAGS = new Set([
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'mark',
  'q',
  'ruby',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

/** `Node.TEXT_NODE` and `Node.ELEMENT_NODE`, without reading `Node` (absent in a worker or Node). */
export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

/** True for an inline element a run of text continues through. */
export function isInline(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && INLINE_TAGS.has((node as Element).localName);
}
