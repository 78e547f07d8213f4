// Runs on `npm install` / `npm ci` in a clone of bj-policy-widgets: bundles the bj-index CLI
// (`build:cli` → dist/cli/) and builds the search index from data/ (`build:index` →
// dist/bj-index.json), so `npx bj-index query 监管沙盒 --json` works right after setup.
// Invalid data fails the install with the `bj:` messages: the data in the repo must always be valid.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bin = join(root, 'node_modules', '.bin');

// `npm install --package-lock-only` and dry runs run prepare too, without installing anything.
if (process.env.npm_config_package_lock_only === 'true' || process.env.npm_config_dry_run === 'true') {
  console.log('prepare: lockfile-only or dry run, nothing to build');
  process.exit(0);
}

if (!existsSync(join(bin, process.platform === 'win32' ? 'esbuild.cmd' : 'esbuild'))) {
  console.error(
    'bj: prepare needs esbuild, a devDependency, to bundle the bj-index CLI; run `npm install` (without --omit=dev) and try again',
  );
  process.exit(1);
}

/** Runs a package.json script the way `npm run` does, without starting another npm. */
function run(name) {
  const started = performance.now();
  const result = spawnSync(scripts[name], {
    cwd: root,
    shell: true,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
  });
  if (result.status !== 0) {
    console.error(
      `bj: prepare failed in \`npm run ${name}\` (exit ${result.status ?? result.signal}); fix the problem above and run \`npm run prepare\` again`,
    );
    process.exit(1);
  }
  return Math.round(performance.now() - started);
}

// Old code-split chunks would otherwise pile up in dist/cli/.
rmSync(join(root, 'dist', 'cli'), { recursive: true, force: true });
const cliMs = run('build:cli');
console.log(`prepare: bundled dist/cli/bj-index.js (${cliMs} ms)`);
run('build:index');
