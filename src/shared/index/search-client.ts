/**
 * The page's side of search: `getSearcher(indexUrl)` answers queries from a module Web Worker
 * (`search-worker.js`, next to the library's script, like the default index), so loading, indexing
 * and searching never hold the page's main thread. One worker per page serves every search box.
 *
 * When a worker cannot start (the script is on another origin than the page, the page's
 * Content-Security-Policy refuses it, the file is missing, or the browser has no module workers),
 * search runs on the page as before, with one `bj:` warning saying why and what to change.
 */
import type { ShardedSearchOptions } from '../../search/shards/query.js';
import { BjError, type BjErrorCode, type SearchResult } from '../../search/types.js';
import { pageWantsWorker } from './config.js';
import { scriptUrl } from './script-url.js';
import { isOffline } from '../element/lazy-part.js';
import { loadLimits } from './limits.js';
import { onClearIndexCache, type LoadOptions } from './index-store.js';
import type { IndexSearcher } from './searcher.js';
import type { WorkerReply, WorkerRequest } from '../../worker/protocol.js';

declare const __BJ_FORMAT__: string | undefined;

/** File name of the worker script, next to the library's script. */
export const WORKER_FILE = 'search-worker.js';
/** Name of the Trusted Types policy that vouches for the worker's URL (see README, CSP). */
export const TRUSTED_TYPES_POLICY = 'bj-policy-widgets';

/** What a search asks of the searcher. */
export interface ClientSearchOptions extends Omit<ShardedSearchOptions, 'superseded'> {
  /**
   * In the worker: `latest` (default, a search box) drops a search that waits for parts once a newer
   * one on the same index arrives (it answers with what it has); `all` answers every search in full.
   */
  queue?: 'latest' | 'all';
}

export interface Searcher {
  /** Same as `PolicyIndex.search`, asynchronous; `resolve`: how many leading results need their text. */
  search(query: string, opts?: ClientSearchOptions): Promise<SearchResult[]>;
  suggest(query: string, limit?: number): Promise<string[]>;
  /** Loads the index and gets the engine ready (call when a search is about to happen). */
  prepare(): Promise<void>;
  /** URLs of the index parts fetched so far. */
  fetched(): Promise<string[]>;
  /** Where queries run now: `worker`, or `page` after a fallback. */
  readonly mode: 'worker' | 'page';
}

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void; req: DistributiveOmit<WorkerRequest, 'id'> };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

let worker: Worker | undefined;
/** Why the worker is not used, once it failed (then everything runs on the page). */
let fallbackReason: string | undefined;
let nextId = 1;
const inFlight = new Map<number, Pending>();
const searchers = new Map<string, Searcher>();
let policy: { createScriptURL(url: string): unknown } | undefined;

/** The worker's URL: next to the bundle; from source (tests, dev server), the module itself. */
function workerUrl(): string | undefined {
  if (typeof __BJ_FORMAT__ === 'string') {
    const script = scriptUrl();
    return script ? new URL(WORKER_FILE, script).href : undefined;
  }
  return new URL(['..', '..', 'worker', 'search-worker.ts'].join('/'), import.meta.url).href;
}

/** The URL as a TrustedScriptURL where the page enforces Trusted Types (the string elsewhere). */
function trusted(url: string): string {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): { createScriptURL(u: string): unknown } } })
    .trustedTypes;
  if (!tt) return url;
  policy ??= tt.createPolicy(TRUSTED_TYPES_POLICY, {
    createScriptURL: (u: string) => {
      if (u !== workerUrl()) throw new TypeError(`bj: ${u} is not the search worker`);
      return u;
    },
  });
  return policy.createScriptURL(url) as string;
}

function fallBack(reason: string): void {
  if (fallbackReason) return;
  fallbackReason = reason;
  console.warn(`bj: search runs on the page's main thread: ${reason}`);
  worker?.terminate();
  worker = undefined;
  const stranded = [...inFlight.values()];
  inFlight.clear();
  for (const p of stranded) p.reject(new WorkerGone());
}

class WorkerGone extends Error {}

