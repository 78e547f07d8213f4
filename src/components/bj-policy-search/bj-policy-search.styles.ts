import { css } from 'lit';
import { noticeStyles } from '../../shared/element/notice.styles.js';
import { tokens } from '../../shared/element/tokens.styles.js';

export const styles = css`
  ${tokens}
  ${noticeStyles}
  :host {
    --_mark-text: var(--_text);
    display: block;
    position: relative;
    max-width: 100%;
    font-family: var(--bj-font, inherit);
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  /* Page CSS reaches the host only: this floor keeps the box, results and details readable under
     font-size: 0 ancestors, or font: 0/0 and color: transparent with !important on the host. The
     label sits on the page's background: it keeps the page's text colour. */
  .base {
    font-size: max(0.875rem, 1em);
    line-height: 1.45;
  }
  .field {
    position: relative;
    color: var(--_text);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  label[part='label'] {
    display: block;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  /* The notice under the box (src/shared/element/notice.styles.ts). */
  .down {
    inset-inline: 0;
    margin-top: 4px;
  }
  .icon {
    position: absolute;
    inset-inline-start: 0.6rem;
    top: 50%;
    width: 1.1rem;
    height: 1.1rem;
    transform: translateY(-50%);
    fill: none;
    stroke: var(--_muted);
    stroke-width: 2;
    stroke-linecap: round;
    pointer-events: none;
  }
  input {
    display: block;
    width: 100%;
    min-height: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 2.2rem 0.75rem;
    font: inherit;
    font-size: max(1rem, 16px);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* Room for the hint only while it shows (not focused, nothing typed, a wide enough viewport). */
  input.with-hint:not(:focus) {
    padding-inline-end: 6.5rem;
  }
  input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .hint {
    position: absolute;
    inset-inline-end: 0.5rem;
    top: 50%;
    transform: translateY(-50%);
    display: flex;
    gap: 0.25rem;
    pointer-events: none;
  }
  input:focus ~ .hint {
    display: none;
  }
  kbd {
    font: inherit;
    font-size: 0.8em;
    padding: 0 0.35em;
    color: var(--_muted);
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
  }
  @media (hover: none) and (pointer: coarse), (max-width: 30rem) {
    .hint {
      display: none;
    }
    input.with-hint:not(:focus) {
      padding-inline-end: 0.75rem;
    }
  }
`;
