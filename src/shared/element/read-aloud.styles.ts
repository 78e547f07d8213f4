/**
 * The Read aloud button's look, in the popover and the glossary (adopted with it): a small outlined
 * toggle with a speaker icon, filled while reading (`aria-pressed="true"`). Uses the `--_*` tokens of
 * the element it is in.
 */
import { css } from 'lit';

export const readAloudStyles = css`
  .read-aloud {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    min-height: 2rem;
    padding: 0.2em 0.6em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius, 0.375rem);
    background: none;
    color: var(--_accent);
    font: inherit;
    cursor: pointer;
  }
  .read-aloud svg {
    width: 1.1em;
    height: 1.1em;
    fill: currentColor;
  }
  .read-aloud[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_surface, Canvas);
  }
  .read-aloud:focus-visible {
    outline: 0.125rem solid var(--bj-focus, var(--_accent));
    outline-offset: 0.125rem;
  }
  @media (forced-colors: active) {
    .read-aloud[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
