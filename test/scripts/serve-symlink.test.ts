/** `npm start`'s static server (scripts/serve.mjs) never serves a file outside its folder, even through a symbolic link. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
// @ts-expect-error -- plain ESM script without types
import { startServer } from '../../scripts/serve.mjs';

describe('static server and symbolic links', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bj-serve-'));
  const site = join(dir, 'site');
  let server: Server;
  let url = '';
  before(async () => {
    mkdirSync(join(site, 'inner'), { recursive: true });
    writeFileSync(join(dir, 'secret.txt'), 'outside the folder');
    writeFileSync(join(site, 'inner', 'page.txt'), 'inside');
    symlinkSync(join(dir, 'secret.txt'), join(site, 'leak.txt'));
    symlinkSync(dir, join(site, 'up'));
    symlinkSync(join(site, 'inner', 'page.txt'), join(site, 'alias.txt'));
    ({ server, url } = (await startServer({ port: 0, base: site })) as { server: Server; url: string });
  });
  after(() => {
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a link to a file or folder outside, and serves a link that stays inside', async () => {
    for (const path of ['leak.txt', 'up/secret.txt']) {
      const r = await fetch(`${url}${path}`);
      assert.equal(r.status, 403, path);
      assert.doesNotMatch(await r.text(), /outside the folder/);
    }
    const inside = await fetch(`${url}alias.txt`);
    assert.equal(inside.status, 200);
    assert.equal(await inside.text(), 'inside');
  });
});
