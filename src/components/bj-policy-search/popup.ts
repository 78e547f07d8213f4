/**
 * The popup of `<bj-policy-search>` under its box: shown by the search part's `PlacementController`
 * (src/shared/floating/placement.ts: top layer or the fallback, the box's width from
 * `computePosition`'s `apply` in src/shared/floating/position.ts), as a sheet on small viewports
 * (src/shared/floating/sheet.ts), and dismissed through its `Dismiss` (src/shared/floating/dismiss.ts).
 */
import type { Dismiss } from '../../shared/floating/dismiss.js';
import type { PlacementController } from '../../shared/floating/placement.js';
import { supportsPopover } from '../../shared/floating/supports-popover.js';
import { smallViewport } from '../../shared/floating/sheet.js';

/** On small viewports, the box is scrolled to the top when less than this share of the viewport is below it. */
const SHEET_ROOM = 0.8;

/** Gap between the box and the popup, px. */
const GAP = 4;

/**
 * Shows `panel` under `box`, as wide as `box`, while `want`, and hides it when not; `dismiss` hears
 * of both (an outside press closes the popup; one popup or popover is open on the page at a time).
 * Small viewports: the results take the viewport's width and all the room under the box, brought to
 * the top of the viewport when less than 80 % of it is below.
 */
export function syncPopup(
  want: boolean,
  placement: PlacementController,
  dismiss: Dismiss,
  box: HTMLElement,
  panel: HTMLElement | null,
): void {
  if (want && panel) {
    if (!placement.shown) {
      if (smallViewport() && window.innerHeight - box.getBoundingClientRect().bottom < SHEET_ROOM * window.innerHeight) {
        box.scrollIntoView({ block: 'start' });
      }
      placement.show(box, panel, { placement: 'bottom-start', gap: GAP, matchWidth: true });
    }
    dismiss.opened();
  } else if (!want) {
    placement.hide();
    panel?.classList.remove('sheet');
    dismiss.closed();
  }
}

/**
 * With `invokedByBox`, makes the box the shown popup's invoker (`showPopover({ source })`), for
 * the details view (and without, back to the list): Tab from its last stop then moves on in the
 * page after the box. Chromium otherwise sends Tab from a popover without an invoker back to the
 * box; not used for the list, where Firefox would skip the popup's filter and results on Tab from
 * the box.
 */
export function reshow(panel: HTMLElement | null, box: HTMLElement, invokedByBox: boolean): void {
  if (!supportsPopover || !panel?.matches(':popover-open')) return;
  try {
    panel.hidePopover();
    (panel.showPopover as (options?: { source?: HTMLElement }) => void)(invokedByBox ? { source: box } : undefined);
  } catch {
    // Not connected any more: nothing to do.
  }
}
