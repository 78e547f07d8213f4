/**
 * One index per URL for the whole page: every element asks here, the first ask fetches, the
 * rest share the promise. A failed load is forgotten so that the next interaction retries.
 */
import { PolicyIndex } from '../search/index.js';
import { BjError } from '../search/types.js';
import { pageTimeoutMs } from './config.js';

/**
 * How long a load may take before it fails with code `timeout`, unless the page sets its own limit
 * (`<meta name="bj-index-timeout" content="ms">` or `window.bjPolicyWidgets.timeout`).
 */
export const DEFAULT_TIMEOUT_MS = 15000;

const loads = new Map<string, Promise<PolicyIndex>>();
const ready = new Map<string, PolicyIndex>();

export interface LoadOptions {
  timeoutMs?: number;
}

/** The index at `url` if it has already loaded, without waiting. */
export function peekIndex(url: string): PolicyIndex | undefined {
  return ready.get(url);
}

/** Loads (once) and returns the index at the absolute `url`. Rejects with a `BjError`. */
export function loadIndex(url: string, options: LoadOptions = {}): Promise<PolicyIndex> {
  let pending = loads.get(url);
  if (!pending) {
    pending = fetchIndex(url, options.timeoutMs ?? pageTimeoutMs() ?? DEFAULT_TIMEOUT_MS).then(
      (index) => {
        ready.set(url, index);
        return index;
      },
      (error: unknown) => {
        loads.delete(url);
        throw error;
      },
    );
    loads.set(url, pending);
  }
  return pending;
}

/** Forgets every loaded index (for tests, or after publishing a new index). */
export function clearIndexCache(): void {
  loads.clear();
  ready.clear();
}

async function fetchIndex(url: string, timeoutMs: number): Promise<PolicyIndex> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let text: string;
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
    } catch (cause) {
      if (controller.signal.aborted) throw timeoutError(url, timeoutMs, cause);
      throw new BjError(
        'network',
        `bj: could not fetch the index at ${url} (network error). Check the address, or set ` +
          'the `index` attribute or <meta name="bj-index">; the next interaction tries again.',
        { cause },
      );
    }
    if (!response.ok) {
      throw new BjError(
        'http',
        `bj: the index at ${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}. ` +
          'Publish bj-index.json there, or point the `index` attribute or <meta name="bj-index"> at it.',
      );
    }
    try {
      text = await response.text();
    } catch (cause) {
      if (controller.signal.aborted) throw timeoutError(url, timeoutMs, cause);
      throw new BjError('network', `bj: the index at ${url} could not be read completely; the next interaction tries again.`, { cause });
    }
  } finally {
    clearTimeout(timer);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new BjError(
      'json',
      `bj: the index at ${url} is not valid JSON (${detail}; ${text.length} bytes received, perhaps truncated); ` +
        'rebuild it with `npx bj-index build` and publish it again.',
      { cause },
    );
  }
  try {
    return PolicyIndex.fromJSON(json);
  } catch (cause) {
    if (cause instanceof BjError) {
      throw new BjError(cause.code, `bj: the index at ${url}: ${cause.message.replace(/^bj:\s*/, '')}`, { cause });
    }
    throw new BjError('format', `bj: the index at ${url} could not be read (${String(cause)}); rebuild it with \`npx bj-index build\`.`, { cause });
  }
}

function timeoutError(url: string, timeoutMs: number, cause: unknown): BjError {
  return new BjError(
    'timeout',
    `bj: the index at ${url} did not arrive within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}; the next interaction tries again.`,
    { cause },
  );
}
