/**
 * Small viewports (phones, 200 % zoom): a viewport whose smaller side is under `SHEET_VIEWPORT`
 * CSS px (a 1280 × 720 laptop at 200 % zoom is 640 × 360) shows a keyword's popover as a sheet
 * (src/shared/floating/in-sight.ts) and search results as wide as the viewport (search-controller.ts).
 */
/** Viewports whose smaller side is under this many CSS px show sheets. */
export const SHEET_VIEWPORT = 480;
/** Whether the viewport is small enough for sheets. */
export function smallViewport(): boolean {
  return Math.min(window.innerWidth, window.innerHeight) < SHEET_VIEWPORT;
}
