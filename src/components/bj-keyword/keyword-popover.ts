/**
 * Everything a `<bj-keyword>` does after its first hover, focus, tap or `show()`: hover intent,
 * the index lookup, the popover's placement (beside the keyword or a sheet), the page listeners that
 * close it, and its content. A chunk of its own (dist/chunks/), imported by the element on first
 * need, so a page of keywords pays for none of it until a reader reaches for one.
 *
 * One `KeywordPopover` per keyword that was used; the element (bj-keyword.ts) keeps the public
 * API, the reactive properties and the trigger, and forwards its update cycle here; the content is
 * keyword-popover-view.ts.
 */
import { render, type PropertyValues, type ReactiveController } from 'lit';
import type { PassageEntry, TermEntry } from '../../search/types.js';
import { adoptStyles } from '../../shared/element/adopt-styles.js';
// With this chunk, not after it: the code that fetches and reads the index (the store imports them on first load).
import '../../search/catalogue.js';
import '../../shared/index/index-fetch.js';
import { IndexLoad } from '../../shared/index/index-load.js';
import { loadCatalogue, peekCatalogue } from '../../shared/index/index-store.js';
import { notePress, pressedInside } from '../../shared/floating/inside.js';
import type { KeywordSource } from '../../shared/index/keyword-source.js';
import { contentLangOf } from '../../shared/lang/content-lang.js';
import { applyUiLocale, watchLocale } from '../../shared/lang/locale.js';
import { openFloating } from '../../shared/floating/popover.js';
import { dock, inSight, makeRoom } from '../../shared/floating/in-sight.js';
import { smallViewport } from '../../shared/floating/sheet.js';
import type { BjKeyword } from './bj-keyword.js';
import type { KeywordActions } from './keyword-actions.js';
import { definitionParagraphs, languagesFor } from './keyword-content.js';
import { renderPopover } from './keyword-popover-view.js';
import { popoverStyles } from './keyword-popover.styles.js';

/** The one open keyword popover on the page: showing another closes it (`setup()`; the page's only such rule). */
let current: KeywordPopover | undefined;

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
export type KeywordStatus = 'loading' | 'ready' | 'error' | 'unknown';

/** Where an event happened, read while it is dispatched (a replayed event has lost its path). */
export interface EventPlace {
  /** The innermost target (`composedPath()[0]`). */
  target: EventTarget | undefined;
  /** The event happened on (or inside) the trigger, as opposed to the popover. */
  onTrigger: boolean;
}

/** The events a keyword listens to once used; one shared function, `this` is the keyword. */
const HOST_EVENTS = ['pointerenter', 'focusin', 'click', 'pointerleave', 'pointerdown', 'keydown', 'focusout'] as const;

export class KeywordPopover implements ReactiveController {
  /** The index (its catalogue) as this keyword sees it: loading, ready or failed (src/shared/index/index-load.ts). */
  private readonly index: IndexLoad<KeywordSource>;
  /** The keyword was looked up in the loaded index: found, or not a keyword (then plain text). */
  private found?: 'ready' | 'unknown';
  /** The status the popover was last drawn with (a new one may change its size). */
  private drawn?: KeywordStatus;
  private entry?: TermEntry;
  private passages?: PassageEntry[];
  /** How many passages mention the keyword (a sharded index lists only the first few). */
  private related?: number;
  private expanded?: boolean;
  /** The text names the keyword only through an alias (shown as "Related keyword: …"). */
  private viaAlias?: boolean;
  /** What the popover's live region says: the definition, when it arrived while focus waited. */
  private spoken?: string;

