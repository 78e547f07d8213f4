/**
 * Where a floating panel shows while its element is open: beside its reference in the top layer
 * (`openFloating`, ./popover.ts, over ./position.ts), or, on a small viewport (./sheet.ts), as a
 * sheet with the `sheet` class. Every placement is announced as `bj-reposition` with its
 * `placement` (`sheet` for a sheet placed by the element's `dock`).
 *
 * A Lit reactive controller, like material-web's `SurfacePositionController`: the keyword popover
 * and the search box's results hold one each; it hides the panel when its element leaves the page.
 */
import type { ReactiveController } from 'lit';
import type { BjElement } from '../element/bj-element.js';
import { openFloating, type FloatOptions } from './popover.js';
import { smallViewport } from './sheet.js';

export class PlacementController implements ReactiveController {
  /** Hides the panel and stops following its reference (set while it is shown). */
  private stop?: () => void;

  /** @param placed runs after each placement, before `bj-reposition` (the keyword hides a popover whose keyword is out of sight). */
  constructor(
    private readonly host: BjElement,
    private readonly placed?: (reference: Element, panel: HTMLElement) => void,
  ) {
    host.addController(this);
  }

  /** Whether the panel is shown. */
  get shown(): boolean {
    return Boolean(this.stop);
  }

  hostDisconnected(): void {
    this.hide();
  }

  /**
   * Shows `panel` (hidden until now) beside `reference` with `options`, or as a sheet on a small
   * viewport: placed by `dock` when given, else with `options` too (the search results: the
   * viewport's width from their styles). Returns whether it is a sheet.
   */
  show(reference: Element, panel: HTMLElement, options: FloatOptions, dock?: () => void): boolean {
    const sheet = smallViewport();
    panel.classList.toggle('sheet', sheet);
    const placed = (placement: string): void => {
      this.placed?.(reference, panel);
      this.host.emit('bj-reposition', { placement });
    };
    const docked = (): void => {
      dock!();
      placed('sheet');
    };
    this.stop = openFloating(reference, panel, sheet && dock ? { place: docked } : { ...options, onPlaced: placed });
    return sheet;
  }

  /** Hides the panel and stops following; returns whether it was shown. */
  hide(): boolean {
    const stop = this.stop;
    this.stop = undefined;
    stop?.();
    return Boolean(stop);
  }
}
