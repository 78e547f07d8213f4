import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { BjElement } from '../../shared/element/bj-element.js';
import { tag } from '../../shared/element/define.js';
import { isOffline, lazyPart } from '../../shared/element/lazy-part.js';
import { uiString } from '../../shared/lang/ui-locale.js';
import { integerAttribute } from '../../shared/element/settings.js';
import { styles } from './bj-policy-search.styles.js';
import type { SearchController } from './search-controller.js';
import { isApple, isSearchShortcut } from './shortcut.js';
import { readUrlQuery } from './url-state.js';

/** The search part, imported once per page on a search box's first use (or warmed up by the pointer). */
const importSearch = lazyPart(() => import('./search-controller.js'));

/**
 * A bilingual search box for keywords and policy passages: an APG combobox (list autocomplete
 * with manual selection) with results as you type, a kind filter, "did you mean" suggestions and
 * a details view of the chosen keyword or passage. The popup (results, "no results" or details) is a
 * top-layer popover under the box as wide as the box, so `overflow: hidden` containers and
 * z-indexed headers of the page neither clip nor cover it. One popup is open on the page at a time:
 * showing the results closes an open keyword popover, and opening one closes the results.
 *
 * Keys in the box: Down/Up move through the results (wrapping; Down opens the list), Alt+Down
 * opens it, Enter chooses, Escape closes the list and a second Escape clears the box. Home/End,
 * Left/Right and every text-editing key stay with the text box (as in the APG example, they move
 * the caret and return visual focus to the box). With `href-template` each option is itself a link
 * (`<a role="option">`), so Enter and clicks follow it, and Ctrl/middle-click open a new tab. A
 * passage indexed from a web page (`bj-index build --site`) is always such a link, to its page and
 * heading (http/https addresses only), whatever `href-template` says.
 *
 * The loader draws the box (label, text field, shortcut hint) at once, so nothing moves later;
 * the search itself (state machine, popup, index reader) is a chunk (search-controller.ts)
 * imported on the box's first focus, on `preload`, for a restored `?q=`, and warmed up when the
 * pointer enters the element.
 *
 * @attr index - URL of the index JSON.
 * @attr placeholder - Placeholder of the box.
 * @attr label - Visible label.
 * @attr label-hidden - Hides the label visually.
 * @attr limit - How many results show at once.
 * @attr shortcut - `/` and Ctrl+K / ⌘K focus the box.
 * @attr sync-url - Keep the query in `?q=` of the page address.
 * @attr preload - Load the index with the page.
 * @attr href-template - Makes results links, e.g. `/policy/{id}`.
 * @attr open - Whether the popup is shown.
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
@tag('bj-policy-search')
export class BjPolicySearch extends BjElement {
  static override styles = styles;

  static override properties = {
    index: {},
    placeholder: {},
    label: {},
    labelHidden: { type: Boolean, reflect: true, attribute: 'label-hidden' },
    limit: {
      type: Number,
      converter: integerAttribute('bj-policy-search', 'limit', { min: 1, max: 100, fallback: 12, belowMinIsDefault: true }),
    },
    shortcut: { type: Boolean },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    preload: { type: Boolean },
    hrefTemplate: { attribute: 'href-template' },
    open: { type: Boolean, reflect: true },
    value: { state: true, attribute: false },
    uiLang: { attribute: 'lang' },
  };

  /** URL of the index JSON; default: `<meta name="bj-index">`, then `bj-index.json` next to the script. */
  index?: string;
  /** Placeholder of the box; default: a localised "English, Chinese or pinyin". */
  placeholder?: string;
  /** Visible label; default: a localised "Search policies and keywords". */
  label?: string;
  /** Hides the label visually; it stays the box's accessible name (e.g. in a header with an icon). */
  labelHidden = false;
  /** How many results show at once ("Show more" adds as many again). */
  limit = 12;
  /** Opt-in page shortcut: `/` (outside text fields) and Ctrl+K / ⌘K focus the box; a hint shows. */
  shortcut = false;
  /** Opt-in: keep the query in `?q=` of the page address and restore it into the box on load (results open on interaction). */
  syncUrl = false;
  /** Load the index with the page instead of on first focus or typing. */
  preload = false;
  /** Makes results links, e.g. `/policy/{id}`; `{kind}` is `term` or `passage`; `{id}` is URL-encoded. Passages from web pages link to their page instead. */
  hrefTemplate?: string;
  /** Whether the popup (results, "no results" or details) is shown. */
  open = false;

  /** @internal The text in the box (the search part reads and writes it). */
  value = '';

  /** @internal The element's own `lang` attribute, observed so that the box's label follows it (read through `uiLocaleFor`). */
  uiLang?: string;

  /** @internal The search part, once the box was first used (search-controller.ts). */
  searchController?: SearchController;

  constructor() {
    super();
    // Warm-up: the pointer on its way to the box fetches the search part (not the index).
    this.addEventListener('pointerenter', () => void importSearch().catch(() => undefined), { once: true });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onDocumentKeyDown);
    const restored = this.syncUrl ? readUrlQuery() : '';
    if (restored) {
      // Restored into the box, results ready but closed and unannounced: they open on interaction
      // (click, ArrowDown, typing), not over the article on page load or Back.
      this.value = restored;
      void this.activate().then((search) => search?.restore(restored));
    } else if (this.preload) {
      void this.activate().then((search) => search?.warmUp());
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onDocumentKeyDown);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // What `live()` would do: the box shows `value` even when the reader typed since the last render.
    const input = this.input;
    if (input && input.value !== this.value) input.value = this.value;
    this.searchController?.updated(changed);
  }

  /** Moves focus to the text box. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  /** Runs `query` as if typed, and opens the results. */
  async search(query: string): Promise<void> {
    this.value = query;
    await (await this.activate())?.search(query);
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot?.querySelector<HTMLInputElement>('#input') ?? null;
  }

  /** Imports the search part and attaches it (a failed import is reported as `bj-error`). */
  private activate(): Promise<SearchController | undefined> {
    if (this.searchController) return Promise.resolve(this.searchController);
    return importSearch().then(
      ({ SearchController }) => {
        this.partDown = false;
        this.searchController ??= new SearchController(this);
        this.requestUpdate();
        return this.searchController;
      },
      (cause: unknown) => {
        this.partFailed('search part', cause, this.retry);
        return undefined;
      },
    );
  }

  /** Retry, and the browser back online: imports the search part again, or loads the index again, and searches what the box holds. */
  private retry = (): void => {
    void this.activate().then((search) => search?.retry());
  };

  /** `/` and Ctrl/⌘K focus the box, with `shortcut`. */
  private onDocumentKeyDown = (e: KeyboardEvent): void => {
    const input = this.input;
    if (!this.shortcut || !input || !isSearchShortcut(e)) return;
    if (e.composedPath().includes(input) && e.key === '/') return;
    e.preventDefault();
    input.focus();
    input.select();
  };

  /**
   * Every event of the box and the popup goes to the search part. Before it is here, the text is
   * kept, and focus, typing or the end of a composition import it and hand it the event.
   */
  private forward(e: Event): void {
    const search = this.searchController;
    if (search) return search.handleEvent(e);
    if (e.type === 'input') this.value = this.input?.value ?? '';
    if (e.type === 'focus' || e.type === 'compositionend' || (e.type === 'input' && !(e as InputEvent).isComposing)) {
      // In a task after the one that sets the part up: on a phone, each is long enough alone.
      void this.activate().then((later) => setTimeout(() => later?.handleEvent(e)));
    }
  }

  /** @internal Why search is unavailable, in the element's UI language: offline, else the page's search is broken (the console says why). */
  errorText(): string | undefined {
    return uiString(this, isOffline() ? 'shell.offline' : 'policy-search.error');
  }

  /** Under the box, over the page (it never moves the page): why search is unavailable, with Retry. */
  private renderError(search: SearchController | undefined): TemplateResult | typeof nothing {
    if (!(search ? search.failed : this.partDown)) return nothing;
    const retry = () => {
      this.retry();
      this.focus();
    };
    return html`<div class="down" part="error">
      ${this.errorText()}
      <button type="button" @click=${retry}>${uiString(this, 'shell.retry')}</button>
    </div>`;
  }

  override render(): TemplateResult {
    const search = this.searchController;
    const hint = this.shortcut && !this.value;
    // The label and placeholder in the element's UI language, from the loader's own table.
    const label = this.label ?? uiString(this, 'policy-search.label');
    const placeholder = this.placeholder ?? uiString(this, 'policy-search.placeholder');
    return html`<div class="base" @focusout=${this.forward}>
      <label id="label" for="input" part="label" class=${this.labelHidden ? 'visually-hidden' : ''}>${label}</label>
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
          aria-expanded=${search?.listOpen ? 'true' : 'false'}
          aria-activedescendant=${search?.activeId ?? nothing}
          aria-keyshortcuts=${this.shortcut ? '/ Control+K Meta+K' : nothing}
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          enterkeyhint="search"
          placeholder=${placeholder}
          @input=${this.forward}
          @keydown=${this.forward}
          @focus=${this.forward}
          @click=${this.forward}
          @compositionstart=${this.forward}
          @compositionend=${this.forward}
        />
        ${hint ? html`<span class="hint" part="hint" aria-hidden="true"><kbd>/</kbd><kbd>${isApple() ? '⌘' : 'Ctrl'} K</kbd></span>` : nothing}
        ${search ? search.renderPanel() : html`<div id="listbox" role="listbox" part="listbox" aria-labelledby="label" hidden></div>`}
      </div>
      ${this.renderError(search)}
      <div class="visually-hidden" role="status" part="status">${search ? search.status : this.partDown ? this.errorText() : ''}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bj-policy-search': BjPolicySearch;
  }
}
