/**
 * Where the index is. In order:
 * 1. the element's own `index` attribute;
 * 2. page-wide: `<meta name="bj-index" content="/path/to/bj-index.json">`, or
 *    `window.bjPolicyWidgets = { index: '…' }` set before the script runs;
 * 3. `bj-index.json` next to the library's own script (set by the entry point);
 * 4. `bj-index.json` relative to the page.
 * Relative URLs resolve against the page (`document.baseURI`).
 */
import { scriptUrl } from './script-url.js';
import { warnOnce } from '../element/settings.js';

export const DEFAULT_INDEX_FILE = 'bj-index.json';

export interface PageConfig {
  /** Page-wide index URL. */
  index?: string;
  /** Page-wide time limit for loading the index, in milliseconds (default 15000; 100 to 600000). */
  timeout?: number;
  /** Page-wide size limit of the index, in bytes as decoded (default 8 MiB; 1024 to 512 MiB). */
  maxBytes?: number;
  /**
   * `false`: search on the page's main thread instead of in the search worker (`search-worker.js`
   * next to the script). Also `<meta name="bj-search-worker" content="off">`.
   */
  worker?: boolean;
  /**
   * The site's glossary page (with `<bj-glossary>`): every keyword popover links "Full entry" to the
   * keyword there (`…#<id>`). Also `<meta name="bj-glossary-url" content="/glossary.html">`.
   */
  glossary?: string;
}

declare global {
  interface Window {
    bjPolicyWidgets?: PageConfig;
  }
}

/** False when the page turns the search worker off (`window.bjPolicyWidgets.worker = false` or `<meta name="bj-search-worker" content="off">`). */
export function pageWantsWorker(): boolean {
  if (typeof document === 'undefined') return true;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="bj-search-worker"]')?.content?.trim().toLowerCase();
  if (meta === 'off' || meta === 'false') return false;
  return window.bjPolicyWidgets?.worker !== false;
}

export function pageIndexUrl(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="bj-index"]');
  const fromMeta = meta?.content?.trim();
  if (fromMeta) return fromMeta;
  const fromGlobal = window.bjPolicyWidgets?.index;
  return typeof fromGlobal === 'string' && fromGlobal.trim() ? fromGlobal.trim() : undefined;
}

/**
 * The absolute index URL for an element, following the order above. Never throws: a value that
 * is not a URL (`index="http://["`) is skipped with one `bj:` warning and the next source applies.
 */
export function resolveIndexUrl(explicit?: string | null): string {
  const own = explicit?.trim();
  const fromOwn = own ? parseUrl(own, `index=${JSON.stringify(own)}`) : undefined;
  if (fromOwn) return fromOwn;
  const page = pageIndexUrl();
  const fromPage = page ? parseUrl(page, `the page-wide index address ${JSON.stringify(page)}`) : undefined;
  if (fromPage) return fromPage;
  const script = scriptUrl();
  if (script) return new URL(DEFAULT_INDEX_FILE, script).href;
  return new URL(DEFAULT_INDEX_FILE, document.baseURI).href;
}

/**
 * `url` resolved against the page, or undefined with one warning naming it (`where`), so the
 * caller can fall back to the next source of the index URL.
 */
export function parseUrl(url: string, where: string): string | undefined {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    warnOnce(`bj: ${where} is not a valid address; ignoring it (give a URL such as /assets/bj-index.json)`);
    return undefined;
  }
}
