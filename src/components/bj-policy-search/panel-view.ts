/**
 * The popup's views in `<bj-policy-search>`: the popup itself, the kind filter, one option, the "no
 * results" message with its suggestions, the details view and what the live region says. Pure
 * functions of the search part's state (search-controller.ts, as a {@link PanelState}), which
 * passes its handlers in. Data text only goes through Lit text bindings.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ContentLang, SearchResult } from '../../search/types.js';
import { supportsPopover } from '../../shared/floating/supports-popover.js';
import type { BjPolicySearch } from './bj-policy-search.js';
import { detailsTitle, renderDetails, renderResult } from './result-view.js';
import { resultHref } from './result-href.js';

export type Filter = 'all' | 'term' | 'passage';
export const FILTERS: readonly Filter[] = ['all', 'term', 'passage'];

/** The results of one kind (or all). */
export const ofKind = (results: readonly SearchResult[], filter: Filter): readonly SearchResult[] =>
  filter === 'all' ? results : results.filter((r) => r.kind === filter);

function filterName(f: Filter): string {
  if (f === 'all') return msg('All', { id: 'policy-search.filter.all' });
  return f === 'term' ? msg('Keywords', { id: 'policy-search.filter.term' }) : msg('Policies', { id: 'policy-search.filter.passage' });
}

/** The kind filter: a radio group with the count of each kind; a kind with none cannot be chosen (unless it is the current one). */
export function renderFilter(results: readonly SearchResult[], filter: Filter, onChange: (f: Filter) => void): TemplateResult {
  return html`<fieldset class="filter" part="filter">
    <legend class="visually-hidden">${msg('Show', { id: 'policy-search.filter.legend' })}</legend>
    ${FILTERS.map((f) => {
      const n = ofKind(results, f).length;
      return html`<label class="seg"
        ><input
          type="radio"
          name="kind"
          value=${f}
          .checked=${live(filter === f)}
          ?disabled=${n === 0 && filter !== f}
          @change=${() => onChange(f)}
        /><span>${filterName(f)} <span class="count">${n}</span></span></label
      >`;
    })}
  </fieldset>`;
}

export interface OptionView {
  active: boolean;
  /** Another passage of the page and section of the option above: shown as its text only, under it. */
  more?: boolean;
  primary: ContentLang;
  /** With a template, the option is a link (`<a role="option">`); a passage from a web page always is (see `resultHref`). */
  hrefTemplate?: string;
  onSelect: (result: SearchResult) => void;
}

/** One option, `#opt-<i>`; a press does not take focus from the box. */
export function renderOption(r: SearchResult, i: number, view: OptionView): TemplateResult {
  const selected = view.active ? 'true' : 'false';
  const body = renderResult(r, view.primary, view.more);
  const href = resultHref(r, view.hrefTemplate);
  const click = (e: MouseEvent) => {
    if (!href) e.preventDefault();
    view.onSelect(r);
  };
  // Options never take focus: the keyboard acts on the combobox (aria-activedescendant, APG).
  /* eslint-disable lit-a11y/click-events-have-key-events -- keys are handled by the combobox that owns these options */
  const keepFocus = (e: Event) => e.preventDefault();
  return href
    ? html`<a
        id="opt-${i}"
        role="option"
        class=${view.more ? 'option cont' : 'option'}
        part="option"
        tabindex="-1"
        aria-selected=${selected}
        href=${href}
        referrerpolicy="strict-origin"
        @mousedown=${keepFocus}
        @click=${click}
        >${body}</a
      >`
    : html`<div
        id="opt-${i}"
        role="option"
        class=${view.more ? 'option cont' : 'option'}
        part="option"
        aria-selected=${selected}
        @mousedown=${keepFocus}
        @click=${click}
      >
        ${body}
      </div>`;
  /* eslint-enable lit-a11y/click-events-have-key-events */
}

