/**
 * Where the index is. In order:
 * 1. the element's own `index` attribute;
 * 2. page-wide: `<meta name="bj-index" content="/path/to/bj-index.json">`, or
 *    `window.bjPolicyWidgets = { index: '…' }` set before the script runs;
 * 3. `bj-index.json` next to the library's own script (set by the entry point);
 * 4. `bj-index.json` relative to the page.
 * Relative URLs resolve against the page (`document.baseURI`).
 */
import { parseInteger, parseUrl, type IntegerRule } from './settings.js';

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
}

/** How long a load may take (the whole body included) unless the page sets a limit. */
export const DEFAULT_TIMEOUT_MS = 15000;
/** How many bytes (decoded, after any gzip/brotli) an index may have unless the page sets a limit. */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
const TIMEOUT_RULE: IntegerRule = { min: 100, max: 600_000, fallback: undefined, belowMinIsDefault: true, unit: 'ms' };
const MAX_BYTES_RULE: IntegerRule = { min: 1024, max: 512 * 1024 * 1024, fallback: undefined, belowMinIsDefault: true, unit: 'bytes' };

declare global {
  interface Window {
    bjPolicyWidgets?: PageConfig;
  }
}

let scriptUrl: string | undefined;

/** Called once by the entry point with its own URL (`import.meta.url`, or `document.currentScript.src`). */
export function setScriptUrl(url: string | undefined | null): void {
  if (url && /^(https?|file):/.test(url)) scriptUrl = url;
}

/** False when the page turns the search worker off (`window.bjPolicyWidgets.worker = false` or `<meta name="bj-search-worker" content="off">`). */
export function pageWantsWorker(): boolean {
  if (typeof document === 'undefined') return true;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="bj-search-worker"]')?.content?.trim().toLowerCase();
  if (meta === 'off' || meta === 'false') return false;
  return window.bjPolicyWidgets?.worker !== false;
}

/** The library's own script URL, when known (set by the entry point). */
export function ownScriptUrl(): string | undefined {
  return scriptUrl;
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
  if (scriptUrl) return new URL(DEFAULT_INDEX_FILE, scriptUrl).href;
  return new URL(DEFAULT_INDEX_FILE, document.baseURI).href;
}

/** A page-wide number: the `<meta name>` first, then `window.bjPolicyWidgets[key]`; a bad one is skipped with a warning. */
function pageNumber(metaName: string, key: 'timeout' | 'maxBytes', rule: IntegerRule): number | undefined {
  if (typeof document === 'undefined') return undefined;
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${metaName}"]`)?.content?.trim();
  const fromMeta = meta ? parseInteger(meta, `<meta name="${metaName}" content=${JSON.stringify(meta)}>`, rule) : undefined;
  if (fromMeta !== undefined) return fromMeta;
  const raw = typeof window !== 'undefined' ? (window.bjPolicyWidgets as Record<string, unknown> | undefined)?.[key] : undefined;
  return raw === undefined ? undefined : parseInteger(raw, `window.bjPolicyWidgets.${key} = ${JSON.stringify(raw) ?? String(raw)}`, rule);
}

/**
 * Page-wide time limit for loading the index, in milliseconds: `<meta name="bj-index-timeout"
 * content="5000">`, else `window.bjPolicyWidgets.timeout`; undefined when unset. Values are clamped
 * to 100–600000 ms (a timer of 2³¹ ms or more would fire at once), non-numbers skipped, with a warning.
 */
export function pageTimeoutMs(): number | undefined {
  return pageNumber('bj-index-timeout', 'timeout', TIMEOUT_RULE);
}

/**
 * Page-wide size limit of the index in bytes: `<meta name="bj-index-max-bytes" content="…">`, else
 * `window.bjPolicyWidgets.maxBytes`; undefined when unset (then {@link DEFAULT_MAX_BYTES}).
 */
export function pageMaxBytes(): number | undefined {
  return pageNumber('bj-index-max-bytes', 'maxBytes', MAX_BYTES_RULE);
}
