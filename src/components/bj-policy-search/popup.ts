/**
 * Shows the popup of `<bj-policy-search>` under its box: top layer (or the fallback), position and
 * the box's width from `openFloating` (src/shared/popover.ts; `computePosition`'s `apply` in src/shared/position.ts).
 */
import { openFloating, type Placement } from '../../shared/popover.js';

/** Gap between the box and the popup, px. */
const GAP = 4;

/**
 * Shows `panel` under `box`, as wide as `box`, until the returned function is called; `onPlaced`
 * runs after each placement. Never throws.
 */
export function openUnder(box: HTMLElement, panel: HTMLElement, onPlaced?: (placement: Placement) => void): () => void {
  return openFloating(box, panel, { placement: 'bottom-start', gap: GAP, matchWidth: true, ...(onPlaced ? { onPlaced } : {}) });
}
