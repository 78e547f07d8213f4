/**
 * What `<bj-policy-search>` does once the reader reaches for it (focus, typing, `preload`, a
 * restored `?q=`): the search (its index loads through src/shared/index/index-load.ts: idle → loading →
 * ready | error, Retry), the results popup with its filter, "did you mean" and details view, the
 * live region, and `?q=`. A chunk of its own (dist/chunks/), imported on first need: the loader
 * draws only the box (bj-policy-search.ts), so nothing moves when this arrives. Pagefind's UI split: this `SearchController` holds the state; the element and the views
 * (panel-view.ts, result-view.ts) render it. It is built from reactive controllers: `IndexLoad`,
 * `PlacementController` (the popup under the box, popup.ts) and `Dismiss` (an outside press, one
 * popup or popover open on the page at a time), and hands the box's keys to search-keys.ts.
 */
import type { PropertyValues, ReactiveController, TemplateResult } from 'lit';
import type { SearchResult } from '../../search/types.js';
import { adoptStyles } from '../../shared/element/adopt-styles.js';
import { Dismiss } from '../../shared/floating/dismiss.js';
import { PlacementController } from '../../shared/floating/placement.js';
import { contentLangOf } from '../../shared/lang/content-lang.js';
import { applyUiLocale, watchLocale } from '../../shared/lang/locale.js';
import type { BjPolicySearch } from './bj-policy-search.js';
import { panelStyles } from './bj-policy-search-panel.styles.js';
import { resultStyles } from './bj-policy-search-results.styles.js';
import { IndexSearch } from './index-search.js';
import { countText, ofKind, renderPanel, type Filter, type PanelState } from './panel-view.js';
import { reshow, syncPopup } from './popup.js';
import { arrange } from './arrange.js';
import { resultHref } from './result-href.js';
import { onComboboxKey, type ComboboxList } from './search-keys.js';
import { ANNOUNCE_DELAY_MS, SLICE, URL_DELAY_MS } from './search-timing.js';
import { writeUrlQuery } from './url-write.js';

/**
 * The search state of one `<bj-policy-search>`. The members marked internal are what the popup's
 * view (panel-view.ts: `PanelState`) and the box's keys (search-keys.ts: `ComboboxList`) read and call.
 */
export class SearchController implements ReactiveController, ComboboxList, PanelState {
  /** @internal The results, and the query they are for. */
  results: SearchResult[] = [];
  /** @internal */
  resultQuery = '';
  /** @internal The kind filter. */
  filter: Filter = 'all';
  /** @internal The active option, -1 for none. */
  active = -1;
  private shown = 0;
  /** @internal "Did you mean" for a query without results. */
  suggestions: string[] = [];
  /** @internal The result whose details are shown. */
  chosen?: SearchResult;
  private announcement = '';

  private resolving = false;
  private composing = false;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private urlTimer?: ReturnType<typeof setTimeout>;
  /** The results popup under the box (a sheet on phones). */
  private readonly placement: PlacementController;
  /** An outside press closes the popup; opening it closes the page's open keyword popover (and the other way round). */
  private readonly dismiss: Dismiss;
  /** The active option moved: bring it into view after the update. */
  private moved = false;

  /** Queries to the index (index-search.ts), and the index: its loading state, failure and Retry. */
  private readonly queries: IndexSearch;
  private readonly index: IndexSearch['index'];

