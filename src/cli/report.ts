/**
 * How `bj-index` commands report: what they print (control characters escaped, see terminal.ts),
 * the `Failure` that ends a command with exit code 1, and the helpers its `bj:` lines share.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { escapeControls } from './terminal.js';

/** At most this many error lines are printed; the rest are counted. */
const MAX_ERRORS = 20;

/** An error that ends the command with exit code 1 after printing its `bj:` lines (already capped). */
export class Failure extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** The streams a command reads and prints to: the process's, or those `main(argv, io)` was given. */
export interface CommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

// Per call of `main`, not per module: the tests run commands side by side in one process.
const current = new AsyncLocalStorage<CommandIo>();

/** The streams of the command running now. */
export const io = (): CommandIo => current.getStore() ?? process;

/** Runs `fn` with `streams` as the command's standard input, output and error. */
export const withIo = <T>(streams: CommandIo, fn: () => T): T => current.run(streams, fn);

/** Writes to stdout with control characters escaped (see terminal.ts); `raw` for text already escaped. */
export const out = (s: string, raw = false) => io().stdout.write(raw ? s : escapeControls(s));
export const err = (s: string) => io().stderr.write(escapeControls(s.endsWith('\n') ? s : `${s}\n`));

/** `1 file`, `2 files`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The first {@link MAX_ERRORS} lines, and a line counting the rest. */
export function capped(lines: string[]): string[] {
  return lines.length > MAX_ERRORS ? [...lines.slice(0, MAX_ERRORS), `bj: …and ${lines.length - MAX_ERRORS} more`] : lines;
}
