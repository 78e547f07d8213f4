/**
 * What `<bj-policy-search>` does once the reader reaches for it (focus, typing, `preload`, a
 * restored `?q=`): the search (its index loads through src/shared/index/index-load.ts: idle → loading →
 * ready | error, Retry), the results popup with its filter, "did you mean", details view and
 * keyboard model, the live region, and `?q=`. A chunk of its own (dist/chunks/), with the index reader and the positioning, imported on
 * first need: the loader draws only the box (bj-policy-search.ts), so nothing moves when this arrives.
 *
 * Pagefind's UI split: this `SearchController` holds the state; the element and the views
 * (panel-view.ts, result-view.ts) render it.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type ReactiveController, type TemplateResult } from 'lit';
import type { SearchResult } from '../../search/types.js';
import { adoptStyles } from '../../shared/element/adopt-styles.js';
import { IndexLoad } from '../../shared/index/index-load.js';
import { getSearcher, type Searcher } from '../../shared/index/search-client.js';
import { notePress, pressedInside } from '../../shared/floating/inside.js';
import { supportsPopover } from '../../shared/floating/supports-popover.js';
import { contentLangOf } from '../../shared/lang/content-lang.js';
import { applyUiLocale, watchLocale } from '../../shared/lang/locale.js';
import type { BjPolicySearch } from './bj-policy-search.js';
import { panelStyles } from './bj-policy-search-panel.styles.js';
import {
  ofKind,
  onlyWeak,
  renderDetailsView,
  renderEmpty,
  renderFilter,
  renderOption,
  renderTranslated,
  renderWeak,
  type Filter,
} from './panel-view.js';
import { ResultsPopup } from './popup.js';
import { arrange } from './arrange.js';
import { resultHref } from './result-href.js';
import { writeUrlQuery } from './url-write.js';

/** The live region waits this long after the last change, so that typing does not chatter. */
const ANNOUNCE_DELAY_MS = 500;
/** `?q=` is written this long after the last keystroke (browsers throttle `replaceState`). */
const URL_DELAY_MS = 250;
/** Results asked of the index per query; filters and "Show more" work on these. */
const MAX_RESULTS = 200;

/** Whether `b` is another passage of the page and section of `a`. */
const samePlace = (a: SearchResult | undefined, b: SearchResult): boolean =>
  a?.entry.kind === 'passage' &&
  b.entry.kind === 'passage' &&
  a.entry.document.id === b.entry.document.id &&
  a.entry.headings.join('\n') === b.entry.headings.join('\n');

export class SearchController implements ReactiveController {
  private resultQuery = '';
  private results: SearchResult[] = [];
  private filter: Filter = 'all';
  private active = -1;
  private shown = 0;
  private suggestions: string[] = [];
  private chosen?: SearchResult;
  private announcement = '';

  private seq = 0;
  private resolving = false;
  private lastIssued: string | undefined;
  private composing = false;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private urlTimer?: ReturnType<typeof setTimeout>;
  /** The results popup under the box (a sheet on phones). */
  private readonly popup = new ResultsPopup();
  /** The active option moved: bring it into view after the update. */
  private moved = false;

  /** The index, opened in the search worker (else on the page): its loading state, failure and Retry. */
  private readonly index: IndexLoad<Searcher>;

  constructor(private readonly host: BjPolicySearch) {
    host.addController(this);
    this.index = new IndexLoad(host, (url) => {
      const searcher = getSearcher(url);
      return searcher.prepare().then(() => searcher);
    });
    this.index.onOnline = () => this.retry();
    adoptStyles(host, panelStyles);
    // The panel's strings (`msg()`): in the element's UI language, re-rendered when it changes.
    watchLocale(host);
    void applyUiLocale(host);
  }

  private get input(): HTMLInputElement {
    return this.host.renderRoot.querySelector<HTMLInputElement>('#input')!;
  }

  private get panel(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.panel');
  }

  /** Changes state and renders again. */
  private set(patch: Record<string, unknown>): void {
    if ('active' in patch) this.moved = true;
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  hostConnected(): void {
    if (!this.host.isConnected) return;
    this.host.addEventListener('pointerdown', this.onOwnPointerDown);
    document.addEventListener('pointerdown', this.onDocumentPointerDown);
    if (this.host.hasUpdated) this.syncPanel();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.onOwnPointerDown);
    document.removeEventListener('pointerdown', this.onDocumentPointerDown);
    clearTimeout(this.announceTimer);
    clearTimeout(this.urlTimer);
    this.syncPanel();
  }

