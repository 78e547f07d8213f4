/**
 * The built library on the devices readers use: a phone (touch, 375 px), a laptop at 200 % zoom
 * (640 × 400 CSS px) and the same with a 24 px default font. Real Chromium and Firefox ESR
 * (touch only in Chromium: Firefox cannot emulate a touch screen here). `npm run build` first.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { describeInBrowsers, recordConsole, requireDist, serve } from '../helpers/e2e.js';

const TIMEOUT = 60_000;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The bounding box of `[part~=name]` in the shadow root of `#host`, or null. */
function partBox(page: Page, host: string, name: string): Promise<Box | null> {
  return page.evaluate(
    (h: string, n: string) => {
      const el = document.querySelector(h)?.shadowRoot?.querySelector(`[part~="${n}"]`);
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' }); // within the popover, as a reader would scroll to it
      const r = el.getBoundingClientRect();
      return r.width && r.height ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    },
    host,
    name,
  );
}

const centre = (b: Box): [number, number] => [b.x + b.width / 2, b.y + Math.min(b.height / 2, 12)];

async function isOpen(page: Page, host = '#keyword'): Promise<boolean> {
  return page.evaluate((h: string) => {
    const pop = document.querySelector(h)?.shadowRoot?.querySelector('[part~="popover"]');
    return Boolean(pop?.matches(':popover-open'));
  }, host);
}

async function waitOpen(page: Page, host = '#keyword'): Promise<void> {
  await page.waitForFunction(
    (h: string) => {
      const root = document.querySelector(h)?.shadowRoot;
      const pop = root?.querySelector<HTMLElement>('[part~="popover"]');
      return Boolean(pop?.matches(':popover-open') && root?.querySelector('[part~="title"]') && pop.getAnimations().length === 0);
    },
    { timeout: 20_000 },
    host,
  );
}

async function waitClosed(page: Page, host = '#keyword'): Promise<void> {
  await page.waitForFunction(
    (h: string) => !document.querySelector(h)?.shadowRoot?.querySelector('[part~="popover"]')?.matches(':popover-open'),
    { timeout: 10_000 },
    host,
  );
}

/** Where focus is, described from the page: the host id plus the part inside its shadow root. */
function focusPlace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    const inner = a.shadowRoot?.activeElement;
    return `${a.id}${inner ? `:${inner.getAttribute('part') ?? inner.localName}` : ''}`;
  });
}

async function open(
  browser: Browser,
  base: string,
  viewport: Parameters<Page['setViewport']>[0],
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const { errors } = recordConsole(page);
  await page.setViewport(viewport!);
  await page.goto(`${base}test/e2e/pages/devices.html`, { waitUntil: 'load' });
  await page.evaluate(() => customElements.whenDefined('bj-keyword'));
  return { page, errors };
}

/** Ratio of the popover's content the reader can see without scrolling it (1 = all of it). */
function shownShare(page: Page, host = '#keyword'): Promise<number> {
  return page.evaluate((h: string) => {
    const pop = document.querySelector(h)!.shadowRoot!.querySelector<HTMLElement>('[part~="popover"]')!;
    const r = pop.getBoundingClientRect();
    const visible = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    return Math.min(1, visible / pop.scrollHeight);
  }, host);
}

