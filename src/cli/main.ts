/**
 * `bj-index`: build, validate and query the bj-policy-widgets search index.
 * `main(argv)` resolves to the exit code: 0 ok, 1 invalid data / index / failed build, 2 usage error.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { rmdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuiltIndex } from '../search/format.js';
import type { PolicyIndex } from '../search/index.js';
import type { ShardedIndex } from '../search/shards/query.js';
import type { SearchOptions } from '../search/types.js';
import { OutputPathError, outputTarget, removePendingTempFiles, writeFileAtomic } from './atomic-write.js';
import { LockedError, takeLock } from './output-lock.js';
import { countRecords, type CheckedCorpus } from './corpus-check.js';
import { displayPath, listCorpusFiles, loadCorpora, reason, UsageError } from './inputs.js';
import { describeJsonError } from './json-location.js';
import { packageDataDir, packageIndexPath, packageVersion } from './package-info.js';
import { decodeUtf8 } from './decode.js';
import { checkInstalledMiniSearch } from './minisearch-check.js';
import { formatHuman, toJsonResult } from './query-output.js';
import { addShardedLexicon, buildLexiconFor, loadLexiconBeside, writeLexicon } from './lexicon-output.js';
import { chooseLayout, partsFolderName, removeParts, SHARD_MODES, writeSharded, type ShardMode } from './shards-output.js';
import { checkBaseUrl, checkSiteOptions, readSite, type SiteOptions, type SiteResult } from './site-pages.js';
import { escapeControls, jsonLine } from './terminal.js';
import { COMMANDS, helpText, usageLine, type Command } from './usage.js';

/** At most this many error lines are printed; the rest are counted. */
const MAX_ERRORS = 20;
const DEFAULT_LIMIT = 10;
/** Largest part file `query` reads (the widgets' default limit per fetch). */
const PART_MAX_BYTES = 8 * 1024 * 1024;

