/**
 * `bj-index`: build, validate and query the bj-policy-widgets search index.
 * `main(argv)` resolves to the exit code: 0 ok, 1 invalid data / index / failed build, 2 usage error.
 * It reads the command name and dispatches; each command is a file of its own in `commands/`.
 *
 * bj-index.ts runs it on the process's arguments and streams. It is also an entry of the bundle of
 * its own (dist/cli/main.js) for the tests, which call `main(argv, io)` with streams of their own
 * to run a command inside their process.
 */
import { build } from './commands/build.js';
import { help } from './commands/help.js';
import { query } from './commands/query.js';
import { validate } from './commands/validate.js';
import { previewIndex } from './checked-build.js';
import { UsageError } from './inputs.js';
import { packageVersion } from './package-info.js';
import { err, Failure, out, withIo, type CommandIo } from './report.js';
import { COMMANDS, helpText, usageLine, type Command } from './usage.js';

export function main(argv: string[], io: CommandIo = process): Promise<number> {
  return withIo(io, () => dispatch(argv));
}

async function dispatch(argv: string[]): Promise<number> {
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
          await import('./commands/serve.js')
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
