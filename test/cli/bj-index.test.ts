import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CorpusFile } from '../../src/search/types.js';
import {
  bin,
  buildCli,
  copyOfBuild,
  fixtures,
  readFixture,
  root,
  run,
  runInProcess,
  tempDir,
  writeJson,
  type RunResult,
} from '../helpers/cli.js';

const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

before(() => buildCli());

/** A temp corpus directory holding the two fixture files, possibly changed. */
function corpusDir(dir: string, change?: (files: { glossary: CorpusFile; plan: CorpusFile }) => void): string {
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus, { recursive: true });
  const files = { glossary: readFixture('glossary.json'), plan: readFixture('plan.json') };
  change?.(files);
  writeJson(join(corpus, 'glossary.json'), files.glossary);
  writeJson(join(corpus, 'plan.json'), files.plan);
  return corpus;
}

describe('bj-index build', () => {
  const tmp = tempDir();
  after(tmp.cleanup);

  it('writes the index to a new directory and prints terms, passages, bytes, gzip bytes and hash', async () => {
    const out = join(tmp.dir, 'new-dir', 'index.json');
    const r = await runInProcess(['build', fixtures, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(out, 'utf8');
    const index = JSON.parse(text) as {
      format: string;
      formatVersion: number;
      schemaVersion: number;
      hash: string;
      entries: { kind: string }[];
      lexiconFile: { files: string[] };
    };
    assert.equal(index.format, 'bj-index');
    assert.equal(index.schemaVersion, 1);
    assert.equal(typeof index.formatVersion, 'number');
    assert.equal(index.entries.filter((e) => e.kind === 'term').length, 2);
    assert.equal(index.entries.filter((e) => e.kind === 'passage').length, 3);
    assert.equal(r.stdout.trim().split('\n').length, 1, 'one summary line');
    const m = /2 terms, 3 passages, (\d+) bytes, (\d+) bytes gzip, hash ([0-9a-f]+)/.exec(r.stdout);
    assert.ok(m, r.stdout);
    assert.equal(Number(m[1]), Buffer.byteLength(text));
    assert.ok(Number(m[2]) > 0 && Number(m[2]) < Number(m[1]));
    assert.equal(m[3], index.hash);
    // The index and its dictionary lexicon's folder (issue 21), and no temp file.
    assert.deepEqual(readdirSync(join(tmp.dir, 'new-dir')), ['index.json', 'index.lexicon'], 'no temp file left');
    const named = index.lexiconFile.files.map((f) => f.split('/')[1]).sort();
    assert.deepEqual(
      readdirSync(join(tmp.dir, 'new-dir', 'index.lexicon')).sort(),
      named,
      'the parts the index names, and no temp file left',
    );
  });

  it("reads the package's data/ by default, without taking data/schema/ for corpus files", async () => {
    const out = join(tmp.dir, 'default.json');
    const r = await run(['build', '-o', out], { cwd: tmp.dir });
    assert.equal(r.code, 0, r.stderr);
    const dataDir = join(root, 'data');
    let terms = 0;
    for (const name of readdirSync(dataDir).filter((n) => n.endsWith('.json'))) {
      terms += (JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as CorpusFile).terms?.length ?? 0;
    }
    assert.match(r.stdout, new RegExp(`: ${terms} terms, `));
  });

  it('reports invalid JSON with the file, line and column', async () => {
    const dir = corpusDir(join(tmp.dir, 'bad-json'));
    const text = readFileSync(join(dir, 'plan.json'), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('"lang"'));
    text[line] = text[line]!.replace(',', ''); // drop the comma after "lang": "en"
    writeFileSync(join(dir, 'plan.json'), text.join('\n'));
    const out = join(tmp.dir, 'bad-json.json');
    const r = await runInProcess(['build', dir, '-o', out]);
    assert.equal(r.code, 1);
    const column = text[line + 1]!.indexOf('"') + 1;
    assert.match(r.stderr, new RegExp(`^bj: \\S*plan\\.json: not valid JSON: line ${line + 2}, column ${column}: `, 'm'));
    assert.equal(existsSync(out), false);
  });

  it('names the file, the record and the field of a schema violation', async () => {
    const dir = corpusDir(join(tmp.dir, 'schema'), ({ glossary }) => {
      glossary.terms![1]!.title = {};
    });
    const r = await runInProcess(['build', dir, '-o', join(tmp.dir, 'schema.json')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^bj: \S*glossary\.json: terms\[1\] \(id "night-time-economy"\): \/title: must have property "en" or "zh"$/m);
  });

  it('names an unexpected property and suggests the one meant', async () => {
    const dir = corpusDir(join(tmp.dir, 'unknown'), ({ glossary }) => {
      const term = glossary.terms![0]! as unknown as Record<string, unknown>;
      term.defintion = term.definition;
      delete term.definition;
    });
    const r = await runInProcess(['build', dir, '-o', join(tmp.dir, 'unknown.json')]);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /terms\[0\] \(id "river-chief-system"\): \/defintion: unexpected property "defintion" \(did you mean "definition"\?\)/,
    );
    assert.match(r.stderr, /terms\[0\] \(id "river-chief-system"\): \/definition: required property is missing/);
  });

  it('shows the pattern and the bad value, and names passages inside their document', async () => {
    const dir = corpusDir(join(tmp.dir, 'pattern'), ({ plan }) => {
      plan.documents![0]!.passages[1]!.id = 'Fixture P2';
    });
    const r = await runInProcess(['build', dir, '-o', join(tmp.dir, 'pattern.json')]);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /plan\.json: documents\[0\]\.passages\[1\] \(id "Fixture P2"\): \/id: "Fixture P2" does not match the pattern \^\[a-z0-9\]/,
    );
  });

  it('rejects an id used in two files, naming both', async () => {
    const dir = corpusDir(join(tmp.dir, 'dup'));
    const copy = readFixture('glossary.json');
    copy.source.id = 'fixture-glossary-copy';
    copy.terms = [{ ...copy.terms![0]!, number: 99 }];
    writeJson(join(dir, 'zz-extra.json'), copy);
    const r = await runInProcess(['build', dir, '-o', join(tmp.dir, 'dup.json')]);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /zz-extra\.json: terms\[0\] \(id "river-chief-system"\): \/id: "river-chief-system" is already used by \S*glossary\.json: terms\[0\]/,
    );
  });

  it('says which schemaVersion this library reads', async () => {
    const dir = corpusDir(join(tmp.dir, 'version'), ({ plan }) => {
      (plan as unknown as { schemaVersion: number }).schemaVersion = 2;
    });
    const r = await runInProcess(['build', dir, '-o', join(tmp.dir, 'version.json')]);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      new RegExp(`plan\\.json: /schemaVersion: is 2, but bj-policy-widgets ${version.replace(/\./g, '\\.')} reads schemaVersion 1`),
    );
  });

  it('lists many errors up to a cap, then counts the rest', async () => {
    const dir = corpusDir(join(tmp.dir, 'many'), ({ glossary }) => {
      const base = glossary.terms![0]!;
      glossary.terms = Array.from({ length: 30 }, (_, i) => ({ ...base, id: `Bad Id ${i}`, number: i + 1 }));
    });
    const r = await runInProcess(['build', dir, '-o', join(tmp.dir, 'many.json')]);
    assert.equal(r.code, 1);
    const lines = r.stderr.trim().split('\n');
    const pattern = lines.filter((l) => l.includes('does not match the pattern'));
    assert.ok(pattern.length >= 5 && pattern.length < 30, `capped: ${pattern.length} lines`);
    assert.match(r.stderr, /^bj: …and \d+ more$/m);
    assert.match(lines.at(-1)!, /^bj: 30 problems in 1 of 2 files/);
  });

  it('is a usage error (exit 2) without -o, with an unknown command or option, or a missing input', async () => {
    const noOutput = await runInProcess(['build', fixtures]);
    assert.equal(noOutput.code, 2);
    assert.match(noOutput.stderr, /^bj: build needs an output file: add -o FILE/m);
    assert.match(noOutput.stderr, /bj-index help build/);

    const unknownCommand = await runInProcess(['biuld']);
    assert.equal(unknownCommand.code, 2);
    assert.match(unknownCommand.stderr, /^bj: unknown command "biuld"/m);
    assert.match(unknownCommand.stderr, /bj-index --help/);

    const unknownOption = await runInProcess(['build', '--ouput', 'x.json']);
    assert.equal(unknownOption.code, 2);
    assert.match(unknownOption.stderr, /^bj: unknown option "--ouput" for "bj-index build"/m);

    const missing = await runInProcess(['build', join(tmp.dir, 'nope'), '-o', join(tmp.dir, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^bj: cannot read input ".*nope": no such file or directory/m);
  });

  it('leaves an existing index byte-identical, and no temp file, when the build fails', async () => {
    const dir = join(tmp.dir, 'atomic');
    mkdirSync(dir);
    const out = join(dir, 'index.json');
    const old = '{"old": "index, not to be touched"}\n';
    writeFileSync(out, old);
    const bad = corpusDir(join(tmp.dir, 'atomic-bad'), ({ glossary }) => {
      delete (glossary.terms![0] as unknown as Record<string, unknown>).edition;
    });
    const r = await runInProcess(['build', bad, '-o', out]);
    assert.equal(r.code, 1);
    assert.equal(readFileSync(out, 'utf8'), old);
    assert.deepEqual(readdirSync(dir), ['index.json']);
  });

  it('cleans up its temp file when the output cannot be replaced', async () => {
    const dir = join(tmp.dir, 'blocked');
    mkdirSync(join(dir, 'index.json'), { recursive: true }); // a directory where the file should go
    const r = await runInProcess(['build', fixtures, '-o', join(dir, 'index.json')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^bj: cannot write .*index\.json: /m);
    // The lexicon's parts are written first (like a sharded index's); no temp file is left.
    assert.deepEqual(
      readdirSync(dir).filter((n) => n !== 'index.lexicon'),
      ['index.json'],
    );
    assert.ok(statSync(join(dir, 'index.json')).isDirectory());
  });

  it('leaves the old index or the complete new one, and no temp file, when interrupted with SIGINT', async () => {
    // A corpus large enough that the build is still running when the signal arrives.
    const dir = corpusDir(join(tmp.dir, 'big'), ({ plan }) => {
      const doc = plan.documents![0]!;
      doc.passages = Array.from({ length: 4000 }, (_, i) => ({
        id: `fixture-plan-p${i}`,
        headings: [`Part ${Math.floor(i / 50)}`],
        text: `Passage ${i} about river chiefs, night-time economy and item ${i * 7919} of the fixture plan.`,
      }));
    });
    const outDir = join(tmp.dir, 'interrupted');
    mkdirSync(outDir);
    const out = join(outDir, 'index.json');
    const old = '{"old": true}\n';
    for (const delay of [150, 400, 800]) {
      writeFileSync(out, old);
      const child = spawn(process.execPath, [bin, 'build', dir, '-o', out], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGINT'), delay);
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on('close', (c, s) => resolve([c, s])),
      );
      clearTimeout(timer);
      assert.deepEqual(readdirSync(outDir), ['index.json'], `no temp file after SIGINT at ${delay} ms`);
      const now = readFileSync(out, 'utf8');
      if (code === 0) {
        assert.equal((JSON.parse(now) as { format: string }).format, 'bj-index', 'a finished build wrote a whole index');
      } else {
        assert.equal(now, old, `the old index is untouched after SIGINT at ${delay} ms (exit ${code}, ${signal}): ${stderr}`);
        if (code === 130) assert.match(stderr, /^bj: interrupted; .* was left as it was$/m);
      }
    }
  });
});

describe('bj-index validate', () => {
  const tmp = tempDir();
  after(tmp.cleanup);

  it('prints ok with the counts and writes nothing', async () => {
    const before = readdirSync(tmp.dir);
    const r = await run(['validate', join(fixtures, 'glossary.json'), join(fixtures, 'plan.json')], { cwd: tmp.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'ok: 2 files, 2 terms, 3 passages\n');
    assert.deepEqual(readdirSync(tmp.dir), before);
  });

  it('checks a bj-synonyms file against its own schema, and builds it into the index', async () => {
    const good = {
      format: 'bj-synonyms',
      schemaVersion: 1,
      equivalents: [{ lang: 'en', queries: ['stream'], means: 'river', reason: 'Readers say stream for a small river.' }],
    };
    const dir = join(tmp.dir, 'synonyms');
    mkdirSync(dir, { recursive: true });
    writeJson(join(dir, 'synonyms.json'), good);
    const ok = await runInProcess(['validate', join(fixtures, 'glossary.json'), join(fixtures, 'plan.json'), join(dir, 'synonyms.json')]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, 'ok: 3 files, 2 terms, 3 passages\n');
    writeJson(join(dir, 'bad.json'), { ...good, equivalents: [{ lang: 'fr', queries: [], means: 'river' }] });
    const bad = await runInProcess(['validate', join(dir, 'bad.json')]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /bad\.json: \/equivalents\/0\/lang/);
    assert.match(bad.stderr, /bad\.json: \/equivalents\/0\/reason: required property is missing/);
    const out = join(dir, 'index.json');
    const built = await runInProcess([
      'build',
      join(fixtures, 'glossary.json'),
      join(fixtures, 'plan.json'),
      join(dir, 'synonyms.json'),
      '-o',
      out,
    ]);
    assert.equal(built.code, 0, built.stderr);
    const found = await runInProcess(['query', 'stream chief', '--index', out, '--json']);
    assert.equal((JSON.parse(found.stdout) as Array<{ id: string }>)[0]?.id, 'river-chief-system');
  });

  it('prints the same errors as build and exits 1', async () => {
    const dir = corpusDir(join(tmp.dir, 'bad'), ({ glossary }) => {
      glossary.terms![0]!.id = 'River Chief';
    });
    const r = await run(['validate', dir], { cwd: tmp.dir });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /glossary\.json: terms\[0\] \(id "River Chief"\): \/id: "River Chief" does not match the pattern/);
  });
});

describe('bj-index query', () => {
  const tmp = tempDir();
  const index = join(tmp.dir, 'index.json');
  before(() => copyOfBuild([fixtures], [], index));
  after(tmp.cleanup);

  it('prints ranked results with kind, id, both titles and a snippet', async () => {
    const r = await runInProcess(['query', 'river chief', '--index', index]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /^ ?1\. term +river-chief-system +River Chief System \/ 河长制 +\(score [\d.]+, strong\)$/);
    assert.match(r.stdout, /fixture-plan-p002/);
    assert.match(r.stdout, /river chiefs inspects/);
  });

  it('says when nothing matches closely and marks each result weak (same rule as the search box)', async () => {
    const human = await runInProcess(['query', 'river restaurant recommendations tonight', '--index', index]);
    assert.equal(human.code, 0, human.stderr);
    const lines = human.stdout.split('\n');
    assert.equal(lines[0], 'no close match for "river restaurant recommendations tonight"; related results:');
    assert.match(lines[1]!, /\(score [\d.]+, weak\)$/);
    const json = await runInProcess(['query', 'river restaurant recommendations tonight', '--index', index, '--json']);
    const results = JSON.parse(json.stdout) as Array<{ strength: string; coverage: number }>;
    assert.ok(results.length > 0 && results.every((r) => r.strength === 'weak' && r.coverage < 1));
  });

  it('prints a JSON array of results with --json', async () => {
    const r = await runInProcess(['query', '河长制', '--index', index, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const results = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.ok(results.length > 0);
    assert.equal(results[0]!.id, 'river-chief-system');
    assert.deepEqual(results[0]!.title, { en: 'River Chief System', zh: '河长制' });
    for (const result of results) {
      for (const key of ['kind', 'id', 'title', 'text', 'score', 'matches'])
        assert.ok(key in result, `${key} in ${JSON.stringify(result)}`);
      assert.equal('entry' in result, false);
      if (result.kind === 'passage') {
        assert.ok(Array.isArray(result.headings));
        assert.equal((result.document as { id: string }).id, 'fixture-plan');
      }
    }
  });

  it('keeps to --kind and --limit', async () => {
    const passages = JSON.parse((await runInProcess(['query', 'river', '--index', index, '--json', '--kind', 'passage'])).stdout) as {
      kind: string;
    }[];
    assert.ok(passages.length > 0);
    assert.ok(passages.every((p) => p.kind === 'passage'));
    const one = JSON.parse((await runInProcess(['query', 'economy', '--index', index, '--json', '--limit', '1'])).stdout) as unknown[];
    assert.equal(one.length, 1);
    const bad = await runInProcess(['query', 'economy', '--index', index, '--limit', '0']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^bj: --limit must be a whole number/m);
  });

  it('reads one query per line from stdin with --json and prints one array per line', async () => {
    const r = await runInProcess(['query', '--json', '--index', index], { input: 'river chief\n\n夜间经济\n' });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 3);
    const [first, blank, third] = lines.map((l) => JSON.parse(l) as { id: string }[]);
    assert.equal(first![0]!.id, 'river-chief-system');
    assert.deepEqual(blank, []);
    assert.equal(third![0]!.id, 'night-time-economy');
  });

  it('answers each stdin line before the next one arrives (streaming)', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [bin, 'query', '--json', '--index', index], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.setEncoding('utf8');
    let buffered = '';
    const nextLine = () =>
      new Promise<string>((resolve) => {
        const take = () => {
          const end = buffered.indexOf('\n');
          if (end < 0) return false;
          const line = buffered.slice(0, end);
          buffered = buffered.slice(end + 1);
          resolve(line);
          return true;
        };
        if (take()) return;
        const onData = (d: string) => {
          buffered += d;
          if (take()) child.stdout.off('data', onData);
        };
        child.stdout.on('data', onData);
      });
    child.stdin.write('河长制\n');
    assert.equal((JSON.parse(await nextLine()) as { id: string }[])[0]!.id, 'river-chief-system');
    child.stdin.write('夜间经济\n'); // written only after the first answer came back
    assert.equal((JSON.parse(await nextLine()) as { id: string }[])[0]!.id, 'night-time-economy');
    child.stdin.end();
    assert.equal(await new Promise((resolve) => child.on('close', resolve)), 0);
  });

  it('says precisely what is wrong with a missing or broken --index file (exit 1)', async () => {
    const missing = await runInProcess(['query', 'river', '--index', join(tmp.dir, 'nope.json')]);
    assert.equal(missing.code, 1);
    assert.match(
      missing.stderr,
      /^bj: cannot read index .*nope\.json: no such file or directory; build one with `npx bj-index build -o .*nope\.json`$/m,
    );

    const broken = join(tmp.dir, 'broken.json');
    writeFileSync(broken, '{\n  "format": "bj-index",\n  oops\n}');
    const invalid = await runInProcess(['query', 'river', '--index', broken]);
    assert.equal(invalid.code, 1);
    assert.match(invalid.stderr, /^bj: index .*broken\.json is not valid JSON \(line 3, column 3: /m);

    const notIndex = await runInProcess(['query', 'river', '--index', join(fixtures, 'plan.json')]);
    assert.equal(notIndex.code, 1);
    assert.match(notIndex.stderr, /^bj: index .*plan\.json: .*not a bj-policy-widgets index/m);
  });

  it("searches the package's own index without --index, from any directory", async () => {
    const data = JSON.parse(readFileSync(join(root, 'data', 'kob2022-business-environment.json'), 'utf8')) as CorpusFile;
    const term = data.terms!.find((t) => t.title.zh)!;
    const r = await run(['query', term.title.zh!, '--json'], { cwd: tmp.dir });
    assert.equal(r.code, 0, r.stderr);
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((x) => x.id);
    assert.ok(ids.includes(term.id), `${term.id} in ${ids.join(', ')}`);
  });

  it('needs TEXT unless --json reads stdin', async () => {
    const r = await runInProcess(['query', '--index', index]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^bj: query needs the TEXT/m);
  });
});

describe('bj-index help and version', () => {
  it('prints the version from package.json', async () => {
    const r = await runInProcess(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `bj-index ${version}\n`);
  });

  it('prints help for the tool and for each command', async () => {
    const main = await runInProcess(['--help']);
    assert.equal(main.code, 0);
    assert.match(main.stdout, /bj-index build \[inputs\.\.\.\] -o FILE/);
    const build = await runInProcess(['help', 'build']);
    assert.equal(build.code, 0);
    assert.match(build.stdout, /^Usage: bj-index build/);
    assert.match(build.stdout, /-o, --output FILE/);
    const none = await runInProcess([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Usage:/);
  });

  it('tells to run `npm run build:cli` when the bundle is missing', async () => {
    const tmp = tempDir();
    try {
      mkdirSync(join(tmp.dir, 'bin'));
      copyFileSync(bin, join(tmp.dir, 'bin', 'bj-index.js'));
      writeFileSync(join(tmp.dir, 'package.json'), '{"type": "module"}');
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(tmp.dir, 'bin', 'bj-index.js'), '--version'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^bj: .*run `npm run build:cli`/);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('bj-index run inside the test process (runInProcess, which most CLI tests use)', () => {
  const tmp = tempDir();
  const index = join(tmp.dir, 'index.json');
  before(() => copyOfBuild([fixtures], [], index));
  after(tmp.cleanup);
  /** A result with the time a build took (`2 files, 511 ms`) left out: it differs from run to run. */
  const untimed = (r: RunResult) => ({ ...r, stdout: r.stdout.replace(/, \d+ ms\)/g, ', … ms)') });

  it('prints what the command prints and exits as it does, for every command and failure', async () => {
    const broken = join(tmp.dir, 'broken.json');
    writeFileSync(broken, '{"format": "bj-index", oops}');
    for (const args of [
      ['--version'],
      ['biuld'],
      ['validate', fixtures],
      ['validate', join(tmp.dir, 'nope')],
      ['build', fixtures, '-o', join(tmp.dir, 'out.json')],
      ['query', 'river chief', '--index', index],
      ['query', 'river', '--index', broken],
    ]) {
      const spawned = await run(args);
      const inside = await runInProcess(args);
      assert.deepEqual(untimed(inside), untimed(spawned), `bj-index ${args.join(' ')}`);
    }
  });

  it('reads queries from the given standard input, one per line', async () => {
    const input = 'river chief\n\n夜间经济\n';
    const spawned = await run(['query', '--json', '--index', index], { input });
    assert.equal(spawned.stdout.split('\n').length, 4);
    assert.deepEqual(await runInProcess(['query', '--json', '--index', index], { input }), spawned);
  });
});
