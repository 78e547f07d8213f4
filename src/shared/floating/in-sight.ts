/**
 * Keeping a keyword in sight while its popover is open (WCAG 2.2 SC 2.4.11 Focus Not Obscured).
 * Used by the keyword popover only, so it comes with its chunk, not with the search box's.
 *
 * On a small viewport (src/shared/floating/sheet.ts) the popover is a sheet, as wide as the viewport (up to
 * 40 rem), docked to its bottom edge under the keyword, or to its top edge over the keyword when
 * there is more room above; it ends `GAP` px short of the keyword's lines, so it never covers
 * them. Larger viewports float the popover beside the keyword (src/shared/floating/position.ts), which
 * never covers it either; a tall popover scrolls.
 *
 * When a keyword is opened by Tab, a tap or `show()` (not by hover: the page would move from
 * under the pointer) and the room beside it cannot show its popover, `makeRoom` scrolls the keyword
 * up to a quarter of the viewport (below a sticky header declared with `scroll-padding-top`), as
 * far as the page can scroll, so the sheet below it gets three quarters of the screen and the
 * sentence before the keyword stays in view.
 *
 * While the keyword is out of sight (scrolled away, or under a sticky header), `inSight` says so
 * and the popover is hidden, as floating-ui's `hide()` middleware does, instead of floating over
 * the header on its own.
 */

/** Space between the keyword's lines and a sheet, px. */
const GAP = 8;

/** The room above and below `reference` in the viewport, and the viewport's height, px. */
function room(reference: Element): [number, number, number] {
  const r = reference.getBoundingClientRect();
  const height = document.documentElement.clientHeight;
  return [r.top - GAP, height - r.bottom - GAP, height];
}

/**
 * Places `panel` (shown, with the `sheet` class) as a sheet beside `reference`: docked to the
 * bottom edge, or to the top edge when the room above is larger, its height limited to that room.
 */
export function dock(reference: Element, panel: HTMLElement): void {
  const [above, below] = room(reference);
  const top = above > below;
  // Docked to the top edge: inline, over the class's `inset: auto 0 0` (a floating panel writes its own `top`).
  panel.style.left = '';
  panel.style.top = top ? '0' : '';
  panel.style.bottom = top ? 'auto' : '';
  const max = `${Math.max(0, Math.floor(top ? above : below))}px`;
  if (panel.style.maxHeight !== max) panel.style.maxHeight = max;
}

/**
 * Scrolls `reference` up to a quarter of the viewport (as far as the page can scroll) when the room
 * below it (a sheet), or on its roomier side (a floating panel), is less than `panel`'s content
 * and less than 60 % of the viewport.
 */
export function makeRoom(reference: HTMLElement, panel: HTMLElement, sheet: boolean): void {
  const [above, below, height] = room(reference);
  if ((sheet ? below : Math.max(above, below)) >= Math.min(panel.scrollHeight, 0.6 * height) || above < height / 4) return;
  reference.style.scrollMarginTop = `${height / 4}px`;
  reference.scrollIntoView();
  reference.style.scrollMarginTop = '';
}

/**
 * Whether the reader can see `reference`: the centre of its first line is in the viewport, and what
 * the page draws there is `reference` or what holds it (not a sticky header over it). The page is
 * asked, not the shadow root: Firefox's `ShadowRoot.elementFromPoint` sees only that root.
 */
export function inSight(reference: Element): boolean {
  const [r] = reference.getClientRects();
  const hit = r && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  for (let n: Node | null = reference; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === hit) return true;
  return false;
}
