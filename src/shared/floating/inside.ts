/**
 * "Was this press inside the element?" that also works when the element sits in a closed shadow
 * root. A document listener sees a composed path cut at the closed root's host, so the element is
 * missing from it and every press would look like an outside press. Instead the element notes the
 * event on itself (its own listener sees it on the way up), and the document listener — in the
 * bubble phase, so after the element's — asks. Open roots keep working through the path too.
 */
const pressedIn = new WeakMap<Event, Set<EventTarget>>();

/** Notes that `e` passed through `el` (call from a listener on `el`). */
export function notePress(el: EventTarget, e: Event): void {
  let seen = pressedIn.get(e);
  if (!seen) pressedIn.set(e, (seen = new Set()));
  seen.add(el);
}

/** Whether `e` happened inside `el` (noted on it, or `el` is on its composed path). */
export function pressedInside(el: EventTarget, e: Event): boolean {
  return Boolean(pressedIn.get(e)?.has(el)) || e.composedPath().includes(el);
}
