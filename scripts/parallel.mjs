#!/usr/bin/env node
// Runs npm scripts side by side, each output line prefixed with its script's name, and says how long
// each took; exits 1 if any failed (after all have finished, so every failure is shown).
//   node scripts/parallel.mjs typecheck lint
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const scripts = process.argv.slice(2);
if (!scripts.length) throw new Error('bj: name the npm scripts to run, e.g. `node scripts/parallel.mjs typecheck lint`');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const width = Math.max(...scripts.map((s) => s.length));

const results = await Promise.all(
  scripts.map(
    (script) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(npm, ['run', '--silent', script], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, FORCE_COLOR: '0' },
        });
        for (const stream of [child.stdout, child.stderr]) {
          createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${script.padEnd(width)}] ${line}\n`));
        }
        child.on('close', (code, signal) => resolve({ script, code: code ?? 1, signal, seconds: (Date.now() - started) / 1000 }));
      }),
  ),
);
for (const r of results) {
  console.log(
    `${r.code === 0 ? 'ok  ' : 'FAIL'} npm run ${r.script} (${r.seconds.toFixed(1)} s${r.code ? `, exit ${r.code}${r.signal ? ` ${r.signal}` : ''}` : ''})`,
  );
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
