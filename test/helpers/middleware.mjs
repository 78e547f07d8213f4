// Test-only endpoints under /__bj/ for the hardening browser tests (web-test-runner middleware).
// They serve files raw (the test server would otherwise turn a .json into a JS module) and
// simulate every way loading the index can fail:
//
//   /__bj/file/<repo path>                 the file as it is (JSON as application/json)
//
// Paths with an extension get 'Cache-Control: public, max-age=31536000' from the test runner, so
// the switchable index has none (the same URL must answer differently from one try to the next).
//   /__bj/status/<code>                    an empty answer with that HTTP status
//   /__bj/slow?ms=N&file=<repo path>       the file after N ms
//   /__bj/truncated?file=<repo path>       the first half of the file
//   /__bj/switch/<key>/index               answers as the mode last set for <key> (default 404):
//   /__bj/switch/<key>/set?mode=M&file=F   sets it; M = good | 404 | 500 | reset | slow | json |
//                                          truncated | schema-version | library-version | format
//                                          (slow waits `ms`, default 10000); once-M answers as M
//                                          the first time, then good (a server that fails once, then answers)
//   /__bj/hits/<key>                       {hits}: how often <key>'s index was asked for
//   /__bj/closed-port                      {port}: a 127.0.0.1 port nothing listens on (just closed)
//   /__bj/patched?file=F&path=a.0.b&value=J  the JSON file with the field at `path` set to JSON `value`
//   /__bj/bomb?mb=N                        a gzip bomb: ~N/1000 MB on the wire, N MB of spaces decoded
//   /__bj/trickle?ms=N&file=F              the headers at once, then the file in 20 slices over N ms
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const switches = new Map();
const DEFAULT_FILE = 'test/hardening/fixtures/hostile-index.json';

async function repoFile(rel) {
  const file = path.resolve(root, '.' + path.posix.normalize('/' + String(rel ?? DEFAULT_FILE)));
  if (!file.startsWith(root + path.sep)) throw new Error('outside the repository');
  return readFile(file);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const bombs = new Map();
/** `[` and `mb` MB of spaces, gzipped once per size (40 MB compress to ~40 KB). */
function bomb(mb) {
  if (!bombs.has(mb)) {
    const body = Buffer.alloc(mb * 1024 * 1024, 0x20);
    body[0] = 0x5b;
    bombs.set(mb, gzipSync(body, { level: 9 }));
  }
  return bombs.get(mb);
}

function json(ctx, body, status = 200) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/json';
  ctx.body = body;
}

async function answer(ctx, mode, file, ms) {
  switch (mode) {
    case 'good':
      return json(ctx, await repoFile(file));
    case 'reset':
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    case 'slow':
      await sleep(ms);
      return json(ctx, await repoFile(file));
    case 'json':
      return json(ctx, '{"format": "bj-index", "formatVersion": 1,, }');
    case 'truncated': {
      const bytes = await repoFile(file);
      return json(ctx, bytes.subarray(0, Math.floor(bytes.length / 2)));
    }
    case 'schema-version':
    case 'library-version':
    case 'format': {
      const data = JSON.parse((await repoFile(file)).toString('utf8'));
      if (mode === 'schema-version') data.schemaVersion = 99;
      if (mode === 'library-version') data.library = { name: 'bj-policy-widgets', version: '7.0.0' };
      if (mode === 'format') data.formatVersion = 99;
      return json(ctx, JSON.stringify(data));
    }
    default: {
      const status = Number(mode);
      ctx.status = Number.isInteger(status) && status >= 400 && status < 600 ? status : 404;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = `status ${ctx.status}\n`;
    }
  }
}

/** Koa middleware for @web/test-runner (`middleware: [hardeningMiddleware]`). */
export async function hardeningMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/__bj/')) return next();
  const rest = ctx.path.slice('/__bj/'.length);
  const q = ctx.query;
  const ms = Math.min(Number(q.ms ?? 10000) || 0, 60000);
  try {
    if (rest.startsWith('file/')) return await answer(ctx, 'good', rest.slice('file/'.length));
    if (rest.startsWith('status/')) return await answer(ctx, rest.slice('status/'.length));
    if (rest === 'slow') return await answer(ctx, 'slow', q.file, ms);
    if (rest === 'truncated') return await answer(ctx, 'truncated', q.file);
    const m = /^switch\/([\w-]+)\/(index|set)$/.exec(rest);
    if (m) {
      const [, key, action] = m;
      if (action === 'set') {
        switches.set(key, { mode: String(q.mode ?? '404'), file: q.file, ms });
        return json(ctx, JSON.stringify({ ok: true }));
      }
      const s = switches.get(key) ?? { mode: '404' };
      s.hits = (s.hits ?? 0) + 1;
      switches.set(key, s);
      const mode = s.mode.replace(/^once-/, '');
      if (mode !== s.mode) s.mode = 'good';
      return await answer(ctx, mode, s.file, s.ms ?? 10000);
    }
    if (rest === 'patched') {
      const data = JSON.parse((await repoFile(q.file)).toString('utf8'));
      const keys = String(q.path).split('.');
      let at = data;
      for (const k of keys.slice(0, -1)) at = at[k];
      at[keys.at(-1)] = JSON.parse(String(q.value));
      return json(ctx, JSON.stringify(data));
    }
    if (rest === 'bomb') {
      ctx.status = 200;
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Content-Encoding', 'gzip');
      ctx.type = 'application/json';
      ctx.body = bomb(Math.min(Number(q.mb) || 40, 200));
      return;
    }
    if (rest === 'trickle') {
      const bytes = await repoFile(q.file);
      const { PassThrough } = await import('node:stream');
      const stream = new PassThrough();
      ctx.status = 200;
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'application/json';
      ctx.body = stream;
      void (async () => {
        const slices = 20;
        for (let i = 0; i < slices; i++) {
          if (stream.destroyed) return;
          stream.write(bytes.subarray(Math.floor((i * bytes.length) / slices), Math.floor(((i + 1) * bytes.length) / slices)));
          await sleep(ms / slices);
        }
        stream.end();
      })();
      return;
    }
    if (rest === 'closed-port') {
      const port = await new Promise((resolve, reject) => {
        const probe = createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
          const { port: p } = probe.address();
          probe.close(() => resolve(p));
        });
      });
      return json(ctx, JSON.stringify({ port }));
    }
    const h = /^hits\/([\w-]+)$/.exec(rest);
    if (h) return json(ctx, JSON.stringify({ hits: switches.get(h[1])?.hits ?? 0 }));
  } catch (error) {
    if (ctx.respond === false) return;
    ctx.status = 500;
    ctx.body = `bj test middleware: ${error.message}\n`;
    return;
  }
  ctx.status = 404;
  ctx.body = 'unknown /__bj/ endpoint\n';
}
