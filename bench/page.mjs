// The elements in headless Chromium, each figure next to a baseline in the same page:
// - upgrade: 2,000 <bj-keyword>s in a page, from injecting the (preloaded) module script until all
//   are defined and rendered (`updateComplete`), and until the next style + layout; baseline: a
//   minimal Lit element (<plain-keyword>, Lit's floor) upgraded the same way.
// - popover: from the pointer entering a keyword (`pointerover`, in the page) to `bj-show` (the
//   popover is open) and to the next frame, with show-delay="0" and the index preloaded; baseline:
//   a native [popover] filled with the definition and shown on `pointerenter`.
// - annotate: <bj-annotate on="load" all> over a 50,000-character bilingual article (index
//   preloaded) until `bj-annotated`; baseline: one `new RegExp(name, 'gi')` per keyword name and a
//   TreeWalker replacing matches with <mark>, on a copy of the same article.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { article, ARTICLE_LENGTH } from './lib/article.mjs';
import { launch, newPage } from './lib/browser.mjs';
import { baselineBundles } from './lib/bundles.mjs';
import { loadCorpora, scratch } from './lib/data.mjs';
import { finish, isMain, log, Results } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';
import { median, p95 } from './lib/stats.mjs';

const KEYWORDS = 2000;
const BUNDLE = '/dist/bj-policy-widgets.js';

function keywordNames() {
  const out = [];
  for (const { data } of loadCorpora()) {
    for (const t of data.terms ?? []) {
      for (const n of [t.title.en, t.title.zh, ...(t.aliases?.en ?? []), ...(t.aliases?.zh ?? [])])
        if (n) out.push({ term: t.id, name: n });
    }
  }
  return out;
}

/** In the page: 2,000 keywords, then inject the module and wait until all are upgraded. */
async function upgradeOnce(page, tag, src, names) {
  return page.evaluate(
    async (tag, src, names, count) => {
      const main = document.createElement('main');
      for (let i = 0; i < count; i++) {
        const p = document.createElement('p');
        const k = document.createElement(tag);
        const n = names[i % names.length];
        k.setAttribute('term', n.term);
        k.textContent = n.name;
        p.append(`Paragraph ${i} mentions `, k, ' in running text.');
        main.append(p);
      }
      document.body.append(main);
      document.body.getBoundingClientRect(); // lay the plain text out first
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = src;
      const preloaded = new Promise((r) => (link.onload = link.onerror = r));
      document.head.append(link);
      await preloaded;
      const t0 = performance.now();
      const script = document.createElement('script');
      script.type = 'module';
      script.src = src;
      document.head.append(script);
      await customElements.whenDefined(tag);
      const t1 = performance.now();
      const els = [...main.querySelectorAll(tag)];
      await Promise.all(els.map((e) => e.updateComplete));
      const t2 = performance.now();
      document.body.getBoundingClientRect(); // style + layout of 2,000 shadow roots
      const t3 = performance.now();
      return { defined: t1 - t0, updated: t2 - t0, laidOut: t3 - t0, all: els.every((e) => e.shadowRoot && e.hasUpdated !== false) };
    },
    tag,
    src,
    names,
    KEYWORDS,
  );
}

async function upgrade(browser, origin, r, loads) {
  const names = keywordNames();
  const ours = [];
  const base = [];
  for (let i = 0; i < loads; i++) {
    for (const [list, tag, src] of [
      [ours, 'bj-keyword', BUNDLE],
      [base, 'plain-keyword', '/.tmp/bench/plain-lit.js'],
    ]) {
      const { page, close } = await newPage(browser, { log });
      await page.goto(`${origin}/bench/pages/blank.html`);
      list.push(await upgradeOnce(page, tag, src, names));
      await close();
    }
  }
  const pick = (list, k) => list.map((x) => x[k]);
  if (!ours.every((x) => x.all)) r.note('upgrade: some <bj-keyword>s had no shadow root after updateComplete');
  r.add(
    'upgrade',
    `${KEYWORDS.toLocaleString('en-US')} <bj-keyword>s upgraded + rendered, median of ${loads} loads`,
    median(pick(ours, 'updated')),
    {
      baseline: median(pick(base, 'updated')),
      // Loads alternate (ours, baseline, ours…): on a busy machine the per-load ratio is steadier than the ratio of medians.
      note: `from script injection (module preloaded) to all updateComplete; p95 ${p95(pick(ours, 'updated')).toFixed(1)} ms; median of per-load ratios ${median(ours.map((x, i) => x.updated / base[i].updated)).toFixed(2)}×; baseline: minimal Lit element`,
      detail: { ours, base },
    },
  );
  r.add('upgrade.layout', '  … and laid out (forced style + layout)', median(pick(ours, 'laidOut')), {
    baseline: median(pick(base, 'laidOut')),
  });
}

