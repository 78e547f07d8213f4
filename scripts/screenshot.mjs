#!/usr/bin/env node
// Takes the README's screenshot (demo/screenshot.png): the Chinese demo page with the popover of
// an annotated keyword open. Needs a build (`npm run build`), Debian's Chromium and a CJK font
// (fonts-wqy-microhei or fonts-noto-cjk), or the Chinese text shows as boxes.
//   node scripts/screenshot.mjs [out.png] [page.html] [--width 1000] [--dark]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startServer } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const out = path.resolve(args.find((a) => a.endsWith('.png')) ?? path.join(root, 'demo', 'screenshot.png'));
const width = Number(args[args.indexOf('--width') + 1]) || 1000;
const page_ = args.find((a) => a.endsWith('.html')) ?? '';

const { server, url } = await startServer({ port: 0 });
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage();
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: args.includes('--dark') ? 'dark' : 'light' }]);
  await page.setViewport({ width, height: 600, deviceScaleFactor: 1 });
  await page.goto(`${url}demo/${page_}`, { waitUntil: 'networkidle0' });
  // The last keyword <bj-annotate> marked in the first screenful, so the popover opens above it.
  const keyword = await page.waitForFunction(
    () => [...document.querySelectorAll('article bj-keyword')].filter((k) => k.getBoundingClientRect().bottom < 560).pop(),
    { timeout: 10_000 },
  );
  await keyword.hover();
  await page.waitForFunction((k) => k.shadowRoot?.querySelector('[part~="definition"]')?.textContent?.trim(), { timeout: 10_000 }, keyword);
  await new Promise((r) => setTimeout(r, 400));
  await page.screenshot({ path: out, type: 'png' });
  console.log(`screenshot: wrote ${path.relative(root, out)}`);
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