function startWorker(): Worker | undefined {
  if (worker || fallbackReason) return worker;
  const url = workerUrl();
  if (typeof Worker === 'undefined') {
    fallBack('this browser has no Web Workers.');
    return undefined;
  }
  if (!url) {
    fallBack(`the library's script address is unknown, so ${WORKER_FILE} cannot be found next to it.`);
    return undefined;
  }
  if (new URL(url).origin !== location.origin) {
    fallBack(
      `the script is served from ${new URL(url).origin}, another origin than the page, and browsers start workers only from the page's own origin; serve bj-policy-widgets and ${WORKER_FILE} from this site.`,
    );
    return undefined;
  }
  try {
    worker = new Worker(trusted(url), { type: 'module', name: 'bj-policy-search' });
  } catch (error) {
    fallBack(
      `the search worker ${url} could not start (${error instanceof Error ? error.message : String(error)}). ` +
        `Under a Trusted Types policy, add ${TRUSTED_TYPES_POLICY} to the page's \`trusted-types\` directive; allow the script's own origin in \`worker-src\` (or \`script-src\`).`,
    );
    return undefined;
  }
  worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const p = inFlight.get(reply.id);
    if (!p) return;
    inFlight.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new BjError(reply.error.code as BjErrorCode, reply.error.message));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    fallBack(
      `the search worker ${url} failed to load or run${event.message ? ` (${event.message})` : ''}. ` +
        `Publish ${WORKER_FILE} next to the library's script, and allow it in the page's Content-Security-Policy (\`worker-src 'self'\`, or \`script-src 'self'\`).`,
    );
  });
  return worker;
}

function call(req: DistributiveOmit<WorkerRequest, 'id'>): Promise<unknown> {
  const w = startWorker();
  if (!w) return Promise.reject(new WorkerGone());
  const id = nextId++;
  return new Promise((resolve, reject) => {
    inFlight.set(id, { resolve, reject, req });
    w.postMessage({ ...req, id } as WorkerRequest);
  });
}

/** The searcher for the absolute index URL (one per URL per page). */
export function getSearcher(url: string, options: LoadOptions = {}): Searcher {
  let s = searchers.get(url);
  if (!s) {
    s = createSearcher(url, options);
    searchers.set(url, s);
  }
  return s;
}

/** Forgets every searcher (tests; after publishing a new index): `clearIndexCache()` calls it. The worker stays. */
export function clearSearchers(): void {
  searchers.clear();
}
onClearIndexCache(clearSearchers);

/**
 * True when the worker may load `url`: an index of the page's own origin (the worker's too). The
 * page's CSP does not govern what a worker fetches (its own script's headers do), so an index on
 * another origin (a CDN) is searched on the page, where the page's `connect-src` applies; the parts
 * of a sharded index come only from beside its entry file (src/search/shards/part-check.ts).
 */
function workerMayLoad(url: string): boolean {
  return new URL(url).origin === location.origin; // `url` is absolute (resolveIndexUrl)
}

function createSearcher(url: string, options: LoadOptions): Searcher {
  const limits = loadLimits(options);
  // Outside a browser (Node) there is no page to keep responsive: the search runs where it is asked.
  const inWorker = () => typeof location !== 'undefined' && !fallbackReason && pageWantsWorker() && workerMayLoad(url);
  let opened: Promise<unknown> | undefined;
  let page: Promise<IndexSearcher> | undefined;
  const onPage = (): Promise<IndexSearcher> => {
    // The in-page reader (MiniSearch, the sharded reader) is a chunk of its own, loaded only on a fallback.
    page ??= import('./searcher.js').then(({ openSearcher }) => openSearcher(url, { limits, sync: false }));
    page.catch(() => (page = undefined));
    return page;
  };
  /** Runs `req` in the worker (opening the index there first), or on the page once the worker is gone. */
  const run = async <T>(req: DistributiveOmit<WorkerRequest, 'id'>, inPage: (s: IndexSearcher) => T | Promise<T>): Promise<T> => {
    // Offline, neither the worker's script nor the in-page reader can arrive (and the worker must not be given up for it).
    if (isOffline()) throw new Error('offline');
    if (inWorker()) {
      try {
        opened ??= call({ op: 'open', url, limits });
        try {
          await opened;
        } catch (error) {
          opened = undefined;
          throw error;
        }
        return (await call(req)) as T;
      } catch (error) {
        if (!(error instanceof WorkerGone)) throw error;
      }
    }
    return inPage(await onPage());
  };
  return {
    get mode() {
      return inWorker() ? 'worker' : 'page';
    },
    search: (query, { queue, ...opts } = {}) => run({ op: 'search', url, query, opts, queue }, (s) => s.search(query, opts)),
    suggest: (query, limit) =>
      run({ op: 'suggest', url, query, ...(limit !== undefined ? { limit } : {}) }, (s) => s.suggest(query, limit)),
    prepare: () => run({ op: 'prepare', url }, (s) => s.prepare()),
    fetched: () => run({ op: 'fetched', url }, (s) => s.fetched()),
  };
}
