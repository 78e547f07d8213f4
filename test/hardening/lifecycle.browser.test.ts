/**
 * Lifecycle: opening and closing popovers 1,000 times, and adding and removing every element 1,000
 * times, leaves nothing behind — listeners on window and document, the positioning's autoUpdate
 * (its ResizeObservers and scroll/resize listeners), annotate's MutationObservers, the
 * IntersectionObservers of `on="visible"` — all return to their baseline.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/bj-policy-widgets.js';
import type { BjAnnotate } from '../../src/components/bj-annotate/bj-annotate.js';
import type { BjKeyword } from '../../src/components/bj-keyword/bj-keyword.js';
import type { BjPolicySearch } from '../../src/components/bj-policy-search/bj-policy-search.js';
import { clearIndexCache, loadIndex } from '../../src/shared/index/index-store.js';
import { REAL_INDEX, fresh, part, waitFor, watchErrors } from '../helpers/hardening.js';
import { settle } from '../helpers/wait.js';

const ROUNDS = 1000;
/** Tolerance for listeners the browser or test runner may add meanwhile. */
const SLACK = 2;

/** Counts what is live now: listeners on window/document, and observers that observe something. */
function instrument() {
  const listeners = new Set<string>();
  const ids = new WeakMap<object, number>();
  let next = 0;
  const id = (o: object) => ids.get(o) ?? (ids.set(o, ++next), next);
  const key = (target: EventTarget, type: string, fn: unknown, options?: boolean | EventListenerOptions) =>
    `${target === window ? 'window' : 'document'}|${type}|${(fn && typeof fn === 'object') || typeof fn === 'function' ? id(fn as object) : 0}|${typeof options === 'boolean' ? options : Boolean(options?.capture)}`;
  const proto = EventTarget.prototype;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  proto.addEventListener = function (
    this: EventTarget,
    type: string,
    fn: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if ((this === window || this === document) && fn && !(typeof options === 'object' && options?.once))
      listeners.add(key(this, type, fn, options));
    return add.call(this, type, fn, options);
  };
  proto.removeEventListener = function (
    this: EventTarget,
    type: string,
    fn: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    if ((this === window || this === document) && fn) listeners.delete(key(this, type, fn, options));
    return remove.call(this, type, fn, options);
  };

  const observers = { ResizeObserver: new Set<object>(), MutationObserver: new Set<object>(), IntersectionObserver: new Set<object>() };
  const restores: Array<() => void> = [];
  for (const name of Object.keys(observers) as Array<keyof typeof observers>) {
    const p = (window[name] as unknown as { prototype: { observe: (...a: unknown[]) => void; disconnect: () => void } }).prototype;
    const { observe, disconnect } = p;
    p.observe = function (this: object, ...args: unknown[]) {
      observers[name].add(this);
      return observe.apply(this, args);
    };
    p.disconnect = function (this: object) {
      observers[name].delete(this);
      return disconnect.call(this);
    };
    restores.push(() => Object.assign(p, { observe, disconnect }));
  }
  return {
    snapshot: () => ({
      listeners: listeners.size,
      resize: observers.ResizeObserver.size,
      mutation: observers.MutationObserver.size,
      intersection: observers.IntersectionObserver.size,
    }),
    restore: () => {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
      restores.forEach((r) => r());
    },
  };
}

function expectBaseline(now: ReturnType<ReturnType<typeof instrument>['snapshot']>, base: typeof now, what: string): void {
  expect(now.listeners, `${what}: window/document listeners (baseline ${base.listeners})`).to.be.at.most(base.listeners + SLACK);
  expect(now.resize, `${what}: live ResizeObservers (positioning autoUpdate)`).to.equal(base.resize);
  expect(now.mutation, `${what}: live MutationObservers`).to.equal(base.mutation);
  expect(now.intersection, `${what}: live IntersectionObservers`).to.equal(base.intersection);
}

