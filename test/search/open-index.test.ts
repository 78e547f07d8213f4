/**
 * `openIndex` outside a browser (a Node 20 script of a portal's build, or a test): the same handle
 * searches a one-file index over http in the calling thread, and a malformed URL gets a bj: message.
 * Needs dist/bj-index.json (`npm run build:index`).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openIndex, PolicyIndex } from '../../src/search-entry.js';
import { root } from '../helpers/cli.js';

describe('openIndex in Node', () => {
  let server: Server;
  let base = '';
  before(async () => {
    const dist = path.join(root, 'dist');
    assert.ok(existsSync(path.join(dist, 'bj-index.json')), 'bj: dist/bj-index.json is missing; run `npm run build:index`');
    server = createServer((req, res) => {
      const file = path.join(dist, (req.url ?? '/').replace(/[?#].*$/, ''));
      if (!file.startsWith(dist) || !existsSync(file)) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('searches a one-file index over http in the calling thread, as PolicyIndex does', async () => {
    const handle = openIndex(`${base}/bj-index.json`);
    assert.equal(handle.mode, 'page');
    const results = await handle.search('time bank', { limit: 5 });
    const local = PolicyIndex.fromJSON(JSON.parse(readFileSync(path.join(root, 'dist', 'bj-index.json'), 'utf8'))).search('time bank', {
      limit: 5,
    });
    assert.deepEqual(
      results.map((r) => [r.id, r.strength]),
      local.map((r) => [r.id, r.strength]),
    );
    assert.ok(results.length > 0);
  });

  it('rejects a missing index with its bj: message, and a relative URL outside a page at once', async () => {
    await assert.rejects(
      openIndex(`${base}/no-such-index.json`).search('sandbox'),
      /^BjError: bj: the index at .*no-such-index\.json answered HTTP 404/,
    );
    assert.throws(() => openIndex('bj-index.json'), /^TypeError: bj: openIndex needs the index's URL/);
  });
});
