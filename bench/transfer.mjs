// Bytes a page fetches, measured in headless Chromium from the page's Resource Timing entries
// (`transferSize`: bytes on the wire, gzip-encoded by bench/lib/server.mjs): the widgets page
// (bench/pages/widgets.html: the loader, 20 <bj-keyword>s, a <bj-policy-search>) before any
// interaction, after hovering one keyword, and after typing in the search box; next to the same
// page with the single bundle of before the loader (every part inlined: `BJ_SINGLE=1`, built here
// into .tmp/bench/single/, with the same index next to it), and to the same page built on plain
// MiniSearch (bench/pages/baseline.html).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage } from './lib/browser.mjs';
import { baselineBundles } from './lib/bundles.mjs';
import { dist, root, scratch } from './lib/data.mjs';
import { finish, isMain, log, Results } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';
import { baselineIndexJSON } from './size.mjs';

/**
 * Bytes the page fetched, from its own Resource Timing entries (`transferSize`: body as sent, gzip
 * here, plus headers; the document from its navigation entry), with the HTTP cache off (CDP).
 * `take()` returns the requests finished since the last take. (CDP `loadingFinished` events were
 * sometimes missing for the index's streamed fetch.)
 */
async function tracker(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const seen = new Set();
  const entries = () =>
    page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
        url: e.name,
        bytes: e.transferSize,
      })),
    );
  const fresh = async () => (await entries()).filter((e) => !seen.has(e.url));
  return {
    async take() {
      const out = await fresh();
      for (const e of out) seen.add(e.url);
      return out;
    },
    /** Resolves once a finished request matches `test` (since the last take), or after `ms`. */
    async until(test, ms = 10_000) {
      for (const end = Date.now() + ms; Date.now() < end && !(await fresh()).some((x) => test(x.url));)
        await new Promise((r) => setTimeout(r, 50));
    },
  };
}

const kind = (url) =>
  /\.json(\?|$)/.test(url) ? 'index' : /\.m?js(\?|$)/.test(url) ? 'js' : /\.html?(\?|$)|\/$/.test(url) ? 'html' : 'other';

function sum(list, k) {
  return list.filter((x) => !k || kind(x.url) === k).reduce((s, x) => s + x.bytes, 0);
}

const settle = (page) => page.waitForNetworkIdle({ idleTime: 400, timeout: 30_000 }).catch(() => {});

/**
 * The single bundle (every dynamic import inlined, as the library shipped before the loader), built
 * from the same sources now, with a copy of the widgets page that loads it. Returns the page's path.
 */
export function buildSingle() {
  const out = path.join(scratch, 'single');
  mkdirSync(out, { recursive: true });
  const vite = path.join(root, 'node_modules', '.bin', 'vite');
  const built = spawnSync(vite, ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, BJ_TARGET: 'es', BJ_SINGLE: '1', BJ_OUT_DIR: out },
  });
  if (built.status !== 0) throw new Error('bj: the single-bundle build (BJ_SINGLE=1 vite build) failed; see its output above');
  copyFileSync(path.join(dist, 'bj-index.json'), path.join(out, 'bj-index.json'));
  const page = readFileSync(path.join(root, 'bench', 'pages', 'widgets.html'), 'utf8').replace(
    '/dist/bj-policy-widgets.js',
    '/.tmp/bench/single/bj-policy-widgets.js',
  );
  if (!page.includes('/.tmp/bench/single/')) throw new Error('bj: bench/pages/widgets.html no longer loads /dist/bj-policy-widgets.js');
  writeFileSync(path.join(out, 'widgets.html'), page);
  return '/.tmp/bench/single/widgets.html';
}

