/**
 * `bj-index serve`: an editor previews the corpus in a browser page that shows every keyword, the
 * search and the glossary; a broken file shows its problem with file, line and column, and the
 * fixed entry appears after saving. Needs the widgets built (`npm run build`: dist/glossary.js).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { previewIndex } from '../../src/cli/checked-build.js';
import { startPreview, type Preview, type PreviewStatus } from '../../src/cli/commands/serve.js';
import { root } from '../helpers/e2e.js';

/** Resolves once the preview's status satisfies `ok` (now, or after one of its next builds). */
function until(preview: Preview, ok: (s: PreviewStatus) => boolean): Promise<PreviewStatus> {
  if (ok(preview.status())) return Promise.resolve(preview.status());
  return new Promise((resolve) => {
    const check = (s: PreviewStatus): void => {
      if (!ok(s)) return;
      preview.events.off('built', check);
      resolve(s);
    };
    preview.events.on('built', check);
  });
}

describe('bj-index serve', () => {
  let dir: string;
  let preview: Preview;
  const file = () => path.join(dir, 'kob2022-peoples-livelihood.json');
  const page = async () => (await fetch(preview.url)).text();

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bj-serve-'));
    for (const f of readdirSync(path.join(root, 'data')).filter((n) => n.endsWith('.json')))
      cpSync(path.join(root, 'data', f), path.join(dir, f));
    preview = await startPreview(previewIndex, { inputs: [dir], site: {}, port: 0 });
  });
  after(async () => {
    await preview?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves on 127.0.0.1 a page with every keyword, the search box and the glossary over the index it built', async () => {
    assert.match(preview.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(preview.status().ok, true);
    assert.equal(preview.status().terms, 13);
    const html = await page();
    assert.equal(html.match(/<bj-keyword term="/g)?.length, 13);
    assert.match(html, /<bj-policy-search>/);
    assert.match(html, /<bj-glossary>/);
    const index = (await (await fetch(new URL('/bj-index.json', preview.url))).json()) as { entries: Array<{ kind: string }> };
    assert.equal(index.entries.filter((e) => e.kind === 'term').length, 13);
    const script = await fetch(new URL('/bj/glossary.js', preview.url));
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    assert.equal((await fetch(new URL('/bj/..%2Fpackage.json', preview.url))).status, 404, 'nothing outside the widgets folder');
  });

  it('shows a broken file’s problem with file, line and column, then the fixed entry after saving', async () => {
    const good = readFileSync(file(), 'utf8');
    const before = preview.status().version;
    // A missing comma between two properties, as an editor might leave it.
    const broken = good.replace(/"id": "time-banking",/, '"id": "time-banking"');
    assert.notEqual(broken, good);
    const line = good.slice(0, good.indexOf('"id": "time-banking",')).split('\n').length;
    writeFileSync(file(), broken);
    const failed = await until(preview, (s) => s.version > before && !s.ok);
    const message = failed.errors.join('\n');
    assert.match(message, /kob2022-peoples-livelihood\.json/);
    assert.match(message, new RegExp(`line ${line + 1}, column \\d+`), message);
    const status = (await (await fetch(new URL('/status.json', preview.url))).json()) as PreviewStatus;
    assert.equal(status.ok, false);
    const shown = await page();
    assert.match(shown, /id="problems"/);
    assert.match(shown, new RegExp(`<code>[^<]*kob2022-peoples-livelihood\\.json:${line + 1}:\\d+</code>`), 'file:line:column');
    assert.equal(shown.match(/<bj-keyword term="/g)?.length, 13, 'the last index that built is still shown');

    writeFileSync(file(), good.replace('"en": "Time banking"', '"en": "Time banking for the elderly"'));
    await until(preview, (s) => s.ok && s.version > failed.version);
    const fixed = await page();
    assert.doesNotMatch(fixed, /id="problems"/);
    assert.match(fixed, /Time banking for the elderly/);
  });
});
