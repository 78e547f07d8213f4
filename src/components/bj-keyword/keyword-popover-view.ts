/**
 * What the keyword popover draws (keyword-popover.ts calls it at each update): the trigger's ARIA
 * state, and the popover after the trigger: title in both languages, section, definition with
 * More/Less, source line, related passages, or the loading and error notice with Retry. Functions
 * of a {@link PopoverView}.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, render, type TemplateResult } from 'lit';
import { snippet } from '../../search/snippet.js';
import type { ContentLang, PassageEntry, TermEntry } from '../../search/types.js';
import { webHost, webHref } from '../../search/web-address.js';
import { contentLangOf, langAttr } from '../../shared/lang/content-lang.js';
import { supportsPopover } from '../../shared/floating/supports-popover.js';
import { isOffline } from '../../shared/element/lazy-part.js';
import type { BjKeyword } from './bj-keyword.js';
import { collapsedParagraph, definitionParagraphs, guessLang, isLong, languagesFor, mentionRanges } from './keyword-content.js';
import type { KeywordStatus } from './keyword-lookup.js';

/** How many related passages the popover lists. */
const RELATED_SHOWN = 3;

/** What the popover shows, from its KeywordPopover. */
export interface PopoverView {
  host: BjKeyword;
  status: KeywordStatus | undefined;
  entry: TermEntry | undefined;
  passages: PassageEntry[] | undefined;
  /** How many passages mention the keyword, listed or not. */
  related: number | undefined;
  expanded: boolean | undefined;
  viaAlias: boolean | undefined;
  spoken: string | undefined;
  /** Read aloud and "Full entry", once their part has arrived. */
  actions?: { render(entry: TermEntry, lang: ContentLang): TemplateResult | typeof nothing };
  close: () => void;
  toggleMore: () => void;
  /** Loads the index again (after a failed load). */
  retry: () => void;
}

/**
 * The trigger's ARIA state: `aria-controls` and `aria-describedby` name their targets only once
 * these exist (the popover from the first opening, the definition once the index has loaded).
 */
export function syncTrigger(trigger: HTMLElement, open: boolean, controls?: boolean, describes?: boolean): void {
  const aria = { 'aria-expanded': open ? 'true' : 'false', 'aria-controls': controls ? 'popover' : undefined };
  for (const [name, value] of Object.entries({ ...aria, 'aria-describedby': describes ? 'definition' : undefined })) {
    if (value === undefined) trigger.removeAttribute(name);
    else trigger.setAttribute(name, value);
  }
}

/**
 * Renders the popover into `box` (created at the first call) after the trigger, so that Tab from the
 * keyword reaches it next; puts it back if the keyword was re-rendered as plain text in between.
 */
export function drawPopover(box: HTMLElement | undefined, v: PopoverView): HTMLElement {
  const root = v.host.renderRoot;
  if (!box) {
    box = document.createElement('span');
    box.className = 'panel-root';
  }
  if (box.parentNode !== root) root.appendChild(box);
  render(renderPopover(v), box, { host: v.host });
  return box;
}

/** What the live region says when the definition arrives while focus waits on the keyword: its title and first paragraph. */
export function spokenDefinition(host: BjKeyword, entry: TermEntry): string {
  const langs = languagesFor(entry, host.display, contentLangOf(host, host.textContent ?? ''));
  const title = entry.title[langs[0]!] ?? entry.title.en ?? entry.title.zh ?? entry.id;
  return `${title}. ${definitionParagraphs(entry, langs)[0]?.text ?? ''}`;
}

export function renderPopover(v: PopoverView): TemplateResult {
  const ready = Boolean(v.status === 'ready' && v.entry);
  return html`<div
    id="popover"
    part="popover"
    popover=${supportsPopover ? 'manual' : nothing}
    class=${supportsPopover ? '' : 'bj-fallback'}
    ?hidden=${!supportsPopover && !v.host.open}
    role="dialog"
    tabindex="-1"
    aria-labelledby=${ready ? 'title' : 'trigger'}
  >
    <button part="close" class="close" type="button" aria-label=${msg('Close', { id: 'keyword.close' })} @click=${v.close}>
      <svg aria-hidden="true" viewBox="0 0 24 24"><path d="M6 6l12 12M18 6 6 18"></path></svg>
    </button>
    ${ready ? renderEntry(v, v.entry!) : renderNotice(v)}
    <p class="live" role="status">${v.spoken ?? ''}</p>
  </div>`;
}

function renderNotice(v: PopoverView): TemplateResult {
  const failed = v.status === 'error';
  return html`<p part="notice" role="status">
      ${
        failed
          ? isOffline()
            ? msg('You are offline. The definition shows when the connection is back.', { id: 'keyword.offline' })
            : msg('Definition unavailable right now. Please try again later.', { id: 'keyword.unavailable' })
          : msg('Loading definition…', { id: 'keyword.loading' })
      }
    </p>
    ${failed ? html`<button part="retry" class="more" type="button" @click=${v.retry}>${msg('Retry', { id: 'keyword.retry' })}</button>` : nothing}`;
}

