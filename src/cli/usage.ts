/** Help texts of `bj-index`, one per command. */

export const COMMANDS = ['build', 'validate', 'query', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

const MAIN = `bj-index: build, check and search the bj-policy-widgets index

Usage:
  bj-index build [inputs...] -o FILE     check the corpus and write the search index
  bj-index validate [inputs...]          check the corpus, write nothing
  bj-index query "TEXT" [options]        search an index
  bj-index help [command]                show help for a command

Inputs are corpus files or directories (a directory means its *.json files);
the default is the package's data/ directory.

Options:
  -h, --help       show help
  -v, --version    show the version

Exit codes: 0 ok, 1 invalid data, index or failed build, 2 usage error.`;

const HELP: Record<Exclude<Command, 'help'>, string> = {
  build: `Usage: bj-index build [inputs...] -o FILE

Checks every corpus file (JSON syntax, data/schema/corpus.schema.json, ids unique
across files), builds the search index and writes it to FILE atomically: on any
error, or Ctrl-C, FILE is left as it was.

Inputs are corpus files or directories (a directory means its *.json files,
sorted, not recursing); the default is the package's data/ directory.

Options:
  -o, --output FILE   where to write the index, e.g. dist/bj-index.json (required)
  -h, --help          show this help

Example:
  bj-index build data -o dist/bj-index.json`,
  validate: `Usage: bj-index validate [inputs...]

Runs the same checks as "bj-index build" and writes nothing. Prints
"ok: N files, T terms, P passages", or every problem found.

Options:
  -h, --help   show this help

Example:
  bj-index validate data/extra.json`,
  query: `Usage: bj-index query "TEXT" [--index FILE] [--limit N] [--kind all|term|passage] [--json]

Searches the index and prints the ranked results.

Options:
  --index FILE     index to search (default: the package's dist/bj-index.json,
                   or an index built in memory from its data/ when that is missing)
  --limit N        at most N results (default 10)
  --kind KIND      all (default), term or passage
  --json           print a JSON array of results; without TEXT, read one query
                   per line from standard input and print one JSON array per line
  -h, --help       show this help

Examples:
  bj-index query 监管沙盒
  bj-index query "time bank" --kind term --json
  printf '12345\\nsandbox\\n' | bj-index query --json --limit 3`,
};

export function helpText(command?: Command): string {
  return command === undefined || command === 'help' ? MAIN : HELP[command];
}

/** The one-line usage of a command, shown under a usage error. */
export function usageLine(command?: Command): string {
  const text = helpText(command);
  const line = text.split('\n').find((l) => l.startsWith('Usage:'));
  const hint = command && command !== 'help' ? `bj-index help ${command}` : 'bj-index --help';
  return `${line && command && command !== 'help' ? `${line}\n` : ''}Run \`${hint}\` for details.`;
}
