import { css } from 'lit';

/**
 * What the results popup holds: the options, highlighted matches, buttons, the "no results" and
 * "related results" messages, and the details view. Adopted after the popup's styles
 * (bj-policy-search-panel.styles.ts), which it may override.
 */
export const resultStyles = css`
  [role='listbox'] {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
  }
  .option {
    display: flex;
    flex-direction: column;
    gap: 0.15rem;
    min-height: 2.75rem;
    padding: 0.5rem 0.625rem;
    color: inherit;
    text-decoration: none;
    border-radius: calc(var(--_radius) - 0.125rem);
    border-inline-start: 3px solid transparent;
    cursor: pointer;
  }
  .option:hover {
    background: color-mix(in srgb, var(--_accent) 6%, var(--_surface));
  }
  .option[aria-selected='true'] {
    background: var(--_active);
    border-inline-start-color: var(--_accent);
  }
  .head {
    overflow-wrap: anywhere;
  }
  .option .place,
  .option .snippet {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
  }
  .option .place {
    -webkit-line-clamp: 2;
    line-clamp: 2;
  }
  .kind {
    display: inline-block;
    margin-inline-end: 0.4em;
    vertical-align: 0.1em;
    font-size: 0.8em;
    font-weight: 600;
    line-height: 1.3;
    padding: 0 0.4em;
    border-radius: 0.25rem;
    border: 1px solid currentColor;
    white-space: nowrap;
  }
  .kind-term {
    color: var(--_accent);
  }
  .kind-passage {
    color: var(--_muted);
  }
  .titles {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .title {
    font-weight: 600;
  }
  .alt {
    color: var(--_muted);
  }
  /* Another passage of the page and section above: its text only, set in under it. */
  .option.cont {
    margin-block-start: -0.375rem;
    padding-inline-start: 1.5rem;
  }
  .where {
    display: block;
    overflow: hidden;
    font-size: 0.8em;
    color: var(--_muted);
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .place {
    font-size: 0.85em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .snippet {
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  mark {
    color: var(--_mark-text);
    background: var(--_mark);
    border-radius: 0.15em;
    padding: 0 0.05em;
  }
  button {
    font: inherit;
    min-height: 2rem;
    padding: 0.25rem 0.75rem;
    color: var(--_accent);
    background: transparent;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .more {
    display: block;
    width: 100%;
    margin-block-start: 0.5rem;
  }
  .empty p {
    margin: 0.25rem 0 0.5rem;
  }
  .none,
  .weak {
    font-weight: 600;
  }
  .weak,
  .translated {
    margin: 0.25rem 0 0.5rem;
  }
  .suggest {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem;
  }
  .chip {
    border-radius: 999px;
  }
  .tip,
  .loading,
  .meta,
  .source,
  .aliases {
    color: var(--_muted);
    font-size: 0.9em;
  }
  /* The element's own message: its own surface and colours, so it keeps AA contrast in a
     coloured header (the page's colours reach only the host). */
  .details {
    padding: 0.25rem 0.5rem 0.5rem;
    overflow-wrap: anywhere;
  }
  .details h2 {
    margin: 0.75rem 0 0.25rem;
    font-size: 1.25em;
  }
  .details h2 .alt {
    font-weight: 400;
  }
  .details .text p {
    margin: 0.5rem 0;
  }
  .details .text + .text {
    border-block-start: 1px solid color-mix(in srgb, var(--_border) 50%, transparent);
    padding-block-start: 0.25rem;
  }
  .details a {
    color: var(--_accent);
  }
  @media (prefers-reduced-motion: no-preference) {
    .option {
      transition: background-color 80ms linear;
    }
  }
  @media (forced-colors: active) {
    .option {
      border-inline-start-color: Canvas;
    }
    .option[aria-selected='true'] {
      outline: 2px solid Highlight;
      outline-offset: -2px;
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .option[aria-selected='true'] .alt,
    .option[aria-selected='true'] .place,
    .option[aria-selected='true'] .kind {
      color: HighlightText;
    }
    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
  }
`;
