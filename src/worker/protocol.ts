/**
 * The messages between the page (src/shared/index/search-client.ts) and the search worker
 * (src/worker/search-worker.ts). Every request carries an `id`; the worker answers each with a
 * reply of the same `id`, in any order.
 *
 * - `open`: load the index at `url` (absolute) within `limits`; answers its layout.
 * - `prepare`: get the opened index ready for the first query.
 * - `search`: the results of `query` (see `SearchResult`); `queue` says whether a newer search on
 *   the same index makes this one moot (`latest`, a search box) or not (`all`, the headless API).
 * - `suggest`: spelling suggestions; `fetched`: URLs of the index parts fetched so far.
 *
 * Errors travel as `{ code, message }` (a `BjError`'s), the message starting with `bj:`.
 */
export type WorkerRequest =
  | { id: number; op: 'open'; url: string; limits: { timeoutMs: number; maxBytes: number } }
  | {
      id: number;
      op: 'search';
      url: string;
      query: string;
      opts: { kind?: 'all' | 'term' | 'passage'; limit?: number; resolve?: number };
      /** `latest` (default): a newer search on the same index makes this one moot; `all`: answer in full. */
      queue?: 'latest' | 'all' | undefined;
    }
  | { id: number; op: 'suggest'; url: string; query: string; limit?: number }
  | { id: number; op: 'prepare'; url: string }
  | { id: number; op: 'fetched'; url: string };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { code: string; message: string } };