  /** `url\nkey` the keyword was looked up for. */
  private resolvedFor?: string;
  private warnedFor?: string;
  private showTimer?: ReturnType<typeof setTimeout>;
  private hideTimer?: ReturnType<typeof setTimeout>;
  private hovering?: boolean;
  private pinned?: boolean;
  private pointerFocus?: boolean;
  private stopFloating?: () => void;
  /** Opened by hover: the page is never scrolled to make room (it would move from under the pointer). */
  private byHover?: boolean;
  /** Focus was in the keyword when the definition was still loading (announce it when it comes). */
  private waitingForDefinition?: boolean;
  /** The popover DOM exists (rendered at the first opening, or once a preloaded entry is found). */
  private panelRendered?: boolean;
  /** The definition arrived (or the notice replaced it): check the room beside the keyword again. */
  private grew?: boolean;
  /** `open` was set before this controller existed: set up at the next update. */
  private openPending?: boolean;
  private slotWatched?: boolean;
  /** Read aloud and "Full entry" (keyword-actions.ts, imported at the first opening). */
  private actions?: KeywordActions;

  constructor(private readonly host: BjKeyword) {
    host.addController(this);
    this.index = new IndexLoad<KeywordSource>(host, loadCatalogue, peekCatalogue);
    this.index.onOnline = () => void this.ensureEntry(true);
    watchLocale(host);
    void applyUiLocale(host); // the labels' language (a small chunk), before the popover opens
    adoptStyles(host, popoverStyles);
    for (const type of HOST_EVENTS) host.addEventListener(type, KeywordPopover.onHostEvent);
    if (host.open) {
      this.openPending = true;
      void this.ensureEntry();
      host.requestUpdate();
    }
  }

  /** Where the popover is rendered: after the trigger in the keyword's shadow root (created at the first opening). */
  private box?: HTMLElement;

  hostConnected(): void {
    if (this.resolvedFor) this.watchSlot();
  }

  hostDisconnected(): void {
    this.clearTimers();
    if (this.host.open) {
      this.teardown();
      this.host.open = false;
    }
  }

  /** Lookup state: `undefined` until the first lookup (and after the text, `term` or `index` changed). */
  get status(): KeywordStatus | undefined {
    const phase = this.index.phase;
    return this.resolvedFor ? this.found : phase === 'loading' || phase === 'error' ? phase : undefined;
  }

  willUpdate(changed: PropertyValues<BjKeyword>): void {
    const host = this.host;
    if ((changed.has('term') || changed.has('index')) && host.hasUpdated) this.forget();
    if (changed.has('open') && host.open && !this.status) void this.ensureEntry();
    if (host.open && this.status === 'unknown') host.open = false;
    if (changed.has('open') && !host.open) this.expanded = false;
    if (host.open || this.status === 'ready') this.panelRendered = true;
    if (this.drawn !== this.status) this.grew = true;
    this.drawn = this.status;
  }

  updated(changed: PropertyValues<BjKeyword>): void {
    const host = this.host;
    this.sync();
    if (host.open && this.stopFloating && this.grew && !this.byHover) makeRoom(this.trigger!, this.panel!, smallViewport());
    this.grew = false;
    const pending = this.openPending;
    this.openPending = false;
    if (!changed.has('open') && !pending) return;
    if (host.open) this.setup();
    else if (changed.get('open') === true) this.teardown(true);
  }

  /** Opens the popover (loading the index first if needed, or again after a failed load); resolves once it is shown. */
  async show(): Promise<void> {
    if (this.status === 'unknown') return;
    if (this.status !== 'ready') void this.ensureEntry();
    this.openNow();
    await this.host.updateComplete;
  }

  /** Closes the popover. */
  hide(): void {
    this.clearTimers();
    this.pinned = false;
    this.host.open = false;
  }

  /**
   * Loads the index (once per page; after a failed load, again: quietly, the notice and its Retry
   * stay until it arrives, and a new failure is not reported again; `retry`, the Retry button: shows
   * "Loading…") and finds this keyword in it; never throws.
   */
  ensureEntry(retry = false): Promise<void> {
    const index = this.index;
    // Read when the index arrives: the `term` or text of that moment (an answer for an old `index` never arrives).
    const found = (retry && index.phase === 'error' ? index.retry() : index.load()).then(() => this.lookUp());
    this.lookUp(); // loaded already (by another keyword): found now, without a render in between
    return found;
  }

  /** Finds the keyword in the loaded index (once per index address and key). */
  private lookUp(): void {
    const { value, url } = this.index;
    const key = this.lookupKey();
    if (value && this.resolvedFor !== `${url}\n${key}`) this.resolve(value, url!, key);
  }

