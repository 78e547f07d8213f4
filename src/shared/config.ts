/**
 * Where the index is. In order:
 * 1. the element's own `index` attribute;
 * 2. page-wide: `<meta name="bj-index" content="/path/to/bj-index.json">`, or
 *    `window.bjPolicyWidgets = { index: '…' }` set before the script runs;
 * 3. `bj-index.json` next to the library's own script (set by the entry point);
 * 4. `bj-index.json` relative to the page.
 * Relative URLs resolve against the page (`document.baseURI`).
 */
export const DEFAULT_INDEX_FILE = 'bj-index.json';

export interface PageConfig {
  /** Page-wide index URL. */
  index?: string;
  /** Page-wide time limit for loading the index, in milliseconds (default 15000). */
  timeout?: number;
}

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

export function pageIndexUrl(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="bj-index"]');
  const fromMeta = meta?.content?.trim();
  if (fromMeta) return fromMeta;
  const fromGlobal = window.bjPolicyWidgets?.index;
  return typeof fromGlobal === 'string' && fromGlobal.trim() ? fromGlobal.trim() : undefined;
}

/** The absolute index URL for an element, following the order above. */
export function resolveIndexUrl(explicit?: string | null): string {
  const chosen = explicit?.trim() || pageIndexUrl();
  if (chosen) return new URL(chosen, document.baseURI).href;
  if (scriptUrl) return new URL(DEFAULT_INDEX_FILE, scriptUrl).href;
  return new URL(DEFAULT_INDEX_FILE, document.baseURI).href;
}

/**
 * Page-wide time limit for loading the index, in milliseconds: `<meta name="bj-index-timeout"
 * content="5000">`, else `window.bjPolicyWidgets.timeout`; undefined when unset or not a positive number.
 */
export function pageTimeoutMs(): number | undefined {
  if (typeof document === 'undefined') return undefined;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="bj-index-timeout"]')?.content?.trim();
  const value = meta ? Number(meta) : window.bjPolicyWidgets?.timeout;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
