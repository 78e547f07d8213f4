/**
 * Writes a file so that readers only ever see the old or the complete new content: write a temp
 * file in the same directory, fsync it, rename it over the target. A failure, or SIGINT/SIGTERM
 * while writing, removes the temp file and leaves the target untouched.
 *
 * The target is looked at first (`lstat`): a symbolic link to a regular file is written through
 * (the link stays a link), anything else that is not a regular file (device, directory, pipe,
 * socket, a link to one of those, a dangling link) is refused with {@link OutputPathError}. Temp
 * files of this tool left next to the target by a killed process are removed.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { rmdirSync, unlinkSync } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, rm, rmdir, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The output path cannot be written as a file; `message` says why, without the `bj:` prefix. */
export class OutputPathError extends Error {}

/** `a device`, `a directory`…: what a non-file is, for messages. */
function whatIs(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The path to replace for `-o path`: `path` itself (a regular file or nothing yet), or the regular
 * file a symbolic link points at. Throws {@link OutputPathError} for anything else.
 */
export async function outputTarget(path: string): Promise<string> {
  let info: Stats;
  try {
    info = await lstat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw e;
  }
  if (info.isFile()) return path;
  if (info.isSymbolicLink()) {
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      throw new OutputPathError('it is a symbolic link to nothing (a dangling link); remove the link or choose another -o path');
    }
    const target = await stat(real);
    if (target.isFile()) return real;
    const hint = target.isDirectory() ? `; give a file name inside it, e.g. -o ${join(path, 'bj-index.json')}` : '';
    throw new OutputPathError(`it is a symbolic link to ${real}, ${whatIs(target)}, not a file${hint || '; choose a file path for -o'}`);
  }
  if (info.isDirectory())
    throw new OutputPathError(`it is a directory; give a file name inside it, e.g. -o ${join(path, 'bj-index.json')}`);
  throw new OutputPathError(`it is ${whatIs(info)}, not a file; choose a file path for -o`);
}

/** Name of the temp file for `target`: `.NAME.PID.HEX.tmp` beside it. */
function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Removes temp files for `target` left by processes of this tool that no longer run (e.g. after SIGKILL). */
async function removeStaleTempFiles(target: string): Promise<void> {
  const dir = dirname(target);
  const escaped = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ours = new RegExp(`^\\.${escaped}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = ours.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || isRunning(pid)) continue;
    const file = join(dir, name);
    if ((await lstat(file).catch(() => undefined))?.isFile()) await rm(file, { force: true });
  }
}

/** True when process `pid` runs (or is another user's, which we cannot signal). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // someone else's process: leave its file
  }
}

/** Temp files and directories this process created for writes still in progress. */
const pending = new Set<string>();
const createdDirs = new Map<string, string>(); // outermost → innermost

/** Temp files being written right now, removed synchronously (safe inside a signal handler). */
export function removePendingTempFiles(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  pending.clear();
  for (const [outermost, innermost] of createdDirs) {
    for (let d = innermost; d.length >= outermost.length; d = dirname(d)) {
      try {
        rmdirSync(d); // only if empty
      } catch {
        break;
      }
      if (d === outermost) break;
    }
  }
  createdDirs.clear();
}

/**
 * Replaces `path` with `content` through a temp file beside it (written, fsynced, renamed over it);
 * on failure the temp file is removed and the error thrown. The rename is not yet made durable.
 */
async function replaceFile(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = tempName(path);
  let handle: FileHandle | undefined;
  pending.add(tmp);
  try {
    handle = await open(tmp, 'wx');
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  } finally {
    pending.delete(tmp);
  }
}

/** Atomically replaces `output` (or the file it links to) with `content`, creating its directory if needed. */
export async function writeFileAtomic(output: string, content: string | Uint8Array): Promise<void> {
  const path = await outputTarget(output);
  const dir = dirname(path);
  const created = await mkdir(dir, { recursive: true }); // the outermost directory it made, if any
  if (created !== undefined) createdDirs.set(created, dir);
  else await removeStaleTempFiles(path);
  try {
    await replaceFile(path, content);
    if (created !== undefined) createdDirs.delete(created);
  } catch (error) {
    if (created !== undefined) {
      createdDirs.delete(created);
      await removeEmptyDirs(created, dir);
    }
    throw error;
  }
  // Make the rename itself durable; not every platform lets a directory be fsynced.
  try {
    const d = await open(dir, 'r');
    await d.sync().finally(() => d.close());
  } catch {
    // best effort
  }
}

/**
 * Writes many new files into the existing folder `dir`, each as {@link writeFileAtomic} writes one
 * (temp file, fsync, rename; a target that is there already is looked at first), `parallel` at a
 * time, and makes the renames durable with one fsync of the folder at the end. For a sharded
 * index's thousand parts: writing them one `writeFileAtomic` at a time read the whole folder for
 * stale temp files and fsynced it once per part. Stale temp files are the caller's to remove.
 */
export async function writeFilesAtomic(
  dir: string,
  files: Iterable<[name: string, content: string | Uint8Array]>,
  parallel: number,
): Promise<void> {
  const there = new Set(await readdir(dir));
  const queue = [...files];
  const writeOne = async (name: string, content: string | Uint8Array) =>
    replaceFile(there.has(name) ? await outputTarget(join(dir, name)) : join(dir, name), content);
  let failed = false;
  const writer = async () => {
    for (let next = queue.pop(); next && !failed; next = queue.pop()) {
      try {
        await writeOne(...next);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, writer));
  try {
    const d = await open(dir, 'r');
    await d.sync().finally(() => d.close());
  } catch {
    // best effort, as in writeFileAtomic
  }
}

/** Removes the directories a failed write created, innermost first, as long as they are empty. */
async function removeEmptyDirs(outermost: string, innermost: string): Promise<void> {
  for (let d = innermost; d.length >= outermost.length; d = dirname(d)) {
    try {
      await rmdir(d);
    } catch {
      return;
    }
    if (d === outermost) return;
  }
}
