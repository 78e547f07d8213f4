/**
 * What `<bj-annotate>` does once its content is near the viewport (or idle, or at once): load the
 * page's index and the marking code, then mark. A chunk of its own (with src/annotate/), imported
 * by the element when its `on` trigger fires, so the loader carries none of it.
 */
import { Annotator } from '../../annotate/annotate.js';
import { IndexLoad } from '../../shared/index/index-load.js';
import { loadCatalogue, peekCatalogue } from '../../shared/index/index-store.js';
import type { KeywordSource } from '../../shared/index/keyword-source.js';
import type { BjAnnotate } from './bj-annotate.js';

/** Each element's index, through the controller the keyword popover and the search box load theirs with. */
const indexes = new WeakMap<BjAnnotate, IndexLoad<KeywordSource>>();

/**
 * Loads the index for `el` and marks its content, handing the `Annotator` to `keep` before the first
 * pass; does nothing more once `current()` is false (the element moved, or its settings changed).
 * A failed load fires `bj-error` on `el` once and leaves the text as it is; a later pass (the
 * element moved or its settings changed) tries again.
 */
export async function annotateRegion(el: BjAnnotate, current: () => boolean, keep: (annotator: Annotator) => void): Promise<void> {
  let load = indexes.get(el);
  if (!load) indexes.set(el, (load = new IndexLoad<KeywordSource>(el, loadCatalogue, peekCatalogue)));
  const index = await load.load();
  if (!index || !current()) return;
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
