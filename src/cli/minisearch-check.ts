/**
 * The CLI runs with the `minisearch` installed beside it (the bundle keeps packages external), so
 * where a sharded index is built or searched it checks that this copy is the release the sharded
 * reader reproduces (`src/search/minisearch-version.ts`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { checkMiniSearchVersion } from '../search/minisearch-version.js';

/** The version in the package.json of the `minisearch` this module loads, or undefined. */
export function installedMiniSearchVersion(): string | undefined {
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('minisearch'));
  } catch {
    return undefined;
  }
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'minisearch') return typeof pkg.version === 'string' ? pkg.version : undefined;
    } catch {
      // No package.json here: look in the folder above.
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Throws a `bj:` error when the installed `minisearch` is not the release the sharded index needs. */
export function checkInstalledMiniSearch(): void {
  checkMiniSearchVersion(installedMiniSearchVersion());
}