  updated(changed: PropertyValues<BjPolicySearch>): void {
    const host = this.host;
    if (changed.has('open')) this.syncPanel();
    if ((this.moved || changed.has('open')) && host.open && this.active >= 0) {
      host.renderRoot.querySelector(`#opt-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
    this.moved = false;
    // "More" or a kind filter shows results of a sharded index whose texts are not fetched yet.
    if (!this.resolving && this.visible.some((r) => r.pending !== undefined)) void this.resolveShown();
  }

  /** Fetches the texts of the results now shown (a sharded index), keeping the list as it is. */
  private async resolveShown(): Promise<void> {
    const q = this.resultQuery;
    const seq = this.seq;
    this.resolving = true;
    try {
      const results = await this.index.value?.search(q, { kind: 'all', limit: MAX_RESULTS, resolve: this.shown });
      if (results && seq === this.seq && q === this.resultQuery) this.set({ results: arrange(results) });
    } catch {
      // The next query reports a failing index.
    } finally {
      this.resolving = false;
    }
  }

  /** `aria-expanded` of the box. */
  get listOpen(): boolean {
    return this.host.open && !this.chosen;
  }

  /** `aria-activedescendant` of the box. */
  get activeId(): string | undefined {
    return this.host.open && !this.chosen && this.active >= 0 ? `opt-${this.active}` : undefined;
  }

  /** Runs `query` as if typed, and opens the results. */
  async search(query: string): Promise<void> {
    this.host.value = query;
    this.set({ chosen: undefined });
    await this.runSearch(query, { force: true, open: true });
  }

  /** A query restored from `?q=`: results ready but closed and unannounced (they open on interaction). */
  restore(query: string): void {
    void this.runSearch(query, { force: true, open: false, quiet: true });
  }

  private get primaryLang() {
    return contentLangOf(this.host);
  }

  private get filtered(): readonly SearchResult[] {
    return ofKind(this.results, this.filter);
  }

  private get visible(): readonly SearchResult[] {
    return this.filtered.slice(0, this.shown);
  }

  /** Loads the index and builds the search engine now (in the worker), so the first keystroke does not pay for it. */
  async warmUp(): Promise<void> {
    if (!(await this.index.load())) this.announce(this.errorText());
  }

  private async runSearch(query: string, { force = false, open = true, quiet = false, resolve = this.host.limit } = {}): Promise<void> {
    const host = this.host;
    const q = query.trim();
    if (!force && q === this.lastIssued) return;
    this.lastIssued = q;
    const seq = ++this.seq;
    this.scheduleUrl(q);
    if (!q) {
      this.set({ results: [], resultQuery: '', suggestions: [], active: -1 });
      host.open = false;
      this.announce('');
      return;
    }
    // Never throws; a failure is reported once (src/shared/index/index-load.ts); a new `index` meanwhile: the new one.
    const index = await this.index.load();
    if (seq !== this.seq) return;
    if (!index) return this.announce(this.errorText());
    const url = this.index.url;
    let results: SearchResult[];
    let suggestions: string[] = [];
    try {
      // A sharded index fetches the texts of the first `resolve` results of each kind (those shown).
      results = await index.search(q, { kind: 'all', limit: MAX_RESULTS, resolve });
      if (seq === this.seq && results.length === 0) suggestions = await index.suggest(q);
    } catch (error) {
      if (seq !== this.seq) return;
      if (this.index.current() !== url) return this.runSearch(query, { force: true, open });
      // The index loaded but a part of it did not (a sharded index's shard): said once, until Retry.
      this.index.fail(error);
      return this.announce(this.errorText());
    }
    // A newer query was issued while this one waited for the index: never overwrite it.
    if (seq !== this.seq) return;
    // `index` changed while it searched: search the new one.
    if (this.index.current() !== url) return this.runSearch(query, { force: true, open });
    this.index.answered();
    this.set({
      results: arrange(results),
      resultQuery: q,
      active: -1,
      shown: host.limit,
      suggestions: suggestions.filter((s) => s !== q).slice(0, 5),
    });
    if (open) host.open = true;
    host.emit('bj-search', { query: q, count: results.length });
    if (!quiet) this.announce(this.countText());
  }

  private scheduleUrl(q: string): void {
    if (!this.host.syncUrl) return;
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => writeUrlQuery(q), URL_DELAY_MS);
  }

  private announce(text: string): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.set({ announcement: text }), ANNOUNCE_DELAY_MS);
  }

  private countText(): string {
    const n = this.filtered.length;
    const q = this.resultQuery;
    if (n === 0) return msg(str`No results for “${q}”`, { id: 'policy-search.status.none' });
    if (onlyWeak(this.filtered))
      return n === 1
        ? msg(str`No close match for “${q}”; 1 related result`, { id: 'policy-search.status.weak-one' })
        : msg(str`No close match for “${q}”; ${n} related results`, { id: 'policy-search.status.weak' });
    if (n === 1) return msg('1 result', { id: 'policy-search.status.one' });
    return msg(str`${n} results`, { id: 'policy-search.status.many' });
  }

  private errorText(): string {
    return this.host.errorText() ?? '';
  }

  private choose(result: SearchResult, i: number): void {
    if (resultHref(result, this.host.hrefTemplate)) {
      // The option is a link: a real click follows it (and lets the page intercept it).
      this.host.renderRoot.querySelector<HTMLElement>(`#opt-${i}`)?.click();
      return;
    }
    this.select(result);
  }

  private select(result: SearchResult): void {
    const host = this.host;
    host.emit('bj-select', { record: result.entry, result });
    if (resultHref(result, host.hrefTemplate)) {
      this.close();
      return;
    }
    this.set({ chosen: result });
    host.open = true;
    void host.updateComplete.then(() => {
      this.popup.reshow(this.panel, this.input, true);
      host.renderRoot.querySelector<HTMLElement>('#details-title')?.focus();
    });
  }

  private back(): void {
    const at = this.chosen ? this.visible.indexOf(this.chosen) : -1;
    if (this.chosen) this.popup.reshow(this.panel, this.input, false);
    this.set({ chosen: undefined, active: at });
    this.host.open = this.resultQuery !== '';
    this.input.focus();
  }

  /** Opens the list (a click on the box, Alt+Down), when there are results. */
  openList(): void {
    if (this.resultQuery) this.host.open = true;
  }

  private close(): void {
    this.host.open = false;
    this.set({ active: -1, chosen: undefined });
  }

  /** Shows the popup in the top layer under the box, as wide as the box, while `open` and connected. */
  private syncPanel(): void {
    const host = this.host;
    this.popup.sync(host.open && host.isConnected, this.input, this.panel, (placement) => host.emit('bj-reposition', { placement }));
  }

  /** Whether the index could not be loaded (the element shows why, with Retry). */
  get failed(): boolean {
    return this.index.phase === 'error';
  }

  /** Retry, and the browser back online: loads the index again and searches what the box holds. */
  retry(): void {
    void this.index.retry();
    if (this.host.value.trim()) void this.runSearch(this.host.value, { force: true });
    else void this.warmUp();
  }

  private setFilter(filter: Filter): void {
    this.set({ filter, active: -1, shown: this.host.limit });
    this.announce(this.countText());
  }

  private onInput(e: InputEvent): void {
    this.host.value = this.input.value;
    this.set({ chosen: undefined });
    if (this.composing || e.isComposing) return;
    void this.runSearch(this.host.value);
  }

  /** The events the element forwards: typing, focus, keys, clicks, composition, focus leaving. */
  handleEvent(e: Event): void {
    if (e.type === 'input') this.onInput(e as InputEvent);
    else if (e.type === 'focus') this.onFocus();
    else if (e.type === 'compositionend') this.onCompositionEnd();
    else if (e.type === 'keydown') this.onKeyDown(e as KeyboardEvent);
    else if (e.type === 'click') this.openList();
    else if (e.type === 'compositionstart') this.composing = true;
    else if (e.type === 'focusout') this.onFocusOut(e as FocusEvent);
  }

  private onCompositionEnd(): void {
    this.composing = false;
    this.host.value = this.input.value;
    void this.runSearch(this.host.value);
  }

  private onFocus(): void {
    if (this.index.phase !== 'error') void this.warmUp();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.isComposing || e.keyCode === 229) return;
    const host = this.host;
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
        } else if (!host.open) {
          this.openList();
          this.set({ active: host.open && n ? (down ? 0 : n - 1) : -1 });
        } else if (n) {
          this.set({ active: down ? (this.active + 1) % n : this.active <= 0 ? n - 1 : this.active - 1 });
        }
        break;
      }
      case 'Enter':
        if (host.open && this.active >= 0 && this.active < n) {
          e.preventDefault();
          this.choose(this.visible[this.active]!, this.active);
        }
        break;
      case 'Escape':
        if (host.open) {
          e.preventDefault();
          this.close();
        } else if (host.value) {
          e.preventDefault();
          host.value = '';
          this.set({ chosen: undefined });
          void this.runSearch('');
        }
        break;
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        this.set({ active: -1 }); // visual focus back to the box; the caret moves as usual
        break;
    }
  }

  /** On the element itself: notes presses inside, which a document listener cannot see in a closed root. */
  private onOwnPointerDown = (e: PointerEvent): void => notePress(this.host, e);

  private onDocumentPointerDown = (e: PointerEvent): void => {
    if (this.host.open && !pressedInside(this.host, e)) this.close();
  };

  private onFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    if (to && !this.host.renderRoot.contains(to) && !this.host.contains(to)) this.close();
  }

  private onPanelMouseDown(e: MouseEvent): void {
    // Clicks on the list's background keep focus (and the arrow keys) in the box; details text stays selectable.
    if (!this.chosen && !(e.target as Element).closest('button, label, input')) e.preventDefault();
  }

  private renderResults(): TemplateResult {
    const host = this.host;
    const visible = this.visible;
    const more = this.filtered.length - visible.length;
    const empty = this.resultQuery !== '' && this.filtered.length === 0;
    const loading = this.index.phase === 'loading' && this.resultQuery === '' && host.value.trim() !== '';
    const option = { primary: this.primaryLang, hrefTemplate: host.hrefTemplate, onSelect: (r: SearchResult) => this.select(r) };
    const suggest = (s: string) => {
      void this.search(s);
      this.input.focus();
    };
    return html`${this.results.length ? renderFilter(this.results, this.filter, (f) => this.setFilter(f)) : nothing}
      ${onlyWeak(this.filtered) ? renderWeak(this.resultQuery) : nothing} ${renderTranslated(visible, this.resultQuery)}
      <div id="listbox" role="listbox" part="listbox" aria-labelledby="label" ?hidden=${visible.length === 0}>
        ${visible.map((r, i) => renderOption(r, i, { ...option, active: i === this.active, more: samePlace(visible[i - 1], r) }))}
      </div>
      ${
        more > 0
          ? html`<button type="button" class="more" part="more" @click=${() => this.set({ shown: this.shown + host.limit })}>
              ${msg(str`Show more (${more})`, { id: 'policy-search.more' })}
            </button>`
          : nothing
      }
      ${empty ? renderEmpty(this.resultQuery, this.suggestions, suggest) : nothing}
      ${loading ? html`<p class="loading">${msg('Loading…', { id: 'policy-search.loading' })}</p>` : nothing}`;
  }

  /** The popup's content (the element draws the popup, bj-policy-search.ts): the details view, or filter, results and messages; as a sheet (phones) with a Close button. */
  /**
   * The popup: a manual popover (top layer) that {@link ResultsPopup} shows under the box, or —
   * without the Popover API — a fixed panel it unhides. Until this part arrived, the element draws
   * an empty listbox in its place, so that the box's `aria-controls` names one that exists.
   */
  renderPanel(): TemplateResult {
    const close = html`<button
      type="button"
      class="close"
      part="close"
      @click=${() => {
        this.close();
        this.input.focus();
      }}
    >
      ${msg('Close', { id: 'policy-search.close' })}
    </button>`;
    // tabindex=-1: Firefox would make the scrolling area a tab stop between the box and the filter.
    return html`<div
      class="panel"
      part="panel"
      popover="manual"
      ?hidden=${!supportsPopover}
      @mousedown=${(e: MouseEvent) => this.onPanelMouseDown(e)}
    >
      <div class="scroll" tabindex="-1">
        ${
          this.chosen
            ? html`${close}${renderDetailsView(this.chosen, this.primaryLang, () => this.back())}
                <div id="listbox" role="listbox" aria-labelledby="label" hidden></div>`
            : html`${close}${this.renderResults()}`
        }
      </div>
    </div>`;
  }

  /** What the live region says. */
  get status(): string {
    return this.announcement;
  }
}
