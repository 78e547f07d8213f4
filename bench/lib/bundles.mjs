// Baseline bundles for the browser benchmarks, written to the scratch directory with esbuild
// (minified ES modules, like the dist bundles):
//   .tmp/bench/minisearch.js   plain MiniSearch (the search baseline)
//   .tmp/bench/plain-lit.js    a minimal Lit element <plain-keyword> (the upgrade baseline: Lit's floor)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { root, scratch } from './data.mjs';

const PLAIN_LIT = `
import { LitElement, html, css } from 'lit';
class PlainKeyword extends LitElement {
  static styles = css\`:host { text-decoration: underline dotted; }\`;
  static properties = { term: { type: String } };
  constructor() { super(); this.term = ''; }
  render() { return html\`<span part="term" tabindex="0"><slot></slot></span>\`; }
}
customElements.define('plain-keyword', PlainKeyword);
`;

export async function baselineBundles() {
  mkdirSync(scratch, { recursive: true });
  const common = {
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    logLevel: 'warning',
    absWorkingDir: root,
    conditions: ['module', 'browser', 'production'],
  };
  const minisearch = path.join(scratch, 'minisearch.js');
  await build({ ...common, stdin: { contents: "export { default } from 'minisearch';", resolveDir: root }, outfile: minisearch });
  const lit = path.join(scratch, 'plain-lit.js');
  const src = path.join(scratch, 'plain-lit.src.js');
  writeFileSync(src, PLAIN_LIT);
  await build({ ...common, entryPoints: [src], outfile: lit, nodePaths: [path.join(root, 'node_modules')] });
  return { minisearch, lit };
}
