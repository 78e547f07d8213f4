#!/usr/bin/env node
// Installs what a fresh clone lacks, so that `npm start` and `npm test` are the only two commands
// anyone needs (plain Node: it runs before any package is there).
//
//   node scripts/ensure-install.mjs              npm packages, when one is missing or not the locked version
//   node scripts/ensure-install.mjs --browsers   also the two test browsers (Debian's chromium and
//                                                firefox-esr, with apt-get), when missing
//   node scripts/ensure-install.mjs --always     `npm install` even when everything is there (npm run setup)
//
// Never downloads a browser build (PUPPETEER_SKIP_DOWNLOAD=1, .puppeteerrc.cjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' };
const readJson = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

/** The direct dependencies that are not installed at the version package-lock.json holds. */
function missingPackages() {
  const pkg = readJson('package.json');
  const locked = existsSync(path.join(root, 'package-lock.json')) ? (readJson('package-lock.json').packages ?? {}) : {};
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
  return names.filter((name) => {
    const manifest = path.join(root, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return true;
    const want = locked[`node_modules/${name}`]?.version;
    return want !== undefined && JSON.parse(readFileSync(manifest, 'utf8')).version !== want;
  });
}

/** Browsers the tests launch (web-test-runner.config.mjs, test/helpers/e2e.ts) that are not installed. */
function missingBrowsers() {
  const has = (...names) => names.some((n) => existsSync(path.join('/usr/bin', n)));
  return [has('chromium', 'chromium-browser') ? null : 'chromium', has('firefox-esr', 'firefox') ? null : 'firefox-esr'].filter(Boolean);
}

function sh(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, env, stdio: 'inherit' });
  return r.status === 0;
}

function installBrowsers(names) {
  console.log(`setup: installing ${names.join(' ')} from Debian (apt-get)`);
  const asRoot = process.getuid?.() === 0;
  const apt = (...a) => (asRoot ? sh('apt-get', a) : sh('sudo', ['apt-get', ...a]));
  env.DEBIAN_FRONTEND = 'noninteractive';
  if (!apt('update', '-qq') || !apt('install', '-y', '-qq', ...names)) {
    console.error(
      `bj: could not install ${names.join(' and ')} with apt-get; install them with your system's package manager (the tests use Debian's chromium and firefox-esr) and run the command again`,
    );
    process.exit(1);
  }
}

function installPackages(reason) {
  const started = Date.now();
  console.log(`setup: ${reason}; running npm install`);
  // `npm install`, not `npm ci`: npm 11 rejects this lockfile in `ci` for optional platform packages
  // it never resolved here (npm/cli#9846); install still follows the lockfile. The lockfile pins every
  // version, so registry data in npm's cache is good enough (--prefer-offline: no revalidation of
  // 547 packages; a package not in the cache is fetched as usual).
  if (!sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'])) {
    console.error('bj: npm install failed (see above); fix the problem and run the command again');
    process.exit(1);
  }
  console.log(`setup: packages installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (args.includes('--browsers')) {
  const browsers = missingBrowsers();
  if (browsers.length) installBrowsers(browsers);
}
const missing = missingPackages();
if (args.includes('--always')) installPackages('npm run setup');
else if (missing.length) {
  const named = `${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}`;
  installPackages(existsSync(path.join(root, 'node_modules')) ? `${named} not installed at the locked version` : 'no node_modules/ yet');
}
