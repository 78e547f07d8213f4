/**
 * Fetching an index file's JSON (the index, or a part of a sharded one) within the page's limits:
 * the body read as a capped stream, strict UTF-8, then JSON; and naming the index in a reader's
 * error. Every failure is a `BjError` whose `bj:` message says what to do. Used on the page (the
 * catalogue) and in the search worker.
 */
import { BjError } from '../../search/types.js';
import type { Limits } from './limits.js';

/** Reads `json` with `read` (an index reader), naming `url` in any error. */
export function readAs<T>(url: string, read: () => T): T {
  try {
    return read();
  } catch (cause) {
    if (cause instanceof BjError) {
      throw new BjError(cause.code, `bj: the index at ${url}: ${cause.message.replace(/^bj:\s*/, '')}`, { cause });
    }
    throw new BjError('format', `bj: the index at ${url} could not be read (${String(cause)}); rebuild it with \`npx bj-index build\`.`, {
      cause,
    });
  }
}

/**
 * Fetches and parses the JSON at `url` within the limits (the index, or a part of a sharded one),
 * without reading it as an index. Rejects with a `BjError` (network, http, timeout, too-large, json).
 */
export async function fetchIndexValue(url: string, { timeoutMs, maxBytes }: Limits): Promise<unknown> {
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
      text = await readCapped(response, url, maxBytes);
    } catch (cause) {
      if (cause instanceof BjError) throw cause;
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
  return json;
}

/**
 * The body as text, read as a stream so that no more than `maxBytes` (as decoded: a gzip bomb is
 * stopped at the limit, not after inflating) ever reaches memory. Strict UTF-8.
 */
async function readCapped(response: Response, url: string, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new BjError(
      'too-large',
      `bj: the index at ${url} is larger than ${maxBytes.toLocaleString('en')} bytes, the page's limit; publish a smaller index, ` +
        'or raise the limit with <meta name="bj-index-max-bytes" content="…"> or window.bjPolicyWidgets = { maxBytes: … }.',
    );
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array, stream = false): string => {
    try {
      return decoder.decode(bytes, { stream });
    } catch (cause) {
      throw new BjError('json', `bj: the index at ${url} is not UTF-8 text; rebuild it with \`npx bj-index build\` and publish it again.`, {
        cause,
      });
    }
  };
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge();
    return decode(bytes);
  }
  const reader = response.body.getReader();
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(decode(value, true));
  }
  parts.push(decode());
  return parts.join('');
}

function timeoutError(url: string, timeoutMs: number, cause: unknown): BjError {
  return new BjError(
    'timeout',
    `bj: the index at ${url} did not arrive within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}; the next interaction tries again.`,
    { cause },
  );
}
