/**
 * Browser bundles of bj-policy-widgets, one Vite library build per target (`scripts/build.mjs`
 * runs them in turn; `BJ_TARGET` picks one, `es` by default):
 *
 * - `es`     dist/bj-policy-widgets.js       `<script type="module">`: the loader (defines the
 *            elements, renders keyword triggers and the search box shell) + dist/chunks/*.js, the
 *            parts it imports on first need (popover, search, annotation, index reader);
 *            dist/annotate.js, headless annotation (`bj-policy-widgets/annotate`)
 * - `iife`   dist/bj-policy-widgets.iife.js  classic `<script src defer>`: a small bootstrap that
 *            imports the ES loader next to itself (classic scripts may `import()` modules)
 * - `search` dist/search.js                  headless search API (no Lit, no DOM), one file
 * - `worker` dist/search-worker.js           the search worker (module worker, one file; loads and searches the index)
 *
 * `BJ_SINGLE=1` builds the ES loader as one file with every dynamic import inlined (the single
 * bundle of before, for `npm run bench` to compare) into `BJ_OUT_DIR`. Lit is resolved with the `production` export condition, so its
 * dev-mode warning and checks are not shipped. Every file is ASCII-only (asciiOnly()), so it loads
 * on a GBK/GB2312/Big5 page whose server sends scripts without a charset.
 */
import { transform } from 'esbuild';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import asciiOnly from './scripts/vite-plugin-ascii-only.mjs';
import minifyLit from './scripts/vite-plugin-minify-lit.mjs';

type Target = 'es' | 'iife' | 'search' | 'worker';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const targets: Record<Target, { entry: Record<string, string>; format: 'es' | 'iife'; split: boolean }> = {
  es: { entry: { 'bj-policy-widgets': 'src/bj-policy-widgets.ts', annotate: 'src/annotate-entry.ts' }, format: 'es', split: true },
  iife: { entry: { 'bj-policy-widgets.iife': 'src/bj-policy-widgets.iife.ts' }, format: 'iife', split: false },
  search: { entry: { search: 'src/search-entry.ts' }, format: 'es', split: false },
  // The search worker, a module worker started from next to the loader: one self-contained file.
  worker: { entry: { 'search-worker': 'src/worker/search-worker.ts' }, format: 'es', split: false },
};

/**
 * Vite leaves whitespace in ES library output (to keep `@__PURE__` notes for the user's bundler);
 * these files are served to browsers as they are, so minify them fully. Rollup chains the maps.
 */
const minifyEs = (): Plugin => ({
  name: 'bj-minify-es',
  apply: 'build',
  enforce: 'post',
  async renderChunk(code, chunk) {
    const out = await transform(code, {
      minify: true,
      format: 'esm',
      target: 'es2022',
      sourcemap: true,
      sourcefile: chunk.fileName,
      legalComments: 'none',
      charset: 'ascii',
    });
    return { code: out.code, map: out.map };
  },
});

/**
 * Small modules that both the popover and the search use (translation runtime, script detection,
 * data checks, excerpts) travel as one chunk instead of several tiny ones: fewer requests, and gzip
 * compresses them together. Only modules that import nothing of the loader's may be listed (Rollup
 * would move such an import into this chunk, and the loader would wait for it).
 */
function sharedPart(id: string): string | undefined {
  const shared = [
    '/node_modules/@lit/localize/',
    '/src/shared/text-lang.ts',
    '/src/search/types.ts',
    '/src/search/validate.ts',
    '/src/search/snippet.ts',
  ];
  return shared.some((s) => id.includes(s)) ? 'parts' : undefined;
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
          inlineDynamicImports: !target.split,
          ...(target.split ? { chunkFileNames: 'chunks/[name]-[hash:6].js', manualChunks: sharedPart } : {}),
          // The classic script adds no global (its entry exports nothing): elements register
          // themselves, and page config goes through `window.bjPolicyWidgets`.
          ...(target.format === 'iife' ? { exports: 'none' as const } : {}),
        },
      },
    },
  };
});
