import { css } from 'lit';
import { noticeStyles } from '../../shared/element/notice.styles.js';
import { tokens } from '../../shared/element/tokens.styles.js';

/** The keyword and its trigger: what the loader renders (the popover's styles come with it, keyword-popover.styles.ts). */
export const styles = css`
  ${tokens}
  ${noticeStyles}
  :host {
    display: inline;
    --_underline: var(--bj-keyword-underline, currentColor);
  }

  [part~='trigger'] {
    cursor: help;
    text-decoration-line: underline;
    text-decoration-style: dotted;
    text-decoration-color: var(--_underline);
    text-decoration-thickness: from-font;
    text-underline-offset: 0.2em;
    border-radius: 0.15em;
    -webkit-tap-highlight-color: transparent;
  }
  [part~='trigger']:hover,
  [part~='trigger'][aria-expanded='true'] {
    text-decoration-style: solid;
  }
  [part~='trigger']:focus {
    outline: none;
  }
  [part~='trigger']:focus-visible {
    outline: 0.125rem solid var(--bj-focus, var(--_accent));
    outline-offset: 0.125rem;
  }
  /* Offline, the popover part could not be imported: the notice under the keyword. */
  .down {
    margin-top: 1.5em;
    font: 0.875rem system-ui;
  }
`;