function renderEntry(v: PopoverView, entry: TermEntry): TemplateResult {
  const host = v.host;
  const pageLang = contentLangOf(host, host.textContent ?? '');
  const langs = languagesFor(entry, host.display, pageLang);
  const [lead, second] = langs as [ContentLang, ContentLang | undefined];
  const leadTitle = entry.title[lead] ?? entry.title[second ?? lead] ?? entry.id;
  const leadTitleLang = entry.title[lead] ? lead : (second ?? lead);
  const paragraphs = definitionParagraphs(entry, langs);
  const long = isLong(paragraphs);
  const shown = long && !v.expanded ? [collapsedParagraph(paragraphs)!].filter(Boolean) : paragraphs;
  const sections = langs.filter((l) => entry.section?.[l]);
  return html`
    ${v.viaAlias ? html`<p part="relation">${msg('Related keyword:', { id: 'keyword.relation' })}</p>` : nothing}
    <p part="title" id="title" lang=${langAttr(leadTitleLang)}>${leadTitle}</p>
    ${
      second && entry.title[second] && leadTitleLang !== second
        ? html`<p part="alt-title" lang=${langAttr(second)}>${entry.title[second]}</p>`
        : nothing
    }
    ${
      sections.length
        ? html`<p part="section">
            ${sections.map((l, i) => html`${i ? ' · ' : ''}<span lang=${langAttr(l)}>${entry.section![l]}</span>`)}
          </p>`
        : nothing
    }
    <div part="definition" id="definition">${shown.map((p) => html`<p lang=${langAttr(p.lang)}>${p.text}</p>`)}</div>
    ${
      long
        ? html`<button
            part="more"
            class="more"
            type="button"
            aria-expanded=${v.expanded ? 'true' : 'false'}
            aria-controls="definition"
            @click=${v.toggleMore}
          >
            ${v.expanded ? msg('Less', { id: 'keyword.less' }) : msg('More', { id: 'keyword.more' })}
          </button>`
        : nothing
    }
    ${v.actions?.render(entry, leadTitleLang) ?? nothing} ${renderSource(entry)} ${renderRelated(v, entry, leadTitle)}
  `;
}

function renderSource(entry: TermEntry): TemplateResult {
  const href = webHref(entry.source.url);
  // Linked: the publisher's name (else the host the link goes to); not linked: the address as text.
  const where = href ? entry.source.publisher || webHost(href) : entry.source.url || entry.source.publisher;
  const label = msg('Source:', { id: 'keyword.source' });
  return html`<p part="source">
    ${label}${label.endsWith('：') ? '' : ' '}<span lang=${langAttr(guessLang(entry.edition))}>${entry.edition}</span>${
      entry.number !== undefined ? html` · ${msg(str`No. ${entry.number}`, { id: 'keyword.number' })}` : nothing
    }${
      where
        ? html` ·
          ${
            href
              ? html`<a part="source-link" href=${href} rel="noopener" lang=${langAttr(guessLang(where))}>${where}</a>`
              : html`<span lang=${langAttr(guessLang(where))}>${where}</span>`
          }`
        : nothing
    }${entry.source.date ? html` · <time datetime=${entry.source.date}>${entry.source.date}</time>` : nothing}
  </p>`;
}

/** The related passages; `title`, the keyword's title as the popover shows it, is what "and N more" searches for. */
function renderRelated(v: PopoverView, entry: TermEntry, title: string): TemplateResult | typeof nothing {
  const host = v.host;
  const pageLang = contentLangOf(host, host.textContent ?? '');
  // The page's language first (a stable sort: the index's order within each language).
  const listed = [...(v.passages ?? [])].sort((a, b) => +(b.lang === pageLang) - +(a.lang === pageLang)).slice(0, RELATED_SHOWN);
  if (!listed.length) return nothing;
  const count = v.related ?? v.passages!.length;
  const more = msg(str`and ${count - listed.length} more`, { id: 'keyword.related-more' });
  // "and N more" searches for the keyword in the page's search box, which lists every passage: a
  // button (it acts on this page), shown only where the page has a search box.
  const box = document.querySelector('bj-policy-search');
  return html`<div part="related">
    <p part="related-heading" id="related-heading">${msg(str`Related policy passages (${count})`, { id: 'keyword.related' })}</p>
    <ul aria-labelledby="related-heading">
      ${listed.map((p) => {
        const docLang: ContentLang = p.document.title[pageLang] ? pageLang : p.document.title.en ? 'en' : 'zh';
        const heading = p.headings[p.headings.length - 1];
        // A passage of a web page (`bj-index build --site`) links to its page and heading, as in search
        // results (the index accepts only http(s) page addresses; webHref refuses any other scheme).
        const href = webHref(p.url);
        const head = html`<span part="passage-document" lang=${langAttr(docLang)}>${p.document.title[docLang]}</span>${
            heading ? html` — <span part="passage-heading" lang=${langAttr(p.lang)}>${heading}</span>` : nothing
          }`;
        return html`<li part="passage">
          ${href ? html`<a part="passage-link" href=${href}>${head}</a>` : head}
          <span part="passage-snippet" lang=${langAttr(p.lang)}
            >${snippet(p.text, mentionRanges(entry, p), 140).map((s) => (s.mark ? html`<mark>${s.text}</mark>` : s.text))}</span
          >
        </li>`;
      })}
    </ul>
    ${
      count > listed.length
        ? html`<p part="related-count">
            ${
              box
                ? html`<button
                    part="related-search"
                    class="more"
                    type="button"
                    @click=${() => {
                      v.close();
                      box.focus();
                      void box.search(title);
                    }}
                  >
                    ${more}
                  </button>`
                : more
            }
          </p>`
        : nothing
    }
  </div>`;
}
