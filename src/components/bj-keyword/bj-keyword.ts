import { html, render, type PropertyValues } from 'lit';
import { BjElement } from '../../shared/element/bj-element.js';
import { tag } from '../../shared/element/define.js';
import { isOffline, lazyPart } from '../../shared/element/lazy-part.js';
import { choiceAttribute, integerAttribute, type IntegerRule } from '../../shared/element/settings.js';
import { uiString } from '../../shared/lang/ui-locale.js';
import { styles } from './bj-keyword.styles.js';
import type { KeywordDisplay } from './keyword-content.js';
import type { EventPlace, KeywordPopover } from './keyword-popover.js';

/** Hover delays: milliseconds, 0 to 60 s, default 300. */
const DELAY: IntegerRule = { min: 0, max: 60_000, fallback: 300, unit: 'ms' };

/** The popover part, imported once per page on a keyword's first use. */
const importPopover = lazyPart(() => import('./keyword-popover.js'));
/** The popover part's class once its chunk has arrived: later keywords attach it synchronously. */
let Popover: typeof KeywordPopover | undefined;

/**
 * What a keyword draws: the same static trigger from upgrade on, cloned from this one (built on
 * first use, without markup parsing, so Trusted Types pages need no policy for it). The popover
 * part sets its ARIA state on this very element and renders the popover next to it
 * (keyword-popover.ts).
 */
let triggerModel: HTMLElement | undefined;

function newTrigger(): HTMLElement {
  if (!triggerModel) {
    triggerModel = document.createElement('span');
    const attributes = {
      id: 'trigger',
      part: 'trigger',
      role: 'button',
      tabindex: '0',
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
    };
    for (const [name, value] of Object.entries(attributes)) triggerModel.setAttribute(name, value);
    triggerModel.append(document.createElement('slot'));
  }
  return triggerModel.cloneNode(true) as HTMLElement;
}

/** The first hover, focus or tap of any keyword, noticed by one listener on the document. */
const WAKE_EVENTS = ['pointerover', 'focusin', 'click'] as const;
let delegating = false;
function onPageEvent(e: Event): void {
  for (const node of e.composedPath()) {
    if (node instanceof BjKeyword) {
      node.wake(e);
      return;
    }
  }
}

