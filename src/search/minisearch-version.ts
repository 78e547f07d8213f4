/**
 * The MiniSearch release the sharded index depends on: its reader scores postings exactly as this
 * release's `search` does (`shards/scorer.ts`) and its builder reads this release's serialised
 * index (`toJSON`). package.json pins it exactly; where another copy may be loaded (the CLI runs
 * with the `minisearch` installed beside it), {@link checkMiniSearchVersion} refuses it.
 */
import { BjError } from './types.js';

export const MINISEARCH_VERSION = '7.2.0';

/** Throws a `BjError` when `installed` is not {@link MINISEARCH_VERSION}. */
export function checkMiniSearchVersion(installed: string | undefined): void {
  if (installed === MINISEARCH_VERSION) return;
  throw new BjError(
    'library-version',
    `bj: bj-policy-widgets needs minisearch ${MINISEARCH_VERSION} exactly (a sharded index is searched and built as that release scores), but minisearch ${installed ?? '(version unknown)'} is installed; run \`npm install minisearch@${MINISEARCH_VERSION} --save-exact\`.`,
  );
}
