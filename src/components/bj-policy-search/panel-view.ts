/**
 * The popup's views in `<bj-policy-search>`: the kind filter, one option, the "no results" message
 * with its suggestions, and the details view. Pure functions of the element's state; the element
 * passes its handlers in. Data text only goes through Lit text bindings.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ContentLang, SearchResult } from '../../search/types.js';
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
