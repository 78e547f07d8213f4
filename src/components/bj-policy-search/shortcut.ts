/**
 * The opt-in page-wide keyboard shortcut of `<bj-policy-search shortcut>`: `/` (when focus is not in
 * an editable field) and Ctrl+K / ⌘K move focus to the search box.
 */

/**
 * True when the key event starts in something the user types into — in the document, an open
 * shadow root, or a closed one. A closed root hides its inside: the path stops at its host, which
 * then looks like the key's target. A custom element that cannot take focus itself (tabIndex < 0)
 * is such a host with focus somewhere inside, so the key is left alone there (a field inside is
 * the usual reason for focus to be in a framework component).
 */
export function isEditableTarget(event: Event): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.localName.includes('-') && !target.shadowRoot && target.tabIndex < 0) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit'].includes(target.type);
  }
  return target.getAttribute('role') === 'textbox' || target.getAttribute('role') === 'combobox';
}

/** True when `event` is the search shortcut. */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  const k = event.key.toLowerCase();
  if (k === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditableTarget(event);
}

/** True on Apple platforms, where the hint says ⌘K instead of Ctrl+K. */
export function isApple(): boolean {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform ?? '';
  return /mac|iphone|ipad|ipod/i.test(platform);
}
