// Headless Chromium (Debian's /usr/bin/chromium) driven by puppeteer-core, with the project's flags.
import puppeteer from 'puppeteer-core';

export const CHROMIUM = process.env.BJ_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-precise-memory-info',
];

export async function launch() {
  return puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, protocolTimeout: 240_000 });
}

/** A fresh page (own browser context: empty cache) with console errors forwarded to `log`. */
export async function newPage(browser, { log = () => {} } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn' || m.type() === 'warning') log(`[page ${m.type()}] ${m.text()}`);
  });
  page.on('pageerror', (e) => log(`[page error] ${e.message}`));
  page.setDefaultTimeout(120_000);
  return { page, close: () => context.close() };
}
