/**
 * `bj-policy-widgets/search` (dist/search.js): the headless search API for pages and tools that
 * render their own UI. No Lit, no DOM: load an index with `PolicyIndex` and query it; `snippet`
 * and `highlight` cut result text around the matches. (The index builder, src/search/build.ts,
 * is Node-only and lives in the `bj-index` CLI instead.)
 */
export * from './search/index.js';
export * from './search/snippet.js';
export type * from './search/types.js';
export { openIndex, type IndexHandle, type IndexSearchOptions, type OpenIndexOptions } from './shared/index/open-index.js';
