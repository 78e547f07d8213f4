/**
 * The base of every element (after Shoelace's `ShoelaceElement`): a typed `emit` keyed by event
 * name (src/shared/element/events.ts), `reportError` (a `bj-error` event and one console warning), and
 * the shared `--bj-*` design tokens (src/shared/element/tokens.styles.ts), one default each, first in
 * every element's styles.
 */
import { LitElement } from 'lit';
import { isOffline, ONLINE_DELAY_MS } from './lazy-part.js';
import { emit, reportError, type BjErrorDetail, type BjEventMap } from './events.js';
import type { BjError, BjErrorCode } from '../../search/types.js';

export class BjElement extends LitElement {
  /** Fires the library event `name` (bubbling, composed) with its typed detail. */
  emit<K extends keyof BjEventMap>(name: K, detail: BjEventMap[K]): boolean {
    return emit(this, name, detail);
  }

  /** Fires `bj-error` with `error`'s code and `bj:` message, and logs the message once as a warning. */
  reportError(error: BjError | { code: BjErrorCode; message: string }, extra: Partial<BjErrorDetail> = {}): void {
    reportError(this, error, extra);
  }

  /** Whether a part of the library (a chunk next to the loader) could not be imported (reported once, until it arrives). */
  protected partDown?: boolean;
  /** Whether the browser coming back online imports a failed part again (set once, until it does). */
  private waitsOnline?: boolean;

  /**
   * Reports that a part of the library could not be imported, once until it arrives: offline, the
   * message says so; `again` imports it again when the browser is back online (the `online` event).
   */
  protected partFailed(what: string, cause: unknown, again?: () => void): void {
    if (again && !this.waitsOnline) {
      this.waitsOnline = true;
      const back = () => {
        this.waitsOnline = false;
        again();
      };
      addEventListener('online', () => setTimeout(back, ONLINE_DELAY_MS), { once: true });
    }
    if (this.partDown) return;
    this.partDown = true;
    this.requestUpdate();
    this.reportError({
      code: 'network',
      message: `bj: the ${what} could not be loaded (${
        isOffline() ? 'the browser is offline).' : `${String(cause)}); copy the whole dist/ folder, chunks/ included, next to the script.`
      }`,
    });
  }
}
