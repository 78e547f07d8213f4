/**
 * `npm start`'s static server (scripts/serve.mjs): what a browser gets for each kind of file, the
 * strict CSP on pages, nothing outside the repository, and a free port when the asked one is taken.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { serve } from '../helpers/e2e.js';

/** GET without URL normalisation (so `..` reaches the server as written). */
function get(
  base: string,
  rawPath: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server (npm start)', () => {
  let base = '';
  let csp = '';
  let stop: () => Promise<void> = async () => {};
  before(async () => {
    ({ url: base, csp, stop } = await serve());
  });
  after(() => stop());

  it('serves the demo pages with the strict Content-Security-Policy and no caching', async () => {
    const r = await get(base, '/demo/');
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^text\/html/);
    assert.equal(r.headers['content-security-policy'], csp);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.match(r.body, /<bj-policy-search/);
  });

  it('sends the right MIME type for each kind of file', async () => {
    for (const [p, type] of [
      ['/demo/demo.css', /^text\/css/],
      ['/demo/reference.js', /^text\/javascript/],
      ['/demo/favicon.svg', /^image\/svg\+xml/],
      ['/demo/screenshot.png', /^image\/png/],
      ['/data/schema/corpus.schema.json', /^application\/json/],
      ['/package.json', /^application\/json/],
    ] as const) {
      const r = await get(base, p);
      assert.equal(r.status, 200, p);
      assert.match(String(r.headers['content-type']), type, p);
      assert.equal(r.headers['content-security-policy'], undefined, `${p} is not a page`);
    }
  });

  it('redirects the root and folders without a slash to their page', async () => {
    assert.deepEqual([(await get(base, '/')).status, (await get(base, '/')).headers.location], [302, '/demo/']);
    assert.deepEqual([(await get(base, '/demo')).status, (await get(base, '/demo')).headers.location], [301, '/demo/']);
  });

  it('never serves a file outside the repository', async () => {
    for (const p of [
      '/../../../../etc/passwd',
      '/demo/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/demo/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%00',
    ]) {
      const r = await get(base, p);
      assert.ok([400, 403, 404].includes(r.status), `${p} answered ${r.status}`);
      assert.doesNotMatch(r.body, /root:/, p);
    }
  });

  it('answers 404 for a missing file and 405 for other methods', async () => {
    assert.equal((await get(base, '/demo/missing.html')).status, 404);
    const { hostname, port } = new URL(base);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: hostname, port, path: '/demo/', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 405);
  });

  it('takes the next free port when the asked one is busy', async () => {
    const busy = Number(new URL(base).port);
    const modulePath = new URL('../../scripts/serve.mjs', import.meta.url).href;
    const { startServer } = (await import(modulePath)) as {
      startServer(o: { port: number }): Promise<{ server: import('node:http').Server; url: string }>;
    };
    const { server, url } = await startServer({ port: busy });
    try {
      assert.notEqual(Number(new URL(url).port), busy);
      assert.equal((await get(url, '/demo/')).status, 200);
    } finally {
      server.close();
    }
  });
});
