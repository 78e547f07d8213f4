import { html, type PropertyValues } from 'lit';
import type { Annotator } from '../../annotate/annotate.js';
import { BjElement } from '../../shared/element/bj-element.js';
import { tag } from '../../shared/element/define.js';
import { lazyPart } from '../../shared/element/lazy-part.js';
import type { BjAnnotatedDetail } from '../../shared/element/events.js';
import { choiceAttribute, integerAttribute } from '../../shared/element/settings.js';
import '../bj-keyword/bj-keyword.js';
import { styles } from './bj-annotate.styles.js';

/** The marking part (with the index reader), imported once per page when a region's `on` trigger fires. */
const importAnnotation = lazyPart(() => import('./annotate-region.js'));

/** When `<bj-annotate>` loads the index and marks its content. */
export type AnnotateTrigger = 'visible' | 'idle' | 'load';

export type { BjAnnotatedDetail };

/**
 * Marks the Beijing policy keywords in its content: each occurrence of a keyword's title or alias,
 * in English or Chinese (simplified or traditional), becomes `<bj-keyword term="…">` around the
 * text exactly as written, so readers get the official bilingual definition on hover, focus or tap.
 *
 * The content is the element's own light DOM, shown as it is (`display: contents`: no box, no
 * change of layout); without the script, or if the index never loads, it is plain text.
 *
 * Matching (see `src/annotate/matcher.ts`): English case-insensitively as whole words (Unicode-aware,
 * so "sandboxing" is not "sandbox"), with simple plurals of the last word ("regulatory sandboxes");
 * Chinese by characters after mapping traditional to simplified (`監管沙盒` is marked, the
 * traditional text kept); the longest name wins and marks never overlap. Keyword ids are not
 * matched (they are URL slugs, not prose). By default only the first occurrence of each keyword is
 * marked; `all` marks every one, `max` caps the total.
 *
 * Text split by inline markup (`<b>监管</b>沙盒`) is matched when one keyword can hold it without
 * splitting an element: the keyword then contains the markup (`<bj-keyword><b>监管</b>沙盒</bj-keyword>`).
 * A match that covers only part of an element (`<b>大监管</b>沙盒`) is left alone.
 *
 * Left alone: links, headings, `code`/`pre`/`kbd`/`samp`, `script`/`style`/`template`/`noscript`,
 * form fields, `[contenteditable]` (unless `"false"`), existing `bj-keyword`s, nested
 * `bj-annotate`s, `svg`, `math`, ruby annotations, and everything inside `[data-bj-skip]` or the
 * `skip` selector.
 *
 * Unlike `<bj-keyword>` and `<bj-policy-search>`, which load the index on first interaction, this
 * element needs the index to find the keywords. With the default `on="visible"` it loads it only
 * when the content comes within 200px of the viewport (so a page whose annotated article is below
 * the fold fetches nothing until it is scrolled to); `on="idle"` loads it when the browser is idle
 * after the page load; `on="load"` at once. The text is untouched until the index has loaded; if it
 * cannot load, `bj-error` fires and the text stays as it is.
 *
 * Marking runs in slices of at most ~8 ms, yielding to the page between them (`scheduler.yield`
 * or a task), so a long article does not block input. Content added or changed later is marked too
 * (a `MutationObserver`, batched, ignoring the element's own changes). Removing the element from
 * the page, or calling `restore()`, puts the DOM back exactly as it was: the same text nodes with
 * their text merged back, the same inline elements (`isEqualNode` with a clone taken before is
 * true). Moving it to another place annotates it again there.
 *
 * @attr index - Index URL.
 * @attr all - Mark every occurrence of each keyword.
 * @attr max - At most this many keywords in the region.
 * @attr on - When to load the index and mark: `visible`, `idle` or `load`.
 * @attr skip - CSS selector of further elements to leave alone.
 * @summary Marks the policy keywords in a region of the page as `<bj-keyword>`s.
 * @tagname bj-annotate
 * @slot - The content to annotate, rendered as it is.
 * @fires bj-annotated - Marking finished: after the first pass (always), then after each batch of later content that added keywords. Detail `{count, added}`.
 * @fires bj-error - The index could not load (its `code`, `bj:` message and `url`); the text stays untouched.
 */
