/** Helpers for the `<bj-policy-search>` browser tests. */
import { sendKeys } from '@web/test-runner-commands';
import type { BjPolicySearch } from '../../src/components/bj-policy-search/bj-policy-search.js';
import { PolicyIndex } from '../../src/search/index.js';
import { waitUntil } from './wait.js';

/**
 * The built index (`npm run build:index` → dist/bj-index.json), read once; the element gets it
 * through fresh `blob:` URLs or a fetch stub, so that each test controls its own load.
 */
// These tests control each load with fetch stubs and blob: URLs, which only the page's own fetch
// sees: search runs on the page here. The search worker has tests of its own
// (test/shared/search-client.browser.test.ts, test/e2e/sharded-site.test.ts, test/hardening/csp.test.ts).
window.bjPolicyWidgets = { ...window.bjPolicyWidgets, worker: false };

let json = '';
let cached: PolicyIndex | undefined;

export async function prepareIndex(): Promise<void> {
  if (json) return;
  const path = '/dist/bj-index.json';
  const response = await fetch(path);
  if (!response.ok) throw new Error(`bj: ${path} is missing (HTTP ${response.status}); run \`npm run build:index\` first`);
  json = await response.text();
  cached = PolicyIndex.fromJSON(JSON.parse(json));
}

/** The hostile fixture index (see fixtures/make-hostile-index.ts), as JSON text. */
export async function hostileJson(): Promise<string> {
  const response = await fetch(new URL('../components/bj-policy-search/fixtures/hostile-index.json', import.meta.url));
  if (!response.ok) throw new Error(`bj: hostile-index.json is missing; run fixtures/make-hostile-index.ts`);
  return response.text();
}

/** The JSON text of the built index. */
export const indexJson = (): string => json;

/** The same index the element reads, for expectations derived from the data. */
export function testIndex(): PolicyIndex {
  if (!cached) throw new Error('call prepareIndex() in before()');
  return cached;
}

/** A URL of `text` (default: the good index) that nothing on the page has fetched yet. */
export function blobUrl(text = json): string {
  return URL.createObjectURL(new Blob([text], { type: 'application/json' }));
}

type Responder = () => Promise<Response> | Response;

/**
 * Replaces `fetch` for URLs ending in one of `routes`' keys; everything else goes to the real fetch.
 * Returns a function that restores it.
 */
export function stubFetch(routes: Record<string, Responder>): () => void {
  const real = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = new URL(url, location.href).pathname;
    const route = routes[path];
    return route ? Promise.resolve(route()) : real(input, init);
  };
  return () => {
    window.fetch = real;
  };
}

export const jsonResponse = (text = json): Response => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });

export const root = (el: BjPolicySearch): ShadowRoot => el.shadowRoot!;
export const combobox = (el: BjPolicySearch): HTMLInputElement => root(el).querySelector<HTMLInputElement>('[role="combobox"]')!;
export const listbox = (el: BjPolicySearch): HTMLElement => root(el).querySelector<HTMLElement>('[role="listbox"]')!;
export const options = (el: BjPolicySearch): HTMLElement[] => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
export const statusText = (el: BjPolicySearch): string =>
  root(el).querySelector('[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
export const part = (el: BjPolicySearch, name: string): HTMLElement | null => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
export const activeOption = (el: BjPolicySearch): HTMLElement | null => {
  const id = combobox(el).getAttribute('aria-activedescendant');
  return id ? root(el).getElementById(id) : null;
};
/** The text a user sees in an element, whitespace collapsed. */
export const seen = (node: Element | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Whether the results popup is visible. */
export const isOpen = (el: BjPolicySearch): boolean => {
  const panel = part(el, 'panel');
  return !!panel && !panel.hidden && panel.getBoundingClientRect().height > 0;
};

/**
 * The results for what the box holds, once all are drawn (the listbox is `aria-busy` while the first
 * few are shown and the rest follow). On a loaded machine a pause between two keystrokes can let the
 * box show a prefix's results first: those are not the answer a test reads.
 */
export async function waitOptions(el: BjPolicySearch, message = 'results appear'): Promise<HTMLElement[]> {
  const current = () => el.searchController?.resultQuery === combobox(el).value.trim();
  await waitUntil(() => isOpen(el) && current() && options(el).length > 0 && listbox(el).getAttribute('aria-busy') !== 'true', message);
  return options(el);
}

export async function waitStatus(el: BjPolicySearch, pattern: RegExp): Promise<string> {
  await waitUntil(() => pattern.test(statusText(el)), `live region says ${pattern} (it says "${statusText(el)}")`);
  return statusText(el);
}

/**
 * Types `text` as {@link typeInto} does and resolves once the box has searched for all of it: on a
 * loaded machine a pause between two keystrokes can be long enough for the box to search, draw and
 * announce a prefix first, and what a test then reads must be the answer to the whole text.
 */
export async function typeAndSearch(el: BjPolicySearch, text: string): Promise<void> {
  const searched = new Promise<void>((resolve) => {
    const on = (e: Event) => {
      if ((e as CustomEvent<{ query: string }>).detail.query !== text) return;
      el.removeEventListener('bj-search', on);
      resolve();
    };
    el.addEventListener('bj-search', on);
  });
  await typeInto(el, text);
  await searched;
}

/** Focuses the box and types `text` key by key, as a reader does. */
export async function typeInto(el: BjPolicySearch, text: string): Promise<void> {
  combobox(el).focus();
  await sendKeys({ type: text });
}
