/**
 * End-to-end helpers: the repository's own static server (scripts/serve.mjs, strict CSP on HTML),
 * real Chromium and Firefox ESR through puppeteer-core, and a console recorder.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { after, before, describe } from 'node:test';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { TermEntry } from '../../src/search/types.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Fails with a useful message when the bundles are not built (npm test builds first). */
export function requireDist(): void {
  for (const f of ['bj-policy-widgets.js', 'bj-policy-widgets.iife.js', 'bj-index.json']) {
    if (!existsSync(path.join(root, 'dist', f))) {
      throw new Error(`bj: dist/${f} is missing; run \`npm run build\` before the e2e tests (npm test does)`);
    }
  }
}

interface ServeModule {
  startServer(options: { port?: number; host?: string }): Promise<{ server: Server; url: string }>;
  CSP: string;
}

export interface Served {
  url: string;
  csp: string;
  stop: () => Promise<void>;
}

/**
 * While a run holds them (`holdShared`, called by test/helpers/run-browser-suites.ts), every suite
 * gets the same server and one browser per kind; `stop()` and `releaseBrowser()` then do nothing
 * and the run closes them at its end. A file run on its own starts and closes its own.
 */
let holding = false;
let sharedServer: Promise<Served> | undefined;
const sharedBrowsers = new Map<BrowserName, Promise<Browser>>();

/** Keeps the server and browsers up for every suite until the returned function closes them. */
export function holdShared(): () => Promise<void> {
  holding = true;
  return async () => {
    holding = false;
    const browsers = await Promise.allSettled(sharedBrowsers.values());
    const server = sharedServer ? await sharedServer.catch(() => undefined) : undefined;
    sharedBrowsers.clear();
    sharedServer = undefined;
    await Promise.all(browsers.map((b) => (b.status === 'fulfilled' ? b.value.close() : undefined)));
    await server?.stop();
  };
}

/** scripts/serve.mjs on a free port (shared while a run holds it); resolves to its base URL and a stop function. */
export async function serve(): Promise<Served> {
  if (!holding) return startServe();
  sharedServer ??= startServe();
  const served = await sharedServer;
  return { ...served, stop: async () => undefined };
}

/** A browser for a suite: the run's shared one while it holds them, else a new one. */
export function useBrowser(name: BrowserName): Promise<Browser> {
  if (!holding) return launch(name);
  let browser = sharedBrowsers.get(name);
  if (!browser) {
    browser = launch(name);
    sharedBrowsers.set(name, browser);
  }
  return browser;
}

/**
 * `describe('in <browser>')` for each browser of the run, with a browser of that kind held for the
 * block (`useBrowser`, released after it): `browser()` returns it inside the block's tests.
 */
export function describeInBrowsers(body: (browser: () => Browser, browserName: BrowserName) => void): void {
  for (const browserName of browserNames()) {
    describe(`in ${browserName}`, () => {
      let browser: Browser | undefined;
      before(async () => {
        browser = await useBrowser(browserName);
      });
      after(() => releaseBrowser(browser));
      body(() => browser!, browserName);
    });
  }
}

/** Closes a browser from `useBrowser`, unless the run shares it. */
export async function releaseBrowser(browser: Browser | undefined): Promise<void> {
  if (!holding) await browser?.close();
}

/** Starts scripts/serve.mjs on a free port. */
async function startServe(): Promise<Served> {
  const modulePath: string = pathToFileURL(path.join(root, 'scripts', 'serve.mjs')).href;
  const { startServer, CSP } = (await import(modulePath)) as ServeModule;
  const { server, url } = await startServer({ port: 0 });
  return {
    url,
    csp: CSP,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type BrowserName = 'chromium' | 'firefox';

const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const firefoxPath = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));

/** Browsers to run, from BJ_BROWSERS (as for web-test-runner) or both. */
export function browserNames(): BrowserName[] {
  const only = process.env.BJ_BROWSERS?.split(',').map((s) => s.trim());
  return (['chromium', 'firefox'] as const).filter((b) => !only || only.includes(b));
}

export async function launch(name: BrowserName): Promise<Browser> {
  if (name === 'chromium') {
    if (!chromiumPath) throw new Error('bj: Chromium not found at /usr/bin/chromium; run `npm run setup`');
    return puppeteer.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }
  if (!firefoxPath) throw new Error('bj: Firefox ESR not found at /usr/bin/firefox-esr; run `npm run setup`');
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'network.captive-portal-service.enabled': false,
    },
  });
}

export interface ConsoleRecord {
  type: string;
  text: string;
}

/** Records console messages and uncaught errors of a page from now on. */
export function recordConsole(page: Page): { messages: ConsoleRecord[]; errors: string[] } {
  const messages: ConsoleRecord[] = [];
  const errors: string[] = [];
  page.on('console', (m) => {
    messages.push({ type: m.type(), text: m.text() });
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e instanceof Error ? e.message : String(e)}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { messages, errors };
}

/** CSP violations the page recorded (test/e2e/pages/csp-watch.js). */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { bjCspViolations?: string[] }).bjCspViolations ?? []);
}

/** A keyword as the built default index holds it. */
export function termFromIndex(id: string): TermEntry {
  const index = JSON.parse(readFileSync(path.join(root, 'dist', 'bj-index.json'), 'utf8')) as {
    entries: { kind: string; id: string }[];
  };
  const term = index.entries.find((e) => e.kind === 'term' && e.id === id) as TermEntry | undefined;
  if (!term) throw new Error(`bj: keyword "${id}" is not in dist/bj-index.json`);
  return term;
}

/** Resolves after the page has rendered two more frames (layout and `requestAnimationFrame` work done). */
export function frames(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Enters `query` in the search box, key by key (`typed`) or at once (pasted, or committed whole by
 * a Chinese input method: one input event), and waits for the results of exactly that query.
 */
export async function search(page: Page, query: string, typed = false): Promise<void> {
  const input = await page.waitForSelector('bj-policy-search >>> input', { timeout: 30_000 });
  // The query of the last answer shown (`bj-search`): while typing, the answers of shorter prefixes come first.
  await page.evaluate(() => {
    const w = window as unknown as { bjLastAnswer?: string; bjListening?: boolean };
    w.bjLastAnswer = undefined;
    if (!w.bjListening)
      document.addEventListener('bj-search', (e) => (w.bjLastAnswer = (e as CustomEvent<{ query: string }>).detail.query));
    w.bjListening = true;
  });
  await input!.click();
  if (typed) await input!.type(query);
  else await page.evaluate((q) => document.execCommand('insertText', false, q), query);
  await page.waitForFunction(
    (q) => {
      const el = document.querySelector('bj-policy-search') as (HTMLElement & { shadowRoot: ShadowRoot }) | null;
      const status = el?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '';
      const options = el?.shadowRoot?.querySelectorAll('[role="option"]') ?? [];
      const answered = (window as unknown as { bjLastAnswer?: string }).bjLastAnswer === q;
      return answered && options.length > 0 && status.includes('result') && (el as unknown as { value: string }).value === q;
    },
    { timeout: 60_000, polling: 100 },
    query,
  );
}

/** What the reader sees of the first results: text and link. */
export function firstResults(page: Page, n: number): Promise<Array<{ text: string; href: string | null }>> {
  return page.evaluate((count) => {
    const el = document.querySelector('bj-policy-search')!;
    return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].slice(0, count).map((o) => ({
      text: (o.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: (o.querySelector('a') ?? o.closest('a'))?.getAttribute('href') ?? null,
    }));
  }, n);
}
