/**
 * What `<bj-glossary>` draws: the tools (filter, sort, count), then each section with its keywords,
 * or the loading / error notice. Pure functions of a {@link GlossaryView}.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { snippet } from '../../search/snippet.js';
import type { ContentLang, PassageEntry, TermEntry } from '../../search/types.js';
import { webHref } from '../../search/web-address.js';
import { contentLangOf, langAttr } from '../../shared/lang/content-lang.js';
import type { LoadPhase } from '../../shared/index/index-load.js';
import type { KeywordSource } from '../../shared/index/keyword-source.js';
import { definitionParagraphs, guessLang, languagesFor, mentionRanges } from '../bj-keyword/keyword-content.js';
import type { BjGlossary } from './bj-glossary.js';
import type { GlossarySection, GlossarySort } from './glossary-order.js';

/** How many related passages an entry lists. */
const PASSAGES_SHOWN = 5;

export interface GlossaryView {
  host: BjGlossary;
  phase: LoadPhase;
  sections: GlossarySection[];
  source: KeywordSource | undefined;
  sort: GlossarySort;
  query: string;
  /** Ids the filter found; `undefined`: all shown. */
  found: Set<string> | undefined;
  total: number;
  onInput: (e: Event) => void;
  onSort: (e: Event) => void;
  retry: () => void;
  /** Extra controls of an entry (the read-aloud button), when available. */
  actions?: (entry: TermEntry, lang: ContentLang) => TemplateResult | typeof nothing;
}

export function renderGlossary(v: GlossaryView): TemplateResult {
  if (v.phase !== 'ready' || !v.source) return renderNotice(v);
  const lead = contentLangOf(v.host);
  const shown = v.found ? v.sections.flatMap((s) => s.terms).filter((t) => v.found!.has(t.id)).length : v.total;
  return html`<div class="bj-glossary">
    ${renderTools(v, shown)}
    ${v.sections.map((section, i) => {
      const visible = section.terms.some((t) => !v.found || v.found.has(t.id));
      const names = (['en', 'zh'] as const).filter((l) => section.name[l]);
      const order: ContentLang[] = lead === 'zh' ? ['zh', 'en'] : ['en', 'zh'];
      const ordered = order.filter((l) => names.includes(l as 'en' | 'zh'));
      return html`<section part="section" aria-labelledby="bj-glossary-section-${i}" ?hidden=${!visible}>
        <h2 id="bj-glossary-section-${i}">
          ${
            ordered.length
              ? ordered.map((l, n) => html`${n ? ' · ' : ''}<span lang=${langAttr(l)}>${section.name[l]}</span>`)
              : msg('Other keywords', { id: 'glossary.no-section' })
          }
        </h2>
        ${section.terms.map((t) => renderEntry(v, t, lead))}
      </section>`;
    })}
  </div>`;
}

function renderNotice(v: GlossaryView): TemplateResult {
  const failed = v.phase === 'error';
  return html`<div class="bj-glossary">
    <p part="notice" role="status">
      ${
        failed
          ? msg('Glossary unavailable right now. Please try again later.', { id: 'glossary.unavailable' })
          : msg('Loading glossary…', { id: 'glossary.loading' })
      }
    </p>
    ${failed ? html`<button part="retry" type="button" @click=${v.retry}>${msg('Retry', { id: 'keyword.retry' })}</button>` : nothing}
  </div>`;
}

function renderTools(v: GlossaryView, shown: number): TemplateResult {
  const count = !v.found
    ? msg(str`${v.total} keywords`, { id: 'glossary.count' })
    : shown
      ? msg(str`${shown} of ${v.total} keywords`, { id: 'glossary.count-filtered' })
      : msg('No keyword matches.', { id: 'glossary.count-none' });
  return html`<div part="tools" class="tools" role="search">
    <label class="filter"
      >${msg('Filter keywords', { id: 'glossary.filter' })}
      <input type="search" .value=${v.query} @input=${v.onInput} autocomplete="off" spellcheck="false"
    /></label>
    <label class="sort"
      >${msg('Sort by', { id: 'glossary.sort' })}
      <select @change=${v.onSort}>
        <option value="pinyin" ?selected=${v.sort === 'pinyin'}>${msg('Pinyin', { id: 'glossary.sort.pinyin' })}</option>
        <option value="en" ?selected=${v.sort === 'en'}>${msg('English', { id: 'glossary.sort.en' })}</option>
      </select></label
    >
    <p class="count" role="status">${count}</p>
  </div>`;
}

