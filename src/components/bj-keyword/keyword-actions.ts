/**
 * The popover's row of actions under the definition: Read aloud (when the browser has a voice for
 * the language shown) and "Full entry" (when the page names a glossary page). A small part of its
 * own, imported when a popover first opens, so that the popover's first opening carries none of it.
 */
import { msg } from '@lit/localize';
import { css, html, nothing, type LitElement, type TemplateResult } from 'lit';
import type { ContentLang, TermEntry } from '../../search/types.js';
import { adoptStyles } from '../../shared/element/adopt-styles.js';
import { glossaryHref } from '../../shared/element/glossary-url.js';
import { ReadAloud } from '../../shared/element/read-aloud.js';
import { readAloudStyles } from '../../shared/element/read-aloud.styles.js';
import { definitionParagraphs } from './keyword-content.js';

const styles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin: 0.5em 0 0;
  }
  [part~='full-entry'] {
    color: var(--_accent);
  }
`;

/** What Read aloud says for a keyword in `lang`: its title, then its definition paragraphs. */
export function readingText(entry: TermEntry, lang: ContentLang): string {
  return [entry.title[lang], ...definitionParagraphs(entry, [lang]).map((p) => p.text)].filter(Boolean).join('\n');
}

export class KeywordActions extends ReadAloud {
  constructor(host: LitElement) {
    super(host);
    adoptStyles(host, readAloudStyles);
    adoptStyles(host, styles);
  }

  /** The row for `entry` shown with `lang` leading; nothing when neither action applies. */
  render(entry: TermEntry, lang: ContentLang): TemplateResult | typeof nothing {
    const read = entry.title[lang] ? this.button(entry.id, readingText(entry, lang), lang) : nothing;
    const href = glossaryHref(entry.id);
    if (read === nothing && !href) return nothing;
    return html`<p part="actions" class="actions">
      ${read}${href ? html`<a part="full-entry" href=${href}>${msg('Full entry', { id: 'keyword.full-entry' })}</a>` : nothing}
    </p>`;
  }
}
