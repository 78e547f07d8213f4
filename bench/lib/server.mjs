// A small static server for the browser benchmarks, on 127.0.0.1 and a free port. Serves the
// repository (dist/, data/, bench/pages/) and the scratch directory under /.tmp/bench/, gzip-encoded
// (level 9) when the browser accepts it, so transfer sizes ≈ gzip sizes. No caching: every page
// load fetches again. Pages are cross-origin isolated (COOP/COEP) so `performance.now()` has its
// fine resolution (5 µs in Chromium instead of 100 µs).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './data.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startServer() {
  const gzCache = new Map();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      const file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root + path.sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      const headers = {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Cross-Origin-Resource-Policy': 'same-origin',
      };
      let body = await readFile(file);
      if (/gzip/.test(req.headers['accept-encoding'] ?? '') && !type.startsWith('application/octet')) {
        const key = `${file}:${info.mtimeMs}:${info.size}`;
        let gz = gzCache.get(key);
        if (!gz) gzCache.set(key, (gz = gzipSync(body, { level: 9 })));
        body = gz;
        headers['Content-Encoding'] = 'gzip';
        headers['Vary'] = 'Accept-Encoding';
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' ? 404 : 500, { 'Content-Type': 'text/plain' });
      res.end(String(e.message));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}
