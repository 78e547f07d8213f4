/**
 * `bj-index query TEXT [--index FILE] [--limit N] [--kind K] [--json]`: searches an index as the
 * search box would (one-file or sharded, read from disk); `--json` without TEXT answers one query
 * per line of standard input.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { searchWithLexicon } from '../../search/lexicon-policy.js';
import type { SearchOptions, SearchResult } from '../../search/types.js';
import { checkedCorpora } from '../checked-build.js';
import { decodeUtf8 } from '../decode.js';
import { displayPath, reason, UsageError } from '../inputs.js';
import { describeJsonError } from '../json-location.js';
import { lexiconBeside } from '../lexicon-output.js';
import { checkInstalledMiniSearch } from '../minisearch-check.js';
import { packageDataDir, packageIndexPath, packageVersion } from '../package-info.js';
import { parse } from '../parse-args.js';
import { formatHuman, toJsonResult } from '../query-output.js';
import { err, Failure, io, out } from '../report.js';
import { jsonLine } from '../terminal.js';
import { help } from './help.js';

const DEFAULT_LIMIT = 10;
/** Largest part file `query` reads (the widgets' default limit per fetch). */
const PART_MAX_BYTES = 8 * 1024 * 1024;

export async function query(args: string[]): Promise<number> {
  const { values, positionals } = parse('query', args, {
    index: { type: 'string' },
    limit: { type: 'string' },
    kind: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return help(['query']);
  const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new UsageError(`bj: --limit must be a whole number of 1 or more, got ${JSON.stringify(values.limit)}`);
  }
  const kind = values.kind ?? 'all';
  if (kind !== 'all' && kind !== 'term' && kind !== 'passage') {
    throw new UsageError(`bj: --kind must be all, term or passage, got ${JSON.stringify(kind)}`);
  }
  const text = positionals.join(' ');
  if (positionals.length === 0 && !values.json) {
    throw new UsageError('bj: query needs the TEXT to search for (or --json to read queries from standard input)');
  }
  const index = await openIndex(values.index);
  const options: SearchOptions = { limit, kind };
  const search = async (q: string) => {
    try {
      return await index.search(q, options);
    } catch (e) {
      throw new Failure([e instanceof Error ? e.message : String(e)]);
    }
  };
  if (positionals.length > 0) {
    const results = await search(text);
    if (values.json) out(`${jsonLine(results.map(toJsonResult))}\n`, true);
    else out(formatHuman(text, results, { color: io().stdout.isTTY === true && !process.env.NO_COLOR }), true);
    return 0;
  }
  // One query per line in, one JSON array per line out, as each line arrives.
  const lines = createInterface({ input: io().stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const results = line.trim() === '' ? [] : await search(line);
    if (!out(`${jsonLine(results.map(toJsonResult))}\n`, true)) {
      await new Promise((resolve) => io().stdout.once('drain', resolve));
    }
  }
  return 0;
}

/** What the query command searches: an index of either layout (a one-file one with its lexicon). */
interface Searchable {
  search(q: string, opts?: SearchOptions): SearchResult[] | Promise<SearchResult[]>;
}

/** The index named by `--index`, else the package's built index, else one built in memory from its data. */
async function openIndex(path: string | undefined): Promise<Searchable> {
  if (path !== undefined) return readIndex(path, `npx bj-index build -o ${path}`);
  const stale = await staleReason();
  if (stale === undefined) return readIndex(packageIndexPath, 'npm run build:index');
  err(`bj: ${stale}; searching an index built in memory from ${displayPath(packageDataDir)} (run \`npm run build:index\` to save one)`);
  const { corpora } = await checkedCorpora([]);
  const [{ buildIndex }, { PolicyIndex }] = await Promise.all([import('../../search/build.js'), import('../../search/index.js')]);
  return PolicyIndex.fromJSON(buildIndex(corpora, { libraryVersion: packageVersion() }));
}

/** Why the package's built index cannot be used as it is, or undefined if it can. */
async function staleReason(): Promise<string | undefined> {
  const built = await stat(packageIndexPath).catch(() => undefined);
  if (!built) return `no built index at ${displayPath(packageIndexPath)}`;
  const names = await readdir(packageDataDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const data = await stat(join(packageDataDir, name)).catch(() => undefined);
    if (data && data.mtimeMs > built.mtimeMs)
      return `${displayPath(packageIndexPath)} is older than ${displayPath(join(packageDataDir, name))}`;
  }
  return undefined;
}

async function readIndex(path: string, rebuild: string): Promise<Searchable> {
  const shown = displayPath(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new Failure([`bj: cannot read index ${shown}: ${reason(e)}; build one with \`${rebuild}\``]);
  }
  const decoded = decodeUtf8(bytes);
  if (decoded.error !== undefined)
    throw new Failure([`bj: index ${shown}: ${decoded.error.replace(/; re-save.*$/, '')}; rebuild it with \`${rebuild}\``]);
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Failure([`bj: index ${shown} is not valid JSON (${describeJsonError(text, e)}); rebuild it with \`${rebuild}\``]);
  }
  const [{ PolicyIndex }, { ShardedIndex }] = await Promise.all([import('../../search/index.js'), import('../../search/shards/query.js')]);
  if (ShardedIndex.isSharded(json)) checkInstalledMiniSearch();
  try {
    if (ShardedIndex.isSharded(json)) return ShardedIndex.open(json, pathToFileURL(resolve(path)).href, readPart);
    const index = PolicyIndex.fromJSON(json);
    // Its lexicon's parts read as the search box fetches them (src/search/lexicon-policy.ts), so the CLI answers as the page does.
    const ensure = lexiconBeside(index, path, err);
    return { search: (q: string, opts?: SearchOptions) => searchWithLexicon(index, q, opts, ensure) };
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/^bj:\s*/, '') : String(e);
    throw new Failure([`bj: index ${shown}: ${message}${/rebuild|build/.test(message) ? '' : `; rebuild it with \`${rebuild}\``}`]);
  }
}

/** Reads a part of a sharded index from disk (`file:` URL); a missing part is a `bj:` error naming it. */
async function readPart(url: string): Promise<string> {
  const { fileURLToPath } = await import('node:url');
  const path = fileURLToPath(url);
  try {
    // The widgets' default cap on what one fetch may bring (src/shared/index/limits.ts): a part is far smaller.
    const size = (await stat(path)).size;
    if (size > PART_MAX_BYTES) {
      throw new Error(
        `bj: part ${displayPath(path)} of the index has ${size} bytes, over the ${PART_MAX_BYTES} a part may have; rebuild the index with \`npx bj-index build\``,
      );
    }
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('bj:')) throw e;
    throw new Error(`bj: cannot read part ${displayPath(path)} of the index: ${reason(e)}; rebuild the index with \`npx bj-index build\``);
  }
}