@tag('bj-annotate')
export class BjAnnotate extends BjElement {
  static override styles = styles;

  static override properties = {
    index: {},
    all: { type: Boolean },
    max: { type: Number, converter: integerAttribute('bj-annotate', 'max', { min: 0, max: 1_000_000, fallback: undefined }) },
    on: { converter: choiceAttribute('bj-annotate', 'on', ['visible', 'idle', 'load'], 'visible') },
    // Checked where it is used (src/annotate/region.ts): an invalid selector is ignored with one warning.
    skip: {},
  };

  /** Index URL. Default: `<meta name="bj-index">`, `window.bjPolicyWidgets.index`, or `bj-index.json` next to the script. */
  index?: string;

  /** Mark every occurrence of each keyword, not only the first. Default false. */
  all = false;

  /** At most this many keywords in the region. Default: no limit. */
  max?: number;

  /** When to load the index and mark: `visible` (default, near the viewport), `idle` or `load`. */
  on: AnnotateTrigger = 'visible';

  /** CSS selector of further elements to leave alone (with everything inside them). Default none. */
  skip?: string;

  private annotator: Annotator | undefined;
  private generation = 0;
  private cancelTrigger: (() => void) | undefined;

  /** Keywords marked in the region now. */
  get count(): number {
    return this.annotator?.count ?? 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.restart();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.teardown();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Every property is a setting of the marking (a bare requestUpdate() changes none).
    if (changed.size) this.restart();
  }

  /** Removes every keyword this element marked and stops following changes (until reconnected or `refresh()`). */
  restore(): void {
    this.teardown();
  }

  /** Marks the content again from scratch, now (ignoring `on`). Resolves when the first pass is done. */
  refresh(): Promise<void> {
    this.teardown();
    return this.run(++this.generation);
  }

  private restart(): void {
    this.teardown();
    const generation = ++this.generation;
    this.cancelTrigger = whenTriggered(this, this.on, () => void this.run(generation));
  }

  private teardown(): void {
    this.generation++;
    this.cancelTrigger?.();
    this.cancelTrigger = undefined;
    this.annotator?.restore();
    this.annotator = undefined;
  }

  /** Loads the marking part (a chunk, with the index) and marks the content, unless `generation` is over. */
  private async run(generation: number): Promise<void> {
    const current = () => generation === this.generation && this.isConnected;
    try {
      const { annotateRegion } = await importAnnotation();
      if (current()) await annotateRegion(this, current, (annotator) => (this.annotator = annotator));
    } catch (cause) {
      if (current()) this.partFailed('annotation part', cause);
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}

/**
 * Calls `start` when `on` says so; returns a cancel function. `visible` watches the element's
 * children (the host itself has no box with `display: contents`).
 */
function whenTriggered(el: HTMLElement, on: AnnotateTrigger, start: () => void): () => void {
  if (on === 'idle') {
    const w = window as Window & { requestIdleCallback?: typeof requestIdleCallback };
    if (w.requestIdleCallback) {
      const id = w.requestIdleCallback(start, { timeout: 2000 });
      return () => w.cancelIdleCallback(id);
    }
    const id = setTimeout(start, 200);
    return () => clearTimeout(id);
  }
  const targets = [...el.children];
  if (on !== 'visible' || typeof IntersectionObserver === 'undefined' || targets.length === 0) {
    let cancelled = false;
    queueMicrotask(() => cancelled || start());
    return () => (cancelled = true);
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      start();
    },
    { rootMargin: '200px' },
  );
  for (const target of targets) observer.observe(target);
  return () => observer.disconnect();
}

declare global {
  interface HTMLElementTagNameMap {
    'bj-annotate': BjAnnotate;
  }
}
