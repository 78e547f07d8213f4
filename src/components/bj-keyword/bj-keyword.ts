import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PolicyIndex } from '../../search/index.js';
import { snippet } from '../../search/snippet.js';
import type { BjError, ContentLang, PassageEntry, TermEntry } from '../../search/types.js';
import { resolveIndexUrl } from '../../shared/config.js';
import { tag } from '../../shared/define.js';
import { emit, reportError, type BjRepositionDetail, type BjShowDetail } from '../../shared/events.js';
import { loadIndex, peekIndex } from '../../shared/index-store.js';
import { notePress, pressedInside } from '../../shared/inside.js';
import { applyUiLocale, contentLangOf, langAttr, localized } from '../../shared/locale.js';
import { openFloating, supportsPopover } from '../../shared/popover.js';
import { choiceAttribute, integerAttribute, type IntegerRule } from '../../shared/settings.js';
import { needsSheet, openSheet, smallViewport } from '../../shared/sheet.js';
import { styles } from './bj-keyword.styles.js';
import {
  collapsedParagraph,
  definitionParagraphs,
  guessLang,
  isLong,
  languagesFor,
  mentionRanges,
  type KeywordDisplay,
} from './keyword-content.js';
import { webHref } from '../../search/validate.js';

/** How many related passages the popover lists. */
const RELATED_SHOWN = 3;

/** The one open keyword popover on the page. */
let current: BjKeyword | undefined;

/** Where the pointer was last seen while a popover was open (client px). */
let lastPointer: [number, number] | undefined;
/**
 * Set by Escape to where the pointer rested: hover opens nothing while the pointer stays there
 * (closing a popover can leave the resting pointer over another keyword, which then gets
 * `pointerenter` without any movement).
 */
let pausedAt: [number, number] | undefined;
const restingAt = (e: PointerEvent): boolean =>
  Boolean(pausedAt) && Math.abs(e.clientX - pausedAt![0]) < 1 && Math.abs(e.clientY - pausedAt![1]) < 1;

/** Lookup state; `undefined` until the first lookup (and after the text, `term` or `index` changed). */
type Status = 'loading' | 'ready' | 'error' | 'unknown';

/** Hover delays: milliseconds, 0 to 60 s, default 300. */
const DELAY: IntegerRule = { min: 0, max: 60_000, fallback: 300, unit: 'ms' };

