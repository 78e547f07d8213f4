#!/usr/bin/env node
// bj-index: starts the bundled CLI (dist/cli/bj-index.js, built from src/cli by `npm run build:cli`).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/bj-index.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'bj: the bj-index command is not built yet (dist/cli/bj-index.js is missing); ' +
      'run `npm run build:cli` in the bj-policy-widgets package, then try again\n',
  );
  process.exit(1);
}
await import(cli.href);
