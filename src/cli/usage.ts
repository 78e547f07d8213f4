/** Help texts of `bj-index`, one per command. */

export const COMMANDS = ['build', 'validate', 'query', 'serve', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

const MAIN = `bj-index: build, check and search the bj-policy-widgets index

Usage:
  bj-index build [inputs...] -o FILE     check the corpus and write the search index
  bj-index validate [inputs...]          check the corpus, write nothing
  bj-index query "TEXT" [options]        search an index
  bj-index serve [inputs...] [--port N]  preview the keywords, search and glossary
  bj-index help [command]                show help for a command

Inputs are corpus files or directories (a directory means its *.json files);
the default is the package's data/ directory. With --site DIR, build and
validate also read the built HTML pages of a site (see "bj-index help build").

Options:
  -h, --help       show help
  -v, --version    show the version

Exit codes: 0 ok, 1 invalid data, index or failed build, 2 usage error.`;

const HELP: Record<Exclude<Command, 'help'>, string> = {
  build: `Usage: bj-index build [inputs...] [--site DIR --base-url URL] [--shards MODE] -o FILE

Checks every corpus file (JSON syntax, data/schema/corpus.schema.json, ids unique
across files), builds the search index and writes it to FILE atomically: on any
error, or Ctrl-C, FILE is left as it was.

Inputs are corpus files or directories (a directory means its *.json files,
sorted, not recursing); the default is the package's data/ directory.

With --site, the built HTML pages of a site (*.html, *.htm, in all subfolders)
are indexed too: a passage per paragraph or list item, under its headings,
linked to its page and to the id of the nearest heading that has one. A page's
language is its lang attribute (zh, zh-* and en, en-*; others are skipped); its
encoding a byte order mark, else its <meta charset>, else UTF-8 (GBK, GB2312
and GB18030 included). Read only: <main> (else <body>), or --content, or the
elements marked data-bj-body; never nav, header (but an article's own header
gives its heading), footer, aside, script, style, template, noscript or
elements marked data-bj-ignore. The title comes from
<meta name="bj:title" content="…">, else --title, else <title>, else <h1>.

Options:
  -o, --output FILE     where to write the index, e.g. dist/bj-index.json (required)
  --site DIR            folder of the site's built HTML pages, e.g. public/
  --base-url URL        address DIR is published at, e.g. https://example.gov.cn/
                        (required with --site; page links are URL + path in DIR,
                        a folder's index.html is the folder's address)
  --content SELECTOR    CSS selector of the content region, e.g. "main article";
                        pages without a match are skipped (default: <main>, else <body>)
  --title SELECTOR      element whose text is the title, e.g. "main h1"
  --exclude PATTERN     skip pages: a glob ("drafts/**", "**/print.html") or a
                        path prefix ("drafts/"), relative to DIR; repeatable
                        (a page can leave itself out with <html data-bj-ignore>)
  --shards MODE         auto (default), always or never. A sharded index is FILE
                        (the keywords: all a popover or annotation loads) plus a
                        folder named after it (bj-index.json -> bj-index/) of parts
                        the search box fetches as a query needs them; publish both.
                        auto shards an index of more than 400,000 characters
                        (about 1,000 passages); smaller ones stay one file
  --no-dictionary       no dictionary lexicon. By default FILE gets a lexicon in
                        a folder beside it (bj-index.json -> bj-index.lexicon/;
                        publish both): words of CC-CEDICT (CC BY-SA 4.0) pruned
                        to the index's own, so a Chinese query reaches English
                        passages and an English one Chinese pages; a query
                        fetches only the parts of its own words
  -h, --help            show this help

Examples:
  bj-index build data -o dist/bj-index.json
  bj-index build data --site public --base-url https://example.gov.cn/ --exclude drafts/ -o public/bj-index.json`,
  validate: `Usage: bj-index validate [inputs...] [--site DIR ...]

Runs the same checks as "bj-index build" and writes nothing. Prints
"ok: N files, T terms, P passages", or every problem found. With --site it
reads the pages too (the same --site, --content, --title and --exclude options
as "bj-index build"; --base-url is optional) and adds "site: N pages, P passages".

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
  serve: `Usage: bj-index serve [inputs...] [--site DIR ...] [--port N]

A live preview for editors: checks the corpus as validate does, builds the index
in memory and serves, on http://127.0.0.1:PORT/ only, a page with every keyword
as a <bj-keyword>, the search box over this index and the glossary. When a file
changes, it builds again and the page reloads; problems are listed at the top of
the page with their file, line and column (the page keeps the last index that
built) and at /status.json. Inputs and --site options are those of validate.

Options:
  -p, --port N     port to listen on (default 8787; 0: any free port)
  -h, --help       show this help

Example:
  bj-index serve data/ --port 8080`,
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
