// Custom elements manifest (`cem analyze --config scripts/cem.config.mjs`, run by scripts/build.mjs).
// The element classes' JSDoc (@tagname, @summary, @slot, @fires, @csspart, @cssprop) is the source.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  litelement: true,
  // Where package.json's "customElements" points (build.mjs checks that they agree).
  outdir: 'dist',
  // Never let the analyzer rewrite package.json (it would by default).
  packagejson: false,
};