/**
 * A keyword in running text that shows its official bilingual definition in a popover.
 *
 * The slotted text is the page's own text and stays readable before the script or the index
 * loads, and if they never do. The trigger is a focusable inline `role="button"` (a real
 * `<button>` cannot wrap across lines); it opens the popover after `show-delay` on hover,
 * at once on keyboard focus, and toggles it on click or tap. The popover stays while the pointer
 * moves into it (grace period `hide-delay`) and until Escape, pointer leave, blur or an outside
 * tap (WCAG 2.2 SC 1.4.13). One popover is open on the page at a time. A tap inside the popover
 * never closes it (the popover takes focus, `tabindex="-1"`); on touch screens (`pointer: coarse`)
 * and in sheets it has a Close button that returns focus to the keyword.
 *
 * Small viewports: when the room beside the keyword cannot show the popover (a viewport whose
 * smaller side is under 480 CSS px, or less than 60 % of the content fitting above or below the
 * keyword; `src/shared/sheet.ts`), the popover is a sheet at the bottom of the viewport, sized to
 * it, still the same non-modal dialog.
 *
 * Role: the APG tooltip pattern allows only non-focusable text in a tooltip and says to use a
 * non-modal dialog when the popup holds focusable content. This popover holds a "More"/"Less"
 * button, so it is a non-modal `role="dialog"` named by the keyword's title; focus is not moved
 * into it (Tab from the trigger reaches it next). The trigger has `aria-expanded`,
 * `aria-haspopup="dialog"`, `aria-controls` and `aria-describedby` (the definition), all pointing
 * at ids in the same shadow root, so screen readers announce the term with its definition.
 *
 * The popover lives in the top layer (Popover API) and is placed with `@floating-ui/dom`, so
 * `overflow: hidden` ancestors and z-indexed headers never cover it; without the Popover API it
 * is `position: fixed` with z-index `--bj-z`.
 *
 * The index (one request per page, shared) loads on the first hover, focus or tap of any keyword,
 * or at once when any keyword has `preload`.
 *
 * Languages (see `src/shared/locale.ts`): the popover's labels follow the keyword's own `lang`,
 * else the page's `<html lang>`; the `lang` of the text around the keyword (e.g. its paragraph)
 * decides only which language's title and definition come first.
 *
 * Until it is first used, a keyword renders only its trigger (the popover, floating-ui and the
 * document listeners come with the first opening), so thousands of keywords upgrade quickly.
 *
 * @summary Bilingual definition popover for a Beijing policy keyword.
 * @tagname bj-keyword
 * @slot - The keyword as it reads in the text; also how the keyword is found when `term` is not set.
 * @fires bj-show - The popover opened. Detail `{term}` (the keyword id, or its text before the index loaded).
 * @fires bj-hide - The popover closed. Detail `{term}`.
 * @fires bj-reposition - The open popover was placed (on opening, scrolling, resizing). Detail `{placement}`.
 * @fires bj-error - The index could not load (its `code` and `bj:` message), or the keyword is not in it (`unknown-term`).
 * @csspart trigger - The focusable text in the page.
 * @csspart popover - The popover panel.
 * @csspart title - The title in the leading language.
 * @csspart alt-title - The title in the other language.
 * @csspart section - The section the keyword was published under.
 * @csspart definition - The definition paragraphs.
 * @csspart more - The "More"/"Less" button of a long definition.
 * @csspart source - The source line (edition, number, publisher, date).
 * @csspart related - The related policy passages.
 * @csspart related-heading - Their heading.
 * @csspart passage - One related passage.
 * @csspart passage-document - A passage's document title.
 * @csspart passage-heading - A passage's section heading.
 * @csspart passage-snippet - A passage's text excerpt.
 * @csspart related-count - "and N more".
 * @csspart notice - "Loading definition…" or "Definition unavailable…".
 * @csspart close - The Close button (touch screens and sheets).
 * @csspart relation - "Related keyword:", when the text names the keyword only through an alias.
 * @csspart source-link - The link to the source publication (when the data has its http(s) address).
 * @cssprop --bj-accent - Links, focus ring, buttons. Default #1d4ed8 (dark: #8ab4ff).
 * @cssprop --bj-surface - Popover background. Default #fff (dark: #1e2127).
 * @cssprop --bj-text - Popover text. Default #1b1d22 (dark: #eceef2).
 * @cssprop --bj-muted - Secondary text. Default #545a66 (dark: #b4bac6).
 * @cssprop --bj-border - Popover border and separators. Default #c5cad3 (dark: #4a505c).
 * @cssprop --bj-mark - Highlight behind the keyword in passages. Default #fff1a8 (dark: #5b4a00).
 * @cssprop --bj-focus - Focus ring colour. Default `--bj-accent`.
 * @cssprop --bj-radius - Popover corner radius. Default 0.5rem.
 * @cssprop --bj-shadow - Popover shadow.
 * @cssprop --bj-font - Popover font family. Default system-ui.
 * @cssprop --bj-popover-font-size - Popover font size. Default 0.9375rem.
 * @cssprop --bj-popover-max-width - Popover width limit (always at most 100vw − 2rem). Default 26rem.
 * @cssprop --bj-keyword-underline - Colour of the dotted underline. Default currentColor.
 * @cssprop --bj-z - z-index when the Popover API is missing. Default 2147483647.
 */
@tag('bj-keyword')
@localized()
export class BjKeyword extends LitElement {
  static override styles = styles;

  /** Keyword id (or any title/alias); when missing, the slotted text is looked up. */
  @property({ reflect: true }) term?: string;

