/**
 * Runs first in the bundles (the entry imports it before any element), so that by the time an
 * element is defined — which upgrades elements already in the page — the library knows:
 *
 * - its own script URL, for the default index `bj-index.json` next to the script. The ES bundle
 *   uses `import.meta.url`; the classic IIFE uses `document.currentScript.src`, which only exists
 *   while the script is being evaluated, so it is read here, synchronously.
 * - whether another copy (the same file twice, or two versions) already runs on the page. The
 *   first copy leaves a global `Symbol.for('bj-policy-widgets')` marker holding its version; a
 *   later copy prints one `bj:` note and registers nothing that is already defined.
 */
import { setScriptUrl } from './shared/config.js';

declare const __BJ_VERSION__: string | undefined;
declare const __BJ_FORMAT__: 'es' | 'iife' | undefined;

/** What the first copy on a page leaves at `globalThis[Symbol.for('bj-policy-widgets')]`. */
export interface LoadedMarker {
  /** package.json version of the copy that registered the elements. */
  readonly version: string;
  /** `es` (module script) or `iife` (classic script). */
  readonly format: string;
  /** Its script URL, when known. */
  readonly script?: string;
}

/** The library version, replaced at build time (`dev` when running from source). */
export const VERSION: string = typeof __BJ_VERSION__ === 'string' ? __BJ_VERSION__ : 'dev';
const FORMAT = typeof __BJ_FORMAT__ === 'string' ? __BJ_FORMAT__ : 'es';

export const MARKER = Symbol.for('bj-policy-widgets');
/** Shared with src/shared/define.ts: set, it keeps the per-element note quiet (ours says it all). */
const DEFINED_TWICE_NOTED = Symbol.for('bj-policy-widgets.defined-twice-noted');

function ownScriptUrl(): string | undefined {
  if (FORMAT === 'iife') {
    const script = currentScript();
    return script instanceof HTMLScriptElement && script.src ? script.src : undefined;
  }
  return import.meta.url;
}

/**
 * `document.currentScript` read through `Document.prototype`'s own getter: a page element with
 * `name="currentScript"` (`<img name="currentScript">`, DOM clobbering) shadows the property on the
 * document object, never the getter.
 */
export function currentScript(doc: Document | undefined = typeof document !== 'undefined' ? document : undefined): Element | null {
  if (!doc) return null;
  const getter = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript')?.get;
  return getter ? (getter.call(doc) as Element | null) : null;
}

const scriptUrl = ownScriptUrl();
setScriptUrl(scriptUrl);

const g = globalThis as unknown as Record<symbol, unknown>;
const earlier = g[MARKER] as LoadedMarker | undefined;

/** True when another copy of the library was already loaded on this page. */
export const isDuplicate = earlier !== undefined;

if (earlier) {
  g[DEFINED_TWICE_NOTED] = true;
  const where = (m: { version: string; script?: string | undefined }) => (m.script ? `${m.version} from ${m.script}` : m.version);
  console.info(
    `bj: bj-policy-widgets is loaded twice on this page (first ${where(earlier)}, ` +
      `now ${where({ version: VERSION, script: scriptUrl })}); the first copy's elements stay ` +
      'in use and this copy does nothing. Remove the second <script> tag.',
  );
} else {
  const marker: LoadedMarker = { version: VERSION, format: FORMAT, ...(scriptUrl ? { script: scriptUrl } : {}) };
  Object.defineProperty(globalThis, MARKER, { value: Object.freeze(marker), configurable: true });
}
