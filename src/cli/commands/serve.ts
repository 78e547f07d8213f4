/**
 * `bj-index serve [inputs] [--site DIR …] [--port N]`: a live preview for editors. Builds the index
 * in memory (the same checks as `build`), serves on 127.0.0.1 a page with every keyword as a
 * `<bj-keyword>`, the search box over this index and the glossary, and rebuilds when a file changes
 * (`fs.watch`). Problems (with file, line and column, as `validate` prints them) are shown at the
 * top of the page, which keeps the last index that built; `/status.json` says the same for scripts.
 * The page reloads itself after each rebuild. The widgets are the package's own dist/ files.
 */
import { EventEmitter, once } from 'node:events';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { BuiltIndex } from '../../search/format.js';
import { UsageError } from '../inputs.js';
import { packageDataDir, packageRoot } from '../package-info.js';
import { previewPage, type PreviewKeyword } from '../serve-page.js';

/** Checks and builds the index of `inputs` (and the `--site` pages) in memory; throws with every problem (`lines`). */
export type PreviewBuild = (inputs: string[], site: Record<string, unknown>) => Promise<BuiltIndex>;

/** What the preview shows now: the last build's problems, and the index that last built. */
export interface PreviewStatus {
  /** Counts builds; the page reloads when it changes. */
  version: number;
  ok: boolean;
  /** `bj:` lines of the last build, e.g. `bj: data/x.json: line 3, column 5: unexpected "}"`. */
  errors: string[];
  /** Keywords in the index shown (the last one that built). */
  terms: number;
}

export interface PreviewOptions {
  inputs: string[];
  site: Record<string, unknown>;
  port?: number;
  host?: string;
  /** The widgets' files (default: the package's dist/). */
  dist?: string;
}

export interface Preview {
  url: string;
  status(): PreviewStatus;
  /** Emits `built` (with the status) after each build. */
  events: EventEmitter;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Starts the preview server; resolves once it listens and the first build is done. */
export async function startPreview(build: PreviewBuild, options: PreviewOptions): Promise<Preview> {
  const dist = options.dist ?? join(packageRoot, 'dist');
  if (!existsSync(join(dist, 'glossary.js')))
    throw new UsageError(`bj: the widgets are not built in ${dist}; run \`npm run build\` in the package first`);
  const events = new EventEmitter();
  let status: PreviewStatus = { version: 0, ok: false, errors: [], terms: 0 };
  let index: string | undefined;
  let keywords: PreviewKeyword[] = [];
  let building: Promise<void> | undefined;
  let again = false;

  const rebuild = async (): Promise<void> => {
    let errors: string[] = [];
    try {
      const built = await build(options.inputs, options.site);
      index = JSON.stringify(built);
      keywords = built.entries.flatMap((e) => (e.kind === 'term' ? [{ id: e.id, title: e.title }] : []));
      status = { ...status, terms: keywords.length };
    } catch (e) {
      const lines = (e as { lines?: unknown }).lines;
      errors = Array.isArray(lines) ? lines.map(String) : [e instanceof Error ? e.message : String(e)];
    }
    status = { ...status, version: status.version + 1, ok: errors.length === 0, errors };
    events.emit('built', status);
  };
  /** One build at a time; changes during a build start one more after it. */
  const schedule = (): void => {
    if (building) {
      again = true;
      return;
    }
    building = rebuild().finally(() => {
      building = undefined;
      if (again) {
        again = false;
        schedule();
      }
    });
  };

  const server = createServer((req, res) => void respond(req, res));
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const send = (code: number, type: string, body: string | Buffer): void => {
      res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/') return send(200, 'text/html; charset=utf-8', previewPage(status, options.inputs, keywords));
    if (path === '/status.json') return send(200, TYPES['.json']!, JSON.stringify(status));
    if (path === '/bj-index.json')
      return index ? send(200, TYPES['.json']!, index) : send(503, 'text/plain; charset=utf-8', 'bj: no index has built yet; see the page');
    if (path.startsWith('/bj/')) {
      const file = normalize(join(dist, path.slice(4)));
      if (file.startsWith(dist + sep) && TYPES[extname(file)]) {
        const body = await readFile(file).catch(() => undefined);
        if (body) return send(200, TYPES[extname(file)]!, body);
      }
    }
    send(404, 'text/plain; charset=utf-8', 'not found');
  }

  await rebuild();
  const watchers: FSWatcher[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(schedule, 100); // an editor's save is often several writes
  };
  const watched = options.inputs.length ? options.inputs : [packageDataDir];
  const site = typeof options.site.site === 'string' ? [options.site.site] : [];
  for (const p of [...watched, ...site]) {
    try {
      watchers.push(watch(resolve(p), { recursive: site.includes(p) }, changed));
    } catch (e) {
      throw new UsageError(`bj: cannot watch ${JSON.stringify(p)} for changes (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  try {
    await once(server, 'listening');
  } catch (e) {
    for (const w of watchers) w.close();
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'EADDRINUSE'
        ? `bj: port ${options.port} is in use; give another with --port (0: any free port)`
        : `bj: cannot serve: ${String(e)}`,
    );
  }
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}/`,
    status: () => status,
    events,
    close: async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await building;
    },
  };
}

/** `bj-index serve`: parses its arguments, starts the preview and prints its address; runs until stopped (Ctrl-C). */
export async function serve(args: string[], build: PreviewBuild, out: (s: string) => void, help: () => number): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        site: { type: 'string' },
        'base-url': { type: 'string' },
        exclude: { type: 'string', multiple: true },
        content: { type: 'string' },
        title: { type: 'string' },
        port: { type: 'string', short: 'p' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(`bj: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return help();
  const { port: rawPort, help: _help, ...site } = values;
  const port = rawPort === undefined ? 8787 : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`bj: --port ${JSON.stringify(rawPort)} is not a port number; give one from 0 to 65535 (0: any free port)`);
  const preview = await startPreview(build, { inputs: positionals, site, port });
  const report = (s: PreviewStatus): void =>
    out(s.ok ? `built: ${s.terms} keywords\n` : `${s.errors.join('\n')}\nbj: the preview shows the last index that built\n`);
  report(preview.status());
  preview.events.on('built', report);
  out(`bj-index preview at ${preview.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => process.once('SIGINT', done));
  await preview.close();
  return 0;
}
