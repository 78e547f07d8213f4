import { css } from 'lit';

/** The popover's styles, adopted by the keyword's shadow root at its first opening (src/components/bj-keyword/keyword-popover.ts). */
export const popoverStyles = css`
  /* The popover's container (keyword-popover.ts): no box of its own. */
  .panel-root {
    display: contents;
  }
  #popover {
    /* Top layer (Popover API): undo the UA's centring; openFloating sets left/top. */
    position: fixed;
    inset: auto;
    top: 0;
    left: 0;
    margin: 0;
    box-sizing: border-box;
    width: max-content;
    max-width: min(var(--bj-popover-max-width, 26rem), calc(100vw - 2rem));
    overflow: auto;
    overscroll-behavior: contain;
    padding: 0.75rem 1rem;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--bj-shadow, 0 0.25rem 1rem rgb(0 0 0 / 0.18));
    /* The keyword may sit in a heading or a link: start from plain text. */
    font-family: var(--bj-font, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif);
    font-size: var(--bj-popover-font-size, 0.9375rem);
    font-weight: normal;
    font-style: normal;
    line-height: 1.55;
    letter-spacing: normal;
    text-align: start;
    text-decoration: none;
    text-indent: 0;
    text-transform: none;
    white-space: normal;
    overflow-wrap: break-word;
    cursor: auto;
    z-index: var(--_z);
  }
  #popover.bj-fallback[hidden] {
    display: none;
  }
  #popover:focus {
    outline: none;
  }
  /* Small viewports (src/shared/floating/sheet.ts): a sheet at the bottom of the viewport (or its top), in the room beside the keyword (its max-height). */
  #popover.sheet {
    inset: auto 0 0 0;
    width: auto;
    max-width: min(40rem, 100%);
    margin: 0 auto;
    padding-bottom: calc(0.75rem + env(safe-area-inset-bottom, 0px));
    border-radius: var(--_radius) var(--_radius) 0 0;
    box-shadow: var(--bj-shadow, 0 -0.25rem 1.5rem rgb(0 0 0 / 0.25));
    font-size: max(var(--bj-popover-font-size, 0.9375rem), 1rem);
  }
  /* Close button: on touch screens and in sheets (Escape and an outside tap also close). */
  .close {
    display: none;
    position: sticky;
    top: 0;
    float: right;
    margin: -0.5rem -0.75rem 0 0.5rem;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    align-items: center;
    justify-content: center;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .close svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }
  .close:focus-visible {
    outline: 0.125rem solid var(--bj-focus, var(--_accent));
  }
  @media (pointer: coarse) {
    .close {
      display: flex;
    }
  }
  .sheet .close {
    display: flex;
  }
  [part~='relation'] {
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part~='source-link'],
  [part~='passage-link'] {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  .live {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (prefers-reduced-motion: no-preference) {
    #popover:popover-open,
    #popover.bj-fallback:not([hidden]) {
      animation: bj-keyword-in 120ms ease-out;
    }
  }
  @keyframes bj-keyword-in {
    from {
      opacity: 0;
    }
  }

  p,
  ul {
    margin: 0;
  }
  [part~='title'] {
    font-size: 1.125em;
    font-weight: 600;
    line-height: 1.35;
  }
  [part~='alt-title'] {
    font-weight: 600;
    line-height: 1.35;
  }
  [part~='section'],
  [part~='source'],
  [part~='related-count'] {
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part~='section'] {
    margin-top: 0.125em;
  }
  [part~='definition'] {
    margin-top: 0.5em;
  }
  [part~='definition'] p + p {
    margin-top: 0.5em;
  }
  [part~='notice'] {
    color: var(--_muted);
  }
  .more {
    margin-top: 0.25em;
    padding: 0.125em 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .more:focus-visible {
    outline: 0.125rem solid var(--bj-focus, var(--_accent));
    outline-offset: 0.125rem;
    border-radius: 0.15em;
  }
  [part~='source'] {
    margin-top: 0.5em;
  }
  [part~='related'] {
    margin-top: 0.625em;
    padding-top: 0.5em;
    border-top: 1px solid var(--_border);
  }
  [part~='related-heading'] {
    font-size: 0.875em;
    font-weight: 600;
  }
  [part~='related'] ul {
    padding: 0;
    list-style: none;
  }
  [part~='passage'] {
    margin-top: 0.375em;
    font-size: 0.875em;
    line-height: 1.45;
  }
  [part~='passage-document'] {
    font-weight: 600;
  }
  [part~='passage-heading'] {
    color: var(--_muted);
  }
  [part~='passage-snippet'] {
    display: block;
  }
  /* Each data field is its own bidi island: an override left open in one cannot reverse the next. */
  span[lang] {
    unicode-bidi: isolate;
  }
  mark {
    background: var(--_mark);
    color: inherit;
    border-radius: 0.1em;
  }

  @media (forced-colors: active) {
    [part~='trigger'] {
      text-decoration-color: LinkText;
    }
    [part~='trigger']:focus-visible,
    .more:focus-visible,
    .close:focus-visible {
      outline-color: Highlight;
    }
    #popover {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
      box-shadow: none;
    }
    .more {
      color: ButtonText;
    }
    mark {
      background: Mark;
      color: MarkText;
    }
  }
`;
