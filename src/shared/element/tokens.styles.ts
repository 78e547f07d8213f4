/**
 * The shared design tokens: every `--bj-*` custom property with ONE default (light and dark), read
 * by the elements' styles through private `--_*` variables. First in each element's `styles`.
 * The colours meet WCAG AA on `--bj-surface` (text 4.5:1, borders of controls 3:1).
 *
 * Light or dark follows the page's `color-scheme` (inherited; `light-dark()` picks the dark value
 * only where the page opted into dark, with `:root { color-scheme: light dark }` or
 * `<meta name="color-scheme" content="light dark">`, and the reader is in dark mode), so a
 * light-only page keeps light popovers in dark mode; `color-scheme: light` or `dark` on an element
 * or an ancestor forces either, as the platform does for form controls. Browsers without
 * `light-dark()` (Chrome < 123, Firefox < 120, Safari < 17.5) get the light text, surface, border
 * and accent; to save every page the bytes, not the others (muted text then takes the text colour,
 * and a highlight is not drawn).
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_text: var(--bj-text, light-dark(#1b1f24, #e6edf3));
    --_muted: var(--bj-muted, light-dark(#57606a, #a5b0bb));
    --_surface: var(--bj-surface, light-dark(#fff, #161b22));
    --_border: var(--bj-border, light-dark(#8c959f, #6e7781));
    --_accent: var(--bj-accent, light-dark(#0b5cad, #6cb6ff));
    --_mark: var(--bj-mark, light-dark(#ffe58a, #7a5d00));
    --_radius: var(--bj-radius, 0.375rem);
    --_z: var(--bj-z, 2147483647);
  }
  /* Older browsers: light text, surface, borders and accent (muted text takes the text colour; marks are not drawn). */
  @supports not (color: light-dark(red, red)) {
    :host {
      --_text: var(--bj-text, #1b1f24);
      --_surface: var(--bj-surface, #fff);
      --_border: var(--bj-border, #8c959f);
      --_accent: var(--bj-accent, #0b5cad);
    }
  }
`;
