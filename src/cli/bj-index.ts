/**
 * Entry point of the `bj-index` command, bundled to dist/cli/bj-index.js (`npm run build:cli`)
 * and started by bin/bj-index.js.
 */
import { main } from './main.js';

// A reader that stops early (`bj-index query … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
