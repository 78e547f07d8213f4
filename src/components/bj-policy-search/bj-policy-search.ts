import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { BjError, type SearchResult } from '../../search/types.js';
import { resolveIndexUrl } from '../../shared/config.js';
import { tag } from '../../shared/define.js';
import { emit, reportError, type BjRepositionDetail, type BjSearchDetail, type BjSelectDetail } from '../../shared/events.js';
import { getSearcher, type Searcher } from '../../shared/search-client.js';
import { notePress, pressedInside } from '../../shared/inside.js';
import { applyUiLocale, contentLangOf, localized } from '../../shared/locale.js';
import { supportsPopover } from '../../shared/popover.js';
import { integerAttribute } from '../../shared/settings.js';
import { smallViewport } from '../../shared/sheet.js';
import { styles } from './bj-policy-search.styles.js';
import { ofKind, onlyWeak, renderDetailsView, renderEmpty, renderFilter, renderOption, renderWeak, type Filter } from './panel-view.js';
import { openUnder } from './popup.js';
import { isApple, isSearchShortcut } from './shortcut.js';
import { readUrlQuery, resultHref, writeUrlQuery } from './url-state.js';

/** On small viewports, the box is scrolled to the top when less than this share of the viewport is below it. */
const SHEET_ROOM = 0.8;
/** The live region waits this long after the last change, so that typing does not chatter. */
const ANNOUNCE_DELAY_MS = 500;
/** `?q=` is written this long after the last keystroke (browsers throttle `replaceState`). */
const URL_DELAY_MS = 250;
/** Results asked of the index per query; filters and "Show more" work on these. */
const MAX_RESULTS = 200;

/**
 * A bilingual search box for keywords and policy passages: an APG combobox (list autocomplete
 * with manual selection) with results as you type, a kind filter, "did you mean" suggestions and
 * a details view of the chosen keyword or passage. The popup (results, "no results" or details) is a
 * top-layer popover under the box as wide as the box, so `overflow: hidden` containers and
 * z-indexed headers of the page neither clip nor cover it.
 *
 * Keys in the box: Down/Up move through the results (wrapping; Down opens the list), Alt+Down
 * opens it, Enter chooses, Escape closes the list and a second Escape clears the box. Home/End,
 * Left/Right and every text-editing key stay with the text box (as in the APG example, they move
 * the caret and return visual focus to the box). With `href-template` each option is itself a link
 * (`<a role="option">`), so Enter and clicks follow it, and Ctrl/middle-click open a new tab. A
 * passage indexed from a web page (`bj-index build --site`) is always such a link, to its page and
 * heading (http/https addresses only), whatever `href-template` says.
 *
 * @summary Search Beijing's policy keywords and passages in English, Chinese or pinyin.
 * @tagname bj-policy-search
 *
 * @fires bj-search - After every search: `{query, count}`.
 * @fires bj-select - When a result is chosen: `{record, result}`.
 * @fires bj-error - When the index cannot be loaded: `{code, message, url}`.
 * @fires bj-reposition - The open popup was placed (on opening, scrolling, resizing): `{placement}`.
 *
 * @csspart label - The visible label.
 * @csspart input - The text box (`role="combobox"`).
 * @csspart hint - The keyboard shortcut hint (with `shortcut`).
 * @csspart panel - The popup holding filter, results and messages, or the details view.
 * @csspart filter - The kind filter (radio group).
 * @csspart listbox - The results list.
 * @csspart option - One result.
 * @csspart kind - The "Keyword" / "Policy" badge of a result.
 * @csspart mark - A highlighted match.
 * @csspart empty - The "no results" message with suggestions.
 * @csspart weak - The "No close match for …; related results:" line above results that only share some words with the query.
 * @csspart more - The "Show more" button.
 * @csspart error - The load error message with its Retry button.
 * @csspart details - The details view of a chosen result (in the popup).
 * @csspart back - The "Back to results" button of the details view.
 * @csspart status - The live region (visually hidden).
 *
 * @cssprop --bj-font - Font family (default: inherited).
 * @cssprop --bj-text - Text colour.
 * @cssprop --bj-muted - Secondary text colour.
 * @cssprop --bj-surface - Background of box, popup and details.
 * @cssprop --bj-border - Border colour.
 * @cssprop --bj-accent - Focus ring, active option and badges.
 * @cssprop --bj-mark - Background of highlighted matches.
 * @cssprop --bj-radius - Corner radius.
 * @cssprop --bj-z - z-index of the popup where the Popover API is missing (default 2147483647).
 * @cssprop --bj-popup-max-height - Maximum height of the popup before it scrolls.
 */
