/**
 * `bj-index build --shards auto|always|never`: whether to write the sharded layout
 * (src/search/shards/format.ts), and writing it so that readers always see one complete build.
 * The parts go to a folder named after the output file (`-o dist/bj-index.json` → `dist/bj-index/`)
 * under names carrying the build's hash (`terms-000.HASH.json`), beside the parts of the build being
 * replaced; then the entry file is replaced atomically, last. Only then are parts removed: those of
 * neither the new build nor the one it replaced (whose readers may still hold its entry), which
 * includes the parts of an interrupted build.
 */
import { lstat, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BuiltIndex } from '../search/format.js';
import { AUTO_SHARD_CHARS, shardIndex, type ShardedBuild } from '../search/shards/build.js';
import { partFiles } from '../search/shards/part-names.js';
import { checkManifest } from '../search/shards/manifest.js';
import { isRunning, OutputPathError, writeFileAtomic, writeFilesAtomic } from './atomic-write.js';
import { checkInstalledMiniSearch } from './minisearch-check.js';

export const SHARD_MODES = ['auto', 'always', 'never'] as const;
export type ShardMode = (typeof SHARD_MODES)[number];

/** Whether an index whose single-file text is `json` is written sharded. */
export function wantsShards(json: string, mode: ShardMode): boolean {
  return !(mode === 'never' || (mode === 'auto' && json.length <= AUTO_SHARD_CHARS));
}

/** The sharded layout for `built`, or undefined when it stays one file (`json` is its single-file text). */
export function chooseLayout(built: BuiltIndex, json: string, mode: ShardMode, output: string): ShardedBuild | undefined {
  if (!wantsShards(json, mode)) return undefined;
  checkInstalledMiniSearch();
  return shardIndex(built, { base: `${partsFolderName(output)}/` });
}

/** `bj-index.json` → `bj-index`. */
export function partsFolderName(output: string): string {
  return basename(output).replace(/\.json$/i, '') || 'bj-index';
}

/** Part files of this tool: `terms-000.HASH.json` (older builds: `terms-000.json`). */
const PART_FILE = /^[a-z]+-\d{3,}(?:\.[0-9a-f]{8,64})?\.json$/;
/** Temp files of part writes (atomic-write.ts): `.terms-000.HASH.json.PID.HEX.tmp`. */
const PART_TEMP = /^\.[a-z]+-\d{3,}(?:\.[0-9a-f]{8,64})?\.json\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * The parts folder of `output`, checked: neither the output nor the folder may be a symbolic link
 * (the parts belong beside the entry readers fetch, and clean-up must not delete through a link).
 */
async function partsFolder(output: string): Promise<string> {
  const folder = join(dirname(output), partsFolderName(output));
  if ((await lstat(output).catch(() => undefined))?.isSymbolicLink()) {
    throw new OutputPathError(
      'it is a symbolic link; a sharded index is a file and a folder of parts beside it, so give the real path of the file for -o',
    );
  }
  if ((await lstat(folder).catch(() => undefined))?.isSymbolicLink()) {
    throw new OutputPathError(`its parts folder ${folder} is a symbolic link; make it a real folder (or remove it) and build again`);
  }
  return folder;
}

/** Names of the parts the entry file at `output` uses now (none when it is missing or not sharded). */
async function partsInUse(output: string): Promise<Set<string>> {
  const names = new Set<string>();
  try {
    const entry = JSON.parse(await readFile(output, 'utf8')) as { shards?: unknown; hash?: unknown };
    if (entry.shards !== undefined && typeof entry.hash === 'string') {
      for (const name of partFiles(checkManifest(entry.shards, output), entry.hash)) names.add(name);
    }
  } catch {
    // no entry yet, or not one of ours: nothing to keep
  }
  return names;
}

/** Part files written at once. */
const PARALLEL_WRITES = 16;

/** Writes the parts, then the entry file (atomically), then removes parts no entry uses. Returns total bytes. */
export async function writeSharded(output: string, layout: ShardedBuild, entryBytes: Buffer): Promise<{ parts: number; bytes: number }> {
  const folder = await partsFolder(output);
  const previous = await partsInUse(output);
  await mkdir(folder, { recursive: true });
  let bytes = entryBytes.length;
  for (const text of layout.parts.values()) bytes += Buffer.byteLength(text, 'utf8');
  // Several at a time: each write waits for its file to reach the disk (fsync), and a large site
  // has a thousand parts. The entry is written only once every part is there.
  await writeFilesAtomic(folder, layout.parts, PARALLEL_WRITES);
  await writeFileAtomic(output, entryBytes);
  for (const name of await readdir(folder)) {
    const temp = PART_TEMP.exec(name);
    const stale = temp ? !isRunning(Number(temp[1])) : PART_FILE.test(name) && !layout.parts.has(name) && !previous.has(name);
    if (stale) await rm(join(folder, name), { force: true });
  }
  return { parts: layout.parts.size, bytes };
}

/** Removes the parts folder's files of an earlier sharded build when the index is now one file. */
export async function removeParts(output: string): Promise<void> {
  const folder = join(dirname(output), partsFolderName(output));
  if ((await lstat(folder).catch(() => undefined))?.isDirectory() !== true) return; // never through a link
  for (const name of await readdir(folder)) if (PART_FILE.test(name)) await rm(join(folder, name), { force: true });
}
