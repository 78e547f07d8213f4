/**
 * Fetches the parts of a single-file index's dictionary lexicon that a query needs, each
 * once, before the query runs. A lazy part of the search: imported only for an index that has a
 * lexicon. Without a part (a failed fetch, a file of another build) the search stays in the query's
 * own language, with one console warning.
 */
import type { PolicyIndex } from '../../search/policy-index.js';
import { useLexicon } from '../../search/xlang.js';
import { lexiconFilesFor } from '../../search/xlang-needed.js';
import { fetchIndexValue } from './index-json.js';
import type { Limits } from './limits.js';

/**
 * A function that resolves once the parts a query needs are in `index` (or failed): those of its
 * Chinese characters, and with `english` those of its English words too.
 */
export function lexiconLoader(index: PolicyIndex, url: string, limits: Limits): (query: string, english: boolean) => Promise<unknown> {
  const parts = new Map<string, Promise<void>>();
  const load = (file: string) => {
    // An index read from a `blob:` or `data:` URL has no files beside it: no lexicon, no warning.
    const base = URL.canParse(file, url) ? new URL(file, url).href : undefined;
    if (!base) return Promise.resolve();
    return fetchIndexValue(base, limits)
      .then((json) => useLexicon(index, json))
      .catch((e: unknown) =>
        console.warn(`bj: searching without translations: ${e instanceof Error ? e.message.replace(/^bj:\s*/, '') : String(e)}`),
      );
  };
  return (query, english) =>
    Promise.all(
      lexiconFilesFor(index, query, english).map((file) => {
        if (!parts.has(file)) parts.set(file, load(file));
        return parts.get(file);
      }),
    );
}
