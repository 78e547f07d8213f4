/**
 * The keys of the search box: the APG combobox with list autocomplete and manual selection. Down/Up
 * move through the results (wrapping; Down opens the list), Alt+Down opens it and Alt+Up closes it,
 * Enter chooses, Escape closes the list and a second Escape clears the box; Home/End and Left/Right
 * stay with the text (they move the caret) and return visual focus to the box. Keys typed while an
 * input method composes are the input method's.
 */

/** What the keys act on: the search part (search-controller.ts). */
export interface ComboboxList {
  /** The element: its popup is open, its box holds text. */
  readonly host: { readonly open: boolean; readonly value: string };
  /** The options shown. */
  readonly visible: readonly unknown[];
  /** The active option (visual focus, `aria-activedescendant`), -1 for none. */
  readonly active: number;
  /** The details view of a chosen result is shown. */
  readonly chosen?: unknown;
  /** Opens the list, when there are results. */
  openList(): void;
  /** Closes the popup. */
  close(): void;
  /** `active`: makes that option active; -1, visual focus back to the box. */
  set(patch: { active: number }): void;
  /** Chooses option `i`: follows its link, or shows its details. */
  choose(i: number): void;
  /** Empties the box, and with it the results. */
  clear(): void;
}

/** Handles a `keydown` of the box. */
export function onComboboxKey(e: KeyboardEvent, list: ComboboxList): void {
  if (e.isComposing || e.keyCode === 229) return;
  const host = list.host;
  const n = list.visible.length;
  switch (e.key) {
    case 'ArrowDown':
    case 'ArrowUp': {
      e.preventDefault();
      const down = e.key === 'ArrowDown';
      if (list.chosen) list.close(); // from the details view back to the list
      if (e.altKey) {
        if (down) list.openList();
        else list.close();
      } else if (!host.open) {
        list.openList();
        list.set({ active: host.open && n ? (down ? 0 : n - 1) : -1 });
      } else if (n) {
        list.set({ active: down ? (list.active + 1) % n : list.active <= 0 ? n - 1 : list.active - 1 });
      }
      break;
    }
    case 'Enter':
      if (host.open && list.active >= 0 && list.active < n) {
        e.preventDefault();
        list.choose(list.active);
      }
      break;
    case 'Escape':
      if (host.open) {
        e.preventDefault();
        list.close();
      } else if (host.value) {
        e.preventDefault();
        list.clear();
      }
      break;
    case 'Home':
    case 'End':
    case 'ArrowLeft':
    case 'ArrowRight':
      list.set({ active: -1 }); // visual focus back to the box; the caret moves as usual
      break;
  }
}