  /** Index URL for this element; default: page-wide `<meta name="bj-index">`, then next to the script. */
  @property() index?: string;

  /** Languages shown: `both` (page language first), `page`, `en` or `zh`. */
  @property({ converter: choiceAttribute('bj-keyword', 'display', ['both', 'page', 'en', 'zh'], 'both') }) display: KeywordDisplay = 'both';

  /** Milliseconds of hover before the popover opens. */
  @property({ type: Number, attribute: 'show-delay', converter: integerAttribute('bj-keyword', 'show-delay', DELAY) }) showDelay = 300;

  /** Milliseconds the popover waits after the pointer leaves, so that it can reach the popover. */
  @property({ type: Number, attribute: 'hide-delay', converter: integerAttribute('bj-keyword', 'hide-delay', DELAY) }) hideDelay = 300;

  /** Load the index at once instead of on the first interaction (one keyword on a page is enough). */
  @property({ type: Boolean }) preload = false;

  /** Whether the popover is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  // Private fields have no initialisers (undefined = false/idle/none): nothing to run per element
  // at upgrade time.
  @state() private status?: Status;
  @state() private entry?: TermEntry;
  @state() private passages?: PassageEntry[];
  @state() private expanded?: boolean;
  /** The text names the keyword only through an alias (shown as "Related keyword: …"). */
  @state() private viaAlias?: boolean;
  /** What the popover's live region says: the definition, when it arrived while focus waited. */
  @state() private spoken?: string;

  @query('#trigger') private trigger?: HTMLElement;
  @query('#popover') private panel?: HTMLElement;

  private resolvedFor?: string;
  private loading?: Promise<void>;
  private warnedFor?: string;
  private showTimer?: ReturnType<typeof setTimeout>;
  private hideTimer?: ReturnType<typeof setTimeout>;
  private hovering?: boolean;
  private pinned?: boolean;
  private pointerFocus?: boolean;
  private stopFloating?: () => void;
  /** The open popover is shown as a sheet sized to the viewport (src/shared/sheet.ts). */
  private sheet?: boolean;
  /** Focus was in the keyword when the definition was still loading (announce it when it comes). */
  private waitingForDefinition?: boolean;
  /** The popover DOM exists (rendered at the first opening, or once a preloaded entry is found). */
  private panelRendered?: boolean;
  /** The listeners needed only after a first hover or focus are attached. */
  private armed?: boolean;
  private slotWatched?: boolean;

