/**
 * Floating panels (definition popovers, suggestion lists) that escape `overflow: hidden` and any
 * z-index stacking: the Popover API puts them in the top layer, `./position.ts` places them next
 * to their reference and follows scrolling and resizing while they are open.
 *
 * Where the Popover API is missing, the panel is shown with `position: fixed` and a high z-index
 * (`--bj-z`, default 2147483647) instead; give it the `bj-fallback` class styles in the element.
 *
 * Shadow DOM: the panel is positioned with viewport coordinates (`position: fixed`). A top-layer
 * element is laid out against the viewport whatever its ancestors, so no `offsetParent` — which in
 * shadow DOM can be retargeted and wrong — is ever consulted. In the fallback, a fixed element's
 * containing block is its nearest transformed/filtered ancestor; `position.ts` measures where that
 * block starts. The top-layer case is covered by tests that place a keyword inside a transformed
 * container in a shadow root.
 */
import { autoUpdate, computePosition, type Placement } from './position.js';

import { supportsPopover } from './supports-popover.js';

export { supportsPopover };
export type { Placement };

export interface FloatOptions {
  placement?: Placement;
  /** Gap between reference and panel, px. */
  gap?: number;
  /** Minimum distance from the viewport edges, px. */
  padding?: number;
  /** Makes the panel exactly as wide as the reference (a combobox's list under its box). */
  matchWidth?: boolean;
  /** Called after each placement is written, with the placement used (after `flip`). */
  onPlaced?: (placement: Placement) => void;
  /** Places the panel instead of `computePosition`, at the same moments (a sheet: `dock` of src/shared/floating/in-sight.ts). */
  place?: () => void;
}

/**
 * Shows `floating` (an element with `popover="manual"`, or any element when the API is missing)
 * and keeps it next to `reference` until the returned function is called; that function hides
 * it and stops following. Never throws.
 *
 * Sizes (the available height, and the reference's width with `matchWidth`) are written by
 * `computePosition`'s `apply`, only when they change. `autoUpdate` calls back from its
 * ResizeObserver; writing a size there resizes an observed element while observations are being
 * delivered ("ResizeObserver loop completed with undelivered notifications"). So only the first
 * placement runs at once; every later one runs in the next animation frame (before layout, where
 * scroll and resize updates land in the same frame), at most once per frame.
 */
export function openFloating(reference: Element, floating: HTMLElement, options: FloatOptions = {}): () => void {
  const { placement = 'bottom-start', gap = 6, padding = 8, matchWidth = false, onPlaced, place } = options;
  if (supportsPopover && floating.hasAttribute('popover')) {
    try {
      if (!floating.matches(':popover-open')) floating.showPopover();
    } catch {
      // Not connected or already shown by someone else: the fallback styles still apply.
    }
  } else {
    floating.classList.add('bj-fallback');
    floating.hidden = false;
  }
  const update = (): void => {
    try {
      if (place) return place();
      const {
        x,
        y,
        placement: placed,
      } = computePosition(reference, floating, {
        placement,
        gap,
        padding,
        apply({ availableHeight, referenceWidth }) {
          setStyle(floating, 'maxHeight', `${Math.max(0, Math.floor(availableHeight))}px`);
          if (matchWidth) setStyle(floating, 'width', `${referenceWidth}px`);
        },
      });
      setStyle(floating, 'left', `${x}px`);
      setStyle(floating, 'top', `${y}px`);
      onPlaced?.(placed);
    } catch {
      // The reference or the panel left the document between two frames: nothing to place.
    }
  };
  let closed = false;
  let first = true;
  let frame = 0;
  const schedule = (): void => {
    if (first) {
      first = false;
      update();
    } else if (!frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!closed) update();
      });
    }
  };
  const stop = autoUpdate(reference, floating, schedule);
  return () => {
    if (closed) return;
    closed = true;
    cancelAnimationFrame(frame);
    stop();
    if (supportsPopover && floating.hasAttribute('popover')) {
      try {
        if (floating.matches(':popover-open')) floating.hidePopover();
      } catch {
        // Already hidden (e.g. the element left the document).
      }
    } else {
      floating.hidden = true;
    }
  };
}

/** Writes an inline style only when it changes, so an unchanged placement never resizes anything. */
function setStyle(el: HTMLElement, name: 'left' | 'top' | 'width' | 'maxHeight', value: string): void {
  if (el.style[name] !== value) el.style[name] = value;
}
