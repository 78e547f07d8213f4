/**
 * Waiting in browser tests: for an event or a state the user would see, never for a guessed number
 * of milliseconds. `elapsed` is the one exception, for tests that are *about* a delay.
 */
// eslint-disable-next-line no-restricted-imports -- the one place that wraps it
import { oneEvent, waitUntil as openWcWaitUntil } from '@open-wc/testing';

/** The next animation frame (style, layout and ResizeObserver work of this frame done). */
export const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** After the next frame has been rendered: its animation-frame callbacks, layout and observers have all run. */
export const afterFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** After every promise continuation queued so far has run (one macrotask later). */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A rendered frame and the task after it: layout, observers, queued events (errors, rejections) delivered. */
export async function settle(): Promise<void> {
  await nextFrame();
  await nextTask();
  await nextTask();
}

/**
 * For tests about a delay (show-delay, hide-delay, the address-bar delay): resolves `ms` after now.
 * Timers run in order (HTML: a timer waits for every earlier one with an equal or shorter timeout),
 * so a timer the element set *before* this call with a delay of at most `ms` has run by then, however
 * slow the machine; what a test asserts after it cannot depend on load.
 */
export const elapsed = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves when the floating panel of `el` (`<bj-keyword>` popover, `<bj-policy-search>` popup) has
 * been placed and stays put: it waits for `bj-reposition` events until fonts have loaded and two
 * frames pass without one.
 * Use after something that moves or resizes the panel (opening, new content, scrolling).
 */
export async function placementSettled(el: Element): Promise<void> {
  let count = 0;
  const on = (): void => {
    count++;
  };
  el.addEventListener('bj-reposition', on);
  try {
    let seen = -1;
    while (seen !== count) {
      seen = count;
      // Text laid out with a web font that is still loading changes size again when it arrives.
      await document.fonts.ready;
      // Whole frames (every animation-frame callback and the ResizeObserver step): a placement the
      // element deferred to the next frame has been made, and announced, by the end of the second.
      await afterFrame();
      await afterFrame();
    }
  } finally {
    el.removeEventListener('bj-reposition', on);
  }
}

/** Runs `action` and resolves with the `bj-reposition` event it causes. */
export async function repositionAfter(el: Element, action: () => unknown): Promise<CustomEvent> {
  const placed = oneEvent(el, 'bj-reposition') as Promise<CustomEvent>;
  await action();
  return placed;
}

/** Resolves when the running animations of `el` (e.g. a panel's fade-in) have finished or been cancelled. */
export async function animationsFinished(el: Element): Promise<void> {
  await Promise.all(el.getAnimations().map((a) => a.finished.catch(() => undefined)));
}

/**
 * Resolves once an image request for `src` (default `x`, what `<img src=x onerror=…>` payloads use)
 * has failed or loaded: an injected payload image, requested earlier, has fired its handler by then.
 */
export function imageSettled(src = 'x'): Promise<void> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = img.onerror = () => resolve();
    img.src = src;
  });
}

/**
 * `waitUntil` of @open-wc/testing with a 10 s default timeout instead of its 1 s: CI runs both
 * browsers, the Node tests, lint and typecheck at once on two cores, where a state the user would
 * see within a blink can take more than a second to arrive. A condition that never holds still
 * fails, with the message. Import this one, not @open-wc's (eslint enforces it).
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 10_000, ...options });
}
