/**
 * `npm run build:cli` leaves only the current bundle in dist/cli (scripts/prune-cli.mjs): a
 * maintainer who rebuilds after a change does not publish the old chunks with `npm pack`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pruneCli } from '../../scripts/prune-cli.mjs';

describe('build:cli removes the chunks of earlier builds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bj-prune-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the entries and every chunk they reach, directly, dynamically or as a worker; deletes the rest', () => {
    const files: Record<string, string> = {
      'bj-index.js': 'import { main } from "./chunk-AAAAAAA1.js";\nmain(process.argv.slice(2));\n',
      'main.js': 'export { main } from "./chunk-AAAAAAA1.js";\n',
      'chunk-AAAAAAA1.js': 'import "./chunk-BBBBBBB2.js";\nexport const main = () => import("./build-CCCCCCC3.js");\n',
      'chunk-BBBBBBB2.js': 'export const b = 1;\n',
      'build-CCCCCCC3.js': "new Worker(new URL('./build-worker.js', import.meta.url));\n",
      'build-worker.js': 'import "./chunk-DDDDDDD4.js";\n',
      'chunk-DDDDDDD4.js': 'export {};\n',
      'corpus-validators.cjs': 'module.exports = {};\n',
      // An earlier build's chunks: nothing of the current bundle names them.
      'chunk-OLDOLD01.js': 'import "./chunk-OLDOLD02.js";\n',
      'chunk-OLDOLD02.js': 'export {};\n',
      'build-OLDOLD03.js': 'export {};\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const removed = pruneCli(dir);
    assert.deepEqual(removed.sort(), ['build-OLDOLD03.js', 'chunk-OLDOLD01.js', 'chunk-OLDOLD02.js']);
    assert.deepEqual(
      readdirSync(dir).sort(),
      Object.keys(files)
        .filter((f) => !f.includes('OLD'))
        .sort(),
    );
  });
});
