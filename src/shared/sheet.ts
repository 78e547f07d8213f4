/**
 * Small viewports (phones, 200 % zoom, large default fonts): when the room beside a keyword cannot
 * show its popover, the popover becomes a sheet sized to the viewport (bottom of the screen, full
 * width, up to the viewport's height) instead of a panel squeezed into one side of the keyword.
 *
 * The rule (documented in the README, "Phones, zoom and large fonts"):
 * - a viewport whose smaller side is under `SHEET_VIEWPORT` CSS px (a phone; a 1280 × 720 laptop at
 *   200 % zoom is 640 × 360) always gets a sheet;
 * - otherwise, a sheet when the taller of the spaces above and below the keyword holds less than
 *   `ROOM_RATIO` of the popover's content height and less than `ROOM_REM` root ems: a room that
 *   tall (20 lines of text) shows a floating panel that scrolls, and a sheet there would cover the
 *   keyword and the text the reader is reading on a desktop window.
 */
import { supportsPopover } from './popover.js';

/** Viewports whose smaller side is under this many CSS px show sheets. */
export const SHEET_VIEWPORT = 480;
/** Below this share of the content fitting beside the keyword, a sheet is shown… */
export const ROOM_RATIO = 0.6;
/** …unless the room beside it is at least this many root ems (320 CSS px at the default font size). */
export const ROOM_REM = 20;

/** Whether the viewport is small enough for sheets in every case. */
export function smallViewport(): boolean {
  return Math.min(window.innerWidth, window.innerHeight) < SHEET_VIEWPORT;
}

/** Whether `panel` (shown, its content laid out) fits well enough above or below `reference`. */
export function needsSheet(reference: Element, panel: HTMLElement, margin = 14): boolean {
  if (smallViewport()) return true;
  const r = reference.getBoundingClientRect();
  const room = Math.max(r.top, window.innerHeight - r.bottom) - margin;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return room < ROOM_RATIO * panel.scrollHeight && room < ROOM_REM * rem;
}

/**
 * Shows `panel` (a `popover="manual"` element, or any element without the Popover API) as a
 * sheet: the `sheet` class (the element's styles place it), no inline position. Returns the
 * function that hides it. Never throws.
 */
export function openSheet(panel: HTMLElement): () => void {
  for (const p of ['left', 'top', 'max-height', 'width']) panel.style.removeProperty(p);
  panel.classList.add('sheet');
  const popover = supportsPopover && panel.hasAttribute('popover');
  if (popover) {
    try {
      if (!panel.matches(':popover-open')) panel.showPopover();
    } catch {
      // Not connected: nothing to show.
    }
  } else {
    panel.classList.add('bj-fallback');
    panel.hidden = false;
  }
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    panel.classList.remove('sheet');
    if (popover) {
      try {
        if (panel.matches(':popover-open')) panel.hidePopover();
      } catch {
        // Already hidden.
      }
    } else panel.hidden = true;
  };
}
