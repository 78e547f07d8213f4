/**
 * How a floating panel (a keyword's popover, the search box's results) is dismissed: a press
 * outside its element closes it, Escape anywhere on the page closes it when its element asks for
 * that (the keyword: WCAG 2.2 SC 1.4.13; the search box handles Escape in its own box), and one panel
 * is open on the page at a time: opening one closes the one open before, whichever element it belongs to.
 *
 * A Lit reactive controller (material-web's menu and Shoelace's tooltip dismiss the same way). Its
 * element calls {@link Dismiss.opened} when its panel shows and {@link Dismiss.closed} when it hides;
 * the page listeners exist only in between. Presses inside are noted on the element itself
 * (src/shared/floating/inside.ts), so a panel in a closed shadow root is not closed by its own presses.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { notePress, pressedInside } from './inside.js';

/**
 * The open panels of the page: one opened by a press, a key or a tap (`current`), and one opened by
 * hovering (`hint`, like the Popover API's `popover="hint"`). Opening a panel closes the hint; a
 * panel opened by a press also closes `current`. A pointer passing over a keyword on its way to a
 * search result never closes the results (the page's only such rule).
 */
let current: Dismiss | undefined;
let hint: Dismiss | undefined;

export class Dismiss implements ReactiveController {
  /**
   * @param close closes the panel (an outside press, or another panel opening).
   * @param escape closes it on Escape anywhere on the page (when not given, Escape is the element's own).
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly close: () => void,
    private readonly escape?: () => void,
  ) {
    host.addController(this);
    // On the element itself: notes presses inside, which a page listener cannot see in a closed root.
    host.addEventListener('pointerdown', (e) => notePress(host, e));
  }

  hostDisconnected(): void {
    this.closed();
  }

  /**
   * The panel opened: closes the one open before (only a hint when this is one: see `hint`), and
   * listens to the page until {@link closed}.
   */
  opened(byHover = false): void {
    if (hint !== this) hint?.close();
    if (!byHover && current !== this) current?.close();
    [hint, current] = byHover ? [this, current] : [hint, this];
    // Bubble phase: after the element's own listener, which also sees presses in a closed root.
    document.addEventListener('pointerdown', this.onPress);
    if (this.escape) document.addEventListener('keydown', this.onKey);
  }

  /** The panel closed: stops listening to the page. */
  closed(): void {
    if (current === this) current = undefined;
    if (hint === this) hint = undefined;
    document.removeEventListener('pointerdown', this.onPress);
    document.removeEventListener('keydown', this.onKey);
  }

  private onPress = (e: Event): void => {
    if (!pressedInside(this.host, e)) this.close();
  };

  private onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') this.escape!();
  };
}
