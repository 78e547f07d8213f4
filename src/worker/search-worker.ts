/**
 * The search worker (dist/search-worker.js, a module worker started by src/shared/index/search-client.ts
 * from next to the library's script): loads indexes and answers queries off the page's main
 * thread. One worker serves every search box of a page; each index URL is opened once.
 * The messages are in `protocol.ts`.
 */
import { BjError } from '../search/types.js';
import { openSearcher, type IndexSearcher } from '../shared/index/searcher.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

const searchers = new Map<string, Promise<IndexSearcher>>();
/** Id of the newest search request per index URL. */
const latest = new Map<string, number>();

function searcher(url: string): Promise<IndexSearcher> {
  const s = searchers.get(url);
  if (!s) return Promise.reject(new BjError('network', `bj: the index at ${url} was not opened; reload the page.`));
  return s;
}

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.op) {
    case 'open': {
      let pending = searchers.get(req.url);
      if (!pending) {
        pending = openSearcher(req.url, { limits: req.limits, sync: true });
        searchers.set(req.url, pending);
        // A failed load is forgotten, so that the next interaction retries.
        pending.catch(() => searchers.delete(req.url));
      }
      return (await pending).layout;
    }
    case 'prepare':
      return (await searcher(req.url)).prepare();
    case 'search': {
      if (req.queue === 'all') return (await searcher(req.url)).search(req.query, req.opts);
      // Typing on makes the previous query moot: it stops fetching parts of a sharded index.
      latest.set(req.url, req.id);
      const superseded = () => latest.get(req.url) !== req.id;
      // Let the keystrokes already queued arrive first: only the newest of them fetches anything.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (superseded()) return [];
      const s = await searcher(req.url);
      return s.search(req.query, { ...req.opts, superseded });
    }
    case 'suggest':
      return (await searcher(req.url)).suggest(req.query, req.limit);
    case 'fetched':
      return (await searcher(req.url)).fetched();
  }
}

const scope = globalThis as unknown as {
  addEventListener(type: 'message', fn: (e: MessageEvent<WorkerRequest>) => void): void;
  postMessage(message: WorkerReply): void;
};

scope.addEventListener('message', (event) => {
  const req = event.data;
  handle(req).then(
    (value) => scope.postMessage({ id: req.id, ok: true, value }),
    (error: unknown) =>
      scope.postMessage({
        id: req.id,
        ok: false,
        error: {
          code: error instanceof BjError ? error.code : 'network',
          message:
            error instanceof Error && error.message.startsWith('bj:')
              ? error.message
              : `bj: search failed (${String(error)}); reload the page.`,
        },
      }),
  );
});
