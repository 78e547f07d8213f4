/**
 * When the search box does what follows a search (search-controller.ts): the live region and
 * `?q=` wait for typing to pause, and new results are drawn a slice at a time so that a phone's
 * main thread never spends 50 ms in one task on them (docs/performance.md).
 */

/** The live region waits this long after the last change, so that typing does not chatter. */
export const ANNOUNCE_DELAY_MS = 500;
/** `?q=` is written this long after the last keystroke (browsers throttle `replaceState`). */
export const URL_DELAY_MS = 250;
/**
 * New results are drawn the first alone (it brings the first drawing of every part of a result),
 * then this many more after each frame up to `limit`. The listbox is `aria-busy` meanwhile.
 */
export const SLICE = 2;
