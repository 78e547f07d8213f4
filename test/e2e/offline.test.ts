/**
 * A reader loses the connection after the page loaded (a train, a lift), in real Chromium and
 * Firefox ESR (`page.setOfflineMode`): the parts of the library loaded on first use (the search
 * part, the popover part, the index) cannot arrive. The search box and the keyword say the reader
 * is offline, offer Retry, and finish by themselves when the browser is back online; the console
 * names the cause. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { describeInBrowsers, recordConsole, requireDist, serve } from '../helpers/e2e.js';

const TIMEOUT = 60_000;

/** Loads the page, then takes it offline (the browser says so: `navigator.onLine` is false). */
async function offlineAfterLoad(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/test/e2e/pages/offline.html`, { waitUntil: 'load' });
  await page.evaluate(() => Promise.all(['bj-keyword', 'bj-policy-search'].map((t) => customElements.whenDefined(t))));
  await page.setOfflineMode(true);
  await page.waitForFunction(() => !navigator.onLine, { timeout: 10_000 });
}

/** The text of the first element matching `selector` in `host`'s shadow root ('' when none). */
function shadowText(page: Page, host: string, selector: string): Promise<string> {
  return page.evaluate(
    (h, s) => (document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    host,
    selector,
  );
}

describe('offline after the page loaded, then back online', { timeout: 10 * TIMEOUT }, () => {
  let base = '';
  let stop: () => Promise<void> = async () => {};
  before(async () => {
    requireDist();
    ({ url: base, stop } = await serve());
  });
  after(() => stop());

  describeInBrowsers((browser) => {
    it(
      'the search box says “You are offline” with Retry, and shows the results once the browser is back online',
      { timeout: TIMEOUT },
      async () => {
        const page = await browser().newPage();
        const { messages } = recordConsole(page);
        try {
          await offlineAfterLoad(page, base);
          const input = await page.waitForSelector('bj-policy-search >>> input');
          await input!.click();
          await page.keyboard.type('sandbox');
          await page.waitForFunction(
            () =>
              /You are offline/.test(
                document.querySelector('bj-policy-search')?.shadowRoot?.querySelector('[part~="error"]')?.textContent ?? '',
              ),
            { timeout: 20_000 },
          );
          assert.match(await shadowText(page, 'bj-policy-search', '[part~="error"] button'), /^Retry$/);
          const warnings = messages.filter((m) => m.text.startsWith('bj:')).map((m) => m.text);
          assert.ok(warnings.length > 0 && warnings.every((w) => /offline/.test(w) && !/dist\/ folder/.test(w)), JSON.stringify(warnings));

          await page.setOfflineMode(false);
          await page.waitForFunction(
            () => {
              const root = document.querySelector('bj-policy-search')?.shadowRoot;
              return (root?.querySelectorAll('[role="option"]').length ?? 0) > 0 && !root?.querySelector('[part~="error"]');
            },
            { timeout: 20_000 },
          );
        } finally {
          await page.close();
        }
      },
    );

    it(
      'a keyword says “You are offline” with Retry, and opens its definition once the browser is back online',
      { timeout: TIMEOUT },
      async () => {
        const page = await browser().newPage();
        try {
          await offlineAfterLoad(page, base);
          await page.hover('#keyword');
          await page.waitForFunction(
            () =>
              /You are offline/.test(document.getElementById('keyword')?.shadowRoot?.querySelector('[part~="notice"]')?.textContent ?? ''),
            { timeout: 20_000 },
          );
          assert.equal(await shadowText(page, '#keyword', '[part~="retry"]'), 'Retry');

          await page.setOfflineMode(false);
          await page.waitForFunction(
            () => {
              const popover = document.getElementById('keyword')?.shadowRoot?.querySelector<HTMLElement>('[part~="popover"]');
              return !!popover && popover.getBoundingClientRect().height > 0 && /Regulatory sandbox/.test(popover.textContent ?? '');
            },
            { timeout: 20_000 },
          );
          assert.equal(await shadowText(page, '#keyword', '.down'), '', 'the offline notice is gone');
        } finally {
          await page.close();
        }
      },
    );
  });
});