describe('lifecycle', function () {
  this.timeout(180000);
  let probe: ReturnType<typeof instrument>;
  let watch: ReturnType<typeof watchErrors>;
  let url: string;
  before(async () => {
    clearIndexCache();
    url = fresh(REAL_INDEX);
    await loadIndex(new URL(url, location.href).href);
  });
  beforeEach(() => {
    probe = instrument();
    watch = watchErrors();
  });
  afterEach(() => {
    probe.restore();
    watch.stop();
    expect(watch.errors).to.deep.equal([]);
  });

  it(`opening and closing a keyword popover ${ROUNDS} times leaves no listener or observer behind`, async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en" style="height: 200px; overflow: auto">
        <p>A <bj-keyword index=${url}>regulatory sandbox</bj-keyword> and <bj-keyword index=${url}>time banking</bj-keyword>.</p>
        <div style="height: 600px"></div>
      </div>`,
    );
    const [a, b] = [...wrap.querySelectorAll<BjKeyword>('bj-keyword')] as [BjKeyword, BjKeyword];
    a.show();
    await waitFor(() => part(a, 'title'), 'first definition');
    a.hide();
    await a.updateComplete;
    const base = probe.snapshot();
    let opened = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const k = i % 2 ? b : a;
      k.show();
      await k.updateComplete;
      if (k.open) opened++;
      if (i === 0) {
        // Control: while open, the probe sees autoUpdate's observer and the document listeners.
        await new Promise((r) => requestAnimationFrame(r));
        const open = probe.snapshot();
        expect(open.resize, 'an open popover is followed by a ResizeObserver').to.be.greaterThan(base.resize);
        expect(open.listeners, 'an open popover listens on the document').to.be.greaterThan(base.listeners);
      }
      if (i % 3 === 0) {
        const other = k === a ? b : a;
        other.show(); // one open at a time: opening another closes this one
        await other.updateComplete;
        await k.updateComplete;
        expect(k.open, 'opening another keyword closes this one').to.equal(false);
        other.hide();
        await other.updateComplete;
      } else {
        k.hide();
        await k.updateComplete;
      }
      if (i === 10) expect(probe.snapshot().resize, 'autoUpdate stopped after close').to.equal(base.resize);
    }
    expect(opened).to.equal(ROUNDS);
    expectBaseline(probe.snapshot(), base, `${ROUNDS} open/close cycles`);
  });

  it(`adding and removing each element ${ROUNDS} times (open, searched, annotated) leaves nothing behind`, async () => {
    const host = await fixture<HTMLElement>(html`<div lang="en"></div>`);
    const base = probe.snapshot();
    for (let i = 0; i < ROUNDS; i++) {
      const kind = i % 3;
      if (kind === 0) {
        const k = document.createElement('bj-keyword') as BjKeyword;
        k.index = url;
        k.textContent = 'regulatory sandbox';
        host.append(k);
        await k.updateComplete;
        k.show();
        await k.updateComplete;
        if (i % 30 === 0) await waitFor(() => part(k, 'title'), 'definition');
        k.remove(); // removed while open
      } else if (kind === 1) {
        const s = document.createElement('bj-policy-search') as BjPolicySearch;
        s.index = url;
        host.append(s);
        await s.updateComplete;
        if (i % 10 === 1) await s.search('sandbox');
        s.remove();
      } else {
        const a = document.createElement('bj-annotate') as BjAnnotate;
        a.index = url;
        a.on = i % 2 ? 'load' : 'visible';
        a.innerHTML = '<p>Beijing piloted a regulatory sandbox and time banking.</p>';
        const done = new Promise((r) => a.addEventListener('bj-annotated', r, { once: true }));
        host.append(a);
        if (i % 2) await done;
        else await a.updateComplete;
        a.remove();
        expect(a.querySelector('bj-keyword'), 'removal restores the text').to.equal(null);
      }
    }
    await settle(); // disconnections and their cleanup have run
    expect(host.children.length).to.equal(0);
    expectBaseline(probe.snapshot(), base, `${ROUNDS} add/remove cycles`);
  });
});