/** True when no result matches the query closely (see `SearchResult.strength`). */
export const onlyWeak = (results: readonly SearchResult[]): boolean => results.length > 0 && !results.some((r) => r.strength === 'strong');

/** What the live region says of `results` (those of the filter) for the query `q`. */
export function countText(results: readonly SearchResult[], q: string): string {
  const n = results.length;
  if (n === 0) return msg(str`No results for “${q}”`, { id: 'policy-search.status.none' });
  if (onlyWeak(results))
    return n === 1
      ? msg(str`No close match for “${q}”; 1 related result`, { id: 'policy-search.status.weak-one' })
      : msg(str`No close match for “${q}”; ${n} related results`, { id: 'policy-search.status.weak' });
  if (n === 1) return msg('1 result', { id: 'policy-search.status.one' });
  return msg(str`${n} results`, { id: 'policy-search.status.many' });
}

/** The honest line above results that only share some words with the query. */
export function renderWeak(query: string): TemplateResult {
  return html`<p class="weak" part="weak">${msg(str`No close match for “${query}”; related results:`, { id: 'policy-search.weak' })}</p>`;
}

/**
 * The line above a list led by results reached through the dictionary (`SearchResult.via`):
 * "English results for “营业执照”", in the UI language; nothing when the best result matches the
 * query's own words.
 */
export function renderTranslated(results: readonly SearchResult[], query: string): TemplateResult | typeof nothing {
  if (results[0]?.via !== 'translation') return nothing;
  const translated = results.filter((r) => r.via === 'translation');
  const en = translated.filter((r) => r.lang === 'en').length * 2 >= translated.length;
  const line = en
    ? msg(str`English results for “${query}”`, { id: 'policy-search.translated.en' })
    : msg(str`Chinese results for “${query}”`, { id: 'policy-search.translated.zh' });
  return html`<p class="translated" part="translated">${line}</p>`;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** "No results for …", "Did you mean" buttons and a tip (a Chinese query is not told to try Chinese). */
export function renderEmpty(query: string, suggestions: readonly string[], onSuggest: (s: string) => void): TemplateResult {
  return html`<div class="empty" part="empty">
    <p class="none">${msg(str`No results for “${query}”.`, { id: 'policy-search.empty' })}</p>
    ${
      suggestions.length
        ? html`<p class="suggest">
            ${msg('Did you mean:', { id: 'policy-search.suggest' })}
            ${suggestions.map((s) => html`<button type="button" class="chip" @click=${() => onSuggest(s)}>${s}</button>`)}
          </p>`
        : nothing
    }
    <p class="tip">
      ${
        HAN.test(query)
          ? msg('Tip: try fewer words, or the English or pinyin name.', { id: 'policy-search.tip.han' })
          : msg('Tip: English, Chinese and pinyin all work.', { id: 'policy-search.tip' })
      }
    </p>
  </div>`;
}

/** The details view of a chosen result: Back button, focusable heading (`#details-title`), body. */
export function renderDetailsView(result: SearchResult, primary: ContentLang, onBack: () => void): TemplateResult {
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onBack();
  };
  return html`<section class="details" part="details" aria-labelledby="details-title" @keydown=${escape}>
    <button type="button" class="back" part="back" @click=${onBack}>
      <span aria-hidden="true">←</span> ${msg('Back to results', { id: 'policy-search.back' })}
    </button>
    <h2 id="details-title" tabindex="-1">${detailsTitle(result.entry, primary, result.title)}</h2>
    ${renderDetails(result.entry, primary)}
  </section>`;
}

/** What the popup shows, and what its buttons do: the search part's state (search-controller.ts). */
export interface PanelState {
  readonly resultQuery: string;
  readonly results: readonly SearchResult[];
  readonly filter: Filter;
  /** The results of the filter's kind, and those of them shown. */
  readonly filtered: readonly SearchResult[];
  readonly visible: readonly SearchResult[];
  readonly active: number;
  readonly suggestions: readonly string[];
  /** The result whose details are shown. */
  readonly chosen?: SearchResult;
  readonly primaryLang: ContentLang;
  select(result: SearchResult): void;
  setFilter(filter: Filter): void;
  showMore(): void;
  suggest(query: string): void;
  closeToBox(): void;
  back(): void;
}

