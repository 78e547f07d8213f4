/**
 * Where the bj-policy-widgets package is on disk, found from this module's own URL (never the
 * working directory), so `npx bj-index` finds the package's data and built index from anywhere.
 * Both `src/cli/*.ts` and the bundle `dist/cli/bj-index.js` sit two levels below the root.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot: string = fileURLToPath(new URL('../../', import.meta.url));

/** The package's source corpus directory. */
export const packageDataDir: string = join(packageRoot, 'data');

/** The JSON Schema every corpus file is validated against. */
export const packageSchemaPath: string = join(packageRoot, 'data', 'schema', 'corpus.schema.json');
/** The JSON Schema of editors' synonyms files (`"format": "bj-synonyms"`). */
export const packageSynonymsSchemaPath: string = join(packageRoot, 'data', 'schema', 'synonyms.schema.json');

/** The index `npm run build:index` (and `npm install`) writes, used by `query` without `--index`. */
export const packageIndexPath: string = join(packageRoot, 'dist', 'bj-index.json');

let version: string | undefined;

/** The package version from its package.json, e.g. `0.1.0`. */
export function packageVersion(): string {
  if (version === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: unknown };
      version = typeof pkg.version === 'string' ? pkg.version : 'unknown';
    } catch {
      version = 'unknown';
    }
  }
  return version;
}
