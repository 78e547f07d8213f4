#!/usr/bin/env node
// Runs npm scripts side by side, each output line prefixed with its script's name, and says how long
// each took; exits 1 if any failed (after all have finished, so every failure is shown). Scripts
// after `--nice` run at a lower CPU priority: they take what the others leave (npm test runs the
// static checks beside the tests that way, and the timing-sensitive browser tests keep the CPU).
//   node scripts/parallel.mjs typecheck lint
//   node scripts/parallel.mjs test:node test:browser --nice typecheck lint
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const niceFrom = args.includes('--nice') ? args.indexOf('--nice') : args.length;
const scripts = args.filter((a) => a !== '--nice');
if (!scripts.length) throw new Error('bj: name the npm scripts to run, e.g. `node scripts/parallel.mjs typecheck lint`');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const width = Math.max(...scripts.map((s) => s.length));
const FAILURE = /❌|✖|✘|\bnot ok\b|\bfail(ed|ure)?\b|Error\b|error TS|Timed out|timed out/i;
const NO_FAILURE = /\b0 failed\b|\bfail 0\b|\b0 failures?\b/;
const MAX_FAILURE_LINES = 60;

const results = await Promise.all(
  scripts.map(
    (script, i) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(npm, ['run', '--silent', script], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, FORCE_COLOR: '0' },
        });
        // Set before npm starts the script's own processes, which inherit it.
        if (i >= niceFrom && child.pid) {
          try {
            setPriority(child.pid, 10);
          } catch {
            // Not permitted here: the script runs at normal priority.
          }
        }
        // Lines that name a failure, kept to repeat after the summary: a CI log that shows only its
        // tail still says which test failed and why.
        const failures = [];
        for (const stream of [child.stdout, child.stderr]) {
          createInterface({ input: stream }).on('line', (line) => {
            process.stdout.write(`[${script.padEnd(width)}] ${line}\n`);
            if (FAILURE.test(line) && !NO_FAILURE.test(line) && failures.length < MAX_FAILURE_LINES) failures.push(line);
          });
        }
        child.on('close', (code, signal) => resolve({ script, code: code ?? 1, signal, seconds: (Date.now() - started) / 1000, failures }));
      }),
  ),
);
for (const r of results) {
  console.log(
    `${r.code === 0 ? 'ok  ' : 'FAIL'} npm run ${r.script} (${r.seconds.toFixed(1)} s${r.code ? `, exit ${r.code}${r.signal ? ` ${r.signal}` : ''}` : ''})`,
  );
}
for (const r of results.filter((x) => x.code !== 0 && x.failures.length)) {
  console.log(`\nnpm run ${r.script} failed; its lines that name a failure:`);
  for (const line of r.failures) console.log(`  ${line}`);
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