export async function popover(browser, origin, r, opens) {
  const { page, close } = await newPage(browser, { log });
  const names = keywordNames().filter((n, i, a) => a.findIndex((m) => m.term === n.term) === i);
  await page.goto(`${origin}/bench/pages/blank.html`);
  await page.evaluate(
    async (names, src) => {
      const defs = Object.fromEntries(names.map((n) => [n.term, n.name]));
      const main = document.createElement('main');
      main.style.cssText = 'padding: 2rem; line-height: 3';
      for (const n of names) {
        const p = document.createElement('p');
        const k = document.createElement('bj-keyword');
        k.setAttribute('term', n.term);
        k.setAttribute('show-delay', '0');
        k.setAttribute('hide-delay', '0');
        k.setAttribute('preload', '');
        k.textContent = n.name;
        const b = document.createElement('span');
        b.className = 'plain-kw';
        b.dataset.term = n.term;
        b.textContent = n.name;
        p.append(k, ' · ', b);
        main.append(p);
      }
      document.body.append(main);
      // Baseline: a native popover filled on pointerenter.
      const pop = document.createElement('div');
      pop.popover = 'manual';
      document.body.append(pop);
      for (const b of main.querySelectorAll('.plain-kw')) {
        b.addEventListener('pointerenter', () => {
          pop.textContent = `${defs[b.dataset.term]}: ${b.dataset.term}`;
          const box = b.getBoundingClientRect();
          pop.style.cssText = `position: fixed; margin: 0; top: ${box.bottom + 4}px; left: ${box.left}px`;
          pop.showPopover();
          document.dispatchEvent(new CustomEvent('plain-show'));
        });
        b.addEventListener('pointerleave', () => pop.hidePopover());
      }
      window.__t = { start: 0, shown: [] };
      document.addEventListener('pointerover', () => (window.__t.start ||= performance.now()), true);
      const record = (open) => {
        const t = performance.now() - window.__t.start;
        requestAnimationFrame(() => setTimeout(() => window.__t.shown.push({ open, t, frame: performance.now() - window.__t.start })));
      };
      document.addEventListener('bj-show', () => record(true));
      document.addEventListener('plain-show', () => record(pop.matches(':popover-open')));
      const script = document.createElement('script');
      script.type = 'module';
      script.src = src;
      document.head.append(script);
      await customElements.whenDefined('bj-keyword');
    },
    names,
    BUNDLE,
  );
  await page.waitForNetworkIdle({ idleTime: 300 }).catch(() => {});
  await new Promise((res) => setTimeout(res, 300));
  const hoverOnce = async (selector, i) => {
    await page.mouse.move(1, 1);
    const el = (await page.$$(selector))[i % names.length];
    await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await new Promise((res) => setTimeout(res, 80));
    const box = await el.boundingBox();
    await page.evaluate(() => {
      window.__t.start = 0;
      window.__t.shown = [];
    });
    await page.mouse.move(box.x + Math.min(8, box.width / 2), box.y + box.height / 2);
    await page.waitForFunction(() => window.__t.shown.length > 0, { timeout: 30_000 });
    return page.evaluate(() => window.__t.shown[0]);
  };
  const ours = [];
  const base = [];
  for (let i = 0; i < opens; i++) {
    ours.push(await hoverOnce('bj-keyword', i));
    base.push(await hoverOnce('.plain-kw', i));
  }
  const first = ours[0];
  const rest = ours.slice(1);
  r.add('popover.first', 'popover: first open after the index loaded', first.t, {
    note: `to bj-show; next frame ${first.frame.toFixed(1)} ms`,
  });
  r.add('popover', `popover: open on hover, median of ${rest.length} (show-delay 0)`, median(rest.map((x) => x.t)), {
    baseline: median(base.map((x) => x.t)),
    note: `pointerover → bj-show (popover open); p95 ${p95(rest.map((x) => x.t)).toFixed(2)} ms; baseline: native [popover]`,
    detail: { ours, base },
  });
  r.add('popover.frame', '  … to the next frame', median(rest.map((x) => x.frame)), { baseline: median(base.map((x) => x.frame)) });
  await close();
}

