/**
 * The sharded index scores postings exactly as one MiniSearch release does: that release is pinned,
 * and another one is refused with a `bj:` message (the CLI loads the `minisearch` installed beside
 * it, where no test of ours runs).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { installedMiniSearchVersion } from '../../src/cli/minisearch-check.js';
import { MINISEARCH_VERSION, checkMiniSearchVersion } from '../../src/search/minisearch-version.js';
import { BjError } from '../../src/search/types.js';

describe('the MiniSearch release a sharded index depends on', () => {
  it('refuses another installed release with a bj: message saying what to install', () => {
    for (const other of ['7.3.0', '8.0.0', undefined]) {
      assert.throws(
        () => checkMiniSearchVersion(other),
        (e: unknown) =>
          e instanceof BjError &&
          e.code === 'library-version' &&
          e.message.startsWith('bj: ') &&
          e.message.includes(`minisearch ${other ?? '(version unknown)'} is installed`) &&
          e.message.includes(`npm install minisearch@${MINISEARCH_VERSION} --save-exact`),
      );
    }
    assert.doesNotThrow(() => checkMiniSearchVersion(MINISEARCH_VERSION));
  });

  it('is pinned exactly in package.json, and is the one installed', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    assert.equal(pkg.dependencies.minisearch, MINISEARCH_VERSION);
    assert.equal(installedMiniSearchVersion(), MINISEARCH_VERSION);
  });
});
