/**
 * The shared design tokens: every `--bj-*` custom property with ONE default (light and dark), read
 * by the elements' styles through private `--_*` variables. First in each element's `styles`.
 * The colours meet WCAG AA on `--bj-surface` (text 4.5:1, borders of controls 3:1).
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_text: var(--bj-text, #1b1f24);
    --_muted: var(--bj-muted, #57606a);
    --_surface: var(--bj-surface, #ffffff);
    --_border: var(--bj-border, #8c959f);
    --_accent: var(--bj-accent, #0b5cad);
    --_mark: var(--bj-mark, #ffe58a);
    --_radius: var(--bj-radius, 0.375rem);
    --_z: var(--bj-z, 2147483647);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--bj-text, #e6edf3);
      --_muted: var(--bj-muted, #a5b0bb);
      --_surface: var(--bj-surface, #161b22);
      --_border: var(--bj-border, #6e7781);
      --_accent: var(--bj-accent, #6cb6ff);
      --_mark: var(--bj-mark, #7a5d00);
    }
  }
`;