/**
 * A keyword in running text that shows its official bilingual definition in a popover.
 *
 * The slotted text is the page's own text and stays readable before the script or the index
 * loads, and if they never do. The trigger is a focusable inline `role="button"` (a real
 * `<button>` cannot wrap across lines); it opens the popover after `show-delay` on hover,
 * at once on keyboard focus, and toggles it on click or tap. The popover stays while the pointer
 * moves into it (grace period `hide-delay`) and until Escape, pointer leave, blur or an outside
 * tap (WCAG 2.2 SC 1.4.13). One popover is open on the page at a time (opening one also closes a
 * search box's results, src/shared/floating/dismiss.ts). A tap inside the popover
 * never closes it (the popover takes focus, `tabindex="-1"`); on touch screens (`pointer: coarse`)
 * and in sheets it has a Close button that returns focus to the keyword.
 *
 * The popover never covers its keyword (WCAG 2.2 SC 2.4.11). On a viewport whose smaller side is
 * under 480 CSS px (`src/shared/floating/sheet.ts`) it is a sheet as wide as the viewport, docked to its
 * bottom edge under the keyword (or its top edge above it), still the same non-modal dialog;
 * opened by Tab, a tap or `show()`, the keyword is first scrolled up when the room next to it is too
 * small. While the keyword is out of sight (scrolled away, under a sticky header) the popover is
 * hidden (`src/shared/floating/in-sight.ts`).
 *
 * Colours follow the page's `color-scheme` (dark only on a page that opts into dark mode);
 * `color-scheme: light` or `dark` on the element or an ancestor forces either.
 *
 * Role: the APG tooltip pattern allows only non-focusable text in a tooltip and says to use a
 * non-modal dialog when the popup holds focusable content. This popover holds a "More"/"Less"
 * button, so it is a non-modal `role="dialog"` named by the keyword's title; focus is not moved
 * into it (Tab from the trigger reaches it next). The trigger has `aria-expanded`,
 * `aria-haspopup="dialog"`, `aria-controls` and `aria-describedby` (the definition), all pointing
 * at ids in the same shadow root, so screen readers announce the term with its definition.
 *
 * The popover lives in the top layer (Popover API) and is placed by src/shared/floating/position.ts, so
 * `overflow: hidden` ancestors and z-indexed headers never cover it; without the Popover API it
 * is `position: fixed` with z-index `--bj-z`.
 *
 * The index (one request per page, shared) loads on the first hover, focus or tap of any keyword,
 * or at once when any keyword has `preload`.
 *
 * Languages (see `src/shared/lang/locale.ts`): the popover's labels follow the keyword's own `lang`,
 * else the page's `<html lang>`; the `lang` of the text around the keyword (e.g. its paragraph)
 * decides only which language's title and definition come first.
 *
 * Until it is first used, a keyword renders only its trigger, with no listener of its own (one
 * page-wide listener notices the first hover, focus or tap of any keyword); the popover, its
 * behaviour, its positioning and the index reader are a chunk (keyword-popover.ts) imported then, so
 * thousands of keywords upgrade quickly and a page pays for the popover only when it is used.
 *
 * @summary Bilingual definition popover for a Beijing policy keyword.
 * @attr term - Keyword id (or any title/alias); when missing, the slotted text is looked up.
 * @attr index - Index URL for this element.
 * @attr display - Languages shown: `both`, `page`, `en` or `zh`.
 * @attr show-delay - Milliseconds of hover before the popover opens.
 * @attr hide-delay - Milliseconds the popover waits after the pointer leaves.
 * @attr preload - Load the index at once.
 * @attr open - Whether the popover is open.
 * @tagname bj-keyword
 * @slot - The keyword as it reads in the text; also how the keyword is found when `term` is not set.
 * @fires bj-show - The popover opened. Detail `{term}` (the keyword id, or its text before the index loaded).
 * @fires bj-hide - The popover closed. Detail `{term}`.
 * @fires bj-reposition - The open popover was placed (on opening, scrolling, resizing). Detail `{placement}`: `bottom-start`, `top-start`, … or `sheet`.
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
 * @csspart related-search - The "and N more" button: searches for the keyword in the page's `<bj-policy-search>` (only when there is one).
 * @csspart passage-link - A related passage's link to its page and heading (passages indexed from web pages).
 * @csspart notice - "Loading definition…", "Definition unavailable…" or "You are offline…" (offline before the popover part arrived: under the keyword, over the text).
 * @csspart retry - The "Retry" button after "Definition unavailable…" (loads the index again, the popover stays open).
 * @csspart close - The Close button (touch screens and sheets).
 * @csspart relation - "Related keyword:", when the text names the keyword only through an alias.
 * @csspart source-link - The link to the source publication (when the data has its http(s) address).
 * @cssprop --bj-accent - Links, focus ring, buttons. Default #0b5cad (dark: #6cb6ff), shared by all elements.
 * @cssprop --bj-surface - Popover background. Default #ffffff (dark: #161b22).
 * @cssprop --bj-text - Popover text. Default #1b1f24 (dark: #e6edf3).
 * @cssprop --bj-muted - Secondary text. Default #57606a (dark: #a5b0bb).
 * @cssprop --bj-border - Popover border and separators. Default #8c959f (dark: #6e7781).
 * @cssprop --bj-mark - Highlight behind the keyword in passages. Default #ffe58a (dark: #7a5d00).
 * @cssprop --bj-focus - Focus ring colour. Default `--bj-accent`.
 * @cssprop --bj-radius - Popover corner radius. Default 0.375rem.
 * @cssprop --bj-shadow - Popover shadow.
 * @cssprop --bj-font - Popover font family. Default system-ui.
 * @cssprop --bj-popover-font-size - Popover font size. Default 0.9375rem.
 * @cssprop --bj-popover-max-width - Popover width limit (always at most 100vw − 2rem). Default 26rem.
 * @cssprop --bj-keyword-underline - Colour of the dotted underline. Default currentColor.
 * @cssprop --bj-z - z-index when the Popover API is missing. Default 2147483647.
 */
@tag('bj-keyword')
export class BjKeyword extends BjElement {
  static override styles = styles;

  static override properties = {
    term: { reflect: true },
    index: {},
    display: { useDefault: true, converter: choiceAttribute('bj-keyword', 'display', ['both', 'page', 'en', 'zh'], 'both') },
    showDelay: { useDefault: true, attribute: 'show-delay', converter: integerAttribute('bj-keyword', 'show-delay', DELAY) },
    hideDelay: { useDefault: true, attribute: 'hide-delay', converter: integerAttribute('bj-keyword', 'hide-delay', DELAY) },
    preload: { type: Boolean, useDefault: true },
    open: { type: Boolean, reflect: true, useDefault: true },
  };

  /** Keyword id (or any title/alias); when missing, the slotted text is looked up. */
  term?: string;

  /** Index URL for this element; default: page-wide `<meta name="bj-index">`, then next to the script. */
  index?: string;

  // The defaults below are `defaults` above: not assigned per element (BjElement).

  /**
   * Languages shown: `both` (page language first), `page`, `en` or `zh`.
   * @default 'both'
   */
  display: KeywordDisplay = 'both';

  /**
   * Milliseconds of hover before the popover opens.
   * @default 300
   */
  showDelay = 300;

  /**
   * Milliseconds the popover waits after the pointer leaves, so that it can reach the popover.
   * @default 300
   */
  hideDelay = 300;

  /**
   * Load the index at once instead of on the first interaction (one keyword on a page is enough).
   * @default false
   */
  preload = false;

  /**
   * Whether the popover is open.
   * @default false
   */
  open = false;

