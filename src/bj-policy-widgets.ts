/**
 * bj-policy-widgets: the loader, one script that registers every element.
 *
 *   <script type="module" src="…/bj-policy-widgets.js"></script>
 *   <script src="…/bj-policy-widgets.iife.js" defer></script>
 *
 * It holds what a page needs before anyone interacts: the elements' classes, keyword triggers and
 * the search box shell. Each element imports the rest (popover, search, annotation, the index
 * reader) from dist/chunks/ next to this file on first need.
 *
 * `./boot.js` comes first: it records the script's URL (the default index is `bj-index.json`
 * next to it) and detects a second copy on the page before any element is defined.
 */
import './boot.js';

export { VERSION } from './boot.js';
export { BjKeyword } from './components/bj-keyword/bj-keyword.js';
export { BjPolicySearch } from './components/bj-policy-search/bj-policy-search.js';
export { BjAnnotate } from './components/bj-annotate/bj-annotate.js';
// Finding and loading the page's index (`resolveIndexUrl`, `loadIndex`…) and annotating any element
// from script: `bj-policy-widgets/annotate` (src/annotate-entry.ts), so that the loader carries none of it.
export type { KeywordSource } from './shared/index/keyword-source.js';
export type { PageConfig } from './shared/index/config.js';
export type * from './shared/element/events.js';
