/**
 * The page-wide limits of an index load, read when the first load starts (by the fetch code, or by
 * the search client for its worker): `<meta name="bj-index-timeout">` / `bj-index-max-bytes`, or
 * `window.bjPolicyWidgets`.
 */
import { parseInteger, type IntegerRule } from '../element/settings.js';

/** How long a load may take (the whole body included) unless the page sets a limit. */
export const DEFAULT_TIMEOUT_MS = 15000;
/** How many bytes (decoded, after any gzip/brotli) an index may have unless the page sets a limit. */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
const TIMEOUT_RULE: IntegerRule = { min: 100, max: 600_000, fallback: undefined, belowMinIsDefault: true, unit: 'ms' };
const MAX_BYTES_RULE: IntegerRule = { min: 1024, max: 512 * 1024 * 1024, fallback: undefined, belowMinIsDefault: true, unit: 'bytes' };

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

export interface Limits {
  timeoutMs: number;
  maxBytes: number;
}

/** The limits of a load: the given ones, else the page's, else the defaults (15 s, 8 MiB). */
export function loadLimits(options: { timeoutMs?: number; maxBytes?: number } = {}): Limits {
  return {
    timeoutMs: options.timeoutMs ?? pageTimeoutMs() ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? pageMaxBytes() ?? DEFAULT_MAX_BYTES,
  };
}
