/**
 * Work `bj-index build` hands to a worker thread (build-worker.ts): on the other core, or so that
 * its memory is freed with the thread. Where the worker's bundled file is not at hand (the sources
 * run unbundled, as the tests do) there is no worker, and the caller does the work itself.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CorpusFile, SynonymsFile } from '../search/types.js';

export type WorkerJob =
  { job: 'variants'; corpora: Array<{ file: string; data: CorpusFile | SynonymsFile }> } | { job: 'lexicon'; json: string };

/**
 * Starts `job` in a worker thread; the function returned resolves to its result. The worker keeps
 * the process alive only once its result is asked for, and an error reaches only whoever asks.
 * Undefined when there is no worker (see above).
 */
export function startWorkerJob<T>(job: WorkerJob): (() => Promise<T>) | undefined {
  const file = fileURLToPath(new URL('./build-worker.js', import.meta.url));
  if (!existsSync(file)) return undefined;
  const worker = new Worker(file, { workerData: job });
  worker.unref();
  const result = new Promise<T>((resolve, reject) => {
    worker.once('message', (value: T) => {
      resolve(value);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`bj: a worker of bj-index build stopped (exit code ${code}) before it answered`)));
  });
  result.catch(() => undefined);
  return () => {
    worker.ref();
    return result;
  };
}
