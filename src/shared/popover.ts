/**
 * Floating panels (definition popovers, suggestion lists) that escape `overflow: hidden` and any
 * z-index stacking: the Popover API puts them in the top layer, `@floating-ui/dom` places them next
 * to their reference and follows scrolling and resizing while they are open.
 *
 * Where the Popover API is missing, the panel is shown with `position: fixed` and a high z-index
 * (`--bj-z`, default 2147483647) instead; give it the `bj-fallback` class styles in the element.
 *
 * Shadow DOM (floating-ui#1729): the panel is positioned with `strategy: 'fixed'`. A top-layer
 * element is laid out against the viewport, and floating-ui 1.6+ recognises `:popover-open`
 * elements as top layer, so `getOffsetParent` — which in shadow DOM can return a retargeted,
 * wrong `offsetParent` — is never consulted for them. In the fallback, a fixed element's
 * containing block is its nearest transformed/filtered ancestor, which floating-ui finds by
 * walking the composed tree (`getContainingBlock` crosses shadow roots). Both are covered by
 * tests that place a keyword inside a transformed container in a shadow root.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size, type Placement } from '@floating-ui/dom';

/** Whether this browser has the Popover API. */
export const supportsPopover: boolean =
  typeof HTMLElement !== 'undefined' && Object.prototype.hasOwnProperty.call(HTMLElement.prototype, 'popover');

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
}

/**
 * Shows `floating` (an element with `popover="manual"`, or any element when the API is missing)
 * and keeps it next to `reference` until the returned function is called; that function hides
 * it and stops following. Never throws.
 *
 * Sizes (the available height, and the reference's width with `matchWidth`) are written by
 * floating-ui's `size()` middleware, only when they change. `autoUpdate` calls back from its
 * ResizeObserver; writing a size there resizes an observed element while observations are being
 * delivered ("ResizeObserver loop completed with undelivered notifications"). So only the first
 * placement runs at once; every later one runs in the next animation frame (before layout, where
 * scroll and resize updates land in the same frame), at most once per frame.
 */
export function openFloating(reference: Element, floating: HTMLElement, options: FloatOptions = {}): () => void {
  const { placement = 'bottom-start', gap = 6, padding = 8, matchWidth = false, onPlaced } = options;
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
    computePosition(reference, floating, {
      strategy: 'fixed',
      placement,
      middleware: [
        inline(),
        offset(gap),
        flip({ padding }),
        shift({ padding }),
        size({
          padding,
          apply({ availableHeight, rects }) {
            setStyle(floating, 'maxHeight', `${Math.max(0, Math.floor(availableHeight))}px`);
            if (matchWidth) setStyle(floating, 'width', `${rects.reference.width}px`);
          },
        }),
      ],
    }).then(
      ({ x, y, placement: placed }) => {
        if (closed) return;
        setStyle(floating, 'left', `${x}px`);
        setStyle(floating, 'top', `${y}px`);
        onPlaced?.(placed);
      },
      () => undefined,
    );
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
