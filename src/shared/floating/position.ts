/**
 * Places a floating panel above or below its reference, as `@floating-ui/dom` does with
 * `strategy: 'fixed'` and the middlewares `[inline(), offset(gap), flip({ padding }),
 * shift({ padding }), size({ padding, apply })]`, in a tenth of its size (every kilobyte of the
 * keyword popover is paid by every visitor).
 *
 * What it does, in floating-ui's order:
 * - inline: a reference that wraps over several lines is measured line by line; the panel goes under
 *   the last line (or over the first one when placed on top), aligned with that line.
 * - offset: `gap` px between the reference and the panel.
 * - flip: the first of the placement, its other alignment, the opposite side and that side's other
 *   alignment that fits inside the viewport less `padding`; if none fits, the one that fits its side
 *   with the least overflow along the line, else the one that overflows least in total.
 * - shift: slides the panel along the line to stay `padding` px from the viewport's edges.
 * - size: `availableHeight` is the room on the chosen side (less `gap` and `padding`); if writing it
 *   (`apply`) resized the panel, the panel is placed again with its new size.
 *
 * Only `top*` and `bottom*` placements: the ones our panels use. The boundary is the viewport (a
 * fixed panel in the top layer is clipped by nothing else). Without the Popover API, a fixed panel
 * under a transformed ancestor is laid out against that ancestor: the coordinates are then made
 * relative to it, measured from where the panel is (a translated ancestor; not a scaled one).
 */

export type Placement = 'top' | 'bottom' | 'top-start' | 'top-end' | 'bottom-start' | 'bottom-end';

export interface PositionOptions {
  placement: Placement;
  /** Gap between reference and panel, px. */
  gap: number;
  /** Minimum distance from the viewport's edges, px. */
  padding: number;
  /** Writes sizes; called before the final placement, which measures the panel again. */
  apply?: (room: { availableHeight: number; referenceWidth: number }) => void;
}

