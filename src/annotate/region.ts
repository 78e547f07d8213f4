/**
 * One annotated region's marks (see `annotate.ts`): which elements are skipped, the runs of text
 * nodes joined through inline markup, marking the names the matcher finds in a run (without
 * splitting an element), and putting the DOM back exactly. Shared by {@link annotate} and the
 * sliced {@link Annotator} of `annotate.ts`.
 */
import { warnOnce } from '../shared/element/settings.js';
import { CHINESE_LANG, scriptLang, writtenLang } from '../shared/lang/text-lang.js';
import { ELEMENT_NODE, isInline, SKIP_TAGS, TEXT_NODE } from './elements.js';
import { matcherFor, TermMatcher, type TermSource } from './matcher.js';

export interface AnnotateOptions {
  /**
   * Mark every occurrence (default: only the first occurrence of each keyword per language in the
   * region; the language is the text's `lang` within the region, else its script; a `<bj-keyword>`
   * already in the region counts as the first occurrence in its language).
   */
  all?: boolean;
  /** At most this many keywords in the region (default: no limit). */
  max?: number;
  /** Extra CSS selector of elements to leave alone, with everything inside them. */
  skip?: string;
  /** The element created for each match (default `bj-keyword`). */
  tagName?: string;
  /** Further attributes for each keyword created (e.g. `{ index: '/bj-index.json' }`). */
  attributes?: Record<string, string>;
}

export interface Annotation {
  /** Keywords marked so far. */
  readonly count: number;
  /** Removes every keyword this annotation made and merges the text back. */
  restore(): void;
}

/**
 * The language group of text at `node` for "first occurrence": `zh` or `other`, from the nearest
 * `lang` between the node and `root` (the region; a page-wide `<html lang>` above it is often a
 * template's default and is not used), else from the script of `text` (more Han than Latin → zh).
 */
function languageOf(node: Node, root: Element, text: string): 'zh' | 'other' {
  const el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  const lang = el ? writtenLang(el, root) : '';
  if (lang) return CHINESE_LANG.test(lang) ? 'zh' : 'other';
  return scriptLang(text) === 'zh' ? 'zh' : 'other';
}

export function resolveMatcher(source: TermSource | TermMatcher): TermMatcher {
  return source instanceof TermMatcher ? source : matcherFor(source);
}

/**
 * The state of one annotated region: what was marked and how to undo it. Shared by the synchronous
 * {@link annotate} and the sliced {@link Annotator}.
 */
export class Region implements Annotation {
  count = 0;
  private readonly seen = new Set<string>();
  private readonly keywords: Element[] = [];
  /** Each split text node (the original) → its pieces in document order, itself first. */
  private readonly pieces = new Map<Text, Text[]>();
  private readonly originOf = new WeakMap<Text, Text>();
  private readonly tag: string;

  constructor(
    readonly root: Element,
    readonly matcher: TermMatcher,
    readonly options: AnnotateOptions,
  ) {
    this.tag = (options.tagName ?? 'bj-keyword').toLowerCase();
    this.skipSelector = validSelector(options.skip, `the skip selector ${JSON.stringify(options.skip)}`);
  }

  /** `options.skip` if the browser can parse it (an invalid one is ignored with a warning). */
  private readonly skipSelector: string | undefined;

  /** True when `max` keywords are marked, or (first occurrences only) every keyword is, in both language groups. */
  get full(): boolean {
    if (this.options.max !== undefined && this.count >= this.options.max) return true;
    return !this.options.all && this.seen.size >= 2 * this.matcher.termCount;
  }

  /** Counts the `<bj-keyword>`s already in `container` (written by hand) as first occurrences. */
  noteExisting(container: Element): void {
    if (this.options.all) return;
    for (const el of container.querySelectorAll(this.tag === 'bj-keyword' ? 'bj-keyword' : `bj-keyword, ${this.tag}`)) {
      const text = el.textContent ?? '';
      const term = el.getAttribute('term')?.trim() ?? '';
      const id = this.matcher.termIds.has(term) ? term : (this.wholeName(term) ?? this.wholeName(text));
      if (id) this.seen.add(`${languageOf(el, this.root, text)}\n${id}`);
    }
  }

  /** The keyword `text` names exactly (the whole text is one of its names), if any. */
  private wholeName(text: string): string | undefined {
    const norm = this.matcher.normalize(text.trim());
    return this.matcher.candidatesAt(norm, 0).find((hit) => hit.end === norm.length)?.termId;
  }

  skips(el: Element): boolean {
    const name = el.localName;
    if (SKIP_TAGS.has(name) || name === this.tag) return true;
    if (el.hasAttribute('data-bj-skip')) return true;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return true;
    return !!this.skipSelector && el.matches(this.skipSelector);
  }

