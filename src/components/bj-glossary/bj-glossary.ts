import { nothing, type PropertyValues } from 'lit';
import type { TermEntry } from '../../search/types.js';
import { BjElement } from '../../shared/element/bj-element.js';
import { contentLangOf } from '../../shared/lang/content-lang.js';
import { tag } from '../../shared/element/define.js';
import { IndexLoad } from '../../shared/index/index-load.js';
import { loadCatalogue, loadSearchIndex, peekCatalogue } from '../../shared/index/index-store.js';
import type { KeywordSource } from '../../shared/index/keyword-source.js';
import { applyUiLocale, localized } from '../../shared/lang/locale.js';
import { ReadAloud } from '../../shared/element/read-aloud.js';
import { choiceAttribute } from '../../shared/element/settings.js';
import { readingText } from '../bj-keyword/keyword-actions.js';
import { readAloudScoped, styles } from './bj-glossary.styles.js';
import { groupTerms, type GlossarySort } from './glossary-order.js';
import { renderGlossary } from './glossary-view.js';

/**
 * Every keyword of the index on one page (a district's 术语解读 page): grouped by the section it was
 * published under, sorted by pinyin or English, each with both titles, the definition in both
 * languages, its source (linked when the data has its address) and the policy passages that use it.
 *
 * Each keyword is an `<article id="…">` with the keyword's id from the data, so `glossary.html#regulatory-sandbox`
 * links to it and keeps working across rebuilds; a page that arrives with such an address scrolls to
 * the entry once the glossary has drawn it. Give every popover of the site a "Full entry" link
 * to it with `<meta name="bj-glossary-url" content="/glossary.html">` (or
 * `window.bjPolicyWidgets.glossary`).
 *
 * The filter box searches with the same search core as `<bj-policy-search>` (English, Chinese,
 * traditional characters, pinyin, aliases, typos; on the page, over the index already loaded) and
 * shows only the keywords it finds.
 *
 * Rendered in the page itself (light DOM, no shadow root): the anchors, `:target`, find-in-page,
 * printing and the site's own typography all work as for any content; its styles are scoped to
 * `bj-glossary` and use the `--bj-*` tokens. The element's own children (e.g. a link list for
 * readers without JavaScript) show until the keywords are drawn. Its own script, `glossary.js`
 * (which also loads the other elements): pages without a glossary fetch none of it.
 *
 * @summary A glossary page of every keyword in the index, with filter and anchors.
 * @attr index - Index URL for this element.
 * @attr sort - Order inside each section: `pinyin` or `en`; default from the page language.
 * @tagname bj-glossary
 * @slot - Shown until the glossary is drawn (light DOM children, e.g. a fallback link list).
 * @fires bj-error - The index could not load (its `code`, `bj:` message and `url`).
 * @csspart tools - The filter box, sort choice and count.
 * @csspart section - The keywords of one section, with its heading.
 * @csspart entry - One keyword (`id` = the keyword's id).
 * @csspart title - The title in the leading language; `alt-title` the other.
 * @csspart definition - The definition paragraphs.
 * @csspart source - The source line.
 * @csspart related - The related policy passages; `passage` one of them.
 * @csspart notice - "Loading…" or "Glossary unavailable…"; `retry` its Retry button.
 * @cssprop --bj-accent - Links and focus ring. Default #0b5cad (dark: #6cb6ff).
 * @cssprop --bj-muted - Secondary text. Default #57606a.
 * @cssprop --bj-border - Separators. Default #8c959f.
 * @cssprop --bj-mark - Highlight of the keyword in passages and of the entry arrived at. Default #ffe58a.
 */
@tag('bj-glossary')
@localized()
export class BjGlossary extends BjElement {
  static override properties = {
    index: {},
    sort: { reflect: true, converter: choiceAttribute('bj-glossary', 'sort', ['auto', 'pinyin', 'en'], 'auto') },
    query: { state: true },
  };

  /** Index URL for this element; default: page-wide `<meta name="bj-index">`, then next to the script. */
  index?: string;

  /** Order inside each section: `pinyin`, `en`, or `auto` (pinyin on a Chinese page, else English). */
  sort: GlossarySort | 'auto' = 'auto';

  /** What the filter box holds. */
  private query = '';
  /** Ids the search found for {@link query}; `undefined`: no filter. */
  private found?: Set<string>;
  private searching = 0;
  /** The entry named by the page address was scrolled to (once, when first drawn). */
  private arrived = false;

  private readonly catalogue = new IndexLoad<KeywordSource>(this, loadCatalogue, peekCatalogue);
  private readonly aloud = new ReadAloud(this);

  constructor() {
    super();
    // Escape stops reading aloud, as in the popover.
    this.addEventListener('keydown', (e) => e.key === 'Escape' && this.aloud.stop());
  }

  /** Drawn in the page (light DOM): anchors, `:target`, find-in-page and print work as for any content. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const root = this.getRootNode() as Document | ShadowRoot;
    for (const sheet of [readAloudScoped.styleSheet, styles.styleSheet])
      if (sheet && root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(sheet))
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    void applyUiLocale(this);
    void this.catalogue.load();
  }

  /** The order in use: `sort`, or from the page language when `auto`. */
  get order(): GlossarySort {
    return this.sort === 'auto' ? (contentLangOf(this) === 'zh' ? 'pinyin' : 'en') : this.sort;
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.toggleAttribute('data-bj-ready', this.catalogue.phase === 'ready');
    if (changed.has('index')) this.filter(this.query);
    if (!this.arrived && this.catalogue.phase === 'ready') {
      this.arrived = true;
      this.scrollToAddress();
    }
  }

  /** Shows the entry the page address names (`#regulatory-sandbox`): the browser looked for it before it was drawn. */
  private scrollToAddress(): void {
    let id = '';
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return;
    }
    const entry = id ? this.querySelector<HTMLElement>(`[part~="entry"]#${CSS.escape(id)}`) : null;
    entry?.scrollIntoView({ block: 'start' });
  }

  /** Shows only the keywords the search finds for `query` (all of them for an empty one). */
  private async filter(query: string): Promise<void> {
    this.query = query;
    const run = ++this.searching;
    const source = await this.catalogue.load();
    const url = this.catalogue.url;
    if (!query.trim() || !source || !url) {
      this.found = undefined;
      this.requestUpdate();
      return;
    }
    try {
      // The search core on the page (the catalogue is here already; only keywords are searched).
      const results = (await loadSearchIndex(url)).search(query, { kind: 'term', limit: source.terms().length });
      if (run !== this.searching) return;
      this.found = new Set(results.map((r) => r.id));
      this.catalogue.answered();
    } catch (cause) {
      if (run === this.searching) this.catalogue.fail(cause);
    }
    this.requestUpdate();
  }

  private onInput(e: Event): void {
    void this.filter((e.target as HTMLInputElement).value);
  }

  private onSort(e: Event): void {
    this.sort = (e.target as HTMLSelectElement).value as GlossarySort;
  }

  override render() {
    const source = this.catalogue.value;
    const terms: TermEntry[] = source?.terms() ?? [];
    return renderGlossary({
      host: this,
      phase: this.catalogue.phase,
      sections: groupTerms(terms, this.order),
      source,
      sort: this.order,
      query: this.query,
      found: this.found,
      total: terms.length,
      onInput: (e) => this.onInput(e),
      onSort: (e) => this.onSort(e),
      retry: () => void this.catalogue.retry(),
      actions: (entry, lang) => (entry.title[lang] ? this.aloud.button(entry.id, readingText(entry, lang), lang) : nothing),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bj-glossary': BjGlossary;
  }
}
