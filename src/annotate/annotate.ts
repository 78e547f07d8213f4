/**
 * Marks known keywords in a DOM region: every occurrence found by the {@link TermMatcher} becomes
 * `<bj-keyword term="id">matched text</bj-keyword>`, the matched text kept exactly as written.
 * Usable without `<bj-annotate>`: {@link annotate} does one synchronous pass over any root (also a
 * detached one), {@link Annotator} does the same in time slices and follows later changes.
 *
 * Text split across inline markup (`<b>监管</b>沙盒`) is matched: text nodes are joined into runs
 * through inline elements (`b`, `i`, `em`, `strong`, `span`, `q`, `mark`, …); block elements, `br`
 * and skipped elements end a run. A match across several nodes is marked when one `<bj-keyword>`
 * can hold it without splitting an element, i.e. when the inline elements it crosses are covered
 * whole (`<b>监管</b>沙盒`, `监管<em>沙盒</em>`); the keyword then contains that markup. A match that
 * covers part of an element (`<b>大监管</b>沙盒`) is left alone and does not count as the term's first
 * occurrence.
 *
 * Skipped: `a`, `h1`–`h6`, `code`, `pre`, `kbd`, `samp`, `script`, `style`, `template`, `noscript`,
 * form fields (`input`, `textarea`, `select`, `button`, `option`, `optgroup`, `datalist`),
 * `[contenteditable]` unless `"false"`, existing `bj-keyword`s, nested `bj-annotate`s, `svg`, `math`,
 * `rt`/`rp` (ruby annotations), `iframe`/`object`/media, and everything inside `[data-bj-skip]` (or
 * the `skip` selector).
 *
 * Restoration ({@link Annotation.restore}) puts the DOM back exactly: each keyword's children are
 * moved back out of it, and each text node that was split gets its text back while the pieces split
 * off it are removed, so the original text nodes (and any moved inline elements) are the same nodes
 * as before and `isEqualNode` with a clone taken before annotating is true. A text node the page
 * changed or moved in the meantime is merged back only with the pieces still beside it.
 */
import type { TermMatcher, TermSource } from './matcher.js';
import { ELEMENT_NODE, isInline } from './elements.js';
import { Region, resolveMatcher, type AnnotateOptions, type Annotation } from './region.js';

export type { AnnotateOptions, Annotation } from './region.js';

/**
 * Marks keywords in `root` synchronously, in one pass (for detached roots, server-side DOMs and
 * benchmarks). `source` is a `PolicyIndex` (its matcher is built once and cached) or a matcher.
 */
export function annotate(root: Element, source: TermSource | TermMatcher, options: AnnotateOptions = {}): Annotation {
  const region = new Region(root, resolveMatcher(source), options);
  if (!region.insideSkipped(root)) {
    for (const run of region.runs(root)) {
      region.mark(run);
      if (region.full) break;
    }
  }
  return region;
}

export interface AnnotatorOptions extends AnnotateOptions {
  /** Longest stretch of work before yielding to the page, in ms (default 8). */
  sliceMs?: number;
  /**
   * Most keywords created before yielding (default 48): each new `<bj-keyword>` renders in the same
   * task, after the slice, so this bounds that cost too.
   */
  sliceKeywords?: number;
  /** Follow content added or changed later (default true). */
  observe?: boolean;
  /** Called after each finished batch (the first pass, then each batch of later changes). */
  onBatch?: (added: number, count: number) => void;
}

type Scheduler = { yield?: () => Promise<void> };

/** Gives the main thread back: `scheduler.yield()` where there is one, else a task. */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Annotates a live region without blocking: works in slices of at most `sliceMs`, yielding between
 * them, and (unless `observe: false`) follows nodes added and text changed later, batching the
 * changes of one task and ignoring the changes it makes itself.
 */
export class Annotator implements Annotation {
  private readonly region: Region;
  private readonly observer: MutationObserver | undefined;
  private pending: Element[] = [];
  private walk: { container: Element; runs: Generator<Text[], boolean> } | undefined;
  private running: Promise<void> | undefined;
  private added = 0;
  private stopped = false;

  constructor(
    root: Element,
    source: TermSource | TermMatcher,
    private readonly options: AnnotatorOptions = {},
  ) {
    this.region = new Region(root, resolveMatcher(source), options);
    if (options.observe !== false) {
      this.observer = new MutationObserver((records) => {
        this.take(records);
        this.schedule();
      });
    }
  }

  get count(): number {
    return this.region.count;
  }

  /** Starts the first pass (and observing). Resolves when the first pass is done. */
  start(): Promise<void> {
    this.stopped = false;
    this.observer?.observe(this.region.root, { childList: true, subtree: true, characterData: true });
    this.queue(this.region.root);
    return this.schedule();
  }

  /** Stops working and observing; the keywords marked so far stay. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.pending = [];
    this.walk = undefined;
  }

  /** Stops, then removes every keyword marked and merges the text back. */
  restore(): void {
    this.stop();
    this.region.restore();
    this.added = 0;
  }

  private schedule(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    await Promise.resolve(); // batch the changes made in the same task
    while (!this.stopped && (this.walk || this.pending.length)) {
      const deadline = performance.now() + (this.options.sliceMs ?? 8);
      const until = this.added + (this.options.sliceKeywords ?? 48);
      this.take(this.observer?.takeRecords() ?? []);
      do {
        if (!this.step()) break;
      } while (performance.now() < deadline && this.added < until);
      this.observer?.takeRecords(); // our own changes
      if (this.walk || this.pending.length) await yieldToMain();
    }
    if (!this.stopped) {
      const added = this.added;
      this.added = 0;
      this.options.onBatch?.(added, this.region.count);
    }
  }

  /** One run of text. False when there is nothing left to do. */
  private step(): boolean {
    if (!this.walk) {
      const container = this.pending.shift();
      if (!container) return false;
      if (!this.region.root.contains(container) || this.region.insideSkipped(container)) return true;
      this.walk = { container, runs: this.region.runs(container) };
    }
    const next = this.walk.runs.next();
    if (next.done) {
      if (!next.value) this.queue(this.walk.container); // the walk lost its place: start it again
      this.walk = undefined;
      return true;
    }
    if (!this.region.full) this.added += this.region.mark(next.value);
    return true;
  }

  private take(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') this.queue(record.target);
      else for (const node of record.addedNodes) this.queue(node);
    }
  }

  /** Queues the block (or the root) around `node` for a scan, unless a queued one contains it. */
  private queue(node: Node): void {
    const root = this.region.root;
    if (this.stopped || this.region.full || !root.contains(node)) return;
    let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
    while (el && el !== root && isInline(el)) el = el.parentElement;
    if (!el) return;
    if (this.pending.some((p) => p.contains(el))) return;
    this.pending = this.pending.filter((p) => !el.contains(p));
    this.pending.push(el);
  }
}