  /** @internal The popover's behaviour and content, once the keyword was first used (keyword-popover.ts). */
  popoverController?: KeywordPopover;
  /** The events that arrived while the popover chunk was loading, by type (the latest of each). */
  private waiting?: Map<string, [Event, EventPlace]>;
  /** What the shadow root shows: the trigger, or (a keyword the index does not have) only the slot. */
  private drawn?: HTMLElement;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!delegating) {
      delegating = true;
      for (const type of WAKE_EVENTS) document.addEventListener(type, onPageEvent, true);
    }
    // A page-wide listener cannot see into a closed shadow root: a keyword in one listens itself.
    if (!this.popoverController && this.getRootNode() !== document && inClosedRoot(this)) {
      for (const type of WAKE_EVENTS) this.addEventListener(type, onPageEvent);
    }
    if (this.preload) void this.activate().then((popover) => popover?.ensureEntry());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // One popover open at a time: the popover part closes the one open before (src/shared/floating/dismiss.ts).
    if (changed.has('open') && this.open && !this.popoverController) void this.activate();
    this.popoverController?.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.popoverController?.updated(changed);
  }

  /** Opens the popover (loading the index first if needed, or again after a failed load); resolves once it is shown. */
  show(): Promise<void> {
    const popover = this.popoverController ?? this.attach();
    return popover ? popover.show() : this.activate().then((later) => later?.show());
  }

  /** Closes the popover. */
  hide(): void {
    if (this.popoverController) this.popoverController.hide();
    else this.open = false;
  }

  /** Focuses the keyword (which opens its popover). */
  override focus(options?: FocusOptions): void {
    // The trigger (with its id), not the bare slot of an unknown keyword.
    if (this.drawn?.id) this.drawn.focus(options);
    else super.focus(options);
  }

  /**
   * A first hover, focus or tap (from the page-wide listener): imports the popover, then handles
   * the event if it still applies. Nothing once the popover is here (it listens itself).
   */
  wake(e: Event): void {
    if (this.popoverController) return;
    // Part already here and the event still on its way to the keyword: its own listeners take it.
    if (Popover && e.currentTarget !== this) {
      this.attach();
      return;
    }
    // Until the popover part is here, what is drawn is the trigger (or nothing yet).
    const path = e.composedPath();
    (this.waiting ??= new Map()).set(e.type, [e, { target: path[0], onTrigger: Boolean(this.drawn) && path.includes(this.drawn!) }]);
    void this.activate();
  }

  /** The popover part, attached now if its chunk has arrived (replaying what waited for it). */
  private attach(): KeywordPopover | undefined {
    if (!Popover) return undefined;
    this.popoverController ??= new Popover(this);
    const waiting = this.waiting;
    this.waiting = undefined;
    for (const [e, at] of waiting?.values() ?? []) this.popoverController.replay(e, at);
    return this.popoverController;
  }

  /** Imports the popover part and attaches it; offline, shows the notice instead (a failed import is reported as `bj-error`). */
  private activate(): Promise<KeywordPopover | undefined> {
    const now = this.popoverController ?? this.attach();
    if (now) return Promise.resolve(now);
    return importPopover().then(
      (module) => {
        Popover = module.KeywordPopover;
        this.partDown = false;
        this.notice?.remove();
        return this.attach();
      },
      (cause: unknown) => {
        this.waiting = undefined;
        // Back online: imports the part again and opens the popover (what Retry does).
        this.partFailed('keyword popover', cause, () => void this.show());
        if (isOffline()) this.renderRoot.append((this.notice ??= this.newNotice()));
        return undefined;
      },
    );
  }

  /** Offline, where the popover part could not be imported: a notice after the keyword, over the text, with Retry. */
  private notice?: HTMLElement;

  private newNotice(): HTMLElement {
    const notice = document.createElement('span');
    render(
      html`<span class="down" part="notice" role="alert"
        >${uiString(this, 'shell.offline')}<button part="retry" @click=${() => void this.show()}>
          ${uiString(this, 'shell.retry')}
        </button></span
      >`,
      notice,
    );
    return notice;
  }

  /**
   * The shadow root: the trigger, or only the text for a keyword the index does not have. Nothing
   * in it is bound, so no template: one node, a clone of one prepared trigger, which makes thousands
   * of keywords upgrade about as fast as a minimal Lit element (`node bench/page.mjs --only
   * upgrade`). The popover part renders the popover after it; a new node takes the popover with the
   * old one, as in a template switch (the popover part puts it back).
   */
  protected override render(): HTMLElement {
    const plain = this.popoverController?.status === 'unknown';
    if (this.drawn?.localName !== (plain ? 'slot' : 'span')) this.drawn = plain ? document.createElement('slot') : newTrigger();
    return this.drawn;
  }
}

/** Whether `el` sits in a closed shadow root (at any depth), where page-wide listeners cannot see it. */
function inClosedRoot(el: Element): boolean {
  for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    if (root.mode === 'closed') return true;
  }
  return false;
}

declare global {
  interface HTMLElementTagNameMap {
    'bj-keyword': BjKeyword;
  }
}
