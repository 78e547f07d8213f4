/** Shared by the bj-index CLI tests: build the bundle, run it as a user would, temp dirs, fixtures. */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  if (existsSync(entry) && statSync(entry).mtimeMs > newestUnder(join(root, 'src'))) return;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const tmp = join(root, 'dist', `.cli-${process.pid}`);
  const args = pkg.scripts['build:cli']!.split(' ')
    .slice(1) // drop "esbuild"
    .map((a) => (a.startsWith('--outdir=') ? `--outdir=${tmp}` : a));
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'esbuild'), args, { cwd: root, stdio: 'inherit' });
    mkdirSync(out, { recursive: true });
    // Chunks first, the entry last: the entry only appears once what it imports is there.
    const built = readdirSync(tmp).sort((a, b) => Number(a === 'bj-index.js') - Number(b === 'bj-index.js'));
    for (const f of built) renameSync(join(tmp, f), join(out, f));
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
