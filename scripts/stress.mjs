#!/usr/bin/env node
// `npm run test:stress`: runs the browser tests (web-test-runner, both browsers unless BJ_BROWSERS
// says otherwise) N times while two processes burn a CPU core each, as on a loaded CI machine, and
// reports failures per test. Exit 1 if any test failed in any run.
//
//   npm run test:stress                        5 runs, 2 burners, every browser test file
//   npm run test:stress -- --runs 10 --burners 3
//   npm run test:stress -- "test/components/**/*.browser.test.ts"   only these files
//
// Needs dist/bj-index.json (npm run build). Per-run results: .tmp/stress/run-<n>.json.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args.splice(i, 2)[1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`bj: --${name} takes a whole number`);
  return value;
};
const runs = option('runs', 5);
const burners = option('burners', 2);
const files = args; // globs for web-test-runner; default: its config's files

const outDir = path.join(root, '.tmp', 'stress');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// Busy loops at normal priority, like other jobs on a shared machine.
const burning = Array.from({ length: burners }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopBurners = () => burning.forEach((p) => p.kill('SIGKILL'));
let current; // the running web-test-runner
process.on('exit', () => {
  stopBurners();
  current?.kill('SIGINT'); // it closes its browsers
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function runOnce(n) {
  const results = path.join(outDir, `run-${n}.json`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'web-test-runner'), files, {
      cwd: root,
      env: { ...process.env, BJ_RESULTS: results },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    current = child;
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('close', (code) => {
      current = undefined;
      let tests = [];
      try {
        tests = JSON.parse(readFileSync(results, 'utf8'));
      } catch {
        tests = [
          {
            browser: '-',
            file: '-',
            name: '(run)',
            passed: false,
            error: `web-test-runner exited ${code} without results:\n${log.slice(-2000)}`,
          },
        ];
      }
      if (code !== 0 && tests.every((t) => t.passed)) {
        tests.push({
          browser: '-',
          file: '-',
          name: '(run)',
          passed: false,
          error: `web-test-runner exited ${code}:\n${log.slice(-2000)}`,
        });
      }
      resolve({ n, code, seconds: (Date.now() - started) / 1000, tests });
    });
  });
}

console.log(`stress: ${runs} runs of the browser tests with ${burners} CPU-burning processes alongside`);
const failures = new Map(); // "file › test [browser]" → { count, error }
let total = 0;
for (let n = 1; n <= runs; n++) {
  const r = await runOnce(n);
  const failed = r.tests.filter((t) => !t.passed);
  total += r.tests.length;
  for (const t of failed) {
    const key = `${t.file} › ${t.name} [${t.browser}]`;
    const f = failures.get(key) ?? { count: 0, error: t.error };
    f.count++;
    failures.set(key, f);
  }
  console.log(
    `stress: run ${n}/${runs}: ${r.tests.length} test results, ${failed.length} failed, ${r.seconds.toFixed(0)} s (exit ${r.code})`,
  );
}
stopBurners();

console.log(`\nstress: ${runs} runs, ${total} test results, ${[...failures.values()].reduce((a, f) => a + f.count, 0)} failures`);
if (failures.size) {
  console.log('\nfailures per test (runs failed / runs):');
  for (const [key, f] of [...failures].sort((a, b) => b[1].count - a[1].count)) {
    console.log(
      `  ${f.count}/${runs}  ${key}\n         ${String(f.error ?? '')
        .split('\n')[0]
        .slice(0, 300)}`,
    );
  }
}
process.exit(failures.size ? 1 : 0);
