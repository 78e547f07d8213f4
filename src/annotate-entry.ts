/**
 * `bj-policy-widgets/annotate` (dist/annotate.js): headless annotation of any element, what
 * `<bj-annotate>` does, where the page's index is (`resolveIndexUrl`) and the page's shared index
 * store (`loadIndex`, `loadCatalogue`, `loadSearchIndex`: one fetch per URL, shared with the elements). A module of its own so that the
 * loader (dist/bj-policy-widgets.js) stays small; it shares the loader's chunks.
 */
// The elements (the marks are <bj-keyword>s), and one copy of everything the loader holds.
import './bj-policy-widgets.js';

export { DEFAULT_INDEX_FILE, resolveIndexUrl } from './shared/index/config.js';
export { clearIndexCache, loadCatalogue, loadIndex, loadSearchIndex } from './shared/index/index-store.js';
export { annotate, Annotator } from './annotate/index.js';
export type { AnnotateOptions, AnnotatorOptions, Annotation } from './annotate/index.js';
