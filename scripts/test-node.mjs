#!/usr/bin/env node
// `npm run test:node`: every Node test file (test/**/*.test.ts but not *.browser.test.ts), in groups
// that run side by side:
//   - the puppeteer suites (files that call `describeInBrowsers` or `useBrowser`: test/e2e and
//     test/hardening/csp) in BJ_E2E_GROUPS processes (default 2), each sharing one server and one
//     browser per kind (test/helpers/run-browser-suites.ts); the suites are dealt out longest first
//     (file size standing in for running time) to the group with the least so far;
//   - every other file with `node --test`, BJ_TEST_CONCURRENCY files at a time (default: the number
//     of CPUs, at least 2); they are independent (temp dirs, no shared writes). `node --test` starts
//     them in the order given, so they are given longest first (file size again, or the cost a
//     file's header declares, `bj-test-cost: N` CPU seconds): the group is the
//     suite's long pole, and a long file started last would leave a core idle at its end.
// Each line is prefixed with its group; the end prints the totals. Exit 1 if any test failed.
//
//   npm run test:node                       all
//   npm run test:node -- test/cli           only files under the given paths
//   node scripts/test-node.mjs --list [paths]   prints the groups as JSON, runs nothing
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.filter((a) => a !== '--list').map((p) => path.relative(root, path.resolve(p)));

function find(dir) {
  const out = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...find(rel));
    } else if (entry.name.endsWith('.test.ts') && !entry.name.endsWith('.browser.test.ts')) out.push(rel);
  }
  return out;
}

const files = find('test')
  .filter((f) => only.length === 0 || only.some((o) => f === o || f.startsWith(`${o}${path.sep}`)))
  .sort();
const usesBrowsers = (f) => /\b(describeInBrowsers|useBrowser)\(/.test(readFileSync(path.join(root, f), 'utf8'));
/**
 * How long a file runs, roughly: its size in bytes (about a millisecond of CPU a byte of test), or
 * what its header declares where size misleads, `bj-test-cost: N` (CPU seconds, from
 * `node bench/cpu.mjs`): a short file that builds a 10,000-passage index runs longer than its size says.
 */
function weightOf(f) {
  const declared = /\bbj-test-cost: (\d+)/.exec(readFileSync(path.join(root, f), 'utf8').slice(0, 4000))?.[1];
  return declared ? Number(declared) * 1000 : statSync(path.join(root, f)).size;
}
/** `list`, longest first (ties by name): the order in which to start them. */
const longestFirst = (list) => list.map((f) => ({ f, size: weightOf(f) })).sort((a, b) => b.size - a.size || (a.f < b.f ? -1 : 1));
const shared = files.filter(usesBrowsers);
const rest = longestFirst(files.filter((f) => !usesBrowsers(f))).map(({ f }) => f);
const concurrency = Number(process.env.BJ_TEST_CONCURRENCY) || Math.max(2, availableParallelism());

/** The browser suites dealt out to `n` groups, longest file first, each to the lightest group. */
function groupsOf(suites, n) {
  const groups = Array.from({ length: Math.min(n, suites.length) }, () => ({ files: [], weight: 0 }));
  for (const { f, size } of longestFirst(suites)) {
    const lightest = groups.reduce((a, b) => (b.weight < a.weight ? b : a));
    lightest.files.push(f);
    lightest.weight += size;
  }
  return groups.map((g) => g.files.sort());
}
const e2eGroups = groupsOf(shared, Math.max(1, Number(process.env.BJ_E2E_GROUPS) || 2));

if (args.includes('--list')) {
  console.log(JSON.stringify({ node: rest, browsers: e2eGroups }, null, 2));
  process.exit(0);
}

function run(label, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test-reporter=spec', ...args], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const totals = {};
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        const m = /^ℹ (tests|pass|fail|cancelled) (\d+)/.exec(line);
        if (m) totals[m[1]] = Number(m[2]);
        process.stdout.write(`[${label}] ${line}\n`);
      });
    }
    child.on('close', (code, signal) => resolve({ label, code: code ?? 1, signal, totals, seconds: (Date.now() - started) / 1000 }));
  });
}

const jobs = [];
if (rest.length) jobs.push(run('node', ['--test', `--test-concurrency=${concurrency}`, ...rest]));
e2eGroups.forEach((group, i) => jobs.push(run(`e2e${i + 1}`, ['test/helpers/run-browser-suites.ts', ...group])));
const results = await Promise.all(jobs);

let failed = false;
console.log('\nNode tests:');
for (const r of results) {
  const t = r.totals;
  const ok = r.code === 0 && !t.fail && !t.cancelled;
  failed ||= !ok;
  const files = r.label === 'node' ? rest.length : e2eGroups[Number(r.label.slice(3)) - 1].length;
  console.log(
    `  ${ok ? 'ok  ' : 'FAIL'} ${r.label.padEnd(4)} ${files} files, ${t.tests ?? '?'} tests, ${t.pass ?? 0} passed, ${t.fail ?? 0} failed` +
      `${t.cancelled ? `, ${t.cancelled} cancelled` : ''} in ${r.seconds.toFixed(1)} s${r.code ? ` (exit ${r.code}${r.signal ? `, ${r.signal}` : ''})` : ''}`,
  );
}
process.exit(failed ? 1 : 0);
