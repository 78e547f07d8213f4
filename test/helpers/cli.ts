/**
 * Shared by the bj-index CLI tests: build the bundle, run it as a user would (a process of its own,
 * or its `main` inside the test's process), temp dirs, fixtures.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pruneCli } from '../../scripts/prune-cli.mjs';
import type { CorpusFile } from '../../src/search/types.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bin = join(root, 'bin', 'bj-index.js');
export const fixtures = join(root, 'test', 'cli', 'fixtures', 'corpus');

/** Newest modification time of the files under `dir`, ms. */
function newestUnder(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestUnder(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Makes sure dist/cli/bj-index.js is built from the current src/ (same esbuild command as
 * `npm run build:cli`); reuses it when it is newer than src/, as after `npm run build`. Test files
 * run side by side, so a build goes to a private directory and each file is renamed into place
 * (atomic): a test never runs a half-written bundle.
 */
export function buildCli(): void {
  const out = join(root, 'dist', 'cli');
  const entry = join(out, 'bj-index.js');
  const fresh = existsSync(entry) && existsSync(join(out, 'main.js')) && statSync(entry).mtimeMs > newestUnder(join(root, 'src'));
  if (fresh) return;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const tmp = join(root, 'dist', `.cli-${process.pid}`);
  // `esbuild … --outdir=dist/cli && node … write-validators.ts dist/cli`, each writing to tmp instead.
  const [bundle, ...then] = pkg.scripts['build:cli']!.split(' && ');
  const args = bundle!
    .split(' ')
    .slice(1) // drop "esbuild"
    .map((a) => (a.startsWith('--outdir=') ? `--outdir=${tmp}` : a));
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'esbuild'), args, { cwd: root, stdio: 'inherit' });
    for (const command of then) {
      const [program, ...rest] = command.split(' ');
      assert.equal(program, 'node', `build:cli: ${command}`);
      execFileSync(
        process.execPath,
        rest.map((a) => (a === 'dist/cli' ? tmp : a)),
        { cwd: root, stdio: 'inherit' },
      );
    }
    mkdirSync(out, { recursive: true });
    // Chunks first, the entries last: an entry only appears once what it imports is there, and
    // bj-index.js (whose date says the bundle is current) after main.js.
    const rank = (f: string) => ['main.js', 'bj-index.js'].indexOf(f);
    const built = readdirSync(tmp).sort((a, b) => rank(a) - rank(b));
    for (const f of built) renameSync(join(tmp, f), join(out, f));
    // The chunks of an earlier bundle (other hashes) go, as `npm run build:cli` removes them.
    pruneCli(out);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/bj-index.js ...args` in `cwd`, feeding `input` to stdin. */
export function run(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? root,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Runs `bj-index ...args` as {@link run} does, but inside this process: the `main` of the same
 * bundle (dist/cli/main.js exports the function that dist/cli/bj-index.js runs on the process's
 * arguments), given `input` as its standard input and writing to strings instead of the process's
 * streams. It resolves with the exit code `main` returns, the one the process exits with; a build
 * starts its worker threads as the command does. What a process loads once (the bundle's modules,
 * the dictionaries) then serves every command of the test file, which is most of a small
 * command's time.
 *
 * For a test about the command's output, exit code and files. A test about the process itself
 * (a signal, a kill, two builds at once, its pid in a lock file, the bin wrapper, another working
 * folder or environment, the disk caches a new process reads) uses {@link run}.
 */
export async function runInProcess(args: string[], options: { input?: string } = {}): Promise<RunResult> {
  buildCli();
  const { main } = (await import(pathToFileURL(join(root, 'dist', 'cli', 'main.js')).href)) as typeof import('../../src/cli/main.js');
  const captured = () => {
    let text = '';
    const stream = new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, done) {
        text += String(chunk);
        done();
      },
    });
    return { stream, text: () => text };
  };
  const stdout = captured();
  const stderr = captured();
  const code = await main(args, { stdin: Readable.from([Buffer.from(options.input ?? '')]), stdout: stdout.stream, stderr: stderr.stream });
  return { code, signal: null, stdout: stdout.text(), stderr: stderr.text() };
}

/** Adds the names (relative to `path`) and contents of the files at or under `path` to `hash`. */
function hashFiles(hash: Hash, path: string): void {
  const files = statSync(path).isDirectory()
    ? readdirSync(path, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
        .sort()
    : [path];
  for (const f of files) hash.update(`${relative(path, f)}\0`).update(readFileSync(f));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether process `pid` is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` unless another process holds `lock` (a folder: creating one is atomic), in which case
 * it waits until that process is done (its lock gone, or it died) and resolves to false: test files
 * and the two e2e groups that run side by side start the same build at once, and one is enough.
 */
export async function once(lock: string, work: () => Promise<void>): Promise<boolean> {
  for (;;) {
    try {
      mkdirSync(lock);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // Not written yet, or the lock is just gone.
      }
      if (owner && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
      if (!existsSync(lock)) return false;
      continue;
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      await work();
      return true;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * Writes at `out` what `bj-index build ...inputs ...options -o out` writes (the index and its
 * lexicon or parts folder), for a test whose subject is what is done with a built index (queried,
 * tampered with, rebuilt over), not the build itself. The build runs once per set of inputs, into a
 * cache folder in the system temp folder, and every such test gets a copy: a build writes the same
 * bytes whatever folder it writes to, so the copy is what the test would have built. The cache is
 * keyed by the CLI bundle, the locked packages, the options, the output's file name and the
 * inputs' contents (paths are relative to the repository); test files run side by side, so a build
 * goes to a private folder that is renamed into place.
 */
export async function copyOfBuild(inputs: string[], options: string[], out: string): Promise<void> {
  buildCli();
  const hash = createHash('sha256').update(JSON.stringify({ options, name: basename(out) }));
  hashFiles(hash, join(root, 'dist', 'cli'));
  hashFiles(hash, join(root, 'package-lock.json'));
  for (const input of inputs) hashFiles(hash, resolve(root, input));
  const caches = join(tmpdir(), 'bj-test-builds');
  const cache = join(caches, hash.digest('hex').slice(0, 16));
  mkdirSync(caches, { recursive: true });
  const buildHere = async () => {
    if (existsSync(cache)) return;
    const work = `${cache}.${process.pid}`;
    rmSync(work, { recursive: true, force: true });
    const r = await runInProcess(['build', ...inputs, ...options, '-o', join(work, basename(out))]);
    assert.equal(r.code, 0, r.stderr);
    try {
      renameSync(work, cache);
    } catch {
      rmSync(work, { recursive: true, force: true }); // another test file built the same first
    }
    // Builds of other sources are of no more use once a day old.
    for (const old of readdirSync(caches)) {
      const other = join(caches, old);
      if (other !== cache && Date.now() - statSync(other).mtimeMs > DAY_MS) rmSync(other, { recursive: true, force: true });
    }
  };
  while (!existsSync(cache) && !(await once(`${cache}.lock`, buildHere))) {
    // Another test file's build of the same ended: use it, or build here if it failed.
  }
  const now = new Date();
  utimesSync(cache, now, now); // in use: not one of the day-old ones
  mkdirSync(dirname(out), { recursive: true });
  cpSync(cache, dirname(out), { recursive: true });
}

/** A fresh temp directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bj-index-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function readFixture(name: 'glossary.json' | 'plan.json'): CorpusFile {
  return JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as CorpusFile;
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
