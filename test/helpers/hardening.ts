/** Shared by the hardening browser tests. */
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';

/** The hostile fixture index, served raw by the /__bj/ test middleware. */
export const HOSTILE_INDEX = '/__bj/file/test/hardening/fixtures/hostile-index.json';
/** The real built index (dist/bj-index.json, `npm run build:index`), served raw. */
export const REAL_INDEX = '/__bj/file/dist/bj-index.json';

declare global {
  interface Window {
    __bjPwned?: unknown;
  }
}

/** A URL nothing on the page has loaded yet (the index store keeps one load per URL). */
let n = 0;
export function fresh(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}v=${Date.now()}-${++n}`;
}

/** Every shadow root under `root`, recursively (open roots; the library's roots are open). */
export function shadowRoots(root: Node = document): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (node: Node): void => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.currentNode as Element | null; el; el = walker.nextNode() as Element | null) {
      if (el instanceof Element && el.shadowRoot) {
        out.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  visit(root);
  return out;
}

/** Elements no data text may ever create, and attributes no data text may ever set. */
const FORBIDDEN = 'script, img, iframe, svg:not([aria-hidden="true"]), style, object, embed, marquee, h1, link, meta, base, form';
const HANDLERS = /^on./i;

/** Elements and attributes inside the library's shadow roots (and the light DOM under `scope`) that came from data. */
export function injected(scope: Element): string[] {
  const found: string[] = [];
  const roots: Array<ParentNode> = [scope, ...shadowRoots(scope)];
  for (const root of roots) {
    for (const el of root.querySelectorAll(FORBIDDEN)) {
      // The search icon is the library's own inline <svg aria-hidden>; anything else is data.
      found.push(`<${el.localName}> in ${root instanceof ShadowRoot ? `<${root.host.localName}> shadow root` : 'light DOM'}`);
    }
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (HANDLERS.test(attr.name)) found.push(`${attr.name}= on <${el.localName}>`);
        if ((attr.name === 'href' || attr.name === 'src' || attr.name === 'action') && /^\s*javascript:/i.test(attr.value)) {
          found.push(`${attr.name}="${attr.value}" on <${el.localName}>`);
        }
      }
    }
  }
  return found;
}

/** Collects uncaught errors and unhandled rejections on window until `stop()`. */
export function watchErrors(): { errors: string[]; stop: () => void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent): void => {
    errors.push(`error: ${e.message}`);
  };
  const onRejection = (e: PromiseRejectionEvent): void => {
    errors.push(`unhandledrejection: ${String((e.reason as Error)?.message ?? e.reason)}`);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Collects `bj-error` events reaching `target` until `stop()`. */
export function collectErrors(target: EventTarget): { events: CustomEvent[]; stop: () => void } {
  const events: CustomEvent[] = [];
  const on = (e: Event): void => {
    events.push(e as CustomEvent);
  };
  target.addEventListener('bj-error', on);
  return { events, stop: () => target.removeEventListener('bj-error', on) };
}

/** Silences `console.warn` (the library warns once per failure) until `restore()`. */
export function quietWarnings(): { messages: string[]; restore: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console.warn = original) };
}

export function centre(target: Element): [number, number] {
  const r = target.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

export async function hover(target: Element): Promise<void> {
  await sendMouse({ type: 'move', position: centre(target) });
}

export async function click(target: Element): Promise<void> {
  await sendMouse({ type: 'click', position: centre(target) });
}

export function part(host: Element, name: string): HTMLElement | null {
  return host.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export async function waitFor<T>(get: () => T | null | undefined | false, message: string, timeout = 5000): Promise<T> {
  let value: T | null | undefined | false;
  await waitUntil(() => (value = get()), message, { timeout });
  return value as T;
}

/**
 * The text a reader sees in an element (layout-aware `innerText`), whitespace collapsed. Firefox's
 * `innerText` drops bidi control characters, so compare strings holding them with {@link textOf}.
 */
export function seen(el: Element): string {
  return (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
}

/** The characters in an element (`textContent`), whitespace collapsed. */
export function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Whether the start of `el`'s text is laid out left to right: the first two visible characters of
 * its first text node, the second to the right of the first. False when a bidi override from text
 * before `el` (in the same paragraph) leaked into it.
 */
export function readsLeftToRight(el: Element): boolean {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const xs: number[] = [];
  for (let node = walker.nextNode() as Text | null; node && xs.length < 2; node = walker.nextNode() as Text | null) {
    for (let i = 0; i < node.data.length && xs.length < 2; i++) {
      if (!/[\p{L}\p{N}]/u.test(node.data[i]!)) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      if (r.width > 0) xs.push(r.left + r.width / 2);
    }
  }
  if (xs.length < 2) throw new Error(`bj test: <${el.localName}> has fewer than two visible letters`);
  return xs[1]! > xs[0]!;
}

let keys = 0;

/** An index server that is down: every request answers HTTP 500 until `up()` makes it answer the index. */
export interface DownServer {
  /** The index address. */
  url: string;
  /** From now on the server answers with the index (the site is back). */
  up(): Promise<void>;
}

export async function serverDown(): Promise<DownServer> {
  const key = `retry${Date.now().toString(36)}${++keys}`;
  const set = async (mode: string) => {
    const r = await fetch(`/__bj/switch/${key}/set?mode=${mode}&file=dist/bj-index.json`);
    expect(r.ok).to.equal(true);
  };
  await set('500');
  return { url: new URL(`/__bj/switch/${key}/index`, location.href).href, up: () => set('good') };
}
