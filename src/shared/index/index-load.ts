/**
 * The index as one element sees it: a Lit reactive controller holding the loading state of its
 * host for the index URL the host names now (its `index`, else the page's: src/shared/index/config.ts),
 * after Pagefind UI's `Instance`, which holds state while components render.
 *
 *     idle → loading → ready | error        (Retry, or the browser back online: error → loading)
 *
 * The loading itself is its user's, passed in: the keyword popover and `<bj-annotate>` read the
 * catalogue (src/shared/index/index-store.ts), the search box opens the index in the search worker
 * (src/shared/index/search-client.ts). This holds the rest, once: one load at a time, a new URL starts
 * over (an answer for the old one never lands), Retry, `requestUpdate()` on every change, and the
 * failure kept for the view and reported once through the host's `reportError`.
 *
 * Imported by the lazily loaded parts only (never by the loader).
 */
import type { ReactiveController } from 'lit';
import { BjError } from '../../search/types.js';
import type { BjElement } from '../element/bj-element.js';
import { resolveIndexUrl } from './config.js';
import { isOffline } from '../element/lazy-part.js';

export type LoadPhase = 'idle' | 'loading' | 'ready' | 'error';

/** An element with an `index` attribute (an address, else the page's index applies). */
export type IndexHost = BjElement & { index?: string };

export class IndexLoad<T> implements ReactiveController {
  /** Where loading the index at {@link url} is. */
  phase: LoadPhase = 'idle';
  /** The loaded index (once `ready`; kept by {@link fail}, which is about a part of it). */
  value?: T;
  /** Why the index is unavailable (while `error`): a `BjError` with a `bj:` message, already reported. */
  error?: BjError;
  /** The absolute index URL the state is about. */
  url?: string;
  /** What the browser coming back online does after a failure (default: {@link retry}); the host's view of Retry. */
  onOnline?: () => void;
  private pending?: Promise<T | undefined>;

  /**
   * @param from loads the index at an absolute URL (an object); rejects (with a `BjError`) when it cannot.
   * @param peek the index at a URL if it has loaded already (then `ready` at once, without a render in between).
   */
  constructor(
    private readonly host: IndexHost,
    private readonly from: (url: string) => Promise<T>,
    private readonly peek?: (url: string) => T | undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.current();
  }

  hostConnected(): void {
    addEventListener('online', this.online);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.online);
  }

  /** Offline, a load fails as a network error; back online, it loads again by itself. */
  private online = (): void => {
    setTimeout(() => {
      if (this.phase === 'error') (this.onOnline ?? (() => void this.retry()))();
    }, 1000); // ONLINE_DELAY_MS of bj-element.ts (not imported: this chunk would import the loader)
  };

  /** The host's index URL now; a new one starts over (`idle`), dropping what was loaded or loading for the old one. */
  current(): string {
    const url = resolveIndexUrl(this.host.index);
    if (url !== this.url) {
      this.url = url;
      this.value = this.error = this.pending = undefined;
      this.set('idle');
    }
    return url;
  }

  /**
   * The index, loaded once: a call while it loads gets the same promise. Resolves with `undefined`
   * (never rejects) when it cannot be loaded. After a failure it loads again quietly (still
   * `error`, not reported twice); {@link retry} shows `loading`. When the URL changes meanwhile,
   * it resolves with the index at the new URL.
   */
  load(): Promise<T | undefined> {
    const url = this.current();
    if (this.value) return Promise.resolve(this.value);
    const ready = this.peek?.(url);
    if (ready) return Promise.resolve(this.done(ready));
    if (this.phase !== 'error') this.set('loading');
    return (this.pending ??= this.from(url).then(
      (value) => (this.current() === url ? this.done(value) : this.load()),
      (error: unknown) => {
        if (this.current() !== url) return this.load();
        this.pending = undefined;
        this.fail(error);
      },
    ));
  }

  /**
   * Loads again after a failure (the Retry button): shows `loading` (`ready` when only a part of the
   * index had failed), and a new failure is reported again.
   */
  retry(): Promise<T | undefined> {
    if (this.phase === 'error') this.set(this.value ? 'ready' : 'loading');
    return this.load();
  }

  /**
   * The index is unavailable: keeps the error for the view and reports it through the host
   * (`bj-error` and one warning), once until the next {@link retry}. Also for a part of a loaded
   * index that failed (a shard of a sharded index): the index stays loaded, and is `ready` again
   * once it {@link answered} or on {@link retry}.
   */
  fail(cause: unknown): void {
    // Offline, that is the cause, whatever failed first (the fetch, or a part of the library that reads the index).
    const error = isOffline()
      ? new BjError('network', `bj: the index at ${this.url} could not be loaded (the browser is offline).`)
      : cause instanceof BjError
        ? cause
        : new BjError('network', String(cause));
    const again = this.phase === 'error';
    this.error = error;
    this.set('error');
    if (!again) this.host.reportError(error, { url: this.url });
  }

  /** The loaded index answered (a search worked): `ready` again after {@link fail}. */
  answered(): void {
    if (this.value) this.set('ready');
  }

  private done(value: T): T {
    this.value = value;
    this.pending = this.error = undefined;
    this.set('ready');
    return value;
  }

  private set(phase: LoadPhase): void {
    if (this.phase === phase) return;
    this.phase = phase;
    this.host.requestUpdate();
  }
}
