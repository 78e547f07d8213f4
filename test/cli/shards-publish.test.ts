/**
 * Publishing a sharded index in place: what readers of the published folder see while and after
 * `bj-index build` rewrites it (interrupted, killed, or racing a second build to the same `-o`).
 *
 * bj-test-cost: 25 (CPU seconds, `node bench/cpu.mjs`: scripts/test-node.mjs starts long files first)
 */
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ShardManifest } from '../../src/search/shards/format.js';
import { partFiles } from '../../src/search/shards/part-names.js';
import { bin, buildCli, copyOfBuild, fixtures, root, run, runInProcess, tempDir } from '../helpers/cli.js';

interface Entry {
  hash: string;
  shards: ShardManifest;
}

/** The entry's parts that are missing or belong to another build (what a reader would refuse). */
function brokenParts(entryPath: string): string[] {
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as Entry;
  const folder = join(entryPath, '..', entry.shards.base);
  const names = partFiles(entry.shards, entry.hash);
  assert.ok(
    names.some((n) => n.startsWith('passages-')),
    'the entry names passage parts (by list or by rule)',
  );
  const bad: string[] = [];
  for (const name of names) {
    const path = join(folder, name);
    if (!existsSync(path)) bad.push(`${name} (missing)`);
    else if ((JSON.parse(readFileSync(path, 'utf8')) as { index: string }).index !== entry.hash) bad.push(`${name} (another build)`);
  }
  return bad;
}

/** Starts a build; resolves once it has put a new file in `folder`, with the child still running. */
function buildUntilItWrites(args: string[], folder: string) {
  const since = Date.now();
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const writing = new Promise<void>((resolve, reject) => {
    const watcher = watch(folder, (_event, name) => {
      if (!name || name.startsWith('.')) return;
      const info = statSync(join(folder, name), { throwIfNoEntry: false });
      if (info && info.mtimeMs >= since) {
        watcher.close();
        resolve();
      }
    });
    void exited.then(() => {
      watcher.close();
      reject(new Error(`the build ended before writing a part: ${stderr}`));
    });
  });
  return { child, writing, exited, stderr: () => stderr };
}

