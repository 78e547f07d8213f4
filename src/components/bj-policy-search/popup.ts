/**
 * Shows the popup of `<bj-policy-search>` under its box: top layer (or the fallback), position and
 * the box's width from `openFloating` (src/shared/floating/popover.ts; `computePosition`'s `apply` in src/shared/floating/position.ts),
 * as a sheet on small viewports (src/shared/floating/sheet.ts).
 */
import { openFloating, supportsPopover, type Placement } from '../../shared/floating/popover.js';
import { smallViewport } from '../../shared/floating/sheet.js';

/** On small viewports, the box is scrolled to the top when less than this share of the viewport is below it. */
const SHEET_ROOM = 0.8;

/** Gap between the box and the popup, px. */
const GAP = 4;

/**
 * Shows `panel` under `box`, as wide as `box`, until the returned function is called; `onPlaced`
 * runs after each placement. Never throws.
 */
export function openUnder(box: HTMLElement, panel: HTMLElement, onPlaced?: (placement: Placement) => void): () => void {
  return openFloating(box, panel, { placement: 'bottom-start', gap: GAP, matchWidth: true, ...(onPlaced ? { onPlaced } : {}) });
}

/** The results popup of one box: shown or hidden as the element's `open` says, a sheet on small viewports. */
export class ResultsPopup {
  /** Hides the popup and stops following the box (set while it is shown). */
  private closePopup?: () => void;

  /**
   * Shows `panel` under `box` when `want`, hides it when not. Small viewports: the results take the
   * viewport's width and all the room under the box, brought to the top of the viewport when less
   * than 80 % of it is below.
   */
  sync(want: boolean, box: HTMLElement, panel: HTMLElement | null, onPlaced: (placement: Placement) => void): void {
    if (want && panel && !this.closePopup) {
      const sheet = smallViewport();
      if (sheet && window.innerHeight - box.getBoundingClientRect().bottom < SHEET_ROOM * window.innerHeight) {
        box.scrollIntoView({ block: 'start' });
      }
      panel.classList.toggle('sheet', sheet);
      this.closePopup = openUnder(box, panel, onPlaced);
    } else if (!want && this.closePopup) {
      this.closePopup();
      this.closePopup = undefined;
      panel?.classList.remove('sheet');
    }
  }

  /**
   * With `invokedByBox`, makes the box the shown popup's invoker (`showPopover({ source })`), for
   * the details view (and without, back to the list): Tab from its last stop then moves on in the
   * page after the box. Chromium otherwise sends Tab from a popover without an invoker back to the
   * box; not used for the list, where Firefox would skip the popup's filter and results on Tab from
   * the box.
   */
  reshow(panel: HTMLElement | null, box: HTMLElement, invokedByBox: boolean): void {
    if (!supportsPopover || !panel?.matches(':popover-open')) return;
    try {
      panel.hidePopover();
      (panel.showPopover as (options?: { source?: HTMLElement }) => void)(invokedByBox ? { source: box } : undefined);
    } catch {
      // Not connected any more: nothing to do.
    }
  }
}
