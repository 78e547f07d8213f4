/**
 * Shows the popup of `<bj-policy-search>` under its box: top layer (or the fallback) and position
 * from `openFloating` (src/shared/popover.ts), and the box's width, followed with a ResizeObserver.
 */
import { openFloating } from '../../shared/popover.js';

/** Gap between the box and the popup, px. */
const GAP = 4;

/** Shows `panel` under `box`, as wide as `box`, until the returned function is called. Never throws. */
export function openUnder(box: HTMLElement, panel: HTMLElement): () => void {
  const fit = () => {
    panel.style.width = `${box.getBoundingClientRect().width}px`;
  };
  fit();
  const observer = new ResizeObserver(fit);
  observer.observe(box);
  const stop = openFloating(box, panel, { placement: 'bottom-start', gap: GAP });
  return () => {
    stop();
    observer.disconnect();
  };
}