describe('built library on phones, at 200 % zoom and with a large font', { timeout: 20 * TIMEOUT }, () => {
  let base = '';
  let stop: () => Promise<void> = async () => {};
  before(async () => {
    requireDist();
    ({ url: base, stop } = await serve());
  });
  after(() => stop());

  describeInBrowsers((browser, browserName) => {
    const zoomed = { width: 640, height: 400, deviceScaleFactor: 2 }; // a 1280 × 800 laptop at 200 %
    const largeFont = (page: Page) => page.evaluate(() => (document.documentElement.style.fontSize = '24px'));

    it(
      '200 % zoom, 24 px font: the popover is a sheet below the keyword, which stays in view; Escape, Close and an outside click close it, focus returns',
      { timeout: TIMEOUT },
      async () => {
        const { page, errors } = await open(browser(), base, zoomed);
        try {
          await largeFont(page);
          await page.$eval('#keyword', (el) => (el as HTMLElement).focus());
          await waitOpen(page);
          const pop = (await partBox(page, '#keyword', 'popover'))!;
          const keyword = (await partBox(page, '#keyword', 'trigger'))!;
          assert.ok(
            keyword.y >= 0 && keyword.y + keyword.height <= pop.y,
            `the keyword (${Math.round(keyword.y)}–${Math.round(keyword.y + keyword.height)} px) stays in view above the sheet (from ${Math.round(pop.y)} px)`,
          );
          const share = await shownShare(page);
          assert.ok(
            share >= 0.99 || pop.height >= 0.6 * zoomed.height,
            `the popover shows ${Math.round(share * 100)} % of its content in ${Math.round(pop.height)} px of a ${zoomed.height} px viewport`,
          );
          assert.ok(pop.width >= 0.9 * zoomed.width, `the popover is ${Math.round(pop.width)} px wide in a ${zoomed.width} px viewport`);
          await page.keyboard.press('Escape');
          await waitClosed(page);
          assert.equal(await focusPlace(page), 'keyword:trigger', 'Escape returns focus to the keyword');

          await page.mouse.click(...centre((await partBox(page, '#keyword', 'trigger'))!));
          await waitOpen(page);
          const close = await partBox(page, '#keyword', 'close');
          assert.ok(close, 'the sheet has a Close button');
          await page.mouse.click(...centre(close));
          await waitClosed(page);
          assert.equal(await focusPlace(page), 'keyword:trigger', 'Close returns focus to the keyword');

          await page.mouse.click(...centre((await partBox(page, '#keyword', 'trigger'))!));
          await waitOpen(page);
          const sheet = (await partBox(page, '#keyword', 'popover'))!;
          await page.mouse.click(4, sheet.y > 40 ? sheet.y - 20 : 4);
          await waitClosed(page);
          assert.deepEqual(errors, []);
        } finally {
          await page.close();
        }
      },
    );

    it(
      '200 % zoom, 24 px font: search results in the article open below the box, as wide as the viewport, in most of its height',
      { timeout: TIMEOUT },
      async () => {
        const { page, errors } = await open(browser(), base, zoomed);
        try {
          await largeFont(page);
          const at = await page.$eval('#search2', (el) => el.getBoundingClientRect().top);
          assert.ok(at > zoomed.height / 2, `the box in the article starts low in the viewport (${Math.round(at)} px)`);
          const input = (await page.waitForSelector('#search2 >>> input'))!;
          await input.click();
          await page.keyboard.type('supervision', { delay: 10 });
          await page.waitForFunction(
            () => (document.querySelector('#search2')?.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0) >= 3,
            {
              timeout: 20_000,
            },
          );
          const seen = await page.evaluate(() => {
            const root = document.querySelector('#search2')!.shadowRoot!;
            const box = root.querySelector('input')!.getBoundingClientRect();
            const panel = root.querySelector<HTMLElement>('[part~="panel"]')!.getBoundingClientRect();
            const whole = [...root.querySelectorAll('[role="option"]')].filter((o) => {
              const r = o.getBoundingClientRect();
              return r.top >= Math.max(panel.top, 0) - 1 && r.bottom <= Math.min(panel.bottom, innerHeight) + 1;
            }).length;
            const visible = Math.min(panel.bottom, innerHeight) - Math.max(panel.top, 0);
            return {
              whole,
              below: panel.top >= box.bottom - 1,
              width: panel.width,
              visible,
              inView: box.top >= -1 && box.bottom <= innerHeight,
            };
          });
          assert.ok(seen.below, 'the results open below the box');
          assert.ok(seen.inView, 'the box stays in view');
          assert.ok(seen.visible >= 0.7 * zoomed.height, `results get ${Math.round(seen.visible)} of ${zoomed.height} px`);
          assert.ok(seen.whole >= 1, 'at least one whole result is visible');
          assert.ok(seen.width >= 0.9 * zoomed.width, `results are ${Math.round(seen.width)} px wide in ${zoomed.width} px`);
          await page.keyboard.press('Escape');
          await page.waitForFunction(
            () => !document.querySelector('#search2')!.shadowRoot!.querySelector('[part~="panel"]')!.matches(':popover-open'),
          );
          assert.deepEqual(errors, []);
        } finally {
          await page.close();
        }
      },
    );

    it('320 px: the shortcut hint is hidden and the text box keeps its width for text', { timeout: TIMEOUT }, async () => {
      const { page, errors } = await open(browser(), base, { width: 320, height: 640 });
      try {
        await page.$eval('#search', (el) => el.setAttribute('shortcut', ''));
        const seen = await page.waitForFunction(() => {
          const root = document.querySelector('#search')?.shadowRoot;
          const input = root?.querySelector('input');
          if (!input) return null;
          const hint = root!.querySelector('[part~="hint"]');
          const shown = hint ? hint.getBoundingClientRect().width > 0 : false;
          const style = getComputedStyle(input);
          return {
            hint: shown,
            text: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
            box: input.clientWidth,
          };
        });
        const { hint, text, box } = (await seen.jsonValue())!;
        assert.equal(hint, false, 'the hint is hidden at 320 px');
        assert.ok(text >= 0.75 * box, `text area ${Math.round(text)} of ${box} px`);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });

    if (browserName === 'chromium') {
      const phone = { width: 375, height: 800, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

      it(
        'phone: taps inside the popover (title, definition, More, after More) keep it open and focus in it',
        { timeout: TIMEOUT },
        async () => {
          const { page, errors } = await open(browser(), base, phone);
          try {
            await page.touchscreen.tap(...centre((await partBox(page, '#keyword', 'trigger'))!));
            await waitOpen(page);
            for (const part of ['title', 'definition', 'more', 'definition', 'source']) {
              const box = await partBox(page, '#keyword', part);
              assert.ok(box, `the popover shows its ${part}`);
              await page.touchscreen.tap(...centre(box));
              // Give a wrong close every chance to happen: wait for two frames.
              await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
              assert.ok(await isOpen(page), `a tap on the ${part} closed the popover`);
              assert.notEqual(await focusPlace(page), 'body', `a tap on the ${part} dropped focus to the page`);
            }
            // Expanded, the sheet still leaves a strip of the page above it to tap outside.
            const sheet = (await partBox(page, '#keyword', 'popover'))!;
            assert.ok(
              sheet.y >= 0.1 * phone.height,
              `the expanded sheet starts ${Math.round(sheet.y)} px from the top of an ${phone.height} px screen`,
            );
            assert.deepEqual(errors, []);
          } finally {
            await page.close();
          }
        },
      );

      it(
        'phone: a close button closes it and focus returns to the keyword; an outside tap and Escape close it',
        { timeout: TIMEOUT },
        async () => {
          const { page, errors } = await open(browser(), base, phone);
          try {
            // Where the keyword is now: opening it may scroll it up to make room for the sheet below it.
            const trigger = async () => centre((await partBox(page, '#keyword', 'trigger'))!);
            await page.touchscreen.tap(...(await trigger()));
            await waitOpen(page);
            const close = await partBox(page, '#keyword', 'close');
            assert.ok(close, 'a close button is shown on a touch screen');
            assert.ok(close.width >= 24 && close.height >= 24, `close button is ${close.width}×${close.height} px (at least 24)`);
            const name = await page.evaluate(() =>
              document.querySelector('#keyword')!.shadowRoot!.querySelector('[part~="close"]')!.getAttribute('aria-label'),
            );
            assert.equal(name, 'Close');
            await page.touchscreen.tap(...centre(close));
            await waitClosed(page);
            assert.equal(await focusPlace(page), 'keyword:trigger', 'focus returns to the keyword');

            await page.touchscreen.tap(...(await trigger()));
            await waitOpen(page);
            // Outside: the page margin just above the popover (a sheet covers the bottom).
            const pop = (await partBox(page, '#keyword', 'popover'))!;
            await page.touchscreen.tap(4, pop.y > 40 ? pop.y - 20 : pop.y + pop.height + 20);
            await waitClosed(page);

            await page.touchscreen.tap(...(await trigger()));
            await waitOpen(page);
            await page.keyboard.press('Escape');
            await waitClosed(page);
            assert.deepEqual(errors, []);
          } finally {
            await page.close();
          }
        },
      );
    }
  });
});
