/**
 * Browser bundles of bj-policy-widgets, one Vite library build per target (`scripts/build.mjs`
 * runs them in turn; `BJ_TARGET` picks one, `es` by default):
 *
 * - `es`     dist/bj-policy-widgets.js       `<script type="module">`: every element, one file
 * - `iife`   dist/bj-policy-widgets.iife.js  classic `<script src defer>`: the same, no modules
 * - `search` dist/search.js                  headless search API (no Lit, no DOM)
 * - `worker` dist/search-worker.js           the search worker (module worker; loads and searches the index)
 *
 * Every dependency is bundled and dynamic imports are inlined, so each target is exactly one
 * file a webmaster can copy. Lit is resolved with the `production` export condition, so its
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

const targets: Record<Target, { entry: string; fileName: string; format: 'es' | 'iife' }> = {
  es: { entry: 'src/bj-policy-widgets.ts', fileName: 'bj-policy-widgets.js', format: 'es' },
  iife: { entry: 'src/bj-policy-widgets.iife.ts', fileName: 'bj-policy-widgets.iife.js', format: 'iife' },
  search: { entry: 'src/search-entry.ts', fileName: 'search.js', format: 'es' },
  // The search worker, a module worker started from next to the ES or IIFE bundle.
  worker: { entry: 'src/worker/search-worker.ts', fileName: 'search-worker.js', format: 'es' },
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

export default defineConfig((): UserConfig => {
  const name = (process.env.BJ_TARGET ?? 'es') as Target;
  const target = targets[name];
  if (!target) throw new Error(`bj: unknown BJ_TARGET "${name}"; use es, iife, search or worker`);
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
      outDir: 'dist',
      emptyOutDir: false,
      // ES: `esnext` here keeps Vite's own esbuild pass off; minifyEs() lowers to ES2022 instead.
      target: target.format === 'es' ? 'esnext' : 'es2022',
      sourcemap: true,
      // The ES bundle is minified by minifyEs() (Vite's own pass would keep the whitespace).
      minify: target.format === 'es' ? false : 'esbuild',
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: {
        entry: target.entry,
        formats: [target.format],
        name: 'bjPolicyWidgets', // required by Vite for IIFE; unused (`exports: 'none'` below)
        fileName: () => target.fileName,
      },
      rollupOptions: {
        output: {
          inlineDynamicImports: true,
          // The classic script adds no global (its entry exports nothing): elements register
          // themselves, and page config goes through `window.bjPolicyWidgets`.
          ...(target.format === 'iife' ? { exports: 'none' as const } : {}),
        },
      },
    },
  };
});
