/** Helpers for the `<bj-keyword>` browser tests. */
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { BjKeyword } from '../../src/components/bj-keyword/bj-keyword.js';
import { PolicyIndex } from '../../src/search/index.js';
import { clearIndexCache } from '../../src/shared/index/index-store.js';
import { placementSettled, waitUntil } from './wait.js';

/** The built index (`npm run build:index` writes dist/bj-index.json), served from the repo root. */
export const INDEX = new URL('/dist/bj-index.json', location.href).href;
let cached: PolicyIndex | undefined;

/** Reads the index once for expectations derived from the data (call in `before`). */
export async function prepareIndex(): Promise<void> {
  if (cached) return;
  const res = await fetch(INDEX);
  if (!res.ok) throw new Error(`bj: ${INDEX} answered HTTP ${res.status}; run \`npm run build:index\` first`);
  cached = PolicyIndex.fromJSON(await res.json());
}

/** The same index the element reads. */
export function testIndex(): PolicyIndex {
  if (!cached) throw new Error('call prepareIndex() in before()');
  return cached;
}

let fresh = 0;
/** An address of the good index that nothing on the page has requested yet. */
export function freshIndexUrl(): string {
  return `${INDEX}?fresh=${Date.now()}-${++fresh}`;
}

/** Counts the network requests (Resource Timing) for URLs containing `needle` from now on. */
export function observeRequests(needle: string): { count: () => Promise<number>; stop: () => void } {
  const names: string[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) names.push(e.name);
  });
  observer.observe({ type: 'resource' });
  let controls = 0;
  return {
    /** The count so far: a control request made now has completed and reached the observer, so earlier ones have too. */
    count: async () => {
      const control = new URL(`/package.json?bj-control=${Date.now()}-${++controls}`, location.href).href;
      await (await fetch(control)).text();
      await waitUntil(
        () => {
          for (const e of observer.takeRecords()) names.push(e.name);
          return names.includes(control);
        },
        'the control request reaches Resource Timing',
        { timeout: 5000 },
      );
      return names.filter((n) => n.includes(needle)).length;
    },
    stop: () => observer.disconnect(),
  };
}

export const trigger = (el: BjKeyword): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>('[part~="trigger"]')!;
export const panel = (el: BjKeyword): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>('[part~="popover"]')!;
export const part = (el: BjKeyword, name: string): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Whether the popover is shown (in the top layer) and the element says so. */
export const isShown = (el: BjKeyword): boolean => el.open && el.hasAttribute('open') && panel(el).matches(':popover-open');

export const isHidden = (el: BjKeyword): boolean => !el.open && !panel(el)?.matches(':popover-open');

export function centre(target: Element): [number, number] {
  const r = target.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

export async function moveTo(target: Element | [number, number]): Promise<void> {
  const position = Array.isArray(target) ? target : centre(target);
  await sendMouse({ type: 'move', position });
}

export async function clickAt(target: Element | [number, number]): Promise<void> {
  const position = Array.isArray(target) ? target : centre(target);
  await sendMouse({ type: 'click', position });
}

export async function waitShown(el: BjKeyword, message = 'popover opens'): Promise<void> {
  await waitUntil(() => isShown(el), message, { timeout: 5000 });
  // Let the short fade-in finish (its animations end), so colours are measured as people see them.
  await Promise.all(
    panel(el)
      .getAnimations()
      .map((a) => a.finished.catch(() => undefined)),
  );
  await placementSettled(el);
}

export async function waitHidden(el: BjKeyword, message = 'popover closes'): Promise<void> {
  await waitUntil(() => isHidden(el), message, { timeout: 5000 });
}

/** Waits until the popover shows the keyword's title (the index loaded and the keyword was found). */
export async function waitContent(el: BjKeyword): Promise<void> {
  await waitUntil(() => part(el, 'title') !== null, 'definition appears', { timeout: 5000 });
  await placementSettled(el); // the new content resized the popover: it is placed again
}

/** Counts `fetch` calls whose URL contains `needle` until `restore()`. */
export function countFetches(needle: string): { count: () => number; restore: () => void } {
  const original = window.fetch;
  let n = 0;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes(needle)) n++;
    return original.call(window, input, init);
  };
  return { count: () => n, restore: () => (window.fetch = original) };
}

/** Collects `console.warn` calls until `restore()`. */
export function captureWarnings(): { messages: string[]; restore: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console.warn = original) };
}

/** Releases buttons and parks the pointer in the page's top-left margin, away from every fixture. */
export async function parkMouse(): Promise<void> {
  await resetMouse();
  await sendMouse({ type: 'move', position: [1, 1] });
}

/**
 * In a `describe` of keyword tests: the index fetched once before them; before and after each, no
 * index cached and the mouse parked away from every fixture (no hover carried over).
 */
export function withFreshKeywords(): void {
  before(prepareIndex);
  beforeEach(async () => {
    clearIndexCache();
    await parkMouse();
  });
  afterEach(parkMouse);
}