/** Whether `b` is another passage of the page and section of `a`. */
const samePlace = (a: SearchResult | undefined, b: SearchResult): boolean =>
  a?.entry.kind === 'passage' &&
  b.entry.kind === 'passage' &&
  a.entry.document.id === b.entry.document.id &&
  a.entry.headings.join('\n') === b.entry.headings.join('\n');

function renderResults(v: PanelState, host: BjPolicySearch): TemplateResult {
  const visible = v.visible;
  // Fewer than `limit` shown while there are more: the first of new results, the rest follow (search-controller.ts).
  const busy = visible.length < Math.min(v.filtered.length, host.limit);
  const more = v.filtered.length - Math.max(visible.length, host.limit);
  const empty = v.resultQuery !== '' && v.filtered.length === 0;
  const loading = v.resultQuery === '' && host.value.trim() !== '';
  const option = { primary: v.primaryLang, hrefTemplate: host.hrefTemplate, onSelect: (r: SearchResult) => v.select(r) };
  return html`${v.results.length ? renderFilter(v.results, v.filter, (f) => v.setFilter(f)) : nothing}
    ${onlyWeak(v.filtered) ? renderWeak(v.resultQuery) : nothing} ${renderTranslated(visible, v.resultQuery)}
    <div
      id="listbox"
      role="listbox"
      part="listbox"
      aria-labelledby="label"
      aria-busy=${busy ? 'true' : 'false'}
      ?hidden=${visible.length === 0}
    >
      ${visible.map((r, i) => renderOption(r, i, { ...option, active: i === v.active, more: samePlace(visible[i - 1], r) }))}
    </div>
    ${
      more > 0
        ? html`<button type="button" class="more" part="more" @click=${() => v.showMore()}>
            ${msg(str`Show more (${more})`, { id: 'policy-search.more' })}
          </button>`
        : nothing
    }
    ${empty ? renderEmpty(v.resultQuery, v.suggestions, (s) => v.suggest(s)) : nothing}
    ${loading ? html`<p class="loading">${msg('Loading…', { id: 'policy-search.loading' })}</p>` : nothing}`;
}

/**
 * The popup's content (the element draws the popup, bj-policy-search.ts): the details view, or
 * filter, results and messages; as a sheet (phones) with a Close button.
 *
 * The popup: a manual popover (top layer) that the search part's `PlacementController` shows under
 * the box (popup.ts), or — without the Popover API — a fixed panel it unhides. Until the search part
 * arrived, the element draws an empty listbox in its place, so that the box's `aria-controls` names
 * one that exists.
 */
export function renderPanel(v: PanelState, host: BjPolicySearch): TemplateResult {
  const close = html`<button type="button" class="close" part="close" @click=${() => v.closeToBox()}>
    ${msg('Close', { id: 'policy-search.close' })}
  </button>`;
  // Clicks on the list's background keep focus (and the arrow keys) in the box; details text stays selectable.
  const keepFocus = (e: MouseEvent): void => {
    if (!v.chosen && !(e.target as Element).closest('button, label, input')) e.preventDefault();
  };
  // tabindex=-1: Firefox would make the scrolling area a tab stop between the box and the filter.
  return html`<div class="panel" part="panel" popover="manual" ?hidden=${!supportsPopover} @mousedown=${keepFocus}>
    <div class="scroll" tabindex="-1">
      ${
        v.chosen
          ? html`${close}${renderDetailsView(v.chosen, v.primaryLang, () => v.back())}
              <div id="listbox" role="listbox" aria-labelledby="label" hidden></div>`
          : html`${close}${renderResults(v, host)}`
      }
    </div>
  </div>`;
}