/** The widgets page as a Chinese district would have it (`<html lang="zh-CN">`): the loader must not fetch translations at load. */
function zhPage() {
  const page = readFileSync(path.join(root, 'bench', 'pages', 'widgets.html'), 'utf8').replace('<html lang="en">', '<html lang="zh-CN">');
  if (!page.includes('lang="zh-CN"')) throw new Error('bj: bench/pages/widgets.html no longer starts with <html lang="en">');
  writeFileSync(path.join(scratch, 'widgets-zh.html'), page);
  return '/.tmp/bench/widgets-zh.html';
}

async function measure(browser, origin, which, pagePath = `/bench/pages/${which}.html`) {
  const { page, close } = await newPage(browser, { log });
  try {
    const net = await tracker(page);
    await page.goto(`${origin}${pagePath}`, { waitUntil: 'load' });
    await settle(page);
    await new Promise((r) => setTimeout(r, 300));
    const before = await net.take();
    const keyword = which === 'widgets' ? 'bj-keyword' : '.kw';
    // Shown = the definition is in the popover (with show-delay 0 it opens before the index arrives).
    const shown =
      which === 'widgets'
        ? page.waitForFunction(() => document.querySelector('bj-keyword')?.shadowRoot?.querySelector('[part~="title"]'), {
            timeout: 10_000,
          })
        : Promise.resolve();
    await page.hover(keyword);
    await Promise.race([shown, new Promise((r) => setTimeout(r, 5000))]).catch(() => {});
    // The index's `loadingFinished` can come after the popover shows its definition: wait for it.
    await net.until((url) => kind(url) === 'index');
    await settle(page);
    const hover = await net.take();
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
    search = await net.take();
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
  const singlePage = buildSingle();
  const chinesePage = zhPage();
  const server = await startServer();
  const browser = await launch();
  try {
    const ours = await measure(browser, server.origin, 'widgets');
    const single = await measure(browser, server.origin, 'widgets', singlePage);
    const base = await measure(browser, server.origin, 'baseline');
    const zh = await measure(browser, server.origin, 'widgets', chinesePage);
    const desc = (list) => list.map((x) => `${path.basename(new URL(x.url).pathname)} ${x.bytes}`).join(', ') || 'nothing';
    r.add('before.total', 'before interaction: all bytes (HTML + JS + index)', sum(ours.before), {
      unit: 'B',
      baseline: sum(base.before),
      note: desc(ours.before),
    });
    r.add('before.js', 'before interaction: JavaScript', sum(ours.before, 'js'), { unit: 'B', baseline: sum(base.before, 'js') });
    r.add('before.js.zh', 'before interaction: JavaScript on a lang="zh-CN" page', sum(zh.before, 'js'), {
      unit: 'B',
      baseline: sum(ours.before, 'js'),
      note: `baseline: the same page with lang="en"; ${desc(zh.before.filter((x) => kind(x.url) === 'js'))}`,
    });
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
    // The loader and its chunks against the single bundle of before, same sources, same page.
    const jsOf = (list) => list.filter((x) => kind(x.url) === 'js');
    r.add('single.before', 'loader vs single bundle: JavaScript before interaction', sum(ours.before, 'js'), {
      unit: 'B',
      baseline: sum(single.before, 'js'),
      note: `baseline: the single bundle (BJ_SINGLE=1); ${desc(jsOf(ours.before))}`,
    });
    r.add('single.hover', 'loader vs single bundle: added at the first popover (JS + index)', sum(ours.hover), {
      unit: 'B',
      baseline: sum(single.hover),
      note: desc(ours.hover),
    });
    r.add('single.search', 'loader vs single bundle: added at the first search', sum(ours.search), {
      unit: 'B',
      baseline: sum(single.search),
      note: desc(ours.search),
    });
    r.add('single.total', 'loader vs single bundle: total after hover + search', sum(ours.before) + sum(ours.hover) + sum(ours.search), {
      unit: 'B',
      baseline: sum(single.before) + sum(single.hover) + sum(single.search),
    });
  } finally {
    await browser.close();
    await server.close();
  }
  return r;
}

if (isMain(import.meta.url)) finish(await run());
