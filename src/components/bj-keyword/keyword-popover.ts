/**
 * Everything a `<bj-keyword>` does after its first hover, focus, tap or `show()`. A chunk of its
 * own (dist/chunks/), imported by the element on first need, so a page of keywords pays for none of
 * it until a reader reaches for one. One `KeywordPopover` per keyword that was used, built from
 * reactive controllers: `KeywordLookup` (keyword-lookup.ts: the index and the keyword's entry) and,
 * from src/shared/floating/, `HoverIntent`, `PlacementController` (beside the keyword, or a sheet) and `Dismiss` (outside press,
 * Escape, one open at a time). This file wires them to the keyword's events and draws the trigger's
 * ARIA state and the popover (keyword-popover-view.ts); the element (bj-keyword.ts) keeps the
 * public API, the reactive properties and the trigger, and forwards its update cycle here.
 */
import type { PropertyValues, ReactiveController } from 'lit';
import type { TermEntry } from '../../search/types.js';
import { adoptStyles } from '../../shared/element/adopt-styles.js';
// With this chunk, not after it: the code that fetches and reads the index (the store imports them on first load).
import '../../search/catalogue.js';
import '../../shared/index/index-fetch.js';
import { Dismiss } from '../../shared/floating/dismiss.js';
import { HoverIntent } from '../../shared/floating/hover-intent.js';
import { dock, inSight, makeRoom } from '../../shared/floating/in-sight.js';
import { PlacementController } from '../../shared/floating/placement.js';
import { smallViewport } from '../../shared/floating/sheet.js';
import { applyUiLocale, watchLocale } from '../../shared/lang/locale.js';
import type { BjKeyword } from './bj-keyword.js';
import type { KeywordActions } from './keyword-actions.js';
import { KeywordLookup, type KeywordStatus } from './keyword-lookup.js';
import { drawPopover, spokenDefinition, syncTrigger } from './keyword-popover-view.js';
import { popoverStyles } from './keyword-popover.styles.js';

export type { KeywordStatus };

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
  private readonly lookup: KeywordLookup;
  private readonly hover: HoverIntent;
  private readonly placement: PlacementController;
  private readonly dismiss: Dismiss;
  /** The status the popover was last drawn with (a new one may change its size). */
  private drawn?: KeywordStatus;
  private expanded?: boolean;
  /** What the popover's live region says: the definition, when it arrived while focus waited. */
  private spoken?: string;
  private pinned?: boolean;
  private pointerFocus?: boolean;
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
  /** Read aloud and "Full entry" (keyword-actions.ts, imported at the first opening). */
  private actions?: KeywordActions;
  /** Where the popover is rendered: after the trigger in the keyword's shadow root (created at the first opening). */
  private box?: HTMLElement;

  constructor(private readonly host: BjKeyword) {
    host.addController(this);
    this.lookup = new KeywordLookup(host, (entry) => (entry ? this.found(entry) : this.hide()));
    this.hover = new HoverIntent(host, {
      enabled: () => this.status !== 'unknown',
      entered: () => void this.ensureEntry(),
      open: () => {
        this.byHover = true;
        this.openNow();
      },
      close: () => {
        if (!this.pinned && !this.hasFocus()) this.hide();
      },
    });
    // Hidden while the keyword is out of sight (scrolled away, or under a sticky header).
    this.placement = new PlacementController(host, (trigger, panel) => (panel.style.visibility = inSight(trigger) ? '' : 'hidden'));
    this.dismiss = new Dismiss(
      host,
      () => this.hide(),
      () => {
        if (!host.open) return;
        this.hover.pause();
        this.close();
      },
    );
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

  hostDisconnected(): void {
    this.hover.cancel();
    if (this.host.open) {
      this.teardown();
      this.host.open = false;
    }
  }

  /** Lookup state: `undefined` until the first lookup (and after the text, `term` or `index` changed). */
  get status(): KeywordStatus | undefined {
    return this.lookup.status;
  }

  willUpdate(changed: PropertyValues<BjKeyword>): void {
    const host = this.host;
    if ((changed.has('term') || changed.has('index')) && host.hasUpdated) this.lookup.forget();
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
    if (host.open && this.placement.shown && this.grew && !this.byHover) makeRoom(this.trigger!, this.panel!, smallViewport());
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
    this.hover.cancel();
    this.pinned = false;
    this.host.open = false;
  }

  /** Loads the index and finds this keyword in it (keyword-lookup.ts); `retry`: after a failed load, the Retry button. Never throws. */
  ensureEntry(retry = false): Promise<void> {
    return this.lookup.ensureEntry(retry);
  }

  /** The keyword was found: focus waited on it while the index loaded, so say the definition now that it is here. */
  private found(entry: TermEntry): void {
    if (this.waitingForDefinition && this.hasFocus()) this.spoken = spokenDefinition(this.host, entry);
    this.waitingForDefinition = false;
  }

  private detail() {
    return { term: this.lookup.entry?.id ?? this.lookup.key() };
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
    this.dismiss.opened(this.byHover);
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
    const { trigger, panel } = this;
    if (!this.placement.shown && trigger && panel) {
      // Beside the keyword, or a sheet (src/shared/floating/sheet.ts), never over it; opened by Tab, a
      // tap or `show()`, the keyword is scrolled up to make room for it.
      const sheet = this.placement.show(trigger, panel, {}, () => dock(trigger, panel));
      if (!this.byHover) makeRoom(trigger, panel, sheet);
      this.hover.track(true);
      this.host.emit('bj-show', this.detail());
    }
  }

  private teardown(notify = false): void {
    this.spoken = undefined;
    this.actions?.stop();
    const wasOpen = this.placement.hide();
    this.byHover = false;
    this.dismiss.closed();
    this.hover.track(false);
    if (notify && wasOpen) this.host.emit('bj-hide', this.detail());
  }

  private openNow(): void {
    if (this.status === 'unknown') return;
    this.hover.cancel();
    this.host.open = true;
  }

  /**
   * Whether focus is on the keyword or in its popover. (`:focus-within` misses focus inside the
   * popover: Chromium does not match it through the top layer.)
   */
  private hasFocus(): boolean {
    return Boolean((this.host.renderRoot as ShadowRoot).activeElement);
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
      if (host.matches(':hover')) this.hover.enter(e as PointerEvent);
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
        return self.hover.enter(e as PointerEvent);
      case 'pointerleave':
        return self.hover.leave(e as PointerEvent);
      case 'pointerdown':
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
    if (!this.hover.hovering) this.hide();
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

  /** Brings the keyword's shadow root up to date: the trigger's ARIA state and the popover after it (keyword-popover-view.ts). */
  private sync(): void {
    const host = this.host;
    const trigger = this.trigger;
    const { entry, passages, related, viaAlias } = this.lookup;
    if (!trigger || this.status === 'unknown') return;
    const ready = Boolean(this.status === 'ready' && entry);
    // Said once: by the live region when the definition came while focus waited, else by the description.
    syncTrigger(trigger, host.open, this.panelRendered, ready && this.panelRendered && !this.spoken);
    if (!this.panelRendered) return;
    this.box = drawPopover(this.box, {
      host,
      status: this.status,
      entry,
      passages,
      related,
      expanded: this.expanded,
      viaAlias,
      spoken: this.spoken,
      actions: this.actions,
      close: () => this.close(),
      toggleMore: () => {
        this.expanded = !this.expanded;
        host.requestUpdate();
      },
      retry: () => this.onRetry(),
    });
  }
}
