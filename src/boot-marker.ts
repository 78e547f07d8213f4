/**
 * The page-wide marker a first copy of the library leaves at `globalThis[Symbol.for('bj-policy-widgets')]`,
 * shared by the module loader (src/boot.ts) and the classic bootstrap (src/bj-policy-widgets.iife.ts).
 */
declare const __BJ_VERSION__: string | undefined;

/** What the first copy on a page leaves at `globalThis[Symbol.for('bj-policy-widgets')]`. */
export interface LoadedMarker {
  /** package.json version of the copy that registered the elements. */
  readonly version: string;
  /** `es` (module script) or `iife` (classic script). */
  readonly format: string;
  /** Its script URL, when known. */
  readonly script?: string;
  /** Set by the classic bootstrap: the module loader it imports (which is then not a second copy). */
  readonly loader?: string;
}

/** The library version, replaced at build time (`dev` when running from source). */
export const VERSION: string = typeof __BJ_VERSION__ === 'string' ? __BJ_VERSION__ : 'dev';

export const MARKER = Symbol.for('bj-policy-widgets');
/** Shared with src/shared/element/define.ts: set, it keeps the per-element note quiet (ours says it all). */
const DEFINED_TWICE_NOTED = Symbol.for('bj-policy-widgets.defined-twice-noted');

/** Logs the one `bj:` note of a second copy on the page. */
export function noteLoadedTwice(earlier: LoadedMarker, script: string | undefined): void {
  (globalThis as unknown as Record<symbol, unknown>)[DEFINED_TWICE_NOTED] = true;
  const where = (m: { version: string; script?: string | undefined }) => (m.script ? `${m.version} from ${m.script}` : m.version);
  console.info(
    `bj: bj-policy-widgets is loaded twice on this page (first ${where(earlier)}, ` +
      `now ${where({ version: VERSION, script })}); the first copy's elements stay ` +
      'in use and this copy does nothing. Remove the second <script> tag.',
  );
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
