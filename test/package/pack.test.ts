/**
 * What `npm publish` would ship: the bundles, index, types, element manifest, CLI, data and schema,
 * and nothing of the development tree. Needs a build (`npm test` builds first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

type ExportTarget = string | { [condition: string]: ExportTarget };

/** Every file path an `exports` entry can resolve to, over all conditions. */
function targets(value: ExportTarget): string[] {
  return typeof value === 'string' ? [value] : Object.values(value).flatMap(targets);
}
const strip = (p: string) => p.replace(/^\.\//, '');

describe('npm package contents', () => {
  let files: Set<string>;

  before(() => {
    assert.ok(
      existsSync(path.join(root, 'dist', 'bj-policy-widgets.js')),
      'bj: dist/ is not built; run `npm run build` before this test (npm test does)',
    );
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [report] = JSON.parse(out) as [{ files: { path: string }[] }];
    files = new Set(report.files.map((f) => f.path));
  });

  it('ships both element bundles, the headless search API, the search worker and their source maps', () => {
    for (const f of ['bj-policy-widgets.js', 'bj-policy-widgets.iife.js', 'search.js', 'search-worker.js']) {
      assert.ok(files.has(`dist/${f}`), `dist/${f} missing`);
      assert.ok(files.has(`dist/${f}.map`), `dist/${f}.map missing`);
    }
  });

  it('ships the default index, type declarations and the element manifest', () => {
    assert.ok(files.has('dist/bj-index.json'));
    assert.ok(files.has('dist/types/bj-policy-widgets.d.ts'));
    assert.ok(files.has('dist/types/search-entry.d.ts'));
    assert.ok(files.has(strip(pkg.types)), `"types" (${pkg.types}) is not in the package`);
    assert.ok(files.has(pkg.customElements), `"customElements" (${pkg.customElements}) is not in the package`);
  });

  it('ships the bj-index command and what it reads', () => {
    const bins: string[] = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
    assert.ok(bins.length > 0, 'package.json has no "bin"');
    for (const b of bins) assert.ok(files.has(strip(b)), `bin ${b} missing`);
    assert.ok(files.has('dist/cli/bj-index.js'), 'the built CLI (dist/cli/bj-index.js) is missing');
  });

  it('ships the source data and its schema so districts can start from them', () => {
    assert.ok(files.has('data/schema/corpus.schema.json'));
    const corpora = [...files].filter((f) => /^data\/[^/]+\.json$/.test(f));
    assert.ok(corpora.length >= 1, 'no data/*.json corpus in the package');
    assert.ok(files.has('README.md'));
  });

  it('ships the documentation pages the README links to, and the changelog', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const pages = [...new Set([...readme.matchAll(/\]\(((?:docs\/[\w.-]+)|CHANGELOG\.md)(?:#[^)]*)?\)/g)].map((m) => m[1]!))];
    assert.ok(pages.length >= 5, `the README links ${pages.length} documentation pages`);
    assert.deepEqual(
      pages.filter((p) => !files.has(p)),
      [],
    );
  });

  it('leaves out tests, sources, CI and dependencies', () => {
    const unwanted = [...files].filter(
      (f) => /^(test|src|\.ci|node_modules|demo|bench|xliff|scripts|\.tmp)\//.test(f) || f.includes('/node_modules/'),
    );
    assert.deepEqual(unwanted, []);
  });

  it('resolves every "exports" target to a file in the package', () => {
    const missing: string[] = [];
    for (const [subpath, value] of Object.entries(pkg.exports as Record<string, ExportTarget>)) {
      for (const t of targets(value)) if (!files.has(strip(t))) missing.push(`${subpath} → ${t}`);
    }
    assert.deepEqual(missing, []);
    for (const subpath of ['.', './search', './index.json', './package.json']) {
      assert.ok(subpath in pkg.exports, `exports has no "${subpath}"`);
    }
  });

  it('marks the element bundles as having side effects and the search API as free of them', () => {
    const sideEffects: string[] = pkg.sideEffects;
    assert.ok(Array.isArray(sideEffects));
    assert.ok(sideEffects.includes('./dist/bj-policy-widgets.js'));
    assert.ok(sideEffects.includes('./dist/bj-policy-widgets.iife.js'));
    assert.ok(!sideEffects.some((p) => p.includes('search')), 'search.js must not be listed');
  });
});