  constructor() {
    super();
    // Three listeners until the first hover or focus (see arm()), all one shared function (no
    // closures per element): upgrading thousands of keywords stays cheap.
    for (const type of ['pointerenter', 'focusin', 'click']) this.addEventListener(type, BjKeyword.onHostEvent);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.resolvedFor) this.watchSlot();
    if (this.preload) void this.ensureEntry();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.clearTimers();
    if (this.open) {
      this.teardown();
      this.open = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('term') || changed.has('index')) && this.hasUpdated) this.forget();
    if (changed.has('open') && this.open && !this.status) void this.ensureEntry();
    if (this.open && this.status === 'unknown') this.open = false;
    if (changed.has('open') && !this.open) this.expanded = false;
    if (this.open || this.status === 'ready') this.panelRendered = true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The content grew (definition arrived, "More"): check the room beside the keyword again.
    if (this.open && this.stopFloating && (changed.has('status' as keyof BjKeyword) || changed.has('expanded' as keyof BjKeyword)))
      this.place();
    if (!changed.has('open')) return;
    if (this.open) this.setup();
    else if (changed.get('open') === true) this.teardown(true);
  }

  /** Opens the popover (loading the index first if needed, or again after a failed load). */
  show(): void {
    if (this.status === 'unknown') return;
    if (this.status !== 'ready') void this.ensureEntry();
    this.openNow();
  }

  /** Closes the popover. */
  hide(): void {
    this.clearTimers();
    this.pinned = false;
    this.open = false;
  }

  /** Focuses the keyword (which opens its popover). */
  override focus(options?: FocusOptions): void {
    if (this.trigger) this.trigger.focus(options);
    else super.focus(options);
  }

  /** Loads the index (once per page) and finds this keyword in it; never throws. */
  private ensureEntry(): Promise<void> {
    const url = resolveIndexUrl(this.index);
    const key = this.lookupKey();
    if (this.resolvedFor === `${url}\n${key}` && (this.status === 'ready' || this.status === 'unknown')) {
      return Promise.resolve();
    }
    const ready = peekIndex(url);
    if (ready) {
      this.resolve(ready, url, key);
      return Promise.resolve();
    }
    if (this.loading) return this.loading;
    this.status = 'loading';
    // `index` may change while this load is in flight: then its outcome is dropped and the new
    // address is loaded (the term is read when the index arrives, so a new term needs nothing).
    let moved = false;
    this.loading = loadIndex(url)
      .then(
        (index) => {
          if (resolveIndexUrl(this.index) === url) this.resolve(index, url, this.lookupKey());
          else moved = true;
        },
        (error: BjError) => {
          if (resolveIndexUrl(this.index) !== url) {
            moved = true;
            return;
          }
          this.status = 'error';
          reportError(this, error, { url });
        },
      )
      .finally(() => {
        this.loading = undefined;
      })
      .then(() => (moved ? this.ensureEntry() : undefined));
    return this.loading;
  }

  private resolve(index: PolicyIndex, url: string, key: string): void {
    this.watchSlot();
    this.resolvedFor = `${url}\n${key}`;
    const entry = (this.term ? index.term(key.trim()) : undefined) ?? index.lookupTerm(key);
    if (!entry) {
      this.entry = undefined;
      this.passages = undefined;
      this.status = 'unknown';
      this.hide();
      if (this.warnedFor !== this.resolvedFor) {
        this.warnedFor = this.resolvedFor;
        reportError(
          this,
          {
            code: 'unknown-term',
            message:
              `bj: <bj-keyword> "${key}" is not a keyword in the index at ${url}; it stays plain text. ` +
              'Check the spelling, or name the keyword with term="<id>" using an id from the index.',
          },
          { term: key, url },
        );
      }
      return;
    }
    this.entry = entry;
    this.passages = index.passagesFor(entry.id);
    this.viaAlias = index.viaAlias(key);
    this.status = 'ready';
    // Focus waited on the keyword while the index loaded: say the definition now that it is here.
    if (this.waitingForDefinition && this.matches(':focus-within')) {
      const langs = languagesFor(entry, this.display, contentLangOf(this, this.textContent ?? ''));
      const title = entry.title[langs[0]!] ?? entry.title.en ?? entry.title.zh ?? entry.id;
      this.spoken = `${title}. ${definitionParagraphs(entry, langs)[0]?.text ?? ''}`;
    }
    this.waitingForDefinition = false;
  }

  /** Forgets the found keyword (its text, `term` or `index` changed). */
  private forget(): void {
    this.resolvedFor = undefined;
    this.entry = undefined;
    this.passages = undefined;
    this.status = undefined;
    if (this.open) void this.ensureEntry();
  }

  private lookupKey(): string {
    return (this.term?.trim() || this.textContent || '').replace(/\s+/g, ' ').trim();
  }

  private detail(): BjShowDetail {
    return { term: this.entry?.id ?? this.lookupKey() };
  }

  private setup(): void {
    if (current && current !== this) current.hide();
    current = this;
    // One UI locale per page (@lit/localize): the keyword's own lang, else the page's; the
    // paragraph's lang only orders the content (src/shared/locale.ts).
    void applyUiLocale(this);
    if (!this.stopFloating && this.trigger && this.panel) {
      this.arm(); // its pointerdown listener notes presses inside (src/shared/inside.ts)
      this.place();
      // Bubble phase: after the keyword's own listener, which also sees presses in a closed root.
      document.addEventListener('pointerdown', BjKeyword.onDocumentEvent);
      document.addEventListener('keydown', BjKeyword.onDocumentEvent);
      document.addEventListener('pointermove', BjKeyword.onDocumentEvent, { passive: true });
      emit<BjShowDetail>(this, 'bj-show', this.detail());
    }
  }

  /** Shows the popover beside the keyword, or as a sheet when that room is too small. */
  private place(): void {
    const { trigger, panel } = this;
    if (!trigger || !panel) return;
    const placed = (placement: string) => emit<BjRepositionDetail>(this, 'bj-reposition', { placement });
    if (!this.stopFloating) {
      this.sheet = smallViewport();
      this.stopFloating = this.sheet ? openSheet(panel) : openFloating(trigger, panel, { onPlaced: placed });
      if (this.sheet) placed('sheet');
    }
    if (!this.sheet && needsSheet(trigger, panel)) {
      this.stopFloating();
      this.sheet = true;
      this.stopFloating = openSheet(panel);
      placed('sheet');
    }
  }

  private teardown(notify = false): void {
    this.spoken = undefined;
    this.stopFloating?.();
    const wasOpen = Boolean(this.stopFloating);
    this.stopFloating = undefined;
    this.sheet = false;
    if (current === this) {
      current = undefined;
      document.removeEventListener('pointerdown', BjKeyword.onDocumentEvent);
      document.removeEventListener('keydown', BjKeyword.onDocumentEvent);
      document.removeEventListener('pointermove', BjKeyword.onDocumentEvent);
    }
    if (notify && wasOpen) emit<BjShowDetail>(this, 'bj-hide', this.detail());
  }

  private openNow(): void {
    if (this.status === 'unknown') return;
    this.clearTimers();
    this.open = true;
  }

  private clearTimers(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
  }

  private scheduleHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (!this.hovering && !this.pinned && !this.matches(':focus-within')) this.hide();
    }, this.hideDelay);
  }

  /** Attaches the listeners that only matter after a first hover or focus. */
  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    for (const type of ['pointerleave', 'pointerdown', 'keydown', 'focusout']) {
      this.addEventListener(type, BjKeyword.onHostEvent);
    }
  }

  /** Once a keyword was looked up, a change of its text means looking it up again. */
  private watchSlot(): void {
    if (this.slotWatched || !this.renderRoot) return;
    this.slotWatched = true;
    this.renderRoot.addEventListener('slotchange', BjKeyword.onSlotChange);
  }

  /** Whether `e` happened on (or inside) the trigger, as opposed to the popover. */
  private onTrigger(e: Event): boolean {
    return Boolean(this.trigger) && e.composedPath().includes(this.trigger!);
  }

  /** The listener of every keyword's own events: `this` is the keyword. */
  private static onHostEvent(this: BjKeyword, e: Event): void {
    switch (e.type) {
      case 'pointerenter':
        return this.onPointerEnter(e as PointerEvent);
      case 'pointerleave':
        return this.onPointerLeave(e as PointerEvent);
      case 'pointerdown':
        notePress(this, e);
        if (this.onTrigger(e)) this.pointerFocus = true;
        return;
      case 'click':
        return this.onClick(e);
      case 'keydown':
        return this.onKeyDown(e as KeyboardEvent);
      case 'focusin':
        return this.onFocusIn(e);
      case 'focusout':
        return this.onFocusOut(e as FocusEvent);
    }
  }

  /** Outside tap and Escape, for the one open keyword (added on opening, removed on closing). */
  private static onDocumentEvent(e: Event): void {
    if (!current) return;
    if (e.type === 'pointermove') lastPointer = [(e as PointerEvent).clientX, (e as PointerEvent).clientY];
    else if (e.type === 'keydown') current.onDocumentKeyDown(e as KeyboardEvent);
    else if (!pressedInside(current, e)) current.hide();
  }

  /** `this` is the keyword's shadow root. */
  private static onSlotChange(this: ShadowRoot): void {
    const keyword = this.host as BjKeyword;
    if (!keyword.term && keyword.resolvedFor && !keyword.resolvedFor.endsWith(`\n${keyword.lookupKey()}`)) {
      keyword.forget();
    }
  }

  private onPointerEnter(e: PointerEvent): void {
    this.arm();
    if (e.pointerType === 'touch' || this.status === 'unknown') return;
    if (restingAt(e)) {
      // After Escape, the pointer has not moved: hover counts from its first real movement.
      const onMove = (m: PointerEvent): void => {
        if (restingAt(m)) return;
        this.removeEventListener('pointermove', onMove);
        pausedAt = undefined;
        this.onPointerEnter(m);
      };
      this.addEventListener('pointermove', onMove);
      this.addEventListener('pointerleave', () => this.removeEventListener('pointermove', onMove), { once: true });
      return;
    }
    pausedAt = undefined;
    this.hovering = true;
    clearTimeout(this.hideTimer);
    if (this.open) return;
    void this.ensureEntry();
    clearTimeout(this.showTimer);
    this.showTimer = setTimeout(() => this.openNow(), this.showDelay);
  }

  private onPointerLeave(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    this.hovering = false;
    clearTimeout(this.showTimer);
    if (this.open) this.scheduleHide();
  }

  private onClick(e: Event): void {
    if (!this.onTrigger(e)) return;
    this.pointerFocus = false;
    if (this.status === 'unknown') return;
    if (this.open && this.pinned) {
      this.hide();
      return;
    }
    this.show();
    this.pinned = true;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if ((e.key !== 'Enter' && e.key !== ' ') || e.composedPath()[0] !== this.trigger) return;
    e.preventDefault();
    if (this.open) this.hide();
    else this.show();
  }

  private onFocusIn(e: Event): void {
    this.arm();
    const fromPointer = this.pointerFocus;
    this.pointerFocus = false;
    if (e.composedPath()[0] !== this.trigger || fromPointer || this.open) return;
    if (this.status !== 'ready') this.waitingForDefinition = true;
    this.show();
  }

  private onFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget as Node | null;
    if (next && (next === this || this.renderRoot.contains(next))) return;
    if (!this.hovering) this.hide();
  }

  private onDocumentKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.open) return;
    pausedAt = lastPointer;
    this.close();
  }

  /** Escape and the Close button: close, and bring focus from the popover back to the keyword. */
  private close(): void {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    if (active && active !== this.trigger) this.trigger?.focus();
    this.hide();
  }

  private onToggleMore(): void {
    this.expanded = !this.expanded;
  }

  // aria-controls and aria-describedby name their targets only once these exist (the popover is
  // created at the first opening; the definition when the index has loaded).
  override render(): TemplateResult {
    if (this.status === 'unknown') return html`<slot></slot>`;
    const ready = this.status === 'ready' && this.entry;
    return html`<span
        id="trigger"
        part="trigger"
        role="button"
        tabindex="0"
        aria-haspopup="dialog"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${ifDefined(this.panelRendered ? 'popover' : undefined)}
        aria-describedby=${ifDefined(ready && this.panelRendered ? 'definition' : undefined)}
        ><slot></slot></span
      >${this.panelRendered ? this.renderPanel(Boolean(ready)) : nothing}`;
  }

  private renderPanel(ready: boolean): TemplateResult {
    return html`<div
      id="popover"
      part="popover"
      popover=${ifDefined(supportsPopover ? 'manual' : undefined)}
      class=${supportsPopover ? '' : 'bj-fallback'}
      ?hidden=${!supportsPopover && !this.open}
      role="dialog"
      tabindex="-1"
      aria-labelledby=${ready ? 'title' : 'trigger'}
    >
      <button part="close" class="close" type="button" aria-label=${msg('Close', { id: 'keyword.close' })} @click=${this.close}>
        <svg aria-hidden="true" viewBox="0 0 24 24"><path d="M6 6l12 12M18 6 6 18"></path></svg>
      </button>
      ${ready ? this.renderEntry(this.entry!) : this.renderNotice()}
      <p class="live" role="status">${this.spoken ?? ''}</p>
    </div>`;
  }

  private renderNotice(): TemplateResult {
    return html`<p part="notice" role="status">
      ${
        this.status === 'error'
          ? msg('Definition unavailable right now. Please try again later.', { id: 'keyword.unavailable' })
          : msg('Loading definition…', { id: 'keyword.loading' })
      }
    </p>`;
  }

  private renderEntry(entry: TermEntry): TemplateResult {
    const pageLang = contentLangOf(this, this.textContent ?? '');
    const langs = languagesFor(entry, this.display, pageLang);
    const [lead, second] = langs as [ContentLang, ContentLang | undefined];
    const leadTitle = entry.title[lead] ?? entry.title[second ?? lead] ?? entry.id;
    const leadTitleLang = entry.title[lead] ? lead : (second ?? lead);
    const paragraphs = definitionParagraphs(entry, langs);
    const long = isLong(paragraphs);
    const shown = long && !this.expanded ? [collapsedParagraph(paragraphs)!].filter(Boolean) : paragraphs;
    const sections = langs.filter((l) => entry.section?.[l]);
    return html`
      ${this.viaAlias ? html`<p part="relation">${msg('Related keyword:', { id: 'keyword.relation' })}</p>` : nothing}
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
              type="button"
              aria-expanded=${this.expanded ? 'true' : 'false'}
              aria-controls="definition"
              @click=${this.onToggleMore}
            >
              ${this.expanded ? msg('Less', { id: 'keyword.less' }) : msg('More', { id: 'keyword.more' })}
            </button>`
          : nothing
      }
      ${this.renderSource(entry)} ${this.renderRelated(entry)}
    `;
  }

  private renderSource(entry: TermEntry): TemplateResult {
    const href = sourceHref(entry.source.url);
    // Linked: the publisher's name (else the address); not linked: the address as text, as before.
    const where = href ? entry.source.publisher || entry.source.url : entry.source.url || entry.source.publisher;
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

  private renderRelated(entry: TermEntry): TemplateResult | typeof nothing {
    const count = this.passages?.length ?? 0;
    if (!count) return nothing;
    const pageLang = contentLangOf(this, this.textContent ?? '');
    return html`<div part="related">
      <p part="related-heading" id="related-heading">${msg(str`Related policy passages (${count})`, { id: 'keyword.related' })}</p>
      <ul aria-labelledby="related-heading">
        ${this.passages!.slice(0, RELATED_SHOWN).map((p) => {
          const docLang: ContentLang = p.document.title[pageLang] ? pageLang : p.document.title.en ? 'en' : 'zh';
          const heading = p.headings[p.headings.length - 1];
          return html`<li part="passage">
            <span part="passage-document" lang=${langAttr(docLang)}>${p.document.title[docLang]}</span>${
              heading ? html` — <span part="passage-heading" lang=${langAttr(p.lang)}>${heading}</span>` : nothing
            }
            <span part="passage-snippet" lang=${langAttr(p.lang)}
              >${snippet(p.text, mentionRanges(entry, p), 140).map((s) => (s.mark ? html`<mark>${s.text}</mark>` : s.text))}</span
            >
          </li>`;
        })}
      </ul>
      ${
        count > RELATED_SHOWN
          ? html`<p part="related-count">${msg(str`and ${count - RELATED_SHOWN} more`, { id: 'keyword.related-more' })}</p>`
          : nothing
      }
    </div>`;
  }
}

/**
 * The address a source line links to: an `http:`/`https:` URL as written, a bare host name with
 * an optional path (`wb.beijing.gov.cn`, as the corpus records it) as `https://`; anything else
 * (`javascript:`, `data:`, relative paths, text) is not linked.
 */
export function sourceHref(url: string | undefined): string | undefined {
  return webHref(url);
}

declare global {
  interface HTMLElementTagNameMap {
    'bj-keyword': BjKeyword;
  }
}
