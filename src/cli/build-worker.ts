/**
 * The worker thread of `bj-index build` (bundled to dist/cli/build-worker.js; see worker-job.ts). It
 * runs one job and posts its result back:
 * - `variants`: the traditional → simplified map of the corpora. OpenCC's dictionaries (about
 *   140 MB) then live and die with this thread, and are never in the builder's own memory.
 * - `lexicon`: the dictionary lexicon of the index whose JSON text it is given, while the main
 *   thread cuts the index into its sharded parts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BuiltIndex } from '../search/format.js';
import type { WorkerJob } from './worker-job.js';

const job = workerData as WorkerJob;
if (job.job === 'variants') {
  const { variantsOf } = await import('../search/build.js');
  parentPort!.postMessage(variantsOf(job.corpora));
} else {
  const { deriveLexicon } = await import('./lexicon-output.js');
  parentPort!.postMessage(await deriveLexicon(JSON.parse(job.json) as BuiltIndex));
}
