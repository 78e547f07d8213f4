/**
 * A keyword's entry in the index: loads the catalogue (src/shared/index/index-load.ts, once per
 * page), finds the keyword by its `term` or its text, and looks it up again when the text, `term`
 * or `index` changes. Part of the popover's chunk (keyword-popover.ts), which renders what it found.
 */
import type { ReactiveController } from 'lit';
import type { PassageEntry, TermEntry } from '../../search/types.js';
import { IndexLoad } from '../../shared/index/index-load.js';
import { loadCatalogue, peekCatalogue } from '../../shared/index/index-store.js';
import type { KeywordSource } from '../../shared/index/keyword-source.js';
import type { BjKeyword } from './bj-keyword.js';

/** Lookup state; `undefined` until the first lookup (and after the text, `term` or `index` changed). */
export type KeywordStatus = 'loading' | 'ready' | 'error' | 'unknown';

export class KeywordLookup implements ReactiveController {
  /** The index (its catalogue) as this keyword sees it: loading, ready or failed. */
  private readonly index: IndexLoad<KeywordSource>;
  /** The keyword was looked up in the loaded index: found, or not a keyword (then plain text). */
  private found?: 'ready' | 'unknown';
  entry?: TermEntry;
  passages?: PassageEntry[];
  /** How many passages mention the keyword (a sharded index lists only the first few). */
  related?: number;
  /** The text names the keyword only through an alias (shown as "Related keyword: …"). */
  viaAlias?: boolean;
  /** `url\nkey` the keyword was looked up for. */
  private resolvedFor?: string;
  private warnedFor?: string;
  private slotWatched?: boolean;

  /** @param resolved runs once the keyword was looked up: with its entry, or without (not in the index). */
  constructor(
    private readonly host: BjKeyword,
    private readonly resolved: (entry?: TermEntry) => void,
  ) {
    host.addController(this);
    this.index = new IndexLoad<KeywordSource>(host, loadCatalogue, peekCatalogue);
    this.index.onOnline = () => void this.ensureEntry(true);
  }

  hostConnected(): void {
    if (this.resolvedFor) this.watchSlot();
  }

  /** Lookup state: `undefined` until the first lookup (and after the text, `term` or `index` changed). */
  get status(): KeywordStatus | undefined {
    const phase = this.index.phase;
    return this.resolvedFor ? this.found : phase === 'loading' || phase === 'error' ? phase : undefined;
  }

  /**
   * Loads the index (once per page; after a failed load, again: quietly, the notice and its Retry
   * stay until it arrives, and a new failure is not reported again; `retry`, the Retry button: shows
   * "Loading…") and finds this keyword in it; never throws.
   */
  ensureEntry(retry = false): Promise<void> {
    const index = this.index;
    // Read when the index arrives: the `term` or text of that moment (an answer for an old `index` never arrives).
    const found = (retry && index.phase === 'error' ? index.retry() : index.load()).then(() => this.lookUp());
    this.lookUp(); // loaded already (by another keyword): found now, without a render in between
    return found;
  }

  /** Forgets the found keyword (its text, `term` or `index` changed). */
  forget(): void {
    this.resolvedFor = undefined;
    this.entry = undefined;
    this.passages = undefined;
    this.host.requestUpdate();
    if (this.host.open) void this.ensureEntry();
  }

  /** The text or `term` the keyword is looked up by. */
  key(): string {
    return (this.host.term?.trim() || this.host.textContent || '').replace(/\s+/g, ' ').trim();
  }

  /** Finds the keyword in the loaded index (once per index address and key). */
  private lookUp(): void {
    const { value, url } = this.index;
    const key = this.key();
    if (value && this.resolvedFor !== `${url}\n${key}`) this.resolve(value, url!, key);
  }

  private resolve(index: KeywordSource, url: string, key: string): void {
    const host = this.host;
    this.watchSlot();
    this.resolvedFor = `${url}\n${key}`;
    const entry = (host.term ? index.term(key.trim()) : undefined) ?? index.lookupTerm(key);
    this.entry = entry;
    this.found = entry ? 'ready' : 'unknown';
    host.requestUpdate();
    if (!entry) {
      this.passages = undefined;
      this.resolved();
      if (this.warnedFor !== this.resolvedFor) {
        this.warnedFor = this.resolvedFor;
        host.reportError(
          {
            code: 'unknown-term',
            message:
              `bj: <bj-keyword> "${key}" is not in the index at ${url}; it stays plain text. ` +
              'Check the spelling, or set term="<id>" to a keyword id of the index.',
          },
          { term: key, url },
        );
      }
      return;
    }
    this.passages = index.passagesFor(entry.id);
    this.related = index.relatedCount(entry.id);
    this.viaAlias = index.viaAlias(key);
    this.resolved(entry);
  }

  /** Once a keyword was looked up, a change of its text means looking it up again. */
  private watchSlot(): void {
    if (this.slotWatched || !this.host.renderRoot) return;
    this.slotWatched = true;
    this.host.renderRoot.addEventListener('slotchange', () => {
      if (!this.host.term && this.resolvedFor && !this.resolvedFor.endsWith(`\n${this.key()}`)) this.forget();
    });
  }
}
