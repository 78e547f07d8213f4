/**
 * `npm start` and `npm test` are the first commands on a fresh clone: they install the npm packages
 * when one is missing or not the locked version (scripts/ensure-install.mjs), and leave an installed
 * clone alone. Run here in a copy of the script next to a small package.json, with a stand-in `npm`
 * on PATH that records its arguments and "installs" the locked versions.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/ensure-install.mjs', import.meta.url));
const locked = { lit: '3.3.1', vite: '7.1.0' };

describe('npm start / npm test on a fresh clone', () => {
  let dir: string;
  let calls: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bj-ensure-install-'));
    mkdirSync(path.join(dir, 'scripts'));
    mkdirSync(path.join(dir, 'bin'));
    copyFileSync(script, path.join(dir, 'scripts', 'ensure-install.mjs'));
    const json = (file: string, value: unknown) => writeFileSync(path.join(dir, file), JSON.stringify(value));
    json('package.json', { name: 'clone', dependencies: { lit: '^3.3.1' }, devDependencies: { vite: '^7.1.0' } });
    json('package-lock.json', {
      packages: Object.fromEntries(Object.entries(locked).map(([name, version]) => [`node_modules/${name}`, { version }])),
    });
    calls = path.join(dir, 'npm-calls.txt');
    // The stand-in npm: records its arguments, then installs every locked package.
    const npm = path.join(dir, 'bin', 'npm');
    writeFileSync(
      npm,
      `#!/bin/sh
echo "$*" >> "${calls}"
${Object.entries(locked)
  .map(([name, version]) => `mkdir -p node_modules/${name} && echo '{"version":"${version}"}' > node_modules/${name}/package.json`)
  .join('\n')}
`,
    );
    chmodSync(npm, 0o755);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const ensure = () =>
    spawnSync(process.execPath, [path.join(dir, 'scripts', 'ensure-install.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` },
    });
  const npmCalls = () => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : []);

  it('installs the packages of a clone that has no node_modules/', () => {
    const r = ensure();
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /no node_modules\/ yet; running npm install/);
    assert.deepEqual(npmCalls(), ['install --prefer-offline --no-audit --no-fund']);
  });

  it('does not run npm again once everything is installed', () => {
    const r = ensure();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(npmCalls().length, 1);
  });

  it('installs again when a package is not the version package-lock.json holds (after a pull)', () => {
    writeFileSync(path.join(dir, 'node_modules', 'vite', 'package.json'), '{"version":"6.0.0"}');
    const r = ensure();
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /vite not installed at the locked version; running npm install/);
    assert.equal(npmCalls().length, 2);
  });

  it('says what to do when npm install fails', () => {
    rmSync(path.join(dir, 'node_modules'), { recursive: true });
    writeFileSync(path.join(dir, 'bin', 'npm'), '#!/bin/sh\nexit 1\n');
    const r = ensure();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^bj: npm install failed/m);
  });
});
