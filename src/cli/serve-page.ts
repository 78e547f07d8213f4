/**
 * The page of `bj-index serve` (src/cli/commands/serve.ts): the build's problems, the search box, every
 * keyword as a `<bj-keyword>` and the glossary, all reading the index built in memory; it reloads
 * itself after each rebuild (it asks `/status.json` once a second). Everything from the corpus is
 * HTML-escaped.
 */
import type { PreviewStatus } from './commands/serve.js';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem}
#problems{border:2px solid #b3261e;border-radius:.375rem;padding:.5rem 1rem;background:#fdecea}
#problems li{font-family:ui-monospace,monospace;white-space:pre-wrap;overflow-wrap:anywhere}
.ok{color:#1a7f37}.keywords{columns:16rem;padding-left:1.25rem}`;

/** Reloads the page when the index was rebuilt (a new `version`). */
const RELOAD = `const seen=document.documentElement.dataset.version;
setInterval(async()=>{try{const s=await(await fetch('/status.json',{cache:'no-store'})).json();
if(String(s.version)!==seen)location.reload()}catch{}},1000);`;

/** A keyword of the index shown: its id and titles. */
export interface PreviewKeyword {
  id: string;
  title: { en?: string; zh?: string };
}

/**
 * One problem line, its place first as `file:line:column` (what editors and terminals open) when
 * the line has one (`bj: FILE: not valid JSON: line 3, column 5: …`).
 */
function problem(line: string): string {
  const at = /^bj: (.+?): (?:[^:]*: )?line (\d+), column (\d+)/.exec(line);
  return `${at ? `<code>${escapeHtml(`${at[1]}:${at[2]}:${at[3]}`)}</code> ` : ''}${escapeHtml(line)}`;
}

export function previewPage(status: PreviewStatus, inputs: string[], keywords: PreviewKeyword[]): string {
  const items = keywords.map(
    (k) =>
      `<li><bj-keyword term="${escapeHtml(k.id)}">${escapeHtml(k.title.zh ?? k.title.en ?? k.id)}</bj-keyword>${
        k.title.zh && k.title.en ? ` <span lang="en">${escapeHtml(k.title.en)}</span>` : ''
      }</li>`,
  );
  const problems = status.errors.length
    ? `<section id="problems" role="alert"><h2>${status.errors.length} problem${status.errors.length === 1 ? '' : 's'} in the last build</h2>
<ul>${status.errors.map((e) => `<li>${problem(e)}</li>`).join('')}</ul>
<p>${status.terms ? 'Showing the last index that built.' : 'No index has built yet.'} Save the file again once it is fixed.</p></section>`
    : `<p class="ok" role="status">Built: ${status.terms} keywords. The page reloads when a file changes.</p>`;
  return `<!doctype html>
<html lang="en" data-version="${status.version}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bj-index preview</title>
<meta name="bj-index" content="/bj-index.json?v=${status.version}">
<meta name="bj-glossary-url" content="/">
<script type="module" src="/bj/glossary.js"></script>
<style>${STYLE}</style></head>
<body><h1>bj-index preview</h1>
<p>${escapeHtml(inputs.length ? inputs.join(', ') : 'the package data/')}</p>
${problems}
<h2>Search</h2><bj-policy-search></bj-policy-search>
<h2>Keywords</h2><ul class="keywords">${items.join('\n')}</ul>
<h2>Glossary</h2><bj-glossary></bj-glossary>
<script type="module">${RELOAD}</script>
</body></html>
`;
}
