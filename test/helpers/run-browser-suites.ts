/**
 * Runs the puppeteer suites given on the command line (test/e2e/*.test.ts, test/hardening/csp.test.ts)
 * in one process, so that they share one server and one Chromium and one Firefox ESR
 * (`holdShared` in ./e2e.ts) instead of each suite launching its own. scripts/test-node.mjs picks
 * the files (those that call `useBrowser`); each file still runs on its own with `node --test`.
 * When a suite needs the large-site fixture, its build starts first, in a child process, and runs
 * while the suites before it use the browsers (./site-fixture.ts).
 *
 *   node --import tsx test/helpers/run-browser-suites.ts test/e2e/demo.test.ts …
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe } from 'node:test';
import { pathToFileURL } from 'node:url';
import { holdShared } from './e2e.js';
import { prebuildSiteFixture } from './site-fixture.js';

const files = process.argv.slice(2);
if (files.length === 0) throw new Error('bj: name the suites to run, e.g. test/e2e/demo.test.ts');
if (files.some((f) => readFileSync(f, 'utf8').includes('siteFixture('))) prebuildSiteFixture();

describe('browser suites (one server, one browser per kind)', async () => {
  const release = holdShared();
  after(release);
  for (const file of files) await import(pathToFileURL(path.resolve(file)).href);
});
