/**
 * A district site as many Chinese government CMSs still run it: the page is GBK
 * (`Content-Type: text/html; charset=gbk`, `<meta charset="gbk">`, its bytes GBK-encoded), and the
 * server sends `.js` files with no charset at all. A classic script is then decoded as GBK; any
 * non-ASCII byte in the bundle turns into other characters and the script dies before defining an
 * element. The bundles must work there as they are (they are ASCII-only). Real Chromium and
 * Firefox ESR; run `npm run build` first (npm test does).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeInBrowsers, recordConsole, requireDist, root } from '../helpers/e2e.js';

const TIMEOUT = 60_000;

/** GBK bytes of `text`, from the platform's own GBK decoder (Node has no GBK encoder). */
function encodeGbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`test page: "${ch}" has no GBK encoding`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

const page = (script: string) => `<!doctype html>
<html lang="zh-Hans">
<head>
  <meta charset="gbk">
  <title>北京市某区人民政府</title>
  <link rel="icon" href="data:,">
  ${script}
</head>
<body>
  <header><bj-policy-search></bj-policy-search></header>
  <main>
    <p>探索<bj-keyword id="keyword">监管沙盒</bj-keyword>、触发式监管等包容审慎监管方式（试行）。</p>
    <bj-annotate on="load"><p id="annotated">全面推行告知承诺制，深化投资审批制度改革。</p></bj-annotate>
  </main>
</body>
</html>
`;

const pages: Record<string, string> = {
  '/classic.html': page('<script src="/dist/bj-policy-widgets.iife.js" defer></script>'),
  '/module.html': page('<script type="module" src="/dist/bj-policy-widgets.js"></script>'),
};

/** Serves the GBK pages, and dist/ files with a bare `application/javascript` (no charset). */
function startGbkServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0]!;
    if (pages[url]) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=gbk' });
      res.end(encodeGbk(pages[url]!));
      return;
    }
    // The loader, the classic bootstrap, the parts the loader imports (dist/chunks/) and the index.
    const m = /^\/dist\/(bj-policy-widgets(?:\.iife)?\.js|annotate\.js|chunks\/[\w-]+\.js|bj-index\.json)$/.exec(url);
    if (m) {
      const type = m[1]!.endsWith('.json') ? 'application/json' : 'application/javascript';
      res.writeHead(200, { 'Content-Type': type });
      res.end(readFileSync(path.join(root, 'dist', m[1]!)));
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })),
  );
}

describe('built library on a GBK page whose server sends scripts without a charset', { timeout: 10 * TIMEOUT }, () => {
  let base = '';
  let server: Server | undefined;
  const zhHans = readFileSync(path.join(root, 'xliff', 'zh-Hans.xlf'), 'utf8');
  const target = (id: string) => new RegExp(`<trans-unit id="${id}">[\\s\\S]*?<target>([^<]*)</target>`).exec(zhHans)![1]!;

  before(async () => {
    requireDist();
    ({ url: base, server } = await startGbkServer());
  });
  after(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  describeInBrowsers((browser) => {
    for (const [form, url] of [
      ['classic <script defer> (IIFE)', '/classic.html'],
      ['<script type="module">', '/module.html'],
    ] as const) {
      it(`${form}: the elements work and their Chinese text reads right`, { timeout: TIMEOUT }, async () => {
        const p = await browser().newPage();
        const { errors } = recordConsole(p);
        try {
          await p.setViewport({ width: 1024, height: 768 });
          await p.goto(base + url, { waitUntil: 'load' });
          // The page really is GBK: its own Chinese text decoded right.
          assert.equal(await p.evaluate(() => document.characterSet.toLowerCase()), 'gbk');
          assert.equal(await p.$eval('#keyword', (el) => el.textContent), '监管沙盒');
          const defined = await p.evaluate(() =>
            Promise.race([
              Promise.all(['bj-keyword', 'bj-policy-search', 'bj-annotate'].map((t) => customElements.whenDefined(t))).then(() => true),
              new Promise((r) => setTimeout(() => r(false), 15_000)),
            ]),
          );
          assert.deepEqual({ defined, errors }, { defined: true, errors: [] }, 'the script did not define the elements');
          // UI strings (bundled, non-ASCII) arrive intact. The label as shown: until the translation
          // chunk has arrived it keeps its room, hidden (`.waiting`), with the English text inside.
          const label = await p.waitForFunction(
            () => document.querySelector('bj-policy-search')?.shadowRoot?.querySelector('label:not(.waiting)')?.textContent?.trim() || '',
            { timeout: 20_000 },
          );
          assert.equal(await label.jsonValue(), target('policy-search.label'));
          // The keyword's popover shows its Chinese title from the index.
          await p.hover('#keyword');
          await p.waitForFunction(
            () => {
              const pop = document.getElementById('keyword')?.shadowRoot?.querySelector<HTMLElement>('[part~="popover"]');
              return !!pop && pop.getBoundingClientRect().height > 0 && (pop.textContent ?? '').includes('监管沙盒');
            },
            { timeout: 20_000 },
          );
          // The annotator's Chinese matching (regular expressions with Chinese in them) works.
          await p.waitForSelector('#annotated bj-keyword', { timeout: 20_000 });
          assert.equal(await p.$eval('#annotated bj-keyword', (el) => el.textContent), '告知承诺制');
          assert.deepEqual(errors, [], 'console errors or uncaught errors');
        } finally {
          await p.close();
        }
      });
    }
  });
});
