/**
 * Browser bundles of bj-policy-widgets, one Vite library build per target (`scripts/build.mjs`
 * runs them in turn; `BJ_TARGET` picks one, `es` by default):
 *
 * - `es`     dist/bj-policy-widgets.js       `<script type="module">`: the loader (defines the
 *            elements, renders keyword triggers and the search box shell) + dist/chunks/*.js, the
 *            parts it imports on first need (popover, search, annotation, index reader);
 *            dist/annotate.js, headless annotation (`bj-policy-widgets/annotate`); dist/glossary.js,
 *            `<bj-glossary>` (`bj-policy-widgets/glossary`), a glossary page's own script
 * - `iife`   dist/bj-policy-widgets.iife.js  classic `<script src defer>`: a small bootstrap that
 *            imports the ES loader next to itself (classic scripts may `import()` modules)
 * - `search` dist/search.js                  headless search API (no Lit, no DOM), one file
 * - `worker` dist/search-worker.js           the search worker (module worker; loads and searches the index) +
 *            dist/chunks/worker-*.js, the sharded index reader it imports for a sharded index only
 *
 * `BJ_SINGLE=1` builds the ES loader as one file with every dynamic import inlined (the single
 * bundle of before, for `npm run bench` to compare) into `BJ_OUT_DIR`. Lit is resolved with the `production` export condition, so its
 * dev-mode warning and checks are not shipped. Every file is ASCII-only (asciiOnly()), so it loads
 * on a GBK/GB2312/Big5 page whose server sends scripts without a charset.
 */
import { transform } from 'esbuild';
import { minify as terser } from 'terser';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type Rollup, type UserConfig } from 'vite';
import asciiOnly from './scripts/vite-plugin-ascii-only.mjs';
import minifyLit from './scripts/vite-plugin-minify-lit.mjs';

type Target = 'es' | 'iife' | 'search' | 'worker';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * `split`: the loader's parts become files in chunks/ (shared chunks, a manifest for the budgets);
 * `lazy`: only what the code imports dynamically becomes a file of its own (chunks/worker-*).
 */
const targets: Record<Target, { entry: Record<string, string>; format: 'es' | 'iife'; split: boolean; lazy?: boolean }> = {
  es: {
    entry: { 'bj-policy-widgets': 'src/bj-policy-widgets.ts', annotate: 'src/annotate-entry.ts', glossary: 'src/glossary-entry.ts' },
    format: 'es',
    split: true,
  },
  iife: { entry: { 'bj-policy-widgets.iife': 'src/bj-policy-widgets.iife.ts' }, format: 'iife', split: false },
  search: { entry: { search: 'src/search-entry.ts' }, format: 'es', split: false },
  // The search worker, a module worker started from next to the loader; the sharded reader is a
  // part of its own (chunks/worker-query-*.js), fetched only for a sharded index.
  worker: { entry: { 'search-worker': 'src/worker/search-worker.ts' }, format: 'es', split: false, lazy: true },
};

/**
 * Vite leaves whitespace in ES library output (to keep `@__PURE__` notes for the user's bundler);
 * these files are served to browsers as they are, so minify them fully: esbuild lowers the syntax
 * to ES2022 and minifies, then Terser (two compress passes) takes 3-5 % more off every file (1.7 KB
 * gzip of the search box's first use). Rollup chains the maps.
 */
const minifyEs = (): Plugin => ({
  name: 'bj-minify-es',
  apply: 'build',
  enforce: 'post',
  async renderChunk(code, chunk) {
    const lowered = await transform(code, {
      minify: true,
      format: 'esm',
      target: 'es2022',
      sourcemap: true,
      sourcefile: chunk.fileName,
      legalComments: 'none',
      charset: 'ascii',
    });
    const out = await terser(lowered.code, {
      module: true,
      ecma: 2020,
      compress: { passes: 2 },
      format: { ascii_only: true, comments: false },
      sourceMap: { content: lowered.map, asObject: true },
    });
    if (out.code === undefined) throw new Error(`bj: Terser returned nothing for ${chunk.fileName}`);
    return { code: out.code, map: out.map as string | null };
  },
});

/**
 * Modules that the popover, the search box and `<bj-annotate>` share travel as two chunks instead
 * of many tiny ones: fewer requests, and gzip compresses them together.
 * - `parts` (all three): translation runtime, script detection, error type, excerpts, links, where
 *   the index is and its page-wide limits, the page's one index store, and the controller through
 *   which each element loads an index.
 * - `page` (popover and search box): what a floating panel needs on the page (positioning, bottom
 *   sheet, the placement and dismissal controllers, locale, styles adoption); an annotated region
 *   needs none of it.
 * Only modules that import nothing of the loader's but what the loader itself needs at start may be
 * listed (Rollup would move such an import into the chunk, and the loader would wait for it).
 */
