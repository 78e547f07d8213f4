// Bytes a page fetches, measured in headless Chromium from CDP Network events
// (`encodedDataLength`: bytes on the wire, gzip-encoded by bench/lib/server.mjs): the widgets page
// (bench/pages/widgets.html: ES bundle, 20 <bj-keyword>s, a <bj-policy-search>) before any
// interaction, after hovering one keyword, and after typing in the search box; next to the same
// page built on plain MiniSearch (bench/pages/baseline.html).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage } from './lib/browser.mjs';
import { baselineBundles } from './lib/bundles.mjs';
import { scratch } from './lib/data.mjs';
import { finish, isMain, log, Results } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';
import { baselineIndexJSON } from './size.mjs';

/** Records every finished request's wire bytes; `take()` returns those since the last take. */
async function tracker(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map();
  let done = [];
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => done.push({ url: urls.get(e.requestId) ?? '?', bytes: e.encodedDataLength }));
  return {
    take() {
      const out = done;
      done = [];
      return out;
    },
  };
}

const kind = (url) =>
  /\.json(\?|$)/.test(url) ? 'index' : /\.m?js(\?|$)/.test(url) ? 'js' : /\.html?(\?|$)|\/$/.test(url) ? 'html' : 'other';

function sum(list, k) {
  return list.filter((x) => !k || kind(x.url) === k).reduce((s, x) => s + x.bytes, 0);
}

const settle = (page) => page.waitForNetworkIdle({ idleTime: 400, timeout: 30_000 }).catch(() => {});

async function measure(browser, origin, which) {
  const { page, close } = await newPage(browser, { log });
  try {
    const net = await tracker(page);
    await page.goto(`${origin}/bench/pages/${which}.html`, { waitUntil: 'load' });
    await settle(page);
    await new Promise((r) => setTimeout(r, 300));
    const before = net.take();
    const keyword = which === 'widgets' ? 'bj-keyword' : '.kw';
    const shown =
      which === 'widgets'
        ? page.evaluate(() => new Promise((r) => document.addEventListener('bj-show', r, { once: true })))
        : Promise.resolve();
    await page.hover(keyword);
    await Promise.race([shown, new Promise((r) => setTimeout(r, 5000))]).catch(() => {});
    await settle(page);
    const hover = net.take();
    await page.mouse.move(0, 0);
    const wait = (fn) => Promise.race([page.evaluate(fn), new Promise((r) => setTimeout(r, 5000))]);
    let search = [];
    let searchNote = '';
    if (which === 'widgets') {
      const defined = await page.evaluate(() => !!customElements.get('bj-policy-search'));
      if (!defined) searchNote = '<bj-policy-search> is not in this build';
      else {
        const searched = wait(() => new Promise((r) => document.addEventListener('bj-search', r, { once: true })));
        const input = await page.waitForFunction(() => document.querySelector('bj-policy-search')?.shadowRoot?.querySelector('input'), {
          timeout: 10_000,
        });
        await input.click();
        await input.type('sandbox', { delay: 20 });
        await searched;
      }
    } else {
      const searched = wait(() => new Promise((r) => document.addEventListener('bench-search', r, { once: true })));
      await page.click('input');
      await page.type('input', 'sandbox', { delay: 20 });
      await searched;
    }
    await settle(page);
    search = net.take();
    return { before, hover, search, searchNote };
  } finally {
    await close();
  }
}

export async function run() {
  const r = new Results('transfer', 'Bytes fetched by a page (Chromium, gzip transfer)');
  await baselineBundles();
  mkdirSync(scratch, { recursive: true });
  writeFileSync(path.join(scratch, 'baseline-index.json'), baselineIndexJSON());
  const server = await startServer();
  const browser = await launch();
  try {
    const ours = await measure(browser, server.origin, 'widgets');
    const base = await measure(browser, server.origin, 'baseline');
    const desc = (list) => list.map((x) => `${path.basename(new URL(x.url).pathname)} ${x.bytes}`).join(', ') || 'nothing';
    r.add('before.total', 'before interaction: all bytes (HTML + JS + index)', sum(ours.before), {
      unit: 'B',
      baseline: sum(base.before),
      note: desc(ours.before),
    });
    r.add('before.js', 'before interaction: JavaScript', sum(ours.before, 'js'), { unit: 'B', baseline: sum(base.before, 'js') });
    r.add('before.index', 'before interaction: index', sum(ours.before, 'index'), { unit: 'B', baseline: sum(base.before, 'index') });
    r.add('hover', 'at the first hover of a keyword (added)', sum(ours.hover), {
      unit: 'B',
      baseline: sum(base.hover),
      note: desc(ours.hover),
    });
    r.add('search', 'then typing in the search box (added)', sum(ours.search), {
      unit: 'B',
      baseline: sum(base.search),
      note: ours.searchNote || desc(ours.search),
    });
    r.add('total', 'total after hover + search', sum(ours.before) + sum(ours.hover) + sum(ours.search), {
      unit: 'B',
      baseline: sum(base.before) + sum(base.hover) + sum(base.search),
      note: 'baseline page: minisearch bundle + its index, fetched at first interaction',
    });
  } finally {
    await browser.close();
    await server.close();
  }
  return r;
}

if (isMain(import.meta.url)) finish(await run());
