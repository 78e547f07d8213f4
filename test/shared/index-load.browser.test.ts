/**
 * The index-loading controller (src/shared/index/index-load.ts) on a host of its own, with a loading
 * function the test answers by hand: what an element using it shows and reports.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { BjElement } from '../../src/shared/element/bj-element.js';
import type { BjErrorDetail } from '../../src/shared/element/events.js';
import { IndexLoad } from '../../src/shared/index/index-load.js';
import { BjError } from '../../src/search/types.js';
import { quietWarnings } from '../helpers/hardening.js';
import { nextTask } from '../helpers/wait.js';

/** A load the test settles. */
interface Call {
  url: string;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

class LoadHost extends BjElement {
  static override properties = { index: {} };
  index?: string;
  calls: Call[] = [];
  updates = 0;
  preloaded = new Map<string, string>();
  load = new IndexLoad<string>(
    this,
    (url) => new Promise<string>((resolve, reject) => this.calls.push({ url, resolve, reject })),
    (url) => this.preloaded.get(url),
  );
  protected override updated(): void {
    this.updates++;
  }
}
customElements.define('test-index-load-host', LoadHost);

const A = new URL('/a/bj-index.json', location.href).href;
const B = new URL('/b/bj-index.json', location.href).href;

async function host(index = '/a/bj-index.json'): Promise<{ el: LoadHost; errors: BjErrorDetail[] }> {
  const el = await fixture<LoadHost>(html`<test-index-load-host .index=${index}></test-index-load-host>`);
  const errors: BjErrorDetail[] = [];
  el.addEventListener('bj-error', (e) => errors.push(e.detail));
  return { el, errors };
}

describe('IndexLoad (the index-loading controller)', () => {
  let warnings: ReturnType<typeof quietWarnings>;
  beforeEach(() => (warnings = quietWarnings()));
  afterEach(() => warnings.restore());

  it('is idle until asked; a second call while loading shares the one load; ready renders the host', async () => {
    const { el } = await host();
    expect(el.load.phase).to.equal('idle');
    const first = el.load.load();
    const second = el.load.load();
    expect(second).to.equal(first);
    expect(el.calls.map((c) => c.url)).to.deep.equal([A]);
    await el.updateComplete;
    expect(el.load.phase).to.equal('loading');
    const before = el.updates;
    el.calls[0]!.resolve('index A');
    expect(await first).to.equal('index A');
    await el.updateComplete;
    expect(el.load.phase).to.equal('ready');
    expect(el.updates, 'the host rendered the new state').to.be.above(before);
    expect(await el.load.load(), 'loaded: no new load').to.equal('index A');
    expect(el.calls.length).to.equal(1);
  });

  it('an index already loaded elsewhere is ready at once, without loading', async () => {
    const { el } = await host();
    el.preloaded.set(A, 'index A');
    const p = el.load.load();
    expect(el.load.phase, 'ready synchronously').to.equal('ready');
    expect(await p).to.equal('index A');
    expect(el.calls.length).to.equal(0);
  });

  it('a failure is kept for the view and reported once, as a bj: error; quiet reloads do not report it again', async () => {
    const { el, errors } = await host();
    const p = el.load.load();
    el.calls[0]!.reject(new BjError('http', 'bj: the index at /a answered HTTP 500.'));
    expect(await p, 'never rejects').to.equal(undefined);
    expect(el.load.phase).to.equal('error');
    expect(el.load.error?.message).to.match(/^bj: .*HTTP 500/);
    expect(errors.map((e) => [e.code, e.url])).to.deep.equal([['http', A]]);

    const quiet = el.load.load();
    expect(el.load.phase, 'a quiet reload keeps the error shown').to.equal('error');
    el.calls[1]!.reject(new TypeError('Failed to fetch'));
    expect(await quiet).to.equal(undefined);
    expect(errors.length, 'the same unavailability is not reported twice').to.equal(1);
    expect(el.load.error, 'any failure becomes a BjError with a bj: message').to.be.instanceOf(BjError);
    expect(el.load.error!.message).to.match(/^bj: .*Failed to fetch/);
  });

  it('retry() shows loading, loads again, and reports a new failure again', async () => {
    const { el, errors } = await host();
    const p = el.load.load();
    el.calls[0]!.reject(new BjError('network', 'bj: down'));
    await p;
    const again = el.load.retry();
    expect(el.load.phase).to.equal('loading');
    expect(el.calls.length).to.equal(2);
    el.calls[1]!.reject(new BjError('network', 'bj: still down'));
    await again;
    expect(errors.length, 'a failed Retry is reported').to.equal(2);
    const third = el.load.retry();
    el.calls[2]!.resolve('index A');
    expect(await third).to.equal('index A');
    expect(el.load.phase).to.equal('ready');
    expect(el.load.error).to.equal(undefined);
  });

  it('a new index address starts over: the old answer never lands, the waiting caller gets the new index', async () => {
    const { el, errors } = await host();
    const p = el.load.load();
    el.index = '/b/bj-index.json';
    await el.updateComplete;
    expect(el.load.phase, 'the new address starts idle').to.equal('idle');
    expect(el.load.url).to.equal(B);
    el.calls[0]!.resolve('index A (stale)');
    await nextTask();
    expect(
      el.calls.map((c) => c.url),
      'the new address is loaded',
    ).to.deep.equal([A, B]);
    expect(el.load.value, 'the stale answer did not land').to.equal(undefined);
    el.calls[1]!.resolve('index B');
    expect(await p).to.equal('index B');
    expect(el.load.value).to.equal('index B');
    expect(el.load.phase).to.equal('ready');
    expect(errors).to.deep.equal([]);
  });

  it('a failure for an old address is neither shown nor reported', async () => {
    const { el, errors } = await host();
    const p = el.load.load();
    el.index = '/b/bj-index.json';
    el.calls[0]!.reject(new BjError('http', 'bj: old address answered HTTP 404.'));
    await nextTask();
    expect(el.load.phase, 'loading the new address').to.equal('loading');
    el.calls[1]!.resolve('index B');
    expect(await p).to.equal('index B');
    expect(errors, 'no stale bj-error').to.deep.equal([]);
  });

  it('fail() for a part of a loaded index: error until answered() or retry(), reported once', async () => {
    const { el, errors } = await host();
    const p = el.load.load();
    el.calls[0]!.resolve('index A');
    await p;
    el.load.fail(new BjError('http', 'bj: a shard answered HTTP 500.'));
    el.load.fail(new BjError('http', 'bj: a shard answered HTTP 500.'));
    expect(el.load.phase).to.equal('error');
    expect(errors.length).to.equal(1);
    expect(await el.load.load(), 'the index itself stays loaded').to.equal('index A');
    el.load.answered();
    expect(el.load.phase).to.equal('ready');
    el.load.fail(new BjError('http', 'bj: again'));
    expect(errors.length, 'a new failure after recovery is reported').to.equal(2);
    await el.load.retry();
    expect(el.load.phase).to.equal('ready');
    expect(el.calls.length, 'no reload of a loaded index').to.equal(1);
  });
});
