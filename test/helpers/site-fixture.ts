/**
 * The large-site fixture of test/e2e/sharded-site.test.ts: a district site of 10,000 passages
 * (bench/site-gen.mjs) indexed with `bj-index build --site` (sharded), in the system temp folder,
 * keyed by the generator's inputs and the builder's sources, so it is built once and reused until
 * one of them changes (a build takes about 25 s of CPU). Both e2e groups need it and start it at
 * once: one builds it while the other waits (a lock folder beside it).
 *
 * `prebuildSiteFixture()` starts that build in a child process of its own, so that it runs while
 * other suites use the browsers (test/helpers/run-browser-suites.ts calls it first);
 * `siteFixture()` waits for it, or builds the fixture itself when nothing started it.
 *
 *   node --import tsx test/helpers/site-fixture.ts      builds it (prints its folder)
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// @ts-expect-error -- plain ESM bench script without types
import { generateSite } from '../../bench/site-gen.mjs';
import { buildCli, once, root, run } from './cli.js';

export const PASSAGES = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;
export const BASE_URL = 'https://district.example.gov.cn/';

/** Every file under `dir` (relative paths), sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The cache key: the generator, its data, the builder (search core + CLI), and the options. */
function fixtureKey(): string {
  const hash = createHash('sha256').update(JSON.stringify({ PASSAGES, BASE_URL }));
  for (const dir of ['bench/site-gen.mjs', 'bench/lib', 'data', 'src/search', 'src/cli']) {
    const full = path.join(root, dir);
    const files = statSync(full).isDirectory() ? filesUnder(full).map((f) => path.join(full, f)) : [full];
    for (const f of files) hash.update(f).update(readFileSync(f));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Builds the fixture unless it is there; resolves to its index folder (bj-index.json + bj-index/). */
async function build(): Promise<string> {
  const dir = path.join(tmpdir(), `bj-e2e-sharded-${fixtureKey()}`);
  const www = path.join(dir, 'www');
  const done = () => existsSync(path.join(www, 'bj-index.json'));
  const buildHere = async () => {
    if (!done()) await buildInto(dir);
  };
  while (!done() && !(await once(`${dir}.lock`, buildHere))) {
    // The other process's build ended: use it, or build here if it failed.
  }
  return www;
}

/** Generates the site and builds its index into `dir` (through a temp folder renamed into place). */
async function buildInto(dir: string): Promise<void> {
  const www = path.join(dir, 'www');
  const work = `${dir}.${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  generateSite({ passages: PASSAGES, out: path.join(work, 'site') });
  buildCli();
  const out = path.join(work, 'www', 'bj-index.json');
  const built = await run(['build', 'data', '--site', path.join(work, 'site'), '--base-url', BASE_URL, '-o', out]);
  assert.equal(built.code, 0, built.stderr);
  assert.match(built.stdout, /keyword catalogue; \d+ parts/, 'a 10,000-passage site is sharded under --shards auto');
  // Another process (the other e2e group) may have finished the same fixture first, and its tests
  // read it now: keep that one rather than replace it under them.
  if (existsSync(path.join(www, 'bj-index.json'))) {
    rmSync(work, { recursive: true, force: true });
    return;
  }
  rmSync(dir, { recursive: true, force: true }); // an interrupted build's leftovers
  mkdirSync(path.dirname(dir), { recursive: true });
  renameSync(work, dir);
  // Fixtures of earlier sources are of no more use once a day old (another checkout on this
  // machine, with other sources, may be using its own right now).
  for (const old of readdirSync(tmpdir())) {
    const other = path.join(tmpdir(), old);
    if (/^bj-e2e-sharded-[0-9a-f]{16}$/.test(old) && other !== dir && Date.now() - statSync(other).mtimeMs > DAY_MS)
      rmSync(other, { recursive: true, force: true });
  }
}

let pending: Promise<void> | undefined;

/** Starts building the fixture in a child process; a failure there is left to `siteFixture()` to report. */
export function prebuildSiteFixture(): void {
  pending ??= new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { cwd: root, stdio: 'ignore' });
    child.on('error', () => resolve());
    child.on('close', () => resolve());
  });
}

/** The fixture's index folder: waits for a prebuild, else builds it here. */
export async function siteFixture(): Promise<string> {
  await pending;
  return build();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  build().then(
    (www) => console.log(www),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