export interface Position {
  /** `left` and `top` to write, px (relative to the panel's containing block). */
  x: number;
  y: number;
  /** The placement used (after flipping). */
  placement: Placement;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const OPPOSITE: Record<string, string> = { top: 'bottom', bottom: 'top', start: 'end', end: 'start' };
const swap = (placement: Placement, part: RegExp): Placement => placement.replace(part, (word) => OPPOSITE[word]!) as Placement;

/** Merges the rects of one line (floating-ui's `getRectsByLine`). */
function lines(rects: DOMRect[]): Box[] {
  const result: Box[] = [];
  let previous: DOMRect | undefined;
  for (const rect of [...rects].sort((a, b) => a.top - b.top)) {
    const line = result[result.length - 1];
    if (!line || !previous || rect.top - previous.top > previous.height / 2) {
      result.push({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
    } else {
      line.left = Math.min(line.left, rect.left);
      line.top = Math.min(line.top, rect.top);
      line.right = Math.max(line.right, rect.right);
      line.bottom = Math.max(line.bottom, rect.bottom);
    }
    previous = rect;
  }
  return result;
}

/** The reference's box for `placement`: all its lines tall, as wide as the line the panel is next to. */
function referenceBox(reference: Element, placement: Placement): Box {
  const all = lines([...reference.getClientRects()]);
  if (all.length < 2) return reference.getBoundingClientRect();
  const line = placement.startsWith('top') ? all[0]! : all[all.length - 1]!;
  return { left: line.left, right: line.right, top: all[0]!.top, bottom: all[all.length - 1]!.bottom };
}

/** Where `floating`'s containing block starts: the viewport, unless a transformed ancestor contains it. */
function origin(floating: HTMLElement): [number, number] {
  try {
    if (floating.matches(':popover-open')) return [0, 0];
  } catch {
    // No Popover API (the selector is unknown): measure.
  }
  const rect = floating.getBoundingClientRect();
  const style = getComputedStyle(floating);
  const px = (value: string): number => parseFloat(value) || 0;
  return [rect.left - px(style.left) - px(style.marginLeft), rect.top - px(style.top) - px(style.marginTop)];
}

/** Computes where `floating` goes next to `reference` (viewport px), and writes sizes through `apply`. */
export function computePosition(reference: Element, floating: HTMLElement, options: PositionOptions): Position {
  const { gap, padding, apply } = options;
  const rtl = getComputedStyle(floating).direction === 'rtl';
  // The viewport less its scrollbars, less `padding` on every side (min is `padding` on both axes).
  const viewport = document.documentElement;
  const maxX = viewport.clientWidth - padding;
  const maxY = viewport.clientHeight - padding;
  let { width, height } = floating.getBoundingClientRect();

  /** Coordinates before shifting, the reference's box, and the overflows flip weighs (side first). */
  const place = (placement: Placement) => {
    const ref = referenceBox(reference, placement);
    const top = placement.startsWith('top');
    const [side, alignment] = placement.split('-');
    const start = alignment === 'start' ? !rtl : alignment === 'end' ? rtl : undefined;
    const x = start === undefined ? (ref.left + ref.right - width) / 2 : start ? ref.left : ref.right - width;
    const y = top ? ref.top - gap - height : ref.bottom + gap;
    const overflowLeft = padding - x;
    const overflowRight = x + width - maxX;
    // floating-ui's getAlignmentSides: the side the alignment grows towards, unless the reference is wider.
    const towardsRight = ((alignment === 'start') !== rtl) !== ref.right - ref.left > width;
    const overflows = [
      side === 'top' ? padding - y : y + height - maxY,
      towardsRight ? overflowRight : overflowLeft,
      towardsRight ? overflowLeft : overflowRight,
    ];
    return { placement, ref, x, y, top, overflows };
  };

  const first = options.placement;
  const candidates = [first];
  if (first.includes('-')) candidates.push(swap(first, /start|end/), swap(first, /top|bottom/), swap(first, /\w+/g));
  else candidates.push(swap(first, /top|bottom/));
  const tried = [];
  let chosen: ReturnType<typeof place> | undefined;
  for (const placement of candidates) {
    const option = place(placement);
    tried.push(option);
    if (option.overflows.every((overflow) => overflow <= 0)) {
      chosen = option;
      break;
    }
  }
  const total = (o: ReturnType<typeof place>): number => o.overflows.reduce((sum, overflow) => sum + Math.max(0, overflow), 0);
  chosen ??=
    tried.filter((o) => o.overflows[0]! <= 0).sort((a, b) => a.overflows[1]! - b.overflows[1]!)[0] ??
    tried.sort((a, b) => total(a) - total(b))[0]!;

  const finish = (o: ReturnType<typeof place>): Position => {
    const [left, top] = origin(floating);
    const x = Math.max(padding, Math.min(o.x, maxX - width));
    return { x: x - left, y: o.y - top, placement: o.placement };
  };
  if (apply) {
    const o = chosen;
    const room = o.top ? o.ref.top - gap - padding : maxY - o.ref.bottom - gap;
    apply({ availableHeight: Math.min(room, maxY - padding), referenceWidth: o.ref.right - o.ref.left });
    const size = floating.getBoundingClientRect();
    if (size.width !== width || size.height !== height) {
      ({ width, height } = size);
      return finish(place(o.placement));
    }
  }
  return finish(chosen);
}

/**
 * Calls `update` whenever the placement may have changed: scrolling of the window or of any
 * ancestor of either element (through shadow roots and slots), resizing of the window or the visual
 * viewport, and resizing of either element. Returns the function that stops listening.
 */
export function autoUpdate(reference: Element, floating: HTMLElement, update: () => void): () => void {
  const targets = new Set<EventTarget>([window]);
  if (window.visualViewport) targets.add(window.visualViewport);
  for (const element of [reference, floating]) {
    let node: Node | null = element;
    while (node) {
      node = (node as Element).assignedSlot ?? node.parentNode ?? (node as ShadowRoot).host ?? null;
      if (node instanceof Element) targets.add(node);
    }
  }
  for (const target of targets) {
    target.addEventListener('scroll', update, { passive: true });
  }
  window.addEventListener('resize', update);
  window.visualViewport?.addEventListener('resize', update);
  const observer = new ResizeObserver(() => update());
  observer.observe(reference);
  observer.observe(floating);
  update();
  return () => {
    for (const target of targets) target.removeEventListener('scroll', update);
    window.removeEventListener('resize', update);
    window.visualViewport?.removeEventListener('resize', update);
    observer.disconnect();
  };
}
