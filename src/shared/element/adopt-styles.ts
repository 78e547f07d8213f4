/** Styles that arrive with a chunk (the popover's, the search panel's), added to an element's shadow root. */
import type { CSSResult, LitElement } from 'lit';

/**
 * Adds `sheet` to `el`'s shadow root (a part that arrives with a chunk, e.g. the popover's styles).
 * Constructable stylesheets: allowed by `style-src 'self'`.
 */
export function adoptStyles(el: LitElement, sheet: CSSResult): void {
  const root = el.renderRoot as ShadowRoot;
  const styleSheet = sheet.styleSheet;
  if (!styleSheet || !root.adoptedStyleSheets || root.adoptedStyleSheets.includes(styleSheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, styleSheet];
}
