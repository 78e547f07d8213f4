// The four pages bench/sites.mjs measures on a generated site, each with a `window.bjRun(q)` that
// types or asks one query and resolves, once the first SHOWN results are there with their texts, to
// `{ ms, shown }` (ms from the keystroke or the call):
//   ours UI:       <bj-policy-search limit="5"> (the ES bundle on the page, search in its worker);
//   Pagefind UI:   Pagefind's default UI (pagefind-ui.js + css, 5 results a page), its input debounce
//                  set to 0 ms (default 300) so that both answer the keystroke at once;
//   ours API:      `openIndex(url).search(q, { limit: 5, resolve: 5 })` of the headless API
//                  (dist/search.js), imported at the first query;
//   Pagefind API:  `pagefind.search(q)` + `data()` of the first 5 results, imported at the first query.
export const SHOWN = 5;

const html = (lang, title, head, body) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body>${body}<main><p>District policies. 区政策。</p></main></body></html>`;

/** Resolves when `done()` is true, checked after every DOM change under `root` (no polling delay). */
const WAIT_FOR = `const waitFor = (root, done) => new Promise((resolve) => {
  if (done()) return resolve();
  const o = new MutationObserver(() => { if (done()) { o.disconnect(); resolve(); } });
  o.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
});`;

const OURS_UI_DRIVER = `${WAIT_FOR}
window.bjRun = async (q) => {
  await customElements.whenDefined('bj-policy-search');
  const el = document.querySelector('bj-policy-search');
  await el.updateComplete;
  const input = el.shadowRoot.querySelector('input');
  const done = new Promise((resolve) => el.addEventListener('bj-search', function h(e) {
    if (e.detail.query === q) { el.removeEventListener('bj-search', h); resolve(); }
  }));
  const t0 = performance.now();
  input.value = q;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
  await done;
  await el.updateComplete;
  // Results are drawn a few at a time after the answer: the listbox is aria-busy until all are.
  await waitFor(el.shadowRoot, () => el.shadowRoot.querySelector('[role="listbox"]')?.getAttribute('aria-busy') !== 'true');
  const shown = el.shadowRoot.querySelectorAll('[role="option"]').length;
  return { ms: performance.now() - t0, shown };
};`;

const PAGEFIND_UI_DRIVER = `${WAIT_FOR}
window.bjRun = async (q) => {
  const root = document.querySelector('#search');
  const input = root.querySelector('.pagefind-ui__search-input');
  const t0 = performance.now();
  input.focus();
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  // The message names the query; while searching it ends in an ellipsis (in every language of the UI).
  // Results show placeholders until their data is in.
  await waitFor(root, () => {
    const message = (root.querySelector('.pagefind-ui__message')?.textContent ?? '').trim();
    if (!message.includes(q) || /([.]{3}|…)$/.test(message)) return false;
    const results = root.querySelectorAll('.pagefind-ui__result');
    return !root.querySelector('.pagefind-ui__loading') &&
      [...results].every((r) => r.querySelector('.pagefind-ui__result-excerpt')?.textContent.trim());
  });
  return { ms: performance.now() - t0, shown: root.querySelectorAll('.pagefind-ui__result').length };
};`;

const OURS_API_DRIVER = `window.bjRun = async (q) => {
  const t0 = performance.now();
  window.bjApi ??= await import('/dist/search.js');
  window.bjIndex ??= window.bjApi.openIndex('bj-index.json');
  const results = await window.bjIndex.search(q, { limit: ${SHOWN}, resolve: ${SHOWN} });
  return { ms: performance.now() - t0, shown: results.filter((r) => !r.pending && r.text).length };
};`;

const PAGEFIND_API_DRIVER = `window.bjRun = async (q) => {
  const t0 = performance.now();
  window.pf ??= await import('./pagefind/pagefind.js');
  const search = await window.pf.search(q);
  const data = await Promise.all(search.results.slice(0, ${SHOWN}).map((r) => r.data()));
  return { ms: performance.now() - t0, shown: data.length };
};`;

/** name → [file, HTML, driver file, driver] for a page language (`en` or `zh-CN`). */
export function sitePages(lang) {
  const driver = (name) => `<script type="module" src="${name}-driver.js"></script>`;
  return {
    'ours-ui': [
      html(
        lang,
        'ours',
        '<script type="module" src="/dist/bj-policy-widgets.js"></script>',
        `<bj-policy-search index="bj-index.json" limit="${SHOWN}"></bj-policy-search>${driver('ours-ui')}`,
      ),
      OURS_UI_DRIVER,
    ],
    'pagefind-ui': [
      html(
        lang,
        'pagefind ui',
        '<link href="pagefind/pagefind-ui.css" rel="stylesheet"><script src="pagefind/pagefind-ui.js"></script>',
        `<div id="search"></div><script>new PagefindUI({ element: '#search', showSubResults: false, showImages: false, debounceTimeoutMs: 0 });</script>${driver('pagefind-ui')}`,
      ),
      PAGEFIND_UI_DRIVER,
    ],
    'ours-api': [html(lang, 'ours api', '', driver('ours-api')), OURS_API_DRIVER],
    'pagefind-api': [html(lang, 'pagefind api', '', driver('pagefind-api')), PAGEFIND_API_DRIVER],
  };
}
