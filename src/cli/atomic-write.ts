/**
 * Writes a file so that readers only ever see the old or the complete new content: write a temp
 * file in the same directory, fsync it, rename it over the target. A failure, or SIGINT/SIGTERM
 * while writing, removes the temp file and leaves the target untouched.
 */
import { randomBytes } from 'node:crypto';
import { rmdirSync, unlinkSync } from 'node:fs';
import { mkdir, open, rename, rm, rmdir, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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

/** Atomically replaces `path` with `content`, creating its directory if needed. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const created = await mkdir(dir, { recursive: true }); // the outermost directory it made, if any
  if (created !== undefined) createdDirs.set(created, dir);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  pending.add(tmp);
  try {
    handle = await open(tmp, 'wx');
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, path);
    pending.delete(tmp);
    if (created !== undefined) createdDirs.delete(created);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(tmp, { force: true });
    pending.delete(tmp);
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