  constructor(readonly host: BjPolicySearch) {
    // Before this one is added: its hostConnected shows the popup if the element is open.
    this.placement = new PlacementController(host);
    this.dismiss = new Dismiss(host, () => this.close());
    host.addController(this);
    this.queries = new IndexSearch(host);
    this.index = this.queries.index;
    this.index.onOnline = () => this.retry();
    adoptStyles(host, panelStyles);
    adoptStyles(host, resultStyles);
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

  /** @internal Changes state and renders again. */
  set(patch: Record<string, unknown>): void {
    if ('active' in patch) this.moved = true;
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  hostConnected(): void {
    if (this.host.isConnected && this.host.hasUpdated) this.syncPanel();
  }

  hostDisconnected(): void {
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
    this.resolving = true;
    const results = await this.queries.resolve(q, this.shown);
    if (results && q === this.resultQuery) this.set({ results: arrange(results) });
    this.resolving = false;
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

  /** @internal The language of the page around the box (which title comes first). */
  get primaryLang() {
    return contentLangOf(this.host);
  }

  /** @internal The results of the filter's kind. */
  get filtered(): readonly SearchResult[] {
    return ofKind(this.results, this.filter);
  }

  /** @internal Those shown ("Show more" shows more). */
  get visible(): readonly SearchResult[] {
    return this.filtered.slice(0, this.shown);
  }

  /** Loads the index and builds the search engine now (in the worker), so the first keystroke does not pay for it. */
  async warmUp(): Promise<void> {
    if (!(await this.index.load())) this.announce(this.errorText());
  }

  private async runSearch(query: string, { force = false, open = true, quiet = false, resolve = this.host.limit } = {}): Promise<void> {
    const host = this.host;
    const q = query.trim();
    if (!this.queries.issue(q, force)) return;
    this.scheduleUrl(q);
    if (!q) {
      this.set({ results: [], resultQuery: '', suggestions: [], active: -1 });
      host.open = false;
      this.announce('');
      return;
    }
    // The first query opens the popup ("Loading…") in a task of its own, so that its first drawing
    // and placement (style, layout) do not add to the task that draws the results (docs/performance.md).
    if (open && !this.resultQuery) setTimeout(() => (host.open ||= !this.failed && host.value.trim() !== ''));
    const answer = await this.queries.ask(q, resolve);
    if (answer === 'again') return this.runSearch(query, { force: true, open });
    if (answer === 'failed') {
      // The popup opened for the first query says "Loading…": the box now says why there are no results.
      host.open &&= this.resultQuery !== '';
      return this.announce(this.errorText());
    }
    if (!answer) return;
    const { results, suggestions } = answer;
    this.set({ results: arrange(results), resultQuery: q, active: -1, shown: 1, suggestions });
    this.drawMore(q);
    if (open) host.open = true;
    host.emit('bj-search', { query: q, count: results.length });
    if (!quiet) this.announce(countText(this.filtered, q));
  }

  /** After the next frame, draws a slice more of the results of `q` (until `limit` are shown, or other results came). */
  private drawMore(q: string): void {
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (this.shown >= this.host.limit || this.resultQuery !== q) return;
        this.set({ shown: Math.min(this.shown + SLICE, this.host.limit) });
        this.drawMore(q);
      }),
    );
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

  private errorText(): string {
    return this.host.errorText() ?? '';
  }

  /** @internal Chooses option `i` (Enter): follows its link, or shows its details. */
  choose(i: number): void {
    const result = this.visible[i]!;
    if (resultHref(result, this.host.hrefTemplate)) {
      // The option is a link: a real click follows it (and lets the page intercept it).
      this.host.renderRoot.querySelector<HTMLElement>(`#opt-${i}`)?.click();
      return;
    }
    this.select(result);
  }

  /** @internal Chooses `result` (a click): follows its link, or shows its details. */
  select(result: SearchResult): void {
    const host = this.host;
    host.emit('bj-select', { record: result.entry, result });
    if (resultHref(result, host.hrefTemplate)) {
      this.close();
      return;
    }
    this.set({ chosen: result });
    host.open = true;
    void host.updateComplete.then(() => {
      reshow(this.panel, this.input, true);
      host.renderRoot.querySelector<HTMLElement>('#details-title')?.focus();
    });
  }

  /** @internal From the details view back to the list. */
  back(): void {
    const at = this.chosen ? this.visible.indexOf(this.chosen) : -1;
    if (this.chosen) reshow(this.panel, this.input, false);
    this.set({ chosen: undefined, active: at });
    this.host.open = this.resultQuery !== '';
    this.input.focus();
  }

  /** Opens the list (a click on the box, Alt+Down), when there are results. */
  openList(): void {
    if (this.resultQuery) this.host.open = true;
  }

  /** @internal Closes the popup. */
  close(): void {
    this.host.open = false;
    this.set({ active: -1, chosen: undefined });
  }

  /** @internal Escape in a box whose popup is closed: empties it. */
  clear(): void {
    this.host.value = '';
    this.set({ chosen: undefined });
    void this.runSearch('');
  }

  /** Shows the popup in the top layer under the box, as wide as the box, while `open` and connected. */
  private syncPanel(): void {
    syncPopup(this.host.open && this.host.isConnected, this.placement, this.dismiss, this.input, this.panel);
  }

  /** Whether the index could not be loaded (the element shows why, with Retry). */
  get failed(): boolean {
    return this.index.phase === 'error';
  }

  /** @internal "Show more": as many results again. */
  showMore(): void {
    this.set({ shown: this.shown + this.host.limit });
  }

  /** @internal A "did you mean" suggestion: searched, focus back in the box. */
  suggest(query: string): void {
    void this.search(query);
    this.input.focus();
  }

  /** @internal The Close button (sheets): closes the popup, focus back in the box. */
  closeToBox(): void {
    this.close();
    this.input.focus();
  }

  /** Retry, and the browser back online: loads the index again and searches what the box holds. */
  retry(): void {
    void this.index.retry();
    if (this.host.value.trim()) void this.runSearch(this.host.value, { force: true });
    else void this.warmUp();
  }

  /** @internal Shows the results of one kind (or all). */
  setFilter(filter: Filter): void {
    this.set({ filter, active: -1, shown: this.host.limit });
    this.announce(countText(this.filtered, this.resultQuery));
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
    else if (e.type === 'keydown') onComboboxKey(e as KeyboardEvent, this);
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

  private onFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    if (to && !this.host.renderRoot.contains(to) && !this.host.contains(to)) this.close();
  }

  /** The popup (the element draws it, bj-policy-search.ts; panel-view.ts). */
  renderPanel(): TemplateResult {
    return renderPanel(this, this.host);
  }

  /** What the live region says. */
  get status(): string {
    return this.announcement;
  }
}