// @tag outermost: elements already in the page upgrade at define time and must be @localized by then.
@tag('bj-policy-search')
@localized()
export class BjPolicySearch extends LitElement {
  static override styles = styles;

  /** URL of the index JSON; default: `<meta name="bj-index">`, then `bj-index.json` next to the script. */
  @property() index?: string;
  /** Placeholder of the box; default: a localised "English, Chinese or pinyin". */
  @property() placeholder?: string;
  /** Visible label; default: a localised "Search policies and keywords". */
  @property() label?: string;
  /** Hides the label visually; it stays the box's accessible name (e.g. in a header with an icon). */
  @property({ type: Boolean, reflect: true, attribute: 'label-hidden' }) labelHidden = false;
  /** How many results show at once ("Show more" adds as many again). */
  @property({
    type: Number,
    converter: integerAttribute('bj-policy-search', 'limit', { min: 1, max: 100, fallback: 12, belowMinIsDefault: true }),
  })
  limit = 12;
  /** Opt-in page shortcut: `/` (outside text fields) and Ctrl+K / ⌘K focus the box; a hint shows. */
  @property({ type: Boolean }) shortcut = false;
  /** Opt-in: keep the query in `?q=` of the page address and restore it into the box on load (results open on interaction). */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Load the index with the page instead of on first focus or typing. */
  @property({ type: Boolean }) preload = false;
  /** Makes results links, e.g. `/policy/{id}`; `{kind}` is `term` or `passage`; `{id}` is URL-encoded. Passages from web pages link to their page instead. */
  @property({ attribute: 'href-template' }) hrefTemplate?: string;
  /** Whether the popup (results, "no results" or details) is shown. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private value = '';
  @state() private resultQuery = '';
  @state() private results: SearchResult[] = [];
  @state() private filter: Filter = 'all';
  @state() private active = -1;
  @state() private shown = 0;
  /** The index URL whose searcher is loaded and ready. */
  private readyUrl?: string;
  private resolving = false;
  @state() private phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private suggestions: string[] = [];
  @state() private chosen?: SearchResult;
  @state() private announcement = '';
  @query('#input') private input!: HTMLInputElement;
  @query('.panel') private panel!: HTMLElement;

