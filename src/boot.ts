/**
 * Runs first in the loader (the entry imports it before any element), so that by the time an
 * element is defined — which upgrades elements already in the page — the library knows:
 *
 * - its own script URL, for the default index `bj-index.json` next to the script and for its
 *   chunks (which the bundler imports relative to the loader's own module URL). The module uses
 *   `import.meta.url`; the classic form is a bootstrap (src/bj-policy-widgets.iife.ts) that reads
 *   `document.currentScript.src` and imports this module from next to itself.
 * - whether another copy (the same file twice, or two versions) already runs on the page. The
 *   first copy leaves a global `Symbol.for('bj-policy-widgets')` marker holding its version; a
 *   later copy prints one `bj:` note and registers nothing that is already defined.
 */
import { MARKER, noteLoadedTwice, VERSION, type LoadedMarker } from './boot-marker.js';
import { setScriptUrl } from './shared/index/script-url.js';

export { VERSION, MARKER, currentScript, type LoadedMarker } from './boot-marker.js';

const scriptUrl = import.meta.url;
setScriptUrl(scriptUrl);

const g = globalThis as unknown as Record<symbol, unknown>;
const found = g[MARKER] as LoadedMarker | undefined;
/** The classic bootstrap next to this file asked for this module: that is not a second copy. */
const viaBootstrap = found?.format === 'iife' && found.loader === scriptUrl;
const earlier = viaBootstrap ? undefined : found;

/** True when another copy of the library was already loaded on this page. */
export const isDuplicate = earlier !== undefined;

if (earlier) {
  noteLoadedTwice(earlier, scriptUrl);
} else if (!viaBootstrap) {
  const marker: LoadedMarker = { version: VERSION, format: 'es', script: scriptUrl };
  Object.defineProperty(globalThis, MARKER, { value: Object.freeze(marker), configurable: true });
}