  private resolve(index: KeywordSource, url: string, key: string): void {
    const host = this.host;
    this.watchSlot();
    this.resolvedFor = `${url}\n${key}`;
    const entry = (host.term ? index.term(key.trim()) : undefined) ?? index.lookupTerm(key);
    if (!entry) {
      this.entry = undefined;
      this.passages = undefined;
      this.found = 'unknown';
      host.requestUpdate();
      this.hide();
      if (this.warnedFor !== this.resolvedFor) {
        this.warnedFor = this.resolvedFor;
        host.reportError(
          {
            code: 'unknown-term',
            message:
              `bj: <bj-keyword> "${key}" is not in the index at ${url}; it stays plain text. ` +
              'Check the spelling, or set term="<id>" to a keyword id of the index.',
          },
          { term: key, url },
        );
      }
      return;
    }
    this.entry = entry;
    this.passages = index.passagesFor(entry.id);
    this.related = index.relatedCount(entry.id);
    this.viaAlias = index.viaAlias(key);
    this.found = 'ready';
    host.requestUpdate();
    // Focus waited on the keyword while the index loaded: say the definition now that it is here.
    if (this.waitingForDefinition && this.hasFocus()) {
      const langs = languagesFor(entry, host.display, contentLangOf(host, host.textContent ?? ''));
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
    this.host.requestUpdate();
    if (this.host.open) void this.ensureEntry();
  }

  private lookupKey(): string {
    return (this.host.term?.trim() || this.host.textContent || '').replace(/\s+/g, ' ').trim();
  }

  private detail() {
    return { term: this.entry?.id ?? this.lookupKey() };
  }

  private get trigger(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('#trigger');
  }

  private get panel(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('#popover');
  }

  private setup(): void {
    // Opened, then removed before this part arrived: nothing to show, nothing to listen to.
    if (!this.host.isConnected) return;
    if (current && current !== this) current.hide();
    current = this;
    if (!this.actions)
      void import('./keyword-actions.js').then(
        ({ KeywordActions }) => {
          this.actions ??= new KeywordActions(this.host);
          this.host.requestUpdate();
        },
        () => undefined,
      ); // without it, the popover has no actions row
    // One UI locale per page (@lit/localize): the keyword's own lang, else the page's; the
    // paragraph's lang only orders the content (src/shared/lang/locale.ts).
    void applyUiLocale(this.host);
    if (!this.stopFloating && this.trigger && this.panel) {
      this.place();
      // Bubble phase: after the keyword's own listener, which also sees presses in a closed root.
      document.addEventListener('pointerdown', KeywordPopover.onDocumentEvent);
      document.addEventListener('keydown', KeywordPopover.onDocumentEvent);
      document.addEventListener('pointermove', KeywordPopover.onDocumentEvent, { passive: true });
      this.host.emit('bj-show', this.detail());
    }
  }

  /**
   * Shows the popover beside the keyword, or as a sheet on a small viewport (src/shared/floating/sheet.ts),
   * never over the keyword; opened by Tab, a tap or `show()`, scrolls the keyword up to make room
   * for it. Hidden while the keyword is out of sight (scrolled away, or under a sticky header).
   */
  private place(): void {
    const { trigger, panel } = this;
    if (!trigger || !panel) return;
    const sheet = smallViewport();
    const placed = (placement: string): void => {
      panel.style.visibility = inSight(trigger) ? '' : 'hidden';
      this.host.emit('bj-reposition', { placement });
    };
    panel.classList.toggle('sheet', sheet);
    const asSheet = (): void => {
      dock(trigger, panel);
      placed('sheet');
    };
    this.stopFloating = openFloating(trigger, panel, sheet ? { place: asSheet } : { onPlaced: placed });
    if (!this.byHover) makeRoom(trigger, panel, sheet);
  }

  private teardown(notify = false): void {
    this.spoken = undefined;
    this.actions?.stop();
    this.stopFloating?.();
    const wasOpen = Boolean(this.stopFloating);
    this.stopFloating = undefined;
    this.byHover = false;
    if (current === this) {
      current = undefined;
      document.removeEventListener('pointerdown', KeywordPopover.onDocumentEvent);
      document.removeEventListener('keydown', KeywordPopover.onDocumentEvent);
      document.removeEventListener('pointermove', KeywordPopover.onDocumentEvent);
    }
    if (notify && wasOpen) this.host.emit('bj-hide', this.detail());
  }

  private openNow(): void {
    if (this.status === 'unknown') return;
    this.clearTimers();
    this.host.open = true;
  }

  private clearTimers(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
  }

  private scheduleHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (!this.hovering && !this.pinned && !this.hasFocus()) this.hide();
    }, this.host.hideDelay);
  }

  /**
   * Whether focus is on the keyword or in its popover. (`:focus-within` misses focus inside the
   * popover: Chromium does not match it through the top layer.)
   */
  private hasFocus(): boolean {
    return Boolean((this.host.renderRoot as ShadowRoot).activeElement);
  }

  /** Once a keyword was looked up, a change of its text means looking it up again. */
  private watchSlot(): void {
    if (this.slotWatched || !this.host.renderRoot) return;
    this.slotWatched = true;
    this.host.renderRoot.addEventListener('slotchange', () => {
      if (!this.host.term && this.resolvedFor && !this.resolvedFor.endsWith(`\n${this.lookupKey()}`)) this.forget();
    });
  }

  /** Where `e` happens, read now (while it is dispatched). */
  placeOf(e: Event): EventPlace {
    const path = e.composedPath();
    const trigger = this.trigger;
    return { target: path[0], onTrigger: Boolean(trigger) && path.includes(trigger!) };
  }

  /**
   * An event that reached the keyword before this controller existed (its first hover, focus or
   * tap), handled now if it still applies: the pointer is still over it, focus is still in it.
   */
  replay(e: Event, at: EventPlace): void {
    const host = this.host;
    if (e.type === 'pointerover') {
      if (host.matches(':hover')) this.onPointerEnter(e as PointerEvent);
    } else if (e.type === 'focusin') {
      if (this.hasFocus()) this.onFocusIn(at);
    } else if (e.type === 'click') {
      this.onClick(at);
    }
  }

  /** The listener of every used keyword's own events: `this` is the keyword. */
  private static onHostEvent(this: BjKeyword, e: Event): void {
    const self = this.popoverController;
    if (!self) return;
    switch (e.type) {
      case 'pointerenter':
        return self.onPointerEnter(e as PointerEvent);
      case 'pointerleave':
        return self.onPointerLeave(e as PointerEvent);
      case 'pointerdown':
        notePress(this, e);
        if (self.placeOf(e).onTrigger) self.pointerFocus = true;
        return;
      case 'click':
        return self.onClick(self.placeOf(e));
      case 'keydown':
        return self.onKeyDown(e as KeyboardEvent);
      case 'focusin':
        return self.onFocusIn(self.placeOf(e));
      case 'focusout':
        return self.onFocusOut(e as FocusEvent);
    }
  }

  /** Outside tap and Escape, for the one open keyword (added on opening, removed on closing). */
  private static onDocumentEvent(e: Event): void {
    if (!current) return;
    if (e.type === 'pointermove') lastPointer = [(e as PointerEvent).clientX, (e as PointerEvent).clientY];
    else if (e.type === 'keydown') current.onDocumentKeyDown(e as KeyboardEvent);
    else if (!pressedInside(current.host, e)) current.hide();
  }

  private onPointerEnter(e: PointerEvent): void {
    const host = this.host;
    // Already inside: the replayed first `pointerover` and the `pointerenter` of the same move.
    if (e.pointerType === 'touch' || this.status === 'unknown' || this.hovering) return;
    if (restingAt(e)) {
      // After Escape, the pointer has not moved: hover counts from its first real movement.
      const onMove = (m: PointerEvent): void => {
        if (restingAt(m)) return;
        host.removeEventListener('pointermove', onMove);
        pausedAt = undefined;
        this.onPointerEnter(m);
      };
      host.addEventListener('pointermove', onMove);
      host.addEventListener('pointerleave', () => host.removeEventListener('pointermove', onMove), { once: true });
      return;
    }
    pausedAt = undefined;
    this.hovering = true;
    clearTimeout(this.hideTimer);
    if (host.open) return;
    void this.ensureEntry();
    clearTimeout(this.showTimer);
    this.showTimer = setTimeout(() => {
      this.byHover = true;
      this.openNow();
    }, host.showDelay);
  }

  private onPointerLeave(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    this.hovering = false;
    clearTimeout(this.showTimer);
    if (this.host.open) this.scheduleHide();
  }

  private onClick(at: EventPlace): void {
    if (!at.onTrigger) return;
    this.pointerFocus = false;
    if (this.status === 'unknown') return;
    if (this.host.open && this.pinned) {
      this.hide();
      return;
    }
    void this.show();
    this.pinned = true;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if ((e.key !== 'Enter' && e.key !== ' ') || e.composedPath()[0] !== this.trigger) return;
    e.preventDefault();
    if (this.host.open) this.hide();
    else void this.show();
  }

  private onFocusIn(at: EventPlace): void {
    const fromPointer = this.pointerFocus;
    this.pointerFocus = false;
    if (at.target !== this.trigger || fromPointer || this.host.open) return;
    void this.show(); // finds the keyword at once when the index is here: its description says the definition
    if (this.status !== 'ready') this.waitingForDefinition = true;
  }

  private onFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget as Node | null;
    if (next && (next === this.host || this.host.renderRoot.contains(next))) return;
    if (!this.hovering) this.hide();
  }

  private onDocumentKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.host.open) return;
    pausedAt = lastPointer;
    this.close();
  }

  /** Escape and the Close button: close, and bring focus from the popover back to the keyword. */
  private close(): void {
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    if (active && active !== this.trigger) this.trigger?.focus();
    this.hide();
  }

  /** Retry in the popover, after a failed load: loads again; focus stays in the popover, which says the definition when it comes. */
  private onRetry(): void {
    this.panel?.focus({ preventScroll: true }); // the button gives way to the loading notice
    this.waitingForDefinition = true;
    void this.ensureEntry(true);
  }

  private onToggleMore(): void {
    this.expanded = !this.expanded;
    this.host.requestUpdate();
  }

  /**
   * Brings the keyword's shadow root up to date: the trigger's ARIA state (aria-controls and
   * aria-describedby name their targets only once these exist: the popover from the first opening,
   * the definition once the index has loaded), and the popover after the trigger.
   */
  private sync(): void {
    const host = this.host;
    const trigger = this.trigger;
    if (!trigger || this.status === 'unknown') return;
    const ready = Boolean(this.status === 'ready' && this.entry);
    const aria = { 'aria-expanded': host.open ? 'true' : 'false', 'aria-controls': this.panelRendered ? 'popover' : undefined };
    // Said once: by the live region when the definition came while focus waited, else by the description.
    const describedby = ready && this.panelRendered && !this.spoken ? 'definition' : undefined;
    for (const [name, value] of Object.entries({ ...aria, 'aria-describedby': describedby })) {
      if (value === undefined) trigger.removeAttribute(name);
      else trigger.setAttribute(name, value);
    }
    if (!this.panelRendered) return;
    if (!this.box) {
      this.box = document.createElement('span');
      this.box.className = 'panel-root';
    }
    // After the trigger (Tab from the keyword reaches the popover next); put back if the keyword
    // was re-rendered as plain text in between.
    if (this.box.parentNode !== host.renderRoot) host.renderRoot.appendChild(this.box);
    render(
      renderPopover({
        host,
        status: this.status,
        entry: this.entry,
        passages: this.passages,
        related: this.related,
        expanded: this.expanded,
        viaAlias: this.viaAlias,
        spoken: this.spoken,
        actions: this.actions,
        close: () => this.close(),
        toggleMore: () => this.onToggleMore(),
        retry: () => this.onRetry(),
      }),
      this.box,
      { host },
    );
  }
}