/** An error that ends the command with exit code 1 after printing its `bj:` lines (already capped). */
class Failure extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** Writes to stdout with control characters escaped (see terminal.ts); `raw` for text already escaped. */
const out = (s: string, raw = false) => process.stdout.write(raw ? s : escapeControls(s));
const err = (s: string) => process.stderr.write(escapeControls(s.endsWith('\n') ? s : `${s}\n`));

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  let command: Command | undefined;
  try {
    if (first === undefined) {
      err(helpText());
      return 2;
    }
    if (first === '-h' || first === '--help') {
      out(`${helpText()}\n`);
      return 0;
    }
    if (first === '-v' || first === '--version') {
      out(`bj-index ${packageVersion()}\n`);
      return 0;
    }
    if (!(COMMANDS as readonly string[]).includes(first)) {
      const what = first.startsWith('-') ? 'option' : 'command';
      throw new UsageError(`bj: unknown ${what} ${JSON.stringify(first)}; the commands are build, validate, query, serve and help`);
    }
    command = first as Command;
    switch (command) {
      case 'help':
        return help(rest);
      case 'build':
        return await build(rest);
      case 'validate':
        return await validate(rest);
      case 'query':
        return await query(rest);
      case 'serve':
        return await (
          await import('./serve.js')
        ).serve(
          rest,
          previewIndex,
          (s) => out(s),
          () => help(['serve']),
        );
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(e.message);
      err(usageLine(command));
      return 2;
    }
    if (e instanceof Failure) {
      for (const line of e.lines) err(line);
      return 1;
    }
    err(
      e instanceof Error && e.message.startsWith('bj:')
        ? e.message
        : `bj: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
    return 1;
  }
}

function help(args: string[]): number {
  const [topic, ...extra] = args;
  if (extra.length > 0) throw new UsageError(`bj: "help" takes one command name, got ${args.length}`);
  if (topic !== undefined && !(COMMANDS as readonly string[]).includes(topic)) {
    throw new UsageError(
      `bj: no help for unknown command ${JSON.stringify(topic)}; the commands are build, validate, query, serve and help`,
    );
  }
  out(`${helpText(topic as Command | undefined)}\n`);
  return 0;
}

/** `node:util` parseArgs with its errors reworded as `bj:` usage errors for `command`. */
function parse<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`bj: unknown option ${JSON.stringify(unknown[1])} for "bj-index ${command}"`);
    const missing = /Option '([^']+)' argument missing/.exec(message);
    if (missing) throw new UsageError(`bj: option ${missing[1]} needs a value`);
    throw new UsageError(`bj: ${message}`);
  }
}

/** Reads and checks the corpus; throws a Failure listing every problem. */
async function checkedCorpora(inputs: string[]): Promise<{ corpora: CheckedCorpus[]; files: number }> {
  const files = await listCorpusFiles(inputs, packageDataDir);
  const { corpora, errors, badFiles } = await loadCorpora(files);
  if (errors.length > 0) {
    const where = `${badFiles} of ${count(files.length, 'file')}`;
    throw new Failure([...capped(errors), `bj: ${count(errors.length, 'problem')} in ${where}; fix them and run again`]);
  }
  return { corpora, files: files.length };
}

/** `1 file`, `2 files`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function capped(lines: string[]): string[] {
  return lines.length > MAX_ERRORS ? [...lines.slice(0, MAX_ERRORS), `bj: …and ${lines.length - MAX_ERRORS} more`] : lines;
}

/** Options of `build` and `validate` for a site's HTML pages (see site-pages.ts). */
const SITE_OPTIONS = {
  site: { type: 'string' },
  'base-url': { type: 'string' },
  exclude: { type: 'string', multiple: true },
  content: { type: 'string' },
  title: { type: 'string' },
} as const;

interface SiteValues {
  site?: string;
  'base-url'?: string;
  exclude?: string[];
  content?: string;
  title?: string;
}

/** The `--site` options, checked; undefined without `--site`. Throws UsageError. */
async function siteOptions(values: SiteValues, command: 'build' | 'validate'): Promise<SiteOptions | undefined> {
  if (values.site === undefined) {
    const stray = (['base-url', 'exclude', 'content', 'title'] as const).find((k) => values[k] !== undefined);
    if (stray) throw new UsageError(`bj: --${stray} applies to HTML pages; add --site FOLDER (the built site) to use it`);
    return undefined;
  }
  const base = values['base-url'];
  if (base === undefined && command === 'build') {
    throw new UsageError(
      'bj: --site needs --base-url, the address the site is published at (e.g. --base-url https://example.gov.cn/), to link results to its pages',
    );
  }
  const path = resolve(values.site);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory())
    throw new UsageError(`bj: --site ${JSON.stringify(values.site)} is not a folder; name the folder of the built site (e.g. public/)`);
  checkSiteOptions(values);
  return {
    display: values.site,
    path,
    // validate never writes links, so an address is optional there.
    baseUrl: checkBaseUrl(base ?? 'https://localhost/'),
    exclude: values.exclude ?? [],
    ...(values.content !== undefined ? { content: values.content } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
  };
}

/** Reads the site's pages; prints the warnings; throws a Failure for unreadable pages and ids that corpus records use. */
async function checkedSite(options: SiteOptions, corpora: CheckedCorpus[]): Promise<SiteResult> {
  const site = await readSite(options);
  for (const line of capped(site.warnings)) err(line);
  if (site.errors.length > 0) {
    throw new Failure([
      ...capped(site.errors),
      `bj: ${count(site.errors.length, 'page')} of ${options.display} could not be read; fix them (or --exclude them) and run again`,
    ]);
  }
  const used = new Map<string, string>();
  for (const { file, data } of corpora) {
    if (data.format === 'bj-synonyms') continue;
    data.terms?.forEach((t, i) => used.set(t.id, `${file} terms[${i}]`));
    data.documents?.forEach((d, i) => {
      used.set(`document:${d.id}`, `${file} documents[${i}]`);
      d.passages.forEach((p, j) => used.set(p.id, `${file} documents[${i}].passages[${j}]`));
    });
  }
  const clashes: string[] = [];
  for (const d of site.corpus.data.documents ?? []) {
    const page = site.pageOf.get(d.id) ?? options.display;
    const fix = 'give the corpus record another id (page ids come from the page path)';
    const doc = used.get(`document:${d.id}`);
    if (doc) clashes.push(`bj: ${page}: document id "${d.id}" is already used by ${doc}; ${fix}`);
    for (const p of d.passages) {
      const where = used.get(p.id);
      if (where) clashes.push(`bj: ${page}: passage id "${p.id}" is already used by ${where}; ${fix}`);
    }
  }
  if (clashes.length > 0) throw new Failure(capped(clashes));
  return site;
}

/**
 * Builds the index in memory and checks its records with the browser's own check
 * (src/search/validate.ts), so `validate` and `build` accept exactly the same corpora and nothing
 * is published that the widgets would refuse. Throws a Failure naming the record.
 */
async function buildChecked(corpora: CheckedCorpus[], output?: string): Promise<BuiltIndex> {
  // Loaded only here: the builder sets up OpenCC and pinyin, which query never needs.
  const [{ buildIndex }, { findIndexProblem, describeProblem }] = await Promise.all([
    import('../search/build.js'),
    import('../search/validate.js'),
  ]);
  const nothing = output !== undefined ? [`bj: nothing was written to ${output}`] : [];
  let index: BuiltIndex;
  try {
    index = buildIndex(corpora, { libraryVersion: packageVersion() });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Failure([`${message.startsWith('bj:') ? message : `bj: building the index failed: ${message}`}`, ...nothing]);
  }
  const problem = findIndexProblem(index as unknown as Record<string, unknown>);
  if (problem) {
    throw new Failure([
      `bj: the index built from these files would be refused by the widgets: ${describeProblem(problem)}; fix the corpus and run again`,
      ...nothing,
    ]);
  }
  return index;
}

async function validate(args: string[]): Promise<number> {
  const { values, positionals } = parse('validate', args, { ...SITE_OPTIONS, help: { type: 'boolean', short: 'h' } });
  if (values.help) return help(['validate']);
  const siteOpts = await siteOptions(values, 'validate');
  const { corpora, files } = await checkedCorpora(positionals);
  const site = siteOpts ? await checkedSite(siteOpts, corpora) : undefined;
  await buildChecked(site ? [...corpora, site.corpus] : corpora);
  const { terms, passages } = countRecords(corpora);
  const pages = site ? `; site: ${count(site.pages, 'page')}, ${count(site.passages, 'passage')}` : '';
  out(`ok: ${count(files, 'file')}, ${count(terms, 'term')}, ${count(passages, 'passage')}${pages}\n`);
  return 0;
}

/** For `bj-index serve` (serve.ts): `validate`'s checks, and the index built in memory; throws a Failure listing every problem. */
export async function previewIndex(inputs: string[], values: SiteValues): Promise<BuiltIndex> {
  const siteOpts = await siteOptions(values, 'validate');
  const { corpora } = await checkedCorpora(inputs);
  const site = siteOpts ? await checkedSite(siteOpts, corpora) : undefined;
  return buildChecked(site ? [...corpora, site.corpus] : corpora);
}

async function build(args: string[]): Promise<number> {
  const { values, positionals } = parse('build', args, {
    output: { type: 'string', short: 'o' },
    shards: { type: 'string' },
    'no-dictionary': { type: 'boolean' },
    ...SITE_OPTIONS,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return help(['build']);
  if (values.output === undefined || values.output === '') {
    throw new UsageError('bj: build needs an output file: add -o FILE, e.g. -o dist/bj-index.json');
  }
  const shardMode = values.shards ?? 'auto';
  if (!(SHARD_MODES as readonly string[]).includes(shardMode)) {
    throw new UsageError(`bj: --shards must be auto, always or never, got ${JSON.stringify(shardMode)}`);
  }
  const siteOpts = await siteOptions(values, 'build');
  const output = values.output;
  const started = performance.now();
  // No signal handler while reading and building: Ctrl-C then ends the process at once (the build
  // is synchronous work a handler could not interrupt), and nothing has been written yet.
  const { corpora, files } = await checkedCorpora(positionals);
  const site = siteOpts ? await checkedSite(siteOpts, corpora) : undefined;
  const index = await buildChecked(site ? [...corpora, site.corpus] : corpora, output);
  let json = JSON.stringify(index);
  const hash = typeof index.hash === 'string' ? index.hash : createHash('sha256').update(json).digest('hex').slice(0, 20);
  const layout = chooseLayout(index, json, shardMode as ShardMode, output);
  // A single-file index's lexicon is a folder beside it; a sharded index's is among its parts.
  const lexicon = values['no-dictionary'] || layout ? undefined : await buildLexiconFor(index, output);
  if (layout && !values['no-dictionary']) await addShardedLexicon(index, layout);
  json = JSON.stringify(layout ? layout.entry : index);
  const bytes = Buffer.from(json, 'utf8');
  let written: { parts: number; bytes: number } | undefined;
  let unlock = (): void => undefined;
  let created: string | undefined; // the outermost folder made for the output, removed again if nothing is written
  const removeCreated = () => {
    for (let d = dirname(output); created !== undefined && d.length >= created.length; d = dirname(d)) {
      try {
        rmdirSync(d); // only if empty
      } catch {
        break;
      }
    }
  };
  // While the temp file exists: Ctrl-C or a kill removes it and keeps the old index.
  const onSignal = (signal: NodeJS.Signals) => {
    removePendingTempFiles();
    unlock();
    removeCreated();
    err(`bj: ${signal === 'SIGINT' ? 'interrupted' : `stopped by ${signal}`}; ${output} was left as it was`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await outputTarget(output); // a device, folder or dangling link is refused before anything is created beside it
    created = await mkdir(dirname(output), { recursive: true });
    unlock = await takeLock(output, output);
    // The lexicon first: the index that names it is written last, then what neither index names goes.
    const lexiconWritten = lexicon ? await writeLexicon(lexicon, output) : undefined;
    if (layout) written = await writeSharded(output, layout, bytes);
    else {
      await writeFileAtomic(output, bytes);
      await removeParts(output);
    }
    await lexiconWritten?.();
  } catch (e) {
    unlock();
    removeCreated();
    if (e instanceof LockedError) throw new Failure([e.message, `bj: nothing was written to ${output}`]);
    if (e instanceof OutputPathError) throw new Failure([`bj: cannot write ${output}: ${e.message}`]);
    throw new Failure([`bj: cannot write ${output}: ${reason(e)}; choose another -o path`]);
  } finally {
    unlock();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const { terms, passages } = countRecords(corpora);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const ms = Math.round(performance.now() - started);
  const pages = site ? `, ${count(site.pages, 'page')}` : '';
  const sharded = written
    ? ` (keyword catalogue; ${count(written.parts, 'part')}, ${written.bytes} bytes in all, in ${join(dirname(output), partsFolderName(output))}/)`
    : '';
  const lexiconGzip = lexicon ? [...lexicon.files.values()].reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) : 0;
  const lexiconNote = lexicon
    ? `; dictionary lexicon: ${count(lexicon.files.size, 'part')} in ${lexicon.folder}/, ${lexiconGzip} bytes gzip`
    : '';
  out(
    `wrote ${output}: ${count(terms, 'term')}, ${count(passages + (site?.passages ?? 0), 'passage')}, ${bytes.length} bytes, ${gzip} bytes gzip${sharded}, ` +
      `hash ${hash} (${count(files, 'file')}${pages}, ${ms} ms)${lexiconNote}\n`,
  );
  return 0;
}

async function query(args: string[]): Promise<number> {
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
    else out(formatHuman(text, results, { color: process.stdout.isTTY === true && !process.env.NO_COLOR }), true);
    return 0;
  }
  // One query per line in, one JSON array per line out, as each line arrives.
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const results = line.trim() === '' ? [] : await search(line);
    if (!out(`${jsonLine(results.map(toJsonResult))}\n`, true)) {
      await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  }
  return 0;
}

/** The index named by `--index`, else the package's built index, else one built in memory from its data. */
async function openIndex(path: string | undefined): Promise<PolicyIndex | ShardedIndex> {
  if (path !== undefined) return readIndex(path, `npx bj-index build -o ${path}`);
  const stale = await staleReason();
  if (stale === undefined) return readIndex(packageIndexPath, 'npm run build:index');
  err(`bj: ${stale}; searching an index built in memory from ${displayPath(packageDataDir)} (run \`npm run build:index\` to save one)`);
  const { corpora } = await checkedCorpora([]);
  const [{ buildIndex }, { PolicyIndex }] = await Promise.all([import('../search/build.js'), import('../search/index.js')]);
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

async function readIndex(path: string, rebuild: string): Promise<PolicyIndex | ShardedIndex> {
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
  const [{ PolicyIndex }, { ShardedIndex }] = await Promise.all([import('../search/index.js'), import('../search/shards/query.js')]);
  if (ShardedIndex.isSharded(json)) checkInstalledMiniSearch();
  try {
    if (ShardedIndex.isSharded(json)) return ShardedIndex.open(json, pathToFileURL(resolve(path)).href, readPart);
    const index = PolicyIndex.fromJSON(json);
    await loadLexiconBeside(index, path, err);
    return index;
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
