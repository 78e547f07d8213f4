/**
 * Where `bj-index build` keeps what it derives the same way build after build (dictionary-cache.ts,
 * variant-cache.ts), and the key that ties a cache file to this program's code and the packages its
 * data comes from.
 *
 * The folder is `$BJ_INDEX_CACHE` (default `$XDG_CACHE_HOME/bj-index`, else `~/.cache/bj-index`;
 * `BJ_INDEX_CACHE=off` turns it off). A key hashes the packages' versions and this program's own
 * code, so an upgrade of either never reads an older file.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The cache folder, or undefined when turned off. */
export function cacheDir(): string | undefined {
  const env = process.env.BJ_INDEX_CACHE?.trim();
  if (env === 'off' || env === '0') return undefined;
  if (env) return env;
  return join(process.env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache'), 'bj-index');
}

let code: string | undefined;

/** A digest of the code that derives the data: this program's own files (the bundled CLI, or src/cli and src/search). */
function codeDigest(): string {
  if (code) return code;
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  const dirs = [here, ...(basename(here) === 'cli' && existsSync(join(here, '..', 'search')) ? [join(here, '..', 'search')] : [])];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).sort()) {
      if (/\.(?:m?js|ts)$/.test(name)) hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
  return (code = hash.digest('hex'));
}

/** An installed package's version ('' when it cannot be read: the build then fails on the package itself). */
function packageVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    return String((JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: unknown }).version);
  } catch {
    return '';
  }
}

/** A hash of `format`, the versions of `packages` and this program's code, to be updated with what else the data depends on. */
export function cacheHash(format: string, packages: readonly string[]): ReturnType<typeof createHash> {
  const hash = createHash('sha256').update(format);
  for (const name of packages) hash.update(`${name}@${packageVersion(name)}`);
  return hash.update(codeDigest());
}