  /** True when `node` lies inside a skipped element between it and the root (or above the root). */
  insideSkipped(node: Node): boolean {
    for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
      if (el === this.root) break;
      if (this.skips(el)) return true;
    }
    for (let el: Element | null = this.root; el; el = el.parentElement) {
      if (el.hasAttribute('data-bj-skip')) return true;
      const editable = el.getAttribute('contenteditable');
      if (editable !== null && editable.toLowerCase() !== 'false') return true;
    }
    return false;
  }

  /**
   * Runs of text nodes inside `container`, in document order. Yields each run as soon as it is
   * complete; the caller processes it before asking for the next (so our own changes are always
   * behind the walk). Stops early when the walk's position leaves the region.
   */
  *runs(container: Element): Generator<Text[], boolean> {
    this.noteExisting(container);
    let run: Text[] = [];
    let node: Node | null = container.firstChild;
    while (node) {
      let descend = false;
      if (node.nodeType === TEXT_NODE) {
        if ((node as Text).data) run.push(node as Text);
      } else if (node.nodeType === ELEMENT_NODE) {
        const el = node as Element;
        if (this.skips(el) || !isInline(el)) {
          if (run.length) {
            yield run;
            run = [];
            if (!this.root.contains(node)) return false;
          }
          descend = !this.skips(el);
        } else descend = true;
      }
      if (descend && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      while (node && node !== container && !node.nextSibling) {
        node = node.parentNode;
        if (node && node !== container && !isInline(node) && run.length) {
          yield run;
          run = [];
          if (!this.root.contains(node)) return false;
        }
      }
      node = !node || node === container ? null : node.nextSibling;
    }
    if (run.length) yield run;
    return true;
  }

  /** Marks the keywords in one run of text nodes. Returns how many were marked. */
  mark(run: Text[]): number {
    if (this.full) return 0;
    const nodes = run.slice();
    const starts: number[] = [];
    const lens: number[] = [];
    let text = '';
    for (const t of nodes) {
      starts.push(text.length);
      lens.push(t.data.length);
      text += t.data;
    }
    const norm = this.matcher.normalize(text);
    const lang = languageOf(nodes[0]!, this.root, text);
    let added = 0;
    let seg = 0;
    let i = 0;
    while (i < norm.length && !this.full) {
      const hit = this.matcher.candidatesAt(norm, i)[0];
      if (!hit) {
        i++;
        continue;
      }
      i = hit.end;
      const key = `${lang}\n${hit.termId}`;
      if (!this.options.all && this.seen.has(key)) continue;
      let k = seg;
      while (starts[k]! + lens[k]! <= hit.start) k++;
      let j = k;
      while (starts[j]! + lens[j]! < hit.end) j++;
      const a = hit.start - starts[k]!;
      const b = hit.end - starts[j]!;
      const rest = this.wrap(nodes[k]!, a, nodes[j]!, b, hit.termId);
      if (rest === undefined) continue;
      this.seen.add(key);
      this.count++;
      added++;
      if (rest) {
        nodes[j] = rest;
        starts[j] = hit.end;
        lens[j] = rest.data.length;
        seg = j;
      } else seg = j + 1;
    }
    return added;
  }

  /**
   * Wraps text from offset `a` of `A` to offset `b` of `B` in a keyword, when that needs no element
   * to be split. Returns the text node holding what follows the match in `B` (null when nothing
   * does), or undefined when the match cannot be wrapped.
   */
  private wrap(A: Text, a: number, B: Text, b: number, termId: string): Text | null | undefined {
    let X: Node = A;
    let Y: Node = B;
    if (A !== B) {
      let first = a === 0 && !A.previousSibling;
      while (!X.parentNode!.contains(B)) {
        if (!first) return undefined;
        X = X.parentNode!;
        first = !X.previousSibling;
      }
      let last = b === B.data.length && !B.nextSibling;
      while (Y.parentNode !== X.parentNode) {
        if (!last) return undefined;
        Y = Y.parentNode!;
        last = !Y.nextSibling;
      }
    }
    const startPiece = a > 0 ? this.split(A, a) : A;
    const endNode = A === B ? startPiece : B;
    const endOffset = A === B ? b - a : b;
    const rest = endOffset < endNode.data.length ? this.split(endNode, endOffset) : null;
    if (X === A) X = startPiece;
    if (Y === B) Y = endNode;
    const parent = X.parentNode!;
    const keyword = parent.ownerDocument!.createElement(this.tag);
    for (const [name, value] of Object.entries(this.options.attributes ?? {})) keyword.setAttribute(name, value);
    keyword.setAttribute('term', termId);
    parent.insertBefore(keyword, X);
    let node: Node | null = X;
    while (node) {
      const next: Node | null = node === Y ? null : node.nextSibling;
      keyword.appendChild(node);
      node = next;
    }
    this.keywords.push(keyword);
    return rest;
  }

  private split(node: Text, offset: number): Text {
    const piece = node.splitText(offset);
    const origin = this.originOf.get(node) ?? node;
    let list = this.pieces.get(origin);
    if (!list) this.pieces.set(origin, (list = [origin]));
    list.splice(list.indexOf(node) + 1, 0, piece);
    this.originOf.set(piece, origin);
    return piece;
  }

  restore(): void {
    for (let n = this.keywords.length - 1; n >= 0; n--) {
      const keyword = this.keywords[n]!;
      const parent = keyword.parentNode;
      if (!parent) continue;
      while (keyword.firstChild) parent.insertBefore(keyword.firstChild, keyword);
      keyword.remove();
    }
    for (const [origin, list] of this.pieces) {
      // Merge each piece into the text node just before it, while they are still side by side.
      let tail = origin;
      for (const piece of list) {
        if (piece === origin || !piece.parentNode) continue;
        if (tail.parentNode && tail.nextSibling === piece) {
          tail.appendData(piece.data);
          piece.remove();
        } else tail = piece;
      }
    }
    this.keywords.length = 0;
    this.pieces.clear();
    this.seen.clear();
    this.count = 0;
  }
}

/** `selector` when the browser can parse it, else undefined with one warning naming it. */
function validSelector(selector: string | undefined | null, where: string): string | undefined {
  const s = selector?.trim();
  if (!s) return undefined;
  try {
    document.createDocumentFragment().querySelector(s);
    return s;
  } catch {
    warnOnce(`bj: ${where} is not a valid CSS selector; ignoring it (check the brackets and quotes)`);
    return undefined;
  }
}
