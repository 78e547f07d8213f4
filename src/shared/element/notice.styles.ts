/**
 * The notice a loader draws when a part of the library cannot arrive (offline) or the index cannot
 * load: over the page next to the element (it never moves the page's content), with its Retry
 * button. One look for `<bj-keyword>` and `<bj-policy-search>`; each places it.
 */
import { css } from 'lit';

export const noticeStyles = css`
  .down {
    position: absolute;
    z-index: var(--_z);
    padding: 0.5rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid #b3261e;
    border-radius: var(--_radius);
  }
  .down button {
    min-height: 2.75rem;
    margin-inline-start: 0.5rem;
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 1px solid;
    border-radius: var(--_radius);
  }
`;