function renderEntry(v: GlossaryView, entry: TermEntry, pageLang: ContentLang): TemplateResult {
  const langs = languagesFor(entry, 'both', pageLang);
  const lead = langs[0] ?? pageLang;
  const titles = langs.filter((l) => entry.title[l]);
  const label = entry.title[titles[0] ?? lead] ?? entry.id;
  return html`<article
    part="entry"
    id=${entry.id}
    ?hidden=${Boolean(v.found && !v.found.has(entry.id))}
    aria-labelledby="${entry.id}-title"
  >
    <h3 id="${entry.id}-title">
      ${titles.map(
        (l, i) =>
          html`<span part=${i ? 'alt-title' : 'title'} lang=${langAttr(l)}>${entry.title[l]}</span>${i < titles.length - 1 ? ' ' : ''}`,
      )}
      <a class="permalink" href="#${entry.id}" aria-label=${msg(str`Link to “${label}”`, { id: 'glossary.permalink' })}>#</a>
    </h3>
    <div part="definition">${definitionParagraphs(entry, langs).map((p) => html`<p lang=${langAttr(p.lang)}>${p.text}</p>`)}</div>
    ${v.actions?.(entry, lead) ?? nothing} ${renderSource(entry)} ${renderPassages(v, entry, pageLang)}
  </article>`;
}

/** Edition and number, then the publication: its title, publisher (linked when its address is known) and date. */
function renderSource(entry: TermEntry): TemplateResult {
  const s = entry.source;
  const href = webHref(s.url);
  const publication = s.title.en ?? s.title.zh;
  const where = s.publisher || s.url;
  const label = msg('Source:', { id: 'keyword.source' });
  return html`<p part="source">
    ${label}${label.endsWith('：') ? '' : ' '}<span lang=${langAttr(guessLang(entry.edition))}>${entry.edition}</span>${
      entry.number !== undefined ? html` · ${msg(str`No. ${entry.number}`, { id: 'keyword.number' })}` : nothing
    }${
      publication && publication !== entry.edition ? html` · <cite lang=${langAttr(guessLang(publication))}>${publication}</cite>` : nothing
    }${
      where
        ? html` ·
          ${
            href
              ? html`<a href=${href} rel="noopener" lang=${langAttr(guessLang(where))}>${where}</a>`
              : html`<span lang=${langAttr(guessLang(where))}>${where}</span>`
          }`
        : nothing
    }${s.date ? html` · <time datetime=${s.date}>${s.date}</time>` : nothing}
  </p>`;
}

function renderPassages(v: GlossaryView, entry: TermEntry, pageLang: ContentLang): TemplateResult | typeof nothing {
  const passages = v.source!.passagesFor(entry.id);
  if (!passages.length) return nothing;
  const count = v.source!.relatedCount(entry.id);
  const listed = passages.slice(0, PASSAGES_SHOWN);
  return html`<div part="related">
    <h4>${msg(str`Related policy passages (${count})`, { id: 'keyword.related' })}</h4>
    <ul>
      ${listed.map((p) => renderPassage(entry, p, pageLang))}
    </ul>
    ${count > listed.length ? html`<p>${msg(str`and ${count - listed.length} more`, { id: 'keyword.related-more' })}</p>` : nothing}
  </div>`;
}

function renderPassage(entry: TermEntry, p: PassageEntry, pageLang: ContentLang): TemplateResult {
  const docLang: ContentLang = p.document.title[pageLang] ? pageLang : p.document.title.en ? 'en' : 'zh';
  const heading = p.headings[p.headings.length - 1];
  const href = webHref(p.url);
  const title = html`<span lang=${langAttr(docLang)}>${p.document.title[docLang]}</span>${
      heading ? html` — <span lang=${langAttr(p.lang)}>${heading}</span>` : nothing
    }`;
  return html`<li part="passage">
    ${href ? html`<a href=${href}>${title}</a>` : title}
    <span class="snippet" lang=${langAttr(p.lang)}
      >${snippet(p.text, mentionRanges(entry, p), 200).map((s) => (s.mark ? html`<mark>${s.text}</mark>` : s.text))}</span
    >
  </li>`;
}
