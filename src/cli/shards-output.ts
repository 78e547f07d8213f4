/**
 * `bj-index build --shards auto|always|never`: whether to write the sharded layout
 * (src/search/shards/format.ts), and writing it. The parts go to a folder named after the output
 * file (`-o dist/bj-index.json` → `dist/bj-index/`), then the entry file is written atomically,
 * last: until then readers keep the old entry (and a part of the new build read by an old entry is
 * refused as "another build", never mixed in). Part files of earlier builds that the new one does
 * not have are removed afterwards.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BuiltIndex } from '../search/format.js';
import { AUTO_SHARD_CHARS, shardIndex, type ShardedBuild } from '../search/shards/build.js';
import { writeFileAtomic } from './atomic-write.js';
import { checkInstalledMiniSearch } from './minisearch-check.js';

export const SHARD_MODES = ['auto', 'always', 'never'] as const;
export type ShardMode = (typeof SHARD_MODES)[number];

/** The sharded layout for `built`, or undefined when it stays one file (`json` is its single-file text). */
export function chooseLayout(built: BuiltIndex, json: string, mode: ShardMode, output: string): ShardedBuild | undefined {
  if (mode === 'never' || (mode === 'auto' && json.length <= AUTO_SHARD_CHARS)) return undefined;
  checkInstalledMiniSearch();
  return shardIndex(built, { base: `${partsFolderName(output)}/` });
}

/** `bj-index.json` → `bj-index`. */
export function partsFolderName(output: string): string {
  return basename(output).replace(/\.json$/i, '') || 'bj-index';
}

const PART_FILE = /^(terms|forms|passages)-\d{3,}\.json$/;

/** Writes the parts, then the entry file (atomically), then removes stale parts. Returns total bytes. */
export async function writeSharded(output: string, layout: ShardedBuild, entryBytes: Buffer): Promise<{ parts: number; bytes: number }> {
  const folder = join(dirname(output), partsFolderName(output));
  await mkdir(folder, { recursive: true });
  let bytes = entryBytes.length;
  for (const [name, text] of layout.parts) {
    const data = Buffer.from(text, 'utf8');
    bytes += data.length;
    await writeFileAtomic(join(folder, name), data);
  }
  await writeFileAtomic(output, entryBytes);
  for (const name of await readdir(folder)) {
    if (PART_FILE.test(name) && !layout.parts.has(name)) await rm(join(folder, name), { force: true });
  }
  return { parts: layout.parts.size, bytes };
}

/** Removes the parts folder of an earlier sharded build when the index is now one file. */
export async function removeParts(output: string): Promise<void> {
  const folder = join(dirname(output), partsFolderName(output));
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) if (PART_FILE.test(name)) await rm(join(folder, name), { force: true });
}
