/**
 * `bj-index build [inputs] -o FILE [--shards MODE] [--no-dictionary] [--site DIR …]`: checks and
 * builds the index, then publishes it (atomically, under a lock; a sharded index's parts first, the
 * entry file last) with its dictionary lexicon, and prints what it wrote.
 */
import { mkdir } from 'node:fs/promises';
import { rmdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { OutputPathError, outputTarget, removePendingTempFiles, writeFileAtomic } from '../atomic-write.js';
import { buildChecked, checkedCorpora, checkedSite, SITE_OPTIONS, siteOptions } from '../checked-build.js';
import { countRecords } from '../corpus-check.js';
import { reason, UsageError } from '../inputs.js';
import { addShardedLexicon, buildLexiconFor, lexiconInWorker, writeLexicon } from '../lexicon-output.js';
import { LockedError, takeLock } from '../output-lock.js';
import { parse } from '../parse-args.js';
import { count, err, Failure, out } from '../report.js';
import { chooseLayout, partsFolderName, removeParts, SHARD_MODES, wantsShards, writeSharded, type ShardMode } from '../shards-output.js';
import { help } from './help.js';

export async function build(args: string[]): Promise<number> {
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
  // A sharded index's lexicon is derived in a worker thread while this one cuts the parts.
  const derived = !values['no-dictionary'] && wantsShards(json, shardMode as ShardMode) ? lexiconInWorker(json) : undefined;
  const layout = chooseLayout(index, json, shardMode as ShardMode, output);
  // A single-file index's lexicon is a folder beside it; a sharded index's is among its parts.
  const lexicon = values['no-dictionary'] || layout ? undefined : await buildLexiconFor(index, output);
  const partitions = layout && !values['no-dictionary'] ? await addShardedLexicon(index, layout, derived) : 0;
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
    const lexiconWritten = await writeLexicon(lexicon, output);
    if (layout) written = await writeSharded(output, layout, bytes);
    else {
      await writeFileAtomic(output, bytes);
      await removeParts(output);
    }
    await lexiconWritten();
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
  const partitionsGzip = layout
    ? [...layout.parts].filter(([name]) => name.startsWith('lexicon-')).reduce((n, [, text]) => n + gzipSync(text, { level: 9 }).length, 0)
    : 0;
  const lexiconNote = lexicon
    ? `; dictionary lexicon: ${count(lexicon.files.size, 'part')} in ${lexicon.folder}/, ${lexiconGzip} bytes gzip`
    : partitions > 0
      ? `; dictionary lexicon: ${count(partitions, 'partition')} among the parts, ${partitionsGzip} bytes gzip`
      : '';
  out(
    `wrote ${output}: ${count(terms, 'term')}, ${count(passages + (site?.passages ?? 0), 'passage')}, ${bytes.length} bytes, ${gzip} bytes gzip${sharded}, ` +
      `hash ${hash} (${count(files, 'file')}${pages}, ${ms} ms)${lexiconNote}\n`,
  );
  return 0;
}
