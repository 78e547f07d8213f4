#!/usr/bin/env node
// `npm start`: build dist/ when it is missing or older than the sources, then serve the repository
// on http://127.0.0.1:8080/ (or $PORT; the next free port when taken) and print the demo URL.
//
// A tiny static server without dependencies: the right MIME types, `Cache-Control: no-cache`,
// nothing outside the repository, and the strict Content-Security-Policy a careful district site
// would send on the demo pages (see README, "Content Security Policy").
//
//   node scripts/serve.mjs [--port N] [--no-build]
// Also importable: `startServer({ port, host })` resolves to `{ server, url }` (used by the e2e tests).
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html bj-policy-widgets 'allow-duplicates'",
].join('; ');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xlf': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Resolves a URL path to a file inside `base`, or null when it would leave it. */
export function resolvePath(base, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(base, '.' + path.posix.normalize('/' + decoded.replace(/\\/g, '/')));
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
  res.end(body);
}

function handler(base) {
  const realBase = realpathSync(base);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    const url = req.url ?? '/';
    if (url === '/' || url.startsWith('/?')) return send(res, 302, '', { Location: '/demo/' });
    let file = resolvePath(base, url);
    if (!file) return send(res, 403, 'Forbidden\n');
    let stat;
    try {
      stat = statSync(file);
      if (stat.isDirectory()) {
        const pathname = url.split('?')[0];
        if (!pathname.endsWith('/')) return send(res, 301, '', { Location: pathname + '/' });
        file = path.join(file, 'index.html');
        stat = statSync(file);
      }
    } catch {
      return send(res, 404, 'Not found\n');
    }
    if (!stat.isFile()) return send(res, 404, 'Not found\n');
    // A symbolic link inside the folder may point out of it: serve only what really is inside.
    const real = realpathSync(file);
    if (real !== realBase && !real.startsWith(realBase + path.sep)) return send(res, 403, 'Forbidden\n');
    const ext = path.extname(file).toLowerCase();
    const headers = {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': 'no-cache',
      'Last-Modified': stat.mtime.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
    };
    if (ext === '.html') headers['Content-Security-Policy'] = CSP;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

/** Starts the server on `port`, or the next free port after it. */
export function startServer({ port = 8080, host = '127.0.0.1', base = root, tries = 20 } = {}) {
  return new Promise((resolve, reject) => {
    const server = createServer(handler(base));
    const attempt = (p, left) => {
      server.once('error', (err) => {
        if (err.code === 'EADDRINUSE' && left > 0) attempt(p + 1, left - 1);
        else reject(err);
      });
      server.listen(p, host, () => {
        server.removeAllListeners('error');
        const { port: actual } = server.address();
        resolve({ server, url: `http://${host}:${actual}/` });
      });
    };
    attempt(port, tries);
  });
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/ lacks a built file or is older than src/, data/ or the build configuration. */
export function distIsStale() {
  const outputs = ['bj-policy-widgets.js', 'bj-policy-widgets.iife.js', 'search.js', 'bj-index.json', 'custom-elements.json'].map((f) =>
    path.join(root, 'dist', f),
  );
  if (!outputs.every((f) => existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const inputs = ['src', 'data'].map((d) => newestMtime(path.join(root, d)));
  inputs.push(...['vite.config.ts', 'package.json'].map((f) => statSync(path.join(root, f)).mtimeMs));
  return Math.max(...inputs) > built;
}

async function main() {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`bj: "${portArg >= 0 ? args[portArg + 1] : process.env.PORT}" is not a port number; use e.g. PORT=8081 npm start`);
    process.exit(2);
  }
  if (!args.includes('--no-build') && distIsStale()) {
    console.log('start: dist/ is missing or older than the sources; building it first (npm run build)');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  }
  const { server, url } = await startServer({ port });
  console.log(`start: serving ${root} (Ctrl+C stops)`);
  console.log(`start: demo at ${url}demo/`);
  const stop = () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(`bj: could not start the server: ${err.message}`);
    process.exit(1);
  });
}
