/**
 * The classic-script form (dist/bj-policy-widgets.iife.js, `<script src defer>`): a few hundred
 * bytes that import the ES loader next to this file (`bj-policy-widgets.js`, which imports its
 * chunks next to itself). Classic scripts may `import()` modules; the loader is then the same
 * module a `<script type="module">` would run, so both forms share one copy of the code.
 *
 * `document.currentScript` exists only while this runs, so the URL is read here, synchronously,
 * and so is the check for a second copy on the page (src/boot.ts does the same for the module).
 */
import { currentScript, MARKER, noteLoadedTwice, VERSION, type LoadedMarker } from './boot-marker.js';

/** The loader's file name, next to this script. */
const LOADER = 'bj-policy-widgets.js';

const script = currentScript();
const src = script instanceof HTMLScriptElement && script.src ? script.src : undefined;
const g = globalThis as unknown as Record<symbol, LoadedMarker | undefined>;
const earlier = g[MARKER];

if (earlier) {
  noteLoadedTwice(earlier, src);
} else if (!src) {
  console.warn(
    'bj: bj-policy-widgets.iife.js cannot tell where it was loaded from (run it from <script src="…/bj-policy-widgets.iife.js">); ' +
      'no element is defined. Or use <script type="module" src="…/bj-policy-widgets.js">.',
  );
} else {
  const loader = new URL(LOADER, src).href;
  // The loader sees this marker and knows it was asked for, rather than loaded a second time.
  const marker: LoadedMarker = { version: VERSION, format: 'iife', script: src, loader };
  Object.defineProperty(globalThis, MARKER, { value: Object.freeze(marker), configurable: true });
  import(/* @vite-ignore */ loader).catch((cause: unknown) =>
    console.warn(`bj: could not load ${loader} (${String(cause)}); copy the whole dist/ folder next to bj-policy-widgets.iife.js.`),
  );
}
