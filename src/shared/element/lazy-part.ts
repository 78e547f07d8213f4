/**
 * The library's lazy parts: chunks next to the loader (the popover, the search box's search, the
 * annotation), each imported on first need, once per page. What an element does when its part
 * cannot arrive is `BjElement.partFailed` (src/shared/element/bj-element.ts).
 */

/**
 * How long after the browser says it is back online a failed load is tried again: the connection is
 * seldom usable at that very moment (Wi-Fi associating, DNS, a proxy).
 */
export const ONLINE_DELAY_MS = 1000;

/** Whether the browser says it is offline; false where there is no `navigator` (Node: the CLI, the headless API). */
export const isOffline = (): boolean => globalThis.navigator?.onLine === false;

/**
 * `load` (a dynamic import) as a part: imported once, shared by every element of the page, and
 * imported again on the next call after a failure. Never asked for offline (it rejects with
 * `offline`): Firefox keeps a failed import failed for the page, so back online it is imported for real.
 */
export function lazyPart<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= (isOffline() ? Promise.reject(new Error('offline')) : load()).catch((cause: unknown) => {
      pending = undefined;
      throw cause;
    }));
}
