/**
 * Hover intent for a trigger and its panel (the keyword popover): the pointer resting on the
 * element `showDelay` ms opens the panel; leaving it (for the panel, which is inside the element)
 * closes it after `hideDelay` ms unless the pointer came back (WCAG 2.2 SC 1.4.13: the reader can
 * move the pointer onto the panel). Touch pointers are left to clicks. After Escape, a pointer
 * resting where it was opens nothing until it moves: closing one panel can leave the pointer over
 * another trigger, which then gets `pointerenter` without any movement.
 *
 * A Lit reactive controller (Shoelace's tooltip holds the same timers); its timers stop when the
 * element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where the pointer was last seen while a panel was open (client px). */
let lastPointer: [number, number] | undefined;
/** Set by {@link HoverIntent.pause} to where the pointer rested: hover opens nothing while it stays there. */
let pausedAt: [number, number] | undefined;
const restingAt = (e: PointerEvent): boolean =>
  Boolean(pausedAt) && Math.abs(e.clientX - pausedAt![0]) < 1 && Math.abs(e.clientY - pausedAt![1]) < 1;

/** An element with hover delays and an open panel. */
export type HoverHost = ReactiveControllerHost & HTMLElement & { open: boolean; showDelay: number; hideDelay: number };

export interface HoverActions {
  /** Whether hover may open the panel now (a keyword the index does not have: no). */
  enabled(): boolean;
  /** The pointer entered the element while its panel is closed: start what opening needs (the index). */
  entered(): void;
  /** `showDelay` after entering: open the panel. */
  open(): void;
  /** `hideDelay` after leaving, the pointer still away: close the panel (unless focus or a click keeps it). */
  close(): void;
}

export class HoverIntent implements ReactiveController {
  /** The pointer is over the element (its trigger or its panel). */
  hovering?: boolean;
  private showTimer?: ReturnType<typeof setTimeout>;
  private hideTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: HoverHost,
    private readonly actions: HoverActions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Forgets a pending opening or closing. */
  cancel(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
  }

  /** Follows the pointer while the panel is open (where Escape leaves it: {@link pause}). */
  track(on: boolean): void {
    if (on) document.addEventListener('pointermove', this.onMove, { passive: true });
    else document.removeEventListener('pointermove', this.onMove);
  }

  /** Escape closed the panel: hover opens nothing until the pointer moves from where it rests. */
  pause(): void {
    pausedAt = lastPointer;
  }

  /** `pointerenter` on the element (or the first `pointerover`, replayed). */
  enter(e: PointerEvent): void {
    const host = this.host;
    // Already inside: the replayed first `pointerover` and the `pointerenter` of the same move.
    if (e.pointerType === 'touch' || !this.actions.enabled() || this.hovering) return;
    if (restingAt(e)) {
      // After Escape, the pointer has not moved: hover counts from its first real movement.
      const onMove = (m: PointerEvent): void => {
        if (restingAt(m)) return;
        host.removeEventListener('pointermove', onMove);
        pausedAt = undefined;
        this.enter(m);
      };
      host.addEventListener('pointermove', onMove);
      host.addEventListener('pointerleave', () => host.removeEventListener('pointermove', onMove), { once: true });
      return;
    }
    pausedAt = undefined;
    this.hovering = true;
    clearTimeout(this.hideTimer);
    if (host.open) return;
    this.actions.entered();
    clearTimeout(this.showTimer);
    this.showTimer = setTimeout(() => this.actions.open(), host.showDelay);
  }

  /** `pointerleave` of the element. */
  leave(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    this.hovering = false;
    clearTimeout(this.showTimer);
    if (!this.host.open) return;
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (!this.hovering) this.actions.close();
    }, this.host.hideDelay);
  }

  private onMove = (e: PointerEvent): void => {
    lastPointer = [e.clientX, e.clientY];
  };
}