async function annotate(browser, origin, r, loads) {
  const { paragraphs, names } = article();
  writeFileSync(path.join(scratch, 'article.json'), JSON.stringify({ paragraphs, names: names.map((n) => n.name) }));
  const ours = [];
  for (let i = 0; i < loads; i++) {
    const { page, close } = await newPage(browser, { log });
    await page.goto(`${origin}/bench/pages/blank.html`);
    await page.evaluate(async (src) => {
      const { paragraphs, names } = await (await fetch('/.tmp/bench/article.json')).json();
      const make = () => {
        const a = document.createElement('article');
        for (const p of paragraphs) {
          const el = document.createElement('p');
          el.lang = p.lang === 'zh' ? 'zh-Hans' : 'en';
          el.textContent = p.text;
          a.append(el);
        }
        return a;
      };
      window.__article = { make, names };
      const k = document.createElement('bj-keyword');
      k.setAttribute('term', 'time-banking');
      k.setAttribute('preload', '');
      k.textContent = 'Time banking';
      document.body.append(k);
      const script = document.createElement('script');
      script.type = 'module';
      script.src = src;
      document.head.append(script);
      await customElements.whenDefined('bj-annotate');
    }, BUNDLE);
    await page.waitForNetworkIdle({ idleTime: 300 }).catch(() => {});
    await new Promise((res) => setTimeout(res, 300));
    const result = await page.evaluate(async () => {
      const { make, names } = window.__article;
      // Baseline: one regex per name (longest first), TreeWalker, <mark> per match.
      const copy = make();
      document.body.append(copy);
      document.body.getBoundingClientRect();
      const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      let t0 = performance.now();
      let baseCount = 0;
      for (const name of [...names].sort((a, b) => b.length - a.length)) {
        const re = new RegExp(escape(name), 'gi');
        const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT, {
          acceptNode: (n) => (n.parentElement.closest('mark') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        const hits = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (re.test(n.data)) hits.push(n);
        for (let node of hits) {
          re.lastIndex = 0;
          let m;
          while ((m = re.exec(node.data))) {
            const match = node.splitText(m.index);
            node = match.splitText(m[0].length);
            const mark = document.createElement('mark');
            match.replaceWith(mark);
            mark.append(match);
            baseCount++;
            re.lastIndex = 0;
          }
        }
      }
      document.body.getBoundingClientRect();
      const base = performance.now() - t0;
      copy.remove();
      // Ours.
      const el = document.createElement('bj-annotate');
      el.setAttribute('on', 'load');
      el.setAttribute('all', '');
      el.append(make());
      const done = new Promise((res) => el.addEventListener('bj-annotated', (e) => res(e.detail), { once: true }));
      t0 = performance.now();
      document.body.append(el);
      const detail = await done;
      const annotated = performance.now() - t0;
      await Promise.all([...el.querySelectorAll('bj-keyword')].map((k) => k.updateComplete));
      document.body.getBoundingClientRect();
      const rendered = performance.now() - t0;
      return { annotated, rendered, count: detail.count, base, baseCount };
    });
    ours.push(result);
    await close();
  }
  const a = ours.map((x) => x.annotated);
  r.add(
    'annotate',
    `<bj-annotate all> on a ${ARTICLE_LENGTH.toLocaleString('en-US')}-character bilingual article, median of ${loads}`,
    median(a),
    {
      baseline: median(ours.map((x) => x.base)),
      note: `to bj-annotated (sliced ≤ 8 ms, yields included); ${ours[0].count} keywords marked vs baseline ${ours[0].baseCount} <mark>s; baseline: one RegExp per name + TreeWalker`,
      detail: ours,
    },
  );
  r.add('annotate.rendered', '  … and the marked <bj-keyword>s rendered + laid out', median(ours.map((x) => x.rendered)));
}

/** `node bench/page.mjs --only upgrade` (or popover, annotate; comma-separated) runs those figures only. */
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? new Set(process.argv[i + 1]?.split(',')) : undefined;
})();

export async function run({ loads = 7 } = {}) {
  const r = new Results('page', 'Elements in Chromium (dist/bj-policy-widgets.js)');
  await baselineBundles();
  mkdirSync(scratch, { recursive: true });
  const server = await startServer();
  const browser = await launch();
  try {
    for (const [name, fn] of [
      ['upgrade', () => upgrade(browser, server.origin, r, loads)],
      ['popover', () => popover(browser, server.origin, r, 12)],
      ['annotate', () => annotate(browser, server.origin, r, 5)],
    ]) {
      if (only && !only.has(name)) continue;
      try {
        await fn();
      } catch (e) {
        r.missing(name, name, `failed: ${String(e.message ?? e).split('\n')[0]}`);
        log(`page: ${name} failed: ${e.stack ?? e}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return r;
}

if (isMain(import.meta.url)) finish(await run());
