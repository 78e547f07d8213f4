/**
 * Every package that the tests, scripts and configuration import is declared in package.json, so a
 * fresh clone's `npm install` provides it (puppeteer-core was once only there as a dependency of a
 * dependency). The source's own imports must be in "dependencies": a package user installs those.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' ? [] : files(rel);
    return /\.(ts|mts|mjs|js|cjs)$/.test(e.name) ? [rel] : [];
  });
}

/** Bare package names imported by `file` (static, dynamic and side-effect imports). */
function imported(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const names = new Set<string>();
  for (const m of text.matchAll(
    /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm,
  )) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
    names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
  }
  return [...names];
}

describe('declared dependencies', () => {
  it('everything test/, scripts/, bench/ and the configuration import is in package.json', () => {
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
    const sources = [
      ...files('test'),
      ...files('scripts'),
      ...files('bench'),
      ...readdirSync(root).filter((f) => /\.(mjs|cjs|ts)$/.test(f)),
    ];
    const missing = sources.flatMap((f) =>
      imported(f)
        .filter((n) => !declared.has(n))
        .map((n) => `${n} (${f})`),
    );
    assert.deepEqual(missing, [], 'add these to devDependencies');
  });

  it('src/ imports only packages in "dependencies" (what a package user\'s install provides)', () => {
    const deps = new Set(Object.keys(pkg.dependencies));
    const missing = files('src').flatMap((f) =>
      imported(f)
        .filter((n) => !deps.has(n))
        .map((n) => `${n} (${f})`),
    );
    assert.deepEqual(missing, []);
  });

  it('the scan finds imports (puppeteer-core in the e2e helpers, lit in the elements)', () => {
    assert.ok(imported('test/helpers/e2e.ts').includes('puppeteer-core'));
    assert.ok(imported('src/components/bj-keyword/bj-keyword.ts').includes('lit'));
  });
});
