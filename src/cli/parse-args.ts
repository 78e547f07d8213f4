/** The command line of one `bj-index` command, parsed; its mistakes are `bj:` usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './inputs.js';

/** `node:util` parseArgs with its errors reworded as `bj:` usage errors for `command`. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
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
