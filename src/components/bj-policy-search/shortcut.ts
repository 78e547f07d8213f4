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
  // `type` matches case-insensitively, and an input of an unknown type is a text field (it matches too).
  return target.matches(
    'textarea,select,[role=textbox],[role=combobox],input:not([type=button],[type=checkbox],[type=color],[type=file],[type=hidden],[type=image],[type=radio],[type=range],[type=reset],[type=submit])',
  );
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
