// Browser tests run in Debian's Chromium and Firefox ESR; nothing downloads a browser.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { defaultReporter } from '@web/test-runner';
import { existsSync, readFileSync } from 'node:fs';
import { jsonReporter } from './test/helpers/json-reporter.mjs';
import { hardeningMiddleware } from './test/helpers/middleware.mjs';

process.env.PUPPETEER_SKIP_DOWNLOAD = '1';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const firefox = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
const only = process.env.BJ_BROWSERS?.split(',');
const want = (name) => !only || only.includes(name);

const browsers = [];
if (want('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
      // One page at a time: a page that is not in front is `hidden`, and its animation frames and
      // timers stall, which breaks real-input tests (hover delays, popover placement).
      concurrency: 1,
    }),
  );
}
if (want('firefox')) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: firefox,
        headless: true,
        extraPrefsFirefox: {
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'network.captive-portal-service.enabled': false,
        },
      },
      concurrency: 1,
    }),
  );
}

// Runs in every test page before the test framework: fails a test on a ResizeObserver loop error.
const guard = readFileSync(new URL('./test/helpers/resize-observer-guard.js', import.meta.url), 'utf8');

export default {
  files: ['test/**/*.browser.test.ts'],
  nodeResolve: true,
  // Test-only endpoints under /__bj/ (raw files, failing and slow index answers).
  middleware: [hardeningMiddleware],
  browsers,
  concurrency: 2,
  // 20 s: a test that waits on a loaded 2-core CI machine (esbuild compiling its modules, the index loading) is not a hang.
  testFramework: { config: { timeout: 20000 } },
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script>${guard}</script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  testsFinishTimeout: 300000,
  browserStartTimeout: 60000,
  // BJ_RESULTS=file.json also writes each test's outcome per browser there (scripts/stress.mjs).
  reporters: process.env.BJ_RESULTS ? [defaultReporter(), jsonReporter(process.env.BJ_RESULTS)] : [defaultReporter()],
  plugins: [esbuildPlugin({ ts: true, json: false, tsconfig: './tsconfig.json', target: 'es2022' })],
};
