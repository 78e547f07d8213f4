/**
 * A district site that keeps the old version of a notice next to the new one (same <title>, same
 * text but for a word, a different address and publication date, as a Chinese CMS publishes it:
 * `<meta name="PubDate">`, `article:published_time`), indexed with `bj-index build --site` and
 * searched through `<bj-policy-search>` on a page of the repository's server. The reader can tell
 * the two versions apart (each shows its date and address), the newest comes first, and the
 * passages of one page are shown together. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, runInProcess } from '../helpers/cli.js';
import { describeInBrowsers, firstResults, recordConsole, requireDist, root, search, serve } from '../helpers/e2e.js';

const TIMEOUT = 60_000;
/** Under the repository (served by scripts/serve.mjs), git-ignored. */
const OUT = path.join(root, '.tmp', 'e2e-site-versions');

const notice = (meta: string, extra: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>关于开展监管沙盒试点的通知</title>${meta}</head>
<body><main><h1>关于开展监管沙盒试点的通知</h1>
<p>各区人民政府：现就开展监管沙盒试点工作通知如下。</p>
<h2 id="scope">一、试点范围</h2><p>监管沙盒试点覆盖金融科技企业${extra}。</p>
</main></body></html>`;

/** The old version sorts first by path (archive/ before notice.html): the builder reads it first. */
const PAGES: Record<string, string> = {
  'policy/archive/notice-2022.html': notice('<meta name="PubDate" content="2022-03-01 09:30">', ''),
  'policy/notice.html': notice('<meta property="article:published_time" content="2024-05-10T08:00:00+08:00">', '和数字经济企业'),
};

describe('two versions of a page on a district site', { timeout: 10 * TIMEOUT }, () => {
  let base = '';
  let stop: () => Promise<void> = async () => {};

  before(async () => {
    requireDist();
    rmSync(OUT, { recursive: true, force: true });
    for (const [rel, html] of Object.entries(PAGES)) {
      mkdirSync(path.dirname(path.join(OUT, 'site', rel)), { recursive: true });
      writeFileSync(path.join(OUT, 'site', rel), html);
    }
    buildCli();
    const built = await runInProcess([
      'build',
      '--site',
      path.join(OUT, 'site'),
      '--base-url',
      'https://district.example.gov.cn/',
      '-o',
      path.join(OUT, 'bj-index.json'),
    ]);
    assert.equal(built.code, 0, built.stderr);
    ({ url: base, stop } = await serve());
  });
  after(async () => {
    await stop();
    rmSync(OUT, { recursive: true, force: true });
  });

  describeInBrowsers((browser) => {
    it(
      'shows each version with its date and address, the newest first, and each page’s passages together',
      { timeout: TIMEOUT },
      async () => {
        const page = await browser().newPage();
        const { errors } = recordConsole(page);
        try {
          await page.goto(`${base}/test/e2e/pages/module.html`, { waitUntil: 'load' });
          await page.evaluate(() =>
            document.querySelector('bj-policy-search')!.setAttribute('index', '/.tmp/e2e-site-versions/bj-index.json'),
          );
          await search(page, '监管沙盒试点');
          // The site's passages (the index also holds the package's keywords, which match too).
          const shown = (await firstResults(page, 8))
            .map((r) => r.text)
            .filter((text) => text.startsWith('Policy'))
            .slice(0, 4);
          const version = (text: string) => (/2024-05-10/.test(text) ? 'new' : /2022-03-01/.test(text) ? 'old' : text);
          assert.deepEqual(shown.map(version), ['new', 'new', 'old', 'old'], JSON.stringify(shown, null, 1));
          assert.match(shown[0]!, /district\.example\.gov\.cn\/policy\/notice\.html/);
          assert.match(shown[2]!, /district\.example\.gov\.cn\/policy\/archive\/notice-2022\.html/);
          assert.deepEqual(errors, [], 'console errors or failed requests');
        } finally {
          await page.close();
        }
      },
    );
  });
});
