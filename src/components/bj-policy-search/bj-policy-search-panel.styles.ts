import { css } from 'lit';

/**
 * The results popup: its tint, focus rings, the popup itself (top layer or fallback, a sheet on small
 * viewports), its scrolling area and the kind filter. Adopted when the search part arrives
 * (search-controller.ts), before the results' styles (bj-policy-search-results.styles.ts).
 */
export const panelStyles = css`
  /* The active option's tint: stronger on a dark surface (light or dark as in src/shared/element/tokens.styles.ts). */
  :host {
    --_active: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }
  @supports (color: light-dark(red, red)) {
    :host {
      --_active: light-dark(
        color-mix(in srgb, var(--_accent) 12%, var(--_surface)),
        color-mix(in srgb, var(--_accent) 22%, var(--_surface))
      );
    }
  }
  /* Each data field is its own bidi island: an open override (U+202E) in one cannot reverse the next. */
  [lang],
  .data {
    unicode-bidi: isolate;
  }
  button:focus-visible,
  .seg input:focus-visible + span,
  h2:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  /* The popup: top layer (Popover API) or, without it, fixed with a high z-index (.bj-fallback).
     openFloating sets left/top and max-height (the room below or above the box); the element sets
     the width to the box's. The inner .scroll keeps the --bj-popup-max-height cap and scrolls. */
  .panel {
    position: fixed;
    inset: auto;
    top: 0;
    left: 0;
    margin: 0;
    z-index: var(--_z);
    flex-direction: column;
    min-width: min(18rem, calc(100vw - 1rem));
    max-width: calc(100vw - 1rem);
    overflow: hidden;
    padding: 0;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.18);
  }
  /* Two rules: a browser without :popover-open would drop a list holding it. */
  .panel:popover-open {
    display: flex;
  }
  .panel.bj-fallback {
    display: flex;
  }
  /* Small viewports: the viewport's width and all the room below the box (openFloating's max-height). */
  .close {
    display: none;
  }
  .panel.sheet .close {
    display: block;
    min-height: 2.75rem;
    margin: 0 0 0.25rem auto;
    padding: 0 0.75rem;
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .panel.sheet {
    left: 0 !important;
    width: 100% !important;
    max-width: none;
    min-width: 0;
    border-inline: 0;
    border-radius: 0;
  }
  input {
    scroll-margin-block: 0.25rem;
  }
  .panel.sheet .scroll {
    max-height: none;
  }
  .panel.sheet .option {
    padding-block: 0.375rem;
  }
  .panel.sheet .option .snippet {
    -webkit-line-clamp: 2;
    line-clamp: 2;
  }
  .scroll {
    flex: 1 1 auto;
    min-height: 0;
    max-height: var(--bj-popup-max-height, min(70vh, 34rem));
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 0.5rem;
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0 0 0.5rem;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .seg {
    position: relative;
    cursor: pointer;
  }
  .seg input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    min-height: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .seg > span {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-height: 2rem;
    padding: 0.2rem 0.6rem;
    font-size: 0.9375em;
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  .seg input:disabled {
    cursor: default;
  }
  .seg input:disabled + span {
    border-style: dashed;
  }
  .seg input:checked + span {
    font-weight: 600;
    color: var(--_surface);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .count {
    font-variant-numeric: tabular-nums;
    font-size: 0.85em;
    min-width: 1.4em;
    padding: 0 0.3em;
    text-align: center;
    border-radius: 999px;
    background: color-mix(in srgb, currentColor 14%, transparent);
  }
  @media (prefers-reduced-motion: no-preference) {
    .seg > span {
      transition: background-color 80ms linear;
    }
  }
  @media (forced-colors: active) {
    .seg input:checked + span {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
    .panel {
      border-color: CanvasText;
    }
  }
`;
