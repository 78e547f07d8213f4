/**
 * `npm run test:node` (scripts/test-node.mjs) runs the suites that drive real browsers in groups that
 * share one Chromium and one Firefox ESR each, and every other Node test file side by side. A suite
 * that escaped the groups launches browsers of its own: two more per suite, which is what made CI
 * slower once the suites moved to one shared describe helper.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Plan {
  node: string[];
  browsers: string[][];
}
const plan = (...args: string[]): Plan =>
  JSON.parse(
    execFileSync(process.execPath, [path.join(root, 'scripts', 'test-node.mjs'), '--list', ...args], { cwd: root, encoding: 'utf8' }),
  );

/** Test files under `dir` that import a browser launcher from test/helpers/e2e.ts. */
function browserSuites(dir: string): string[] {
  const launcher = /import \{[^}]*\b(describeInBrowsers|useBrowser)\b/;
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts') && !f.endsWith('.browser.test.ts'))
    .map((f) => path.join(dir, f))
    .filter((f) => {
      const text = readFileSync(path.join(root, f), 'utf8');
      return text.includes("from '../helpers/e2e.js'") && launcher.test(text);
    })
    .sort();
}

describe('npm run test:node', () => {
  it('runs every suite that drives a browser in a group sharing the browsers, and each only once', () => {
    const { node, browsers } = plan();
    const expected = [...browserSuites('test/e2e'), ...browserSuites('test/hardening')].sort();
    assert.ok(expected.length >= 7, `browser suites found: ${expected.join(', ')}`);
    assert.deepEqual(browsers.flat().sort(), expected);
    assert.deepEqual(
      node.filter((f) => expected.includes(f)),
      [],
    );
  });

  it('splits the browser suites into groups of similar length, and runs only the files asked for', () => {
    const { browsers } = plan();
    assert.ok(browsers.length >= 2, `${browsers.length} groups`);
    for (const group of browsers) assert.ok(group.length >= 2, `a group of one: ${group.join()}`);
    const only = plan('test/e2e/demo.test.ts', 'test/cli');
    assert.deepEqual(only.browsers, [['test/e2e/demo.test.ts']]);
    assert.ok(only.node.length > 0 && only.node.every((f) => f.startsWith('test/cli/')));
  });

  it('starts the other files longest first, so that no long file is left to run alone at the end', () => {
    const { node } = plan();
    // A file's size in bytes, or the CPU seconds its header declares (`bj-test-cost: N`) counted as N × 1000.
    const cost = (f: string) => {
      const declared = /\bbj-test-cost: (\d+)/.exec(readFileSync(path.join(root, f), 'utf8'))?.[1];
      return declared ? Number(declared) * 1000 : statSync(path.join(root, f)).size;
    };
    const costs = node.map(cost);
    assert.ok(node.length >= 20, `${node.length} files`);
    costs.slice(1).forEach((c, i) => assert.ok(c <= costs[i]!, `${node[i + 1]} (${c}) starts after ${node[i]} (${costs[i]})`));
    // Publishing a sharded index in place is a short file that runs long (builds of an 800-passage
    // site, stopped and redone): it starts among the first.
    assert.ok(
      node.indexOf('test/cli/shards-publish.test.ts') < 4,
      `shards-publish.test.ts starts ${node.indexOf('test/cli/shards-publish.test.ts') + 1}th`,
    );
  });
});
