/** `bj-index help [COMMAND]`, and every command's `--help`: the usage text on stdout. */
import { UsageError } from '../inputs.js';
import { out } from '../report.js';
import { COMMANDS, helpText, type Command } from '../usage.js';

export function help(args: string[]): number {
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
