#!/usr/bin/env node
// Where a command's CPU time goes, per Node process: each test file, each `bj-index` run, tsc, eslint,
// web-test-runner (with the browsers it waited for). CPU seconds, not wall time, so that runs on a
// machine shared with other jobs can be compared. Linux only.
//
//   node bench/cpu.mjs -- npm test                 the whole suite
//   node bench/cpu.mjs --top 60 -- npm run test:node -- test/cli
//   node bench/cpu.mjs --log cpu.jsonl -- npm test  keeps the per-process records (JSON lines)
//
// Prints the command's total (user + system, its whole process tree), then the heaviest processes:
// "total" is the process and the children it waited for, "self" the process alone; `bj-index` runs
// are also summed by subcommand, as the CLI tests spend most of their time in them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
if (dash < 0 || dash === args.length - 1) {
  console.error('usage: node bench/cpu.mjs [--top N] [--log FILE] -- COMMAND [ARGS…]');
  process.exit(2);
}
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i < dash ? args[i + 1] : undefined;
};
const top = Number(option('top') ?? 40);
const dir = option('log') ? undefined : mkdtempSync(path.join(tmpdir(), 'bj-cpu-'));
const log = option('log') ? path.resolve(option('log')) : path.join(dir, 'cpu.jsonl');
const hook = new URL('./lib/cpu-hook.mjs', import.meta.url).href;

/** CPU seconds of this process's waited-for children (/proc/self/stat cutime + cstime). */
function childrenCpu() {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(f[13]) + Number(f[14])) / 100;
}

const started = Date.now();
const [command, ...commandArgs] = args.slice(dash + 1);
const child = spawn(command, commandArgs, {
  stdio: 'inherit',
  env: { ...process.env, BJ_CPU_LOG: log, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${hook}`.trim() },
});
const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
const wall = (Date.now() - started) / 1000;

const records = readFileSync(log, 'utf8')
  .trim()
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const short = (argv) => argv.replaceAll(`${process.cwd()}/`, '').replace(/^.*node_modules\/\.bin\//, '');
const bjIndex = new Map();
for (const r of records) {
  const m = /bin\/bj-index\.js (\S+)/.exec(r.argv);
  if (!m) continue;
  const sum = bjIndex.get(m[1]) ?? { runs: 0, cpu: 0 };
  sum.runs += 1;
  sum.cpu += r.self;
  bjIndex.set(m[1], sum);
}

console.log(`\ncpu: ${command} ${commandArgs.join(' ')}: ${childrenCpu().toFixed(1)} s CPU, ${wall.toFixed(1)} s wall, exit ${code}`);
console.log('   total     self    wall  process');
for (const r of records
  .filter((x) => !/bin\/bj-index\.js /.test(x.argv))
  .sort((a, b) => b.self + b.children - (a.self + a.children))
  .slice(0, top)) {
  const total = r.self + r.children;
  console.log(
    `${total.toFixed(1).padStart(8)} ${r.self.toFixed(1).padStart(8)} ${String(r.wall).padStart(7)}  ${short(r.argv).slice(0, 140)}`,
  );
}
if (bjIndex.size) {
  console.log('\nbj-index runs (CPU s):');
  for (const [sub, s] of [...bjIndex].sort((a, b) => b[1].cpu - a[1].cpu))
    console.log(`${s.cpu.toFixed(1).padStart(8)}  ${s.runs} × ${sub}`);
}
if (dir) rmSync(dir, { recursive: true, force: true });
process.exit(code);