  private seq = 0;
  private lastIssued: string | undefined;
  private composing = false;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private urlTimer?: ReturnType<typeof setTimeout>;
  /** Hides the popup and stops following the box (set while it is shown). */
  private closePopup?: () => void;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void applyUiLocale(this);
    document.addEventListener('keydown', this.onDocumentKeyDown);
    this.addEventListener('pointerdown', this.onOwnPointerDown);
    document.addEventListener('pointerdown', this.onDocumentPointerDown);
    const restored = this.syncUrl ? readUrlQuery() : '';
    if (restored) {
      // Restored into the box, results ready but closed and unannounced: they open on interaction
      // (click, ArrowDown, typing), not over the article on page load or Back.
      this.value = restored;
      void this.runSearch(restored, { force: true, open: false, quiet: true });
    } else if (this.preload) {
      void this.warmUp();
    }
    if (this.hasUpdated) this.syncPanel();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onDocumentKeyDown);
    this.removeEventListener('pointerdown', this.onOwnPointerDown);
    document.removeEventListener('pointerdown', this.onDocumentPointerDown);
    clearTimeout(this.announceTimer);
    clearTimeout(this.urlTimer);
    this.syncPanel();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && this.isConnected && old !== value) void applyUiLocale(this).then(() => this.requestUpdate());
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) this.syncPanel();
    if ((changed.has('active' as keyof BjPolicySearch) || changed.has('open')) && this.open && this.active >= 0) {
      this.renderRoot.querySelector(`#opt-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
    // "More" or a kind filter shows results of a sharded index whose texts are not fetched yet.
    if (!this.resolving && this.visible.some((r) => r.id.startsWith('\u0000'))) void this.resolveShown();
  }

  /** Fetches the texts of the results now shown (a sharded index), keeping the list as it is. */
  private async resolveShown(): Promise<void> {
    const q = this.resultQuery;
    const seq = this.seq;
    this.resolving = true;
    try {
      const results = await getSearcher(this.indexUrl()).search(q, { kind: 'all', limit: MAX_RESULTS, resolve: this.shown });
      if (seq === this.seq && q === this.resultQuery) this.results = results;
    } catch {
      // The next query reports a failing index.
    } finally {
      this.resolving = false;
    }
  }

  /** Moves focus to the text box. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  /** Runs `query` as if typed, and opens the results. */
  async search(query: string): Promise<void> {
    this.value = query;
    this.chosen = undefined;
    await this.runSearch(query, { force: true, open: true });
  }

  private get primaryLang() {
    return contentLangOf(this);
  }

  private get filtered(): readonly SearchResult[] {
    return ofKind(this.results, this.filter);
  }

  private get visible(): readonly SearchResult[] {
    return this.filtered.slice(0, this.shown);
  }

  private indexUrl(): string {
    return resolveIndexUrl(this.index);
  }

  /**
   * The searcher of the index (in the search worker, else on the page), loaded and ready; reports a
   * failed load once (`bj-error`) and rethrows.
   */
  private async getIndex(): Promise<Searcher> {
    const url = this.indexUrl();
    const searcher = getSearcher(url);
    if (this.readyUrl === url) return searcher;
    if (this.phase !== 'error') this.phase = 'loading';
    try {
      await searcher.prepare();
      this.readyUrl = url;
      return searcher;
    } catch (error) {
      // `index` changed during the load: its failure is no longer this element's (the caller retries).
      if (this.indexUrl() !== url) throw error;
      // Report when search becomes unavailable (and after each Retry), not for every keystroke.
      if (this.phase !== 'error') {
        this.phase = 'error';
        const err = error instanceof BjError ? error : new BjError('network', `bj: ${String(error)}`);
        reportError(this, err, { url });
      }
      throw error;
    }
  }

  private async warmUp(): Promise<void> {
    if (this.readyUrl === this.indexUrl()) return;
    try {
      // Loads the index and builds the search engine now (in the worker), so the first keystroke does not pay for it.
      await this.getIndex();
      if (this.phase !== 'ready') this.phase = 'ready';
    } catch {
      this.phase = 'error';
      this.announce(this.errorText());
    }
  }

  private async runSearch(query: string, { force = false, open = true, quiet = false, resolve = this.limit } = {}): Promise<void> {
    const q = query.trim();
    if (!force && q === this.lastIssued) return;
    this.lastIssued = q;
    const seq = ++this.seq;
    this.scheduleUrl(q);
    if (!q) {
      Object.assign(this, { results: [], resultQuery: '', suggestions: [], active: -1, open: false });
      this.announce('');
      return;
    }
    let index: Searcher;
    const url = this.indexUrl();
    let results: SearchResult[];
    let suggestions: string[] = [];
    try {
      index = await this.getIndex();
      // A sharded index fetches the texts of the first `resolve` results of each kind (those shown).
      results = seq === this.seq ? await index.search(q, { kind: 'all', limit: MAX_RESULTS, resolve }) : [];
      if (seq === this.seq && results.length === 0) suggestions = await index.suggest(q);
    } catch (error) {
      if (seq === this.seq && this.readyUrl === url && this.phase !== 'error') {
        // The index loaded but a part of it did not (a sharded index's shard): say so once.
        this.phase = 'error';
        reportError(this, error instanceof BjError ? error : new BjError('network', `bj: ${String(error)}`), { url });
        this.announce(this.errorText());
        return;
      }
      if (seq === this.seq && this.indexUrl() !== url) return this.runSearch(query, { force: true, open });
      if (seq === this.seq) {
        this.phase = 'error';
        this.announce(this.errorText());
      }
      return;
    }
    // A newer query was issued while this one waited for the index: never overwrite it.
    if (seq !== this.seq) return;
    // `index` changed while it loaded: search the new one.
    if (this.indexUrl() !== url) return this.runSearch(query, { force: true, open });
    this.phase = 'ready';
    this.results = results;
    this.resultQuery = q;
    this.active = -1;
    this.shown = this.limit;
    this.suggestions = suggestions.filter((s) => s !== q).slice(0, 5);
    if (open) this.open = true;
    emit<BjSearchDetail>(this, 'bj-search', { query: q, count: results.length });
    if (!quiet) this.announce(this.countText());
  }

  private scheduleUrl(q: string): void {
    if (!this.syncUrl) return;
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => writeUrlQuery(q), URL_DELAY_MS);
  }

  private announce(text: string): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => (this.announcement = text), ANNOUNCE_DELAY_MS);
  }

  private countText(): string {
    const n = this.filtered.length;
    const q = this.resultQuery;
    if (n === 0) return msg(str`No results for “${q}”`, { id: 'policy-search.status.none' });
    if (onlyWeak(this.filtered)) return msg(str`No close match for “${q}”; ${n} related results`, { id: 'policy-search.status.weak' });
    if (n === 1) return msg('1 result', { id: 'policy-search.status.one' });
    return msg(str`${n} results`, { id: 'policy-search.status.many' });
  }

  private errorText(): string {
    return msg('The search index could not be loaded. Check your connection and try again.', { id: 'policy-search.error' });
  }

  private choose(result: SearchResult, i: number): void {
    if (resultHref(result, this.hrefTemplate)) {
      // The option is a link: a real click follows it (and lets the page intercept it).
      this.renderRoot.querySelector<HTMLElement>(`#opt-${i}`)?.click();
      return;
    }
    this.select(result);
  }

  private select(result: SearchResult): void {
    emit<BjSelectDetail>(this, 'bj-select', { record: result.entry, result });
    if (resultHref(result, this.hrefTemplate)) {
      this.close();
      return;
    }
    this.chosen = result;
    this.open = true;
    void this.updateComplete.then(() => {
      this.reshowPanel(true);
      this.renderRoot.querySelector<HTMLElement>('#details-title')?.focus();
    });
  }

  private back(): void {
    const at = this.chosen ? this.visible.indexOf(this.chosen) : -1;
    if (this.chosen) this.reshowPanel(false);
    this.chosen = undefined;
    this.open = this.resultQuery !== '';
    this.active = at;
    this.input.focus();
  }

  private openList(): void {
    if (this.resultQuery) this.open = true;
  }

  private close(): void {
    this.open = false;
    this.active = -1;
    this.chosen = undefined;
  }

  /** Shows the popup in the top layer under the box, as wide as the box, while `open` and connected. */
  private syncPanel(): void {
    const want = this.open && this.isConnected && this.panel !== null;
    if (want && !this.closePopup) {
      // Small viewports (src/shared/sheet.ts): the results take the viewport's width and all the
      // room under the box, brought to the top of the viewport when less than 80 % of it is below.
      const sheet = smallViewport();
      if (sheet && window.innerHeight - this.input.getBoundingClientRect().bottom < SHEET_ROOM * window.innerHeight) {
        this.input.scrollIntoView({ block: 'start' });
      }
      this.panel.classList.toggle('sheet', sheet);
      this.closePopup = openUnder(this.input, this.panel, (placement) => emit<BjRepositionDetail>(this, 'bj-reposition', { placement }));
    } else if (!want && this.closePopup) {
      this.closePopup();
      this.closePopup = undefined;
      this.panel?.classList.remove('sheet');
    }
  }

  /**
   * With `invokedByBox`, makes the box the shown popup's invoker (`showPopover({ source })`), for
   * the details view (and without, back to the list): Tab
   * from its last stop then moves on in the page after the box. Chromium otherwise sends Tab from
   * a popover without an invoker back to the box; not used for the list, where Firefox would skip
   * the popup's filter and results on Tab from the box.
   */
  private reshowPanel(invokedByBox: boolean): void {
    const panel = this.panel;
    if (!supportsPopover || !panel?.matches(':popover-open')) return;
    try {
      panel.hidePopover();
      (panel.showPopover as (options?: { source?: HTMLElement }) => void)(invokedByBox ? { source: this.input } : undefined);
    } catch {
      // Not connected any more: nothing to do.
    }
  }

  private retry(): void {
    this.phase = 'loading';
    this.input.focus();
    if (this.value.trim()) void this.runSearch(this.value, { force: true });
    else void this.warmUp();
  }

  private setFilter(filter: Filter): void {
    this.filter = filter;
    this.active = -1;
    this.shown = this.limit;
    this.announce(this.countText());
  }

  private onInput(e: InputEvent): void {
    this.value = this.input.value;
    this.chosen = undefined;
    if (this.composing || e.isComposing) return;
    void this.runSearch(this.value);
  }

  private onCompositionStart(): void {
    this.composing = true;
  }

  private onCompositionEnd(): void {
    this.composing = false;
    this.value = this.input.value;
    void this.runSearch(this.value);
  }

  private onFocus(): void {
    if (this.phase !== 'error') void this.warmUp();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.isComposing || e.keyCode === 229) return;
    const n = this.visible.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        const down = e.key === 'ArrowDown';
        if (this.chosen) this.close(); // from the details view back to the list
        if (e.altKey) {
          if (down) this.openList();
          else this.close();
        } else if (!this.open) {
          this.openList();
          this.active = this.open && n ? (down ? 0 : n - 1) : -1;
        } else if (n) {
          this.active = down ? (this.active + 1) % n : this.active <= 0 ? n - 1 : this.active - 1;
        }
        break;
      }
      case 'Enter':
        if (this.open && this.active >= 0 && this.active < n) {
          e.preventDefault();
          this.choose(this.visible[this.active], this.active);
        }
        break;
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          this.close();
        } else if (this.value) {
          e.preventDefault();
          this.value = '';
          this.chosen = undefined;
          void this.runSearch('');
        }
        break;
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        this.active = -1; // visual focus back to the box; the caret moves as usual
        break;
    }
  }

  private onDocumentKeyDown = (e: KeyboardEvent): void => {
    if (!this.shortcut || !isSearchShortcut(e)) return;
    if (e.composedPath().includes(this.input) && e.key === '/') return;
    e.preventDefault();
    this.input.focus();
    this.input.select();
  };

  /** On the element itself: notes presses inside, which a document listener cannot see in a closed root. */
  private onOwnPointerDown = (e: PointerEvent): void => notePress(this, e);

  private onDocumentPointerDown = (e: PointerEvent): void => {
    if (this.open && !pressedInside(this, e)) this.close();
  };

  private onFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    if (to && !this.renderRoot.contains(to) && !this.contains(to)) this.close();
  }

  private onPanelMouseDown(e: MouseEvent): void {
    // Clicks on the list's background keep focus (and the arrow keys) in the box; details text stays selectable.
    if (!this.chosen && !(e.target as Element).closest('button, label, input')) e.preventDefault();
  }

  private renderResults(): TemplateResult {
    const visible = this.visible;
    const more = this.filtered.length - visible.length;
    const empty = this.resultQuery !== '' && this.filtered.length === 0;
    const loading = this.phase === 'loading' && this.resultQuery === '' && this.value.trim() !== '';
    const option = { primary: this.primaryLang, hrefTemplate: this.hrefTemplate, onSelect: (r: SearchResult) => this.select(r) };
    const suggest = (s: string) => {
      void this.search(s);
      this.input.focus();
    };
    return html`${this.results.length ? renderFilter(this.results, this.filter, (f) => this.setFilter(f)) : nothing}
      ${onlyWeak(this.filtered) ? renderWeak(this.resultQuery) : nothing}
      <div id="listbox" role="listbox" part="listbox" aria-labelledby="label" ?hidden=${visible.length === 0}>
        ${visible.map((r, i) => renderOption(r, i, { ...option, active: i === this.active }))}
      </div>
      ${
        more > 0
          ? html`<button type="button" class="more" part="more" @click=${() => (this.shown += this.limit)}>
              ${msg(str`Show more (${more})`, { id: 'policy-search.more' })}
            </button>`
          : nothing
      }
      ${empty ? renderEmpty(this.resultQuery, this.suggestions, suggest) : nothing}
      ${loading ? html`<p class="loading">${msg('Loading…', { id: 'policy-search.loading' })}</p>` : nothing}`;
  }

  /**
   * The popup: a manual popover (top layer) that `syncPanel` shows under the box, or — without the
   * Popover API — a fixed panel that `openFloating` unhides. It stays in this shadow root, so the
   * box's `aria-controls`/`aria-activedescendant` reach the listbox.
   */
  private renderPanel(): TemplateResult {
    // tabindex=-1: Firefox would make the scrolling area a tab stop between the box and the filter.
    return html`<div class="panel" part="panel" popover="manual" ?hidden=${!supportsPopover} @mousedown=${this.onPanelMouseDown}>
      <div class="scroll" tabindex="-1">
        ${
          this.chosen
            ? html`${renderDetailsView(this.chosen, this.primaryLang, () => this.back())}
                <div id="listbox" role="listbox" aria-labelledby="label" hidden></div>`
            : this.renderResults()
        }
      </div>
    </div>`;
  }

  override render(): TemplateResult {
    const hint = this.shortcut && !this.value;
    return html`<div class="base" @focusout=${this.onFocusOut}>
      <label id="label" for="input" part="label" class=${this.labelHidden ? 'visually-hidden' : ''}
        >${this.label ?? msg('Search policies and keywords', { id: 'policy-search.label' })}</label
      >
      <div class="field">
        <svg class="icon" aria-hidden="true" viewBox="0 0 24 24">
          <circle cx="10.5" cy="10.5" r="6.5"></circle>
          <path d="m15.5 15.5 5 5"></path>
        </svg>
        <input
          id="input"
          part="input"
          class=${hint ? 'with-hint' : ''}
          type="text"
          role="combobox"
          aria-labelledby="label"
          aria-autocomplete="list"
          aria-controls="listbox"
          aria-expanded=${this.open && !this.chosen ? 'true' : 'false'}
          aria-activedescendant=${this.open && !this.chosen && this.active >= 0 ? `opt-${this.active}` : nothing}
          aria-keyshortcuts=${this.shortcut ? '/ Control+K Meta+K' : nothing}
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          enterkeyhint="search"
          placeholder=${this.placeholder ?? msg('English, 中文 or pinyin', { id: 'policy-search.placeholder' })}
          .value=${live(this.value)}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @focus=${this.onFocus}
          @click=${this.openList}
          @compositionstart=${this.onCompositionStart}
          @compositionend=${this.onCompositionEnd}
        />
        ${hint ? html`<span class="hint" part="hint" aria-hidden="true"><kbd>/</kbd><kbd>${isApple() ? '⌘' : 'Ctrl'} K</kbd></span>` : nothing}
        ${this.renderPanel()}
      </div>
      ${
        this.phase === 'error'
          ? html`<div class="error" part="error">
              <p>${this.errorText()}</p>
              <button type="button" @click=${this.retry}>${msg('Retry', { id: 'policy-search.retry' })}</button>
            </div>`
          : nothing
      }
      <div class="visually-hidden" role="status" part="status">${this.announcement}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bj-policy-search': BjPolicySearch;
  }
}
