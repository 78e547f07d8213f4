// A deterministic synthetic bilingual site: the passages of `lib/synth.mjs` (the growth benchmark's
// corpus, same seed → same text) written as built HTML pages, one page per synthetic document
// (50 passages; every third document Chinese), or with --per-page K (1–50) each document split into
// pages of K passages (`doc-00002-03.html`). Each page has a site header, navigation and footer
// (which bj-index leaves out), an <h1> title, an <h2 id="part-k"> every 8 passages, paragraphs,
// and every fifth passage as a list item. Half of the Chinese pages are GBK with
// <meta charset="gbk"> (as many older government sites are); the other pages are UTF-8.
//
//   node bench/site-gen.mjs --passages 10000 --out /tmp/site [--per-page 50] [--seed 2022]
//   npx bj-index build data --site /tmp/site --base-url https://example.gov.cn/ -o /tmp/site-index.json
//
// Same --passages and --seed → byte-identical files. The folder is emptied first.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { encodeGbk } from './lib/gbk.mjs';
import { syntheticCorpora } from './lib/synth.mjs';

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** English text wrapped at spaces near 80 columns, as HTML source usually is (bj-index rejoins it). */
function wrap(text) {
  return text.replace(/(.{60,80}?) /g, '$1\n');
}

/**
 * One page: `passages` are `{at, passage}`, `at` the passage's position in its document (an
 * `<h2 id="part-k">` opens every eighth, and each page starts under its heading).
 */
function page(doc, passages, gbk, part) {
  const zh = doc.lang === 'zh';
  const base = zh ? doc.title.zh : doc.title.en;
  const title = part === undefined ? base : `${base} (${part})`;
  const body = [];
  let list = false;
  const closeList = () => {
    if (list) body.push('</ul>');
    list = false;
  };
  passages.forEach(({ at, passage }, i) => {
    if (at % 8 === 0 || i === 0) {
      closeList();
      body.push(`<h2 id="part-${1 + (at >> 3)}">${escape(passage.headings[0])}</h2>`);
    }
    const text = zh ? escape(passage.text).replace(/。(?=.)/g, '。\n') : wrap(escape(passage.text));
    if (at % 5 === 4) {
      if (!list) body.push('<ul>');
      list = true;
      body.push(`<li>${text}</li>`);
    } else {
      closeList();
      body.push(`<p>${text}</p>`);
    }
  });
  closeList();
  const nav = zh ? '<a href="/">首页</a> <a href="/zh/">政策文件</a>' : '<a href="/">Home</a> <a href="/en/">Policies</a>';
  return `<!DOCTYPE html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head>
<meta charset="${gbk ? 'gbk' : 'utf-8'}">
<title>${escape(title)}</title>
</head>
<body>
<header><p>${zh ? '示例区人民政府' : 'Example District Government'}</p><nav>${nav}</nav></header>
<main>
<h1>${escape(title)}</h1>
${body.join('\n')}
</main>
<footer><p>${zh ? '版权所有' : 'Copyright'} Example District</p></footer>
</body>
</html>
`;
}

/** GBK bytes of the page when it can be GBK (else undefined: a character GBK lacks), or UTF-8 bytes. */
function encode(html, gbk) {
  if (!gbk) return Buffer.from(html, 'utf8');
  try {
    return encodeGbk(html);
  } catch {
    return undefined;
  }
}

/**
 * Writes the site to `out` (emptied first). Returns counts: pages, passages and GBK pages.
 * `documents`: the synthetic documents to write, when the caller changed them (bench/planted.mjs
 * plants answers in them); by default those of `syntheticCorpora(passages, seed)`. `gbk: false`
 * writes every page in UTF-8 (Pagefind reads no other encoding).
 * @param {{passages: number, out: string, perPage?: number, seed?: number, documents?: object[], gbk?: boolean}} options
 */
export function generateSite({ passages, out, perPage = 50, seed = 2022, documents, gbk = true }) {
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 50) throw new Error('bj: perPage must be a whole number from 1 to 50');
  documents ??= syntheticCorpora(passages, seed).at(-1).data.documents;
  rmSync(out, { recursive: true, force: true });
  let pages = 0;
  let gbkPages = 0;
  let zhPages = 0;
  let count = 0;
  for (const [d, doc] of documents.entries()) {
    const zh = doc.lang === 'zh';
    const dir = path.join(out, zh ? 'zh' : 'en', String(Math.floor(d / 100)).padStart(3, '0'));
    mkdirSync(dir, { recursive: true });
    const split = perPage < 50;
    for (let start = 0, part = 1; start < doc.passages.length; start += perPage, part++) {
      const slice = doc.passages.slice(start, start + perPage).map((passage, i) => ({ at: start + i, passage }));
      const wantGbk = gbk && zh && zhPages++ % 2 === 0;
      let bytes = wantGbk ? encode(page(doc, slice, true, split ? part : undefined), true) : undefined;
      if (bytes) gbkPages++;
      bytes ??= encode(page(doc, slice, false, split ? part : undefined), false);
      const name = `doc-${String(d).padStart(5, '0')}${split ? `-${String(part).padStart(2, '0')}` : ''}.html`;
      writeFileSync(path.join(dir, name), bytes);
      pages++;
      count += slice.length;
    }
  }
  return { pages, passages: count, gbkPages };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const usage = 'usage: node bench/site-gen.mjs --passages N --out DIR [--per-page 1..50] [--seed S]';
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        passages: { type: 'string', default: '1000' },
        out: { type: 'string' },
        'per-page': { type: 'string', default: '50' },
        seed: { type: 'string', default: '2022' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`bj: ${error.message.replace(/\.$/, '')}; ${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(`${usage}\nWrites a deterministic synthetic bilingual site of N passages into DIR (emptied first).`);
    process.exit(0);
  }
  const passages = Number(values.passages);
  const perPage = Number(values['per-page']);
  if (!values.out || !Number.isInteger(passages) || passages < 1 || !Number.isInteger(perPage) || perPage < 1 || perPage > 50) {
    console.error(`bj: ${usage}`);
    process.exit(2);
  }
  const started = performance.now();
  const r = generateSite({ passages, out: path.resolve(values.out), perPage, seed: Number(values.seed) });
  console.log(
    `wrote ${values.out}: ${r.pages} pages, ${r.passages} passages, ${r.gbkPages} GBK pages (${Math.round(performance.now() - started)} ms)`,
  );
}
