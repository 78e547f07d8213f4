/**
 * bj-policy-widgets: one script that registers every element.
 *
 *   <script type="module" src="…/bj-policy-widgets.js"></script>
 *   <script src="…/bj-policy-widgets.iife.js" defer></script>
 *
 * `./boot.js` comes first: it records the script's URL (the default index is `bj-index.json`
 * next to it) and detects a second copy on the page before any element is defined.
 */
import './boot.js';

export { VERSION } from './boot.js';
export { BjKeyword } from './components/bj-keyword/bj-keyword.js';
export { BjPolicySearch } from './components/bj-policy-search/bj-policy-search.js';
export { BjAnnotate } from './components/bj-annotate/bj-annotate.js';
export { resolveIndexUrl, DEFAULT_INDEX_FILE } from './shared/config.js';
// Headless annotation of any element (what <bj-annotate> does), with the page's shared index.
export { annotate, Annotator } from './annotate/index.js';
export type { AnnotateOptions, AnnotatorOptions, Annotation } from './annotate/index.js';
export { loadIndex } from './shared/index-store.js';
export type { PageConfig } from './shared/config.js';
export type * from './shared/events.js';