describe('bj-index build --shards, published in place', () => {
  const { dir, cleanup } = tempDir();
  // A site large enough that writing its parts takes a while, and a small one.
  const large = join(dir, 'large');
  const small = join(dir, 'small');
  before(() => {
    buildCli();
    execFileSync(process.execPath, [join(root, 'bench', 'site-gen.mjs'), '--passages', '800', '--out', large]);
    execFileSync(process.execPath, [join(root, 'bench', 'site-gen.mjs'), '--passages', '60', '--out', small]);
  });
  after(cleanup);
  /**
   * A sharded build of a site published at `host` (another host: another build). The large site is
   * built with the package's data/, the small one with the two-file test corpus: what these tests
   * check is how an index is published, which needs a build long enough to stop while it writes
   * parts, and otherwise any build at all.
   */
  const buildArgs = (out: string, host = 'example.gov.cn', site = large) =>
    [
      'build',
      site === large ? 'data' : fixtures,
      '--site',
      site,
      '--base-url',
      `https://${host}/`,
      '--shards',
      'always',
      '-o',
      out,
    ] as string[];

  for (const signal of ['SIGKILL', 'SIGINT'] as const) {
    it(`keeps the old index whole when a rebuild is stopped by ${signal} while writing parts`, async () => {
      const out = join(dir, signal, 'bj-index.json');
      await copyOfBuild(['data'], buildArgs(out).slice(2, -2), out); // the index published before
      const oldEntry = readFileSync(out, 'utf8');
      const build = buildUntilItWrites(buildArgs(out, 'www.example.gov.cn'), join(dir, signal, 'bj-index'));
      await build.writing;
      build.child.kill(signal);
      await build.exited;
      assert.equal(readFileSync(out, 'utf8'), oldEntry, 'the entry file is the old one');
      assert.deepEqual(brokenParts(out), [], 'every part of the old entry is there, from its build');
      const query = await runInProcess(['query', 'policy supervision', '--index', out, '--limit', '50']);
      assert.equal(query.code, 0, query.stderr);
      assert.doesNotMatch(query.stderr, /another build/);
      const visible = readdirSync(join(dir, signal, 'bj-index')).filter((n) => !n.startsWith('.'));
      const empty = visible.filter((n) => statSync(join(dir, signal, 'bj-index', n)).size === 0);
      assert.deepEqual(empty, [], 'no empty file a reader could fetch');

      const again = await runInProcess(buildArgs(out, 'example.gov.cn'));
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual(brokenParts(out), []);
      const left = readdirSync(join(dir, signal, 'bj-index'));
      assert.deepEqual(
        left.filter((n) => n.startsWith('.')),
        [],
        'temp files of the stopped build removed',
      );
      const hash = (JSON.parse(readFileSync(out, 'utf8')) as Entry).hash;
      assert.deepEqual([...new Set(left.map((n) => n.split('.')[1]))], [hash], "the stopped build's parts removed");
    });
  }

  it('replaces the entry after its parts and keeps the replaced build for readers that hold its entry', async () => {
    const out = join(dir, 'generations', 'bj-index.json');
    const hosts = ['a.example.gov.cn', 'b.example.gov.cn', 'c.example.gov.cn'];
    const entries: Entry[] = [];
    for (const host of hosts) {
      const r = await runInProcess(buildArgs(out, host, small));
      assert.equal(r.code, 0, r.stderr);
      entries.push(JSON.parse(readFileSync(out, 'utf8')) as Entry);
    }
    const hashes = new Set(readdirSync(join(dir, 'generations', 'bj-index')).map((n) => n.split('.')[1]));
    assert.deepEqual([...hashes].sort(), [entries[1]!.hash, entries[2]!.hash].sort(), 'the newest two builds, not the first');
  });

  it('lets one of two builds to the same -o write, and the other says which build holds the lock', async () => {
    const out = join(dir, 'race', 'bj-index.json');
    // Two processes, as two editors' builds are: each holds the lock under its own pid.
    const [a, b] = await Promise.all([run(buildArgs(out, 'a.example.gov.cn', small)), run(buildArgs(out, 'b.example.gov.cn', small))]);
    const codes = [a.code, b.code].sort();
    assert.ok(codes[0] === 0, `one build succeeds: ${a.stderr}${b.stderr}`);
    if (codes[1] !== 0) {
      const refused = a.code === 0 ? b : a;
      assert.match(
        refused.stderr,
        /^bj: another bj-index build \(pid \d+\) is writing .*bj-index\.json \(lock file .*\.bj-index\.json\.lock\)/m,
      );
    }
    assert.deepEqual(brokenParts(out), [], 'the published index is one complete build');
    assert.equal(existsSync(join(dir, 'race', '.bj-index.json.lock')), false, 'lock released');
  });

  it('refuses while a running build holds the lock, and takes over the lock of a killed build', async () => {
    const out = join(dir, 'locked', 'bj-index.json');
    mkdirSync(join(dir, 'locked'), { recursive: true });
    const lock = join(dir, 'locked', '.bj-index.json.lock');
    writeFileSync(lock, `${process.pid}\n`); // this test runner: a live process
    const refused = await run(['build', fixtures, '-o', out]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, new RegExp(`^bj: another bj-index build \\(pid ${process.pid}\\) is writing`, 'm'));
    assert.equal(existsSync(out), false);
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('close', resolve));
    writeFileSync(lock, `${dead.pid}\n`);
    const took = await run(['build', fixtures, '-o', out]);
    assert.equal(took.code, 0, took.stderr);
    assert.equal(existsSync(lock), false);
  });

  it('refuses a symbolic link as the output or the parts folder of a sharded index, and deletes nothing through one', async () => {
    const real = join(dir, 'real');
    mkdirSync(join(real, 'bj-index'), { recursive: true });
    writeFileSync(join(real, 'bj-index', 'terms-000.json'), '{}');
    mkdirSync(join(dir, 'linked'), { recursive: true });
    symlinkSync(join(real, 'bj-index'), join(dir, 'linked', 'bj-index'));
    const folder = await runInProcess(['build', fixtures, '--shards', 'always', '-o', join(dir, 'linked', 'bj-index.json')]);
    assert.equal(folder.code, 1);
    assert.match(folder.stderr, /^bj: cannot write .*bj-index\.json: its parts folder .* is a symbolic link/m);
    assert.ok(existsSync(join(real, 'bj-index', 'terms-000.json')), 'nothing deleted through the link');
    const never = await runInProcess(['build', fixtures, '--shards', 'never', '-o', join(dir, 'linked', 'bj-index.json')]);
    assert.equal(never.code, 0, never.stderr);
    assert.ok(existsSync(join(real, 'bj-index', 'terms-000.json')), 'nothing deleted through the link');

    writeFileSync(join(real, 'target.json'), '{}');
    symlinkSync(join(real, 'target.json'), join(dir, 'linked', 'entry.json'));
    const entry = await runInProcess(['build', fixtures, '--shards', 'always', '-o', join(dir, 'linked', 'entry.json')]);
    assert.equal(entry.code, 1);
    assert.match(entry.stderr, /^bj: cannot write .*entry\.json: it is a symbolic link; a sharded index is a file and a folder/m);
    assert.ok(lstatSync(join(dir, 'linked', 'entry.json')).isSymbolicLink());
  });
});
