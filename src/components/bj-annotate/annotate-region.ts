/**
 * What `<bj-annotate>` does once its content is near the viewport (or idle, or at once): load the
 * page's index and the marking code, then mark. A chunk of its own (with src/annotate/), imported
 * by the element when its `on` trigger fires, so the loader carries none of it.
 */
import { Annotator } from '../../annotate/annotate.js';
import { BjError } from '../../search/types.js';
import { resolveIndexUrl } from '../../shared/config.js';
import { loadCatalogue } from '../../shared/index-store.js';
import type { BjAnnotate } from './bj-annotate.js';

/**
 * Loads the index for `el` and marks its content, handing the `Annotator` to `keep` before the first
 * pass; does nothing more once `current()` is false (the element moved, or its settings changed).
 * A failed load fires `bj-error` on `el` and leaves the text as it is.
 */
export async function annotateRegion(el: BjAnnotate, current: () => boolean, keep: (annotator: Annotator) => void): Promise<void> {
  const url = resolveIndexUrl(el.index);
  let index;
  try {
    index = await loadCatalogue(url);
  } catch (cause) {
    if (!current()) return;
    const error = cause instanceof BjError ? cause : new BjError('network', `bj: the index at ${url} could not load (${String(cause)}).`);
    el.reportError(error, { url });
    return;
  }
  if (!current()) return;
  let first = true;
  const annotator = new Annotator(el, index, {
    all: el.all,
    max: el.max !== undefined && Number.isFinite(el.max) ? Math.max(0, el.max) : undefined,
    skip: el.skip || undefined,
    attributes: el.index ? { index: el.index } : undefined,
    onBatch: (added, count) => {
      if (first || added > 0) el.emit('bj-annotated', { count, added });
      first = false;
    },
  });
  keep(annotator);
  await annotator.start();
}