const sharedParts: Record<string, readonly string[]> = {
  parts: [
    '/node_modules/@lit/localize/',
    '/src/shared/lang/text-lang.ts',
    '/src/search/types.ts',
    '/src/search/snippet.ts',
    '/src/search/web-address.ts',
    '/src/shared/index/config.ts',
    '/src/shared/index/limits.ts',
    '/src/shared/index/index-store.ts',
    '/src/shared/index/index-load.ts',
  ],
  page: [
    '/src/shared/element/adopt-styles.ts',
    '/src/shared/floating/inside.ts',
    '/src/generated/locale-codes.ts',
    '/src/shared/lang/locale.ts',
    '/src/shared/lang/content-lang.ts',
    '/src/shared/floating/position.ts',
    '/src/shared/floating/popover.ts',
    '/src/shared/floating/sheet.ts',
    '/src/shared/floating/placement.ts',
    '/src/shared/floating/dismiss.ts',
  ],
  // Reading an index's JSON and the keywords in it: the popover's and the annotated region's index
  // fetch and catalogue, and the in-page search fallback (whose engine reads the catalogue too).
  // Every reader of one reads the others, and one file compresses better than three.
  'index-fetch': [
    '/src/shared/index/index-fetch.ts',
    '/src/shared/index/index-json.ts',
    '/src/search/catalogue.ts',
    '/src/search/names.ts',
  ],
  // The popover's part keeps the keyword content helpers that `<bj-glossary>` (dist/glossary.js)
  // uses too: split out, they would be one more request on every page's first opening; a glossary
  // page imports the popover's part instead. Its index reader stays in chunks of its own, shared
  // with the annotated region ('index-fetch').
  'keyword-popover': ['/src/components/bj-keyword/keyword-popover.ts', '/src/components/bj-keyword/keyword-content.ts'],
};

/** The modules the loader imports statically (they stay in it), found once per build. */
let loaderModules: Set<string> | undefined;

function sharedPart(id: string, { getModuleInfo }: Rollup.ManualChunkMeta): string | undefined {
  if (!loaderModules) {
    loaderModules = new Set();
    const visit = (m: string | undefined): void => {
      if (!m || loaderModules!.has(m)) return;
      loaderModules!.add(m);
      for (const dep of getModuleInfo(m)?.importedIds ?? []) visit(dep);
    };
    visit(getModuleInfo(fileURLToPath(new URL(targets.es.entry['bj-policy-widgets']!, import.meta.url)))?.id);
  }
  // Rollup pulls a manual chunk's static imports into it unless they are in a manual chunk of
  // their own: naming the loader's modules after the loader keeps them in the loader.
  if (loaderModules.has(id)) return 'bj-policy-widgets';
  for (const [name, modules] of Object.entries(sharedParts)) if (modules.some((s) => id.includes(s))) return name;
  return undefined;
}

export default defineConfig((): UserConfig => {
  const name = (process.env.BJ_TARGET ?? 'es') as Target;
  const known = targets[name];
  if (!known) throw new Error(`bj: unknown BJ_TARGET "${name}"; use es, iife, search or worker`);
  const single = process.env.BJ_SINGLE === '1';
  const target = single ? { entry: { 'bj-policy-widgets': known.entry['bj-policy-widgets']! }, format: known.format, split: false } : known;
  return {
    // Nothing is copied from public/: the demo and data are served from the repo itself.
    publicDir: false,
    logLevel: 'warn',
    define: {
      __BJ_VERSION__: JSON.stringify(pkg.version),
      __BJ_FORMAT__: JSON.stringify(target.format),
    },
    resolve: {
      // `production`, never `development`: Lit's dev build warns on every page ("Lit is in dev mode").
      conditions: ['module', 'browser', 'production'],
    },
    // esbuild escapes non-ASCII in strings; asciiOnly() does the rest (regexes, tagged templates).
    esbuild: { charset: 'ascii' },
    // minifyLit(): Lit css`…`/html`…` template text (esbuild leaves template literals as written).
    plugins: [minifyLit(), ...(target.format === 'es' ? [minifyEs()] : []), asciiOnly()],
    build: {
      outDir: (single && process.env.BJ_OUT_DIR) || 'dist',
      emptyOutDir: false,
      // ES: `esnext` here keeps Vite's own esbuild pass off; minifyEs() lowers to ES2022 instead.
      target: target.format === 'es' ? 'esnext' : 'es2022',
      sourcemap: true,
      // The ES bundle is minified by minifyEs() (Vite's own pass would keep the whitespace).
      minify: target.format === 'es' ? false : 'esbuild',
      reportCompressedSize: false,
      // Which chunk holds which module, for the budgets in scripts/build.mjs (read, then removed).
      manifest: target.split ? 'chunks.manifest.json' : false,
      copyPublicDir: false,
      lib: {
        entry: target.entry,
        formats: [target.format],
        name: 'bjPolicyWidgets', // required by Vite for IIFE; unused (`exports: 'none'` below)
        fileName: (_format, entryName) => `${entryName}.js`,
      },
      rollupOptions: {
        // The loader may export more than its own API (what its chunks import from it, e.g. Lit):
        // otherwise Rollup adds a facade file and every page waits for one more request.
        preserveEntrySignatures: 'allow-extension',
        output: {
          // The loader's lazy parts (and what they share) are files next to it, in chunks/.
          inlineDynamicImports: !target.split && !target.lazy,
          ...(target.split ? { chunkFileNames: 'chunks/[name]-[hash:6].js', manualChunks: sharedPart } : {}),
          ...(target.lazy ? { chunkFileNames: 'chunks/worker-[name]-[hash:6].js' } : {}),
          // The classic script adds no global (its entry exports nothing): elements register
          // themselves, and page config goes through `window.bjPolicyWidgets`.
          ...(target.format === 'iife' ? { exports: 'none' as const } : {}),
        },
      },
    },
  };
});
