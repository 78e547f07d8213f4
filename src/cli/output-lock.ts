/**
 * One `bj-index build` at a time per output: a lock file `.NAME.lock` beside the output, created
 * exclusively and holding the builder's pid. A second build to the same `-o` is refused with a
 * message naming the other build's pid and the lock file; a lock whose process is gone (a build
 * killed with SIGKILL) is stale and taken over.
 */
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isRunning } from './atomic-write.js';

/** Another build holds the lock; `message` is the `bj:` line to print. */
export class LockedError extends Error {}

/** `.bj-index.json.lock` beside `output`. */
export function lockPath(output: string): string {
  return join(dirname(output), `.${basename(output)}.lock`);
}

/**
 * Takes the lock of `output` (its folder must exist). Returns the function that releases it
 * (synchronous: safe in a signal handler; it only removes a lock this process still holds).
 * Throws {@link LockedError} when a running process holds it.
 */
export async function takeLock(output: string, shown: string): Promise<() => void> {
  const file = lockPath(output);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => {
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
    }
    const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
      throw new LockedError(
        `bj: another bj-index build (pid ${pid}) is writing ${shown} (lock file ${join(dirname(shown), basename(file))}); ` +
          'wait for it to finish, or delete the lock file if no build is running',
      );
    }
    // Stale (its build was killed) or unreadable (a build that died while creating it): take it over.
    await rm(file, { force: true });
  }
}
