/**
 * The library's events: all bubble and are composed, each with a typed detail.
 */
import type { BjError, BjErrorCode, Entry, SearchResult } from '../../search/types.js';

export interface BjErrorDetail {
  code: BjErrorCode;
  /** Starts with `bj:` and says what to do. */
  message: string;
  /** The term text or id concerned, for `unknown-term`. */
  term?: string;
  /** The index URL concerned, for load failures. */
  url?: string;
}
export interface BjShowDetail {
  /** The keyword's id. */
  term: string;
}
export type BjHideDetail = BjShowDetail;
export interface BjRepositionDetail {
  /** Where the panel ended up (`bottom-start`, `top-start`, …) after flipping to fit the viewport; `sheet` for a sheet docked to the bottom (or top) edge of a small viewport. */
  placement: string;
}
export interface BjSearchDetail {
  query: string;
  count: number;
}
export interface BjSelectDetail {
  record: Entry;
  result?: SearchResult;
}

/** Every event of the library by name, with its detail (`<bj-annotate>` adds `bj-annotated`). */
export interface BjEventMap {
  'bj-error': BjErrorDetail;
  'bj-show': BjShowDetail;
  'bj-hide': BjHideDetail;
  'bj-reposition': BjRepositionDetail;
  'bj-search': BjSearchDetail;
  'bj-select': BjSelectDetail;
  'bj-annotated': BjAnnotatedDetail;
}

export interface BjAnnotatedDetail {
  /** Keywords marked in the region now. */
  count: number;
  /** Keywords marked by this batch (the first pass, or a batch of content added later). */
  added: number;
}

/** Fires the library event `name` on `target` (bubbling, composed, not cancelable) with its typed `detail`. */
export function emit<K extends keyof BjEventMap>(target: EventTarget, name: K, detail: BjEventMap[K]): boolean {
  return target.dispatchEvent(new CustomEvent<BjEventMap[K]>(name, { detail, bubbles: true, composed: true }));
}

/** Fires `bj-error` on `el` and logs the message once as a console warning. */
export function reportError(
  el: EventTarget,
  error: BjError | { code: BjErrorCode; message: string },
  extra: Partial<BjErrorDetail> = {},
): void {
  console.warn(error.message);
  emit(el, 'bj-error', { code: error.code, message: error.message, ...extra });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bj-error': CustomEvent<BjErrorDetail>;
    'bj-show': CustomEvent<BjShowDetail>;
    'bj-hide': CustomEvent<BjHideDetail>;
    'bj-reposition': CustomEvent<BjRepositionDetail>;
    'bj-search': CustomEvent<BjSearchDetail>;
    'bj-select': CustomEvent<BjSelectDetail>;
    'bj-annotated': CustomEvent<BjAnnotatedDetail>;
  }
}
