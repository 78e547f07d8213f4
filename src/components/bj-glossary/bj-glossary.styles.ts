/**
 * `<bj-glossary>`'s styles. The glossary is drawn in the page (light DOM), so these are adopted by
 * its document (or shadow root) and every rule is scoped to `bj-glossary`; the page's own fonts and
 * sizes apply. The `--bj-*` tokens have the same defaults as in the other elements
 * (src/shared/element/tokens.styles.ts).
 */
import { css } from 'lit';
import { readAloudStyles } from '../../shared/element/read-aloud.styles.js';

/** The Read aloud button's styles, nested under `bj-glossary` (CSS nesting) so that they reach no other `.read-aloud` of the page. */
export const readAloudScoped = css`
  bj-glossary {
    ${readAloudStyles}
  }
`;

export const styles = css`
  bj-glossary {
    --_text: var(--bj-text, inherit);
    --_muted: var(--bj-muted, #57606a);
    --_border: var(--bj-border, #8c959f);
    --_accent: var(--bj-accent, #0b5cad);
    --_mark: var(--bj-mark, #ffe58a);
    --_radius: var(--bj-radius, 0.375rem);
    display: block;
    color: var(--_text);
    overflow-wrap: break-word;
  }
  @media (prefers-color-scheme: dark) {
    bj-glossary {
      --_muted: var(--bj-muted, #a5b0bb);
      --_border: var(--bj-border, #6e7781);
      --_accent: var(--bj-accent, #6cb6ff);
      --_mark: var(--bj-mark, #7a5d00);
    }
  }
  bj-glossary[data-bj-ready] > :not(.bj-glossary) {
    display: none;
  }
  bj-glossary [hidden] {
    display: none !important;
  }
  bj-glossary .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
    padding-block: 0.5rem;
    border-block-end: 1px solid var(--_border);
  }
  bj-glossary .tools label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-size: 0.875em;
    color: var(--_muted);
  }
  bj-glossary .tools .filter {
    flex: 1 1 14rem;
    min-width: 0;
  }
  bj-glossary .tools input,
  bj-glossary .tools select {
    font: inherit;
    font-size: 1rem;
    min-height: 2.5rem;
    box-sizing: border-box;
    max-width: 100%;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: inherit;
    background: transparent;
  }
  bj-glossary .count {
    margin: 0;
    flex-basis: 100%;
    color: var(--_muted);
  }
  bj-glossary :focus-visible {
    outline: 2px solid var(--bj-focus, var(--_accent));
    outline-offset: 2px;
  }
  bj-glossary a {
    color: var(--_accent);
  }
  bj-glossary [part~='entry'] {
    padding: 0.75rem 0.5rem;
    border-block-end: 1px solid var(--_border);
    scroll-margin-top: 1rem;
  }
  bj-glossary [part~='entry']:target {
    background: linear-gradient(var(--_mark), var(--_mark)) left / 0.25rem 100% no-repeat;
  }
  bj-glossary h3 {
    margin: 0 0 0.25rem;
  }
  bj-glossary [part~='alt-title'] {
    font-weight: normal;
    color: var(--_muted);
  }
  bj-glossary .permalink {
    font-weight: normal;
    text-decoration: none;
    padding-inline: 0.25rem;
  }
  bj-glossary [part~='definition'] p {
    margin: 0.375rem 0;
  }
  bj-glossary [part~='source'],
  bj-glossary [part~='related'] {
    font-size: 0.875em;
    color: var(--_muted);
  }
  bj-glossary [part~='related'] h4 {
    margin: 0.5rem 0 0.25rem;
    font-size: inherit;
  }
  bj-glossary [part~='related'] ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  bj-glossary .snippet {
    display: block;
  }
  bj-glossary .read-aloud {
    margin-block: 0.25rem;
  }
  bj-glossary mark {
    background: var(--_mark);
    color: inherit;
  }
  @media print {
    bj-glossary .tools,
    bj-glossary .permalink,
    bj-glossary [part~='read-aloud'] {
      display: none;
    }
    bj-glossary [part~='entry'] {
      break-inside: avoid;
      padding-inline: 0;
    }
    bj-glossary h2 {
      break-after: avoid;
    }
    bj-glossary [part~='source'] a[href^='http']::after {
      content: ' <' attr(href) '>';
      word-break: break-all;
    }
    bj-glossary,
    bj-glossary [part~='source'],
    bj-glossary [part~='related'] {
      color: #000;
    }
    bj-glossary a {
      color: inherit;
    }
  }
`;
