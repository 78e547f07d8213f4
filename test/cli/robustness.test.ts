/**
 * bj-index with any file, any encoding and any output path (issue 13): strict UTF-8, one record
 * check shared by `validate`, `build` and `query`, JSON errors located even when deeply nested,
 * control characters escaped on the terminal, and output paths that are links, devices,
 * directories or left-over temp files.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CorpusFile } from '../../src/search/types.js';
import { bin, buildCli, copyOfBuild, fixtures, readFixture, runInProcess, tempDir, writeJson } from '../helpers/cli.js';

before(() => buildCli());

const tmp = tempDir();
after(tmp.cleanup);
let dirs = 0;

/** A fresh directory holding the two fixture corpus files, possibly changed. */
function corpus(change?: (files: { glossary: CorpusFile; plan: CorpusFile }) => void): string {
  const dir = join(tmp.dir, `c${++dirs}`);
  mkdirSync(dir, { recursive: true });
  const files = { glossary: readFixture('glossary.json'), plan: readFixture('plan.json') };
  change?.(files);
  writeJson(join(dir, 'glossary.json'), files.glossary);
  writeJson(join(dir, 'plan.json'), files.plan);
  return dir;
}

/** Control characters a terminal acts on (ESC, CSI, BEL…), besides the line breaks we print. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this expression is for
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('bj-index reads only UTF-8 (item 1)', () => {
  it('refuses a corpus file saved as GBK, naming the file, line and column, and says to re-save as UTF-8', async () => {
    const dir = corpus();
    // What Notepad's "ANSI" writes on Chinese Windows: the glossary with a Chinese title, in GBK.
    const glossary = readFixture('glossary.json');
    glossary.terms![0]!.title.zh = '河长制';
    const lines = JSON.stringify(glossary, null, 2).split('\n');
    const line = lines.findIndex((l) => l.includes('河长制')) + 1;
    const column = Array.from(lines[line - 1]!).indexOf('河') + 1;
    // GBK bytes of 河长制: BA D3 B3 A4 D6 C6.
    const text = JSON.stringify(glossary, null, 2).replace('河长制', '\u0000');
    const [head, tail] = text.split('\u0000') as [string, string];
    writeFileSync(
      join(dir, 'glossary.json'),
      Buffer.concat([Buffer.from(head), Buffer.from([0xba, 0xd3, 0xb3, 0xa4, 0xd6, 0xc6]), Buffer.from(tail)]),
    );
    for (const command of [
      ['validate', dir],
      ['build', dir, '-o', join(dir, 'out.json')],
    ]) {
      const r = await runInProcess(command);
      assert.equal(r.code, 1, `${command[0]}: ${r.stdout}${r.stderr}`);
      assert.match(
        r.stderr,
        new RegExp(
          `^bj: ${dir.replace(/[/\\]/g, '.')}.glossary\\.json: line ${line}, column ${column}: byte 0xBA 0xD3 is not UTF-8 .*re-save the file as UTF-8`,
          'm',
        ),
      );
      assert.ok(!existsSync(join(dir, 'out.json')), 'nothing built');
    }
  });

  it('accepts a UTF-8 file with a byte order mark', async () => {
    const dir = corpus();
    writeFileSync(join(dir, 'plan.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(dir, 'plan.json'))]));
    const r = await runInProcess(['validate', dir]);
    assert.equal(r.code, 0, r.stderr);
  });

  it('says a UTF-16 file is UTF-16', async () => {
    const dir = corpus();
    writeFileSync(
      join(dir, 'plan.json'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(dir, 'plan.json'), 'utf8'), 'utf16le')]),
    );
    const r = await runInProcess(['validate', dir]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^bj: .*plan\.json: is UTF-16 \(little-endian\), not UTF-8; re-save it as UTF-8/m);
  });
});

describe('validate and build run the same checks (item 2)', () => {
  it('both refuse a passage whose id is a keyword id, naming both records', async () => {
    const dir = corpus(({ glossary, plan }) => {
      plan.documents![0]!.passages[1]!.id = glossary.terms![0]!.id;
    });
    const v = await runInProcess(['validate', dir]);
    const b = await runInProcess(['build', dir, '-o', join(dir, 'out.json')]);
    assert.equal(v.code, 1, `validate said: ${v.stdout}`);
    assert.equal(b.code, 1);
    assert.match(v.stderr, /plan\.json: documents\[0\]\.passages\[1\] .*is already used by .*glossary\.json: terms\[0\]/);
    assert.ok(!existsSync(join(dir, 'out.json')));
  });

  it('query refuses an index whose source url, publisher or date has the wrong type, naming record and field', async () => {
    const out = join(corpus(), 'index.json');
    await copyOfBuild([fixtures], [], out); // the index of that corpus (the fixtures)
    const good = JSON.parse(readFileSync(out, 'utf8')) as { sources: Record<string, unknown>[] };
    for (const [field, value, says] of [
      ['url', 42, /sources\[0\]\.url \(id "fixture-glossary"\): must be a string \(found number 42\)/],
      ['url', 'javascript:alert(1)', /sources\[0\]\.url .*must be an http:\/\/ or https:\/\/ address/],
      ['publisher', ['x'], /sources\[0\]\.publisher .*must be a string \(found a list of 1\)/],
      ['date', '2023-02-30', /sources\[0\]\.date .*must be a date YYYY-MM-DD/],
    ] as const) {
      const bad = structuredClone(good);
      bad.sources[0]![field] = value;
      writeJson(out, bad);
      const r = await runInProcess(['query', 'river', '--index', out]);
      assert.equal(r.code, 1, `${field}=${JSON.stringify(value)}: ${r.stdout}`);
      assert.match(r.stderr, says);
      assert.doesNotMatch(r.stderr, /unexpected error| {4}at /);
    }
  });
});

describe('JSON errors are located, however deep (item 9)', () => {
  it('names the file, line and column of deeply nested JSON, valid or not, without a stack trace', async () => {
    for (const [name, text] of [
      ['unclosed.json', `{"format": "bj-corpus", "x":\n${'['.repeat(20000)}${']'.repeat(19999)}x}`],
      ['valid-but-deep.json', `{"format": "bj-corpus", "x":\n${'['.repeat(5000)}${']'.repeat(5000)}}`],
    ]) {
      const dir = corpus();
      writeFileSync(join(dir, name), text);
      const r = await runInProcess(['validate', join(dir, name)]);
      assert.equal(r.code, 1);
      assert.doesNotMatch(r.stderr, /unexpected error|RangeError| {4}at /, r.stderr.slice(0, 400));
      assert.match(r.stderr, new RegExp(`^bj: .*${name.replace('.', '\\.')}: .*line 2, column \\d+: `, 'm'));
    }
  });
});

describe('the terminal never receives control characters from data (item 9)', () => {
  it('escapes control characters of the query, file names and messages; --json stays JSON', async () => {
    const dir = corpus();
    const out = join(dir, 'index.json');
    await copyOfBuild([fixtures], [], out); // the index of that corpus (the fixtures)
    const query = 'river\u001b]0;pwned\u0007\u009b2J';
    const none = await runInProcess(['query', 'zzzz\u001b[2J\u009b2J', '--index', out]);
    assert.equal(none.code, 0);
    assert.doesNotMatch(none.stdout, RAW_CONTROL);
    assert.match(none.stdout, /\\u001b\[2J/);

    const json = await runInProcess(['query', query, '--json', '--index', out]);
    assert.equal(json.code, 0);
    JSON.parse(json.stdout);
    assert.doesNotMatch(json.stdout, RAW_CONTROL);

    // An index with an escape sequence in a title: refused, and the message shows no raw escape.
    const index = JSON.parse(readFileSync(out, 'utf8')) as { entries: { title?: { en?: string } }[] };
    index.entries[0]!.title!.en = 'River\u001b[2J\u009b31mchief';
    writeJson(out, index);
    const r = await runInProcess(['query', 'river', '--index', out]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /entries\[0\]\.title\.en .*U\+001B/);
    assert.doesNotMatch(r.stderr, RAW_CONTROL);

    const odd = join(dir, 'evil\u001b[31m.json');
    const missing = await runInProcess(['validate', odd]);
    assert.equal(missing.code, 2);
    assert.doesNotMatch(missing.stderr, RAW_CONTROL);
    assert.match(missing.stderr, /evil\\u001b\[31m\.json/);
  });

  it('prints a result whose text holds control characters with them escaped', async () => {
    const { formatHuman } = await import('../../src/cli/query-output.js');
    const entry = { kind: 'term', id: 'x', title: { en: 'A\u001b[2Jb' } } as never;
    const text = 'one\u009b31m two\u0007 three';
    const printed = formatHuman(
      'q',
      [
        {
          kind: 'term',
          id: 'x',
          title: { en: 'A\u001b[2Jb', zh: '乙\u0085' },
          text,
          lang: 'en',
          score: 1,
          strength: 'strong',
          coverage: 1,
          terms: [],
          matches: [{ field: 'text', start: 0, end: 3 }],
          entry,
        },
      ],
      { color: true },
    );
    // eslint-disable-next-line no-control-regex -- finding control characters is what this expression is for
    const withoutOurBold = printed.replace(/\x1b\[(1|22)m/g, '');
    assert.doesNotMatch(withoutOurBold, RAW_CONTROL);
    assert.match(printed, /A\\u001b\[2Jb/);
    assert.match(printed, /\\u009b31m/);
  });
});

describe('build -o with any output path (item 3)', () => {
  it('writes through a symbolic link to a regular file, keeping the link', async () => {
    const dir = join(tmp.dir, 'link');
    mkdirSync(join(dir, 'real'), { recursive: true });
    writeFileSync(join(dir, 'real', 'index.json'), '{"old": true}');
    symlinkSync(join('real', 'index.json'), join(dir, 'index.json'));
    const r = await runInProcess(['build', fixtures, '-o', join(dir, 'index.json')]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(lstatSync(join(dir, 'index.json')).isSymbolicLink(), 'the link is still a link');
    assert.equal(readlinkSync(join(dir, 'index.json')), join('real', 'index.json'));
    assert.equal((JSON.parse(readFileSync(join(dir, 'real', 'index.json'), 'utf8')) as { format: string }).format, 'bj-index');
    assert.deepEqual(readdirSync(join(dir, 'real')), ['index.json'], 'no temp file next to the target');
  });

  it('refuses a link to something that is not a regular file, a device, a pipe and a directory, saying why', async () => {
    // Never a system path such as /dev/null: before the fix, as root, the build renamed over it.
    const dir = join(tmp.dir, 'odd-targets');
    mkdirSync(join(dir, 'folder'), { recursive: true });
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('mknod', ['-m', '666', join(dir, 'null'), 'c', '1', '3']);
    const special = asRoot ? join(dir, 'null') : join(dir, 'pipe');
    symlinkSync(special, join(dir, 'to-special.json'));
    symlinkSync('folder', join(dir, 'to-folder.json'));
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'pipe'), /^bj: cannot write .*pipe: it is a named pipe, not a file; choose a file path for -o/m],
      [
        join(dir, 'to-special.json'),
        /^bj: cannot write .*to-special\.json: it is a symbolic link to .*, (a device|a named pipe), not a file; choose a file path for -o/m,
      ],
      [
        join(dir, 'folder'),
        /^bj: cannot write .*folder: it is a directory; give a file name inside it, e\.g\. -o .*folder.bj-index\.json/m,
      ],
      [join(dir, 'to-folder.json'), /^bj: cannot write .*to-folder\.json: it is a symbolic link to .*folder, a directory/m],
    ];
    if (asRoot) cases.push([join(dir, 'null'), /^bj: cannot write .*null: it is a device, not a file; choose a file path for -o/m]);
    for (const [target, says] of cases) {
      const r = await runInProcess(['build', fixtures, '-o', target]);
      assert.equal(r.code, 1, `${target}: ${r.stdout}`);
      assert.match(r.stderr, says);
    }
    assert.ok(lstatSync(join(dir, 'to-special.json')).isSymbolicLink());
    assert.ok(lstatSync(special).isFIFO() || lstatSync(special).isCharacterDevice(), 'the special file is still special');
    assert.deepEqual(readdirSync(join(dir, 'folder')), []);
  });

  it("removes this tool's stale temp files next to the output, and no one else's files", async () => {
    const dir = join(tmp.dir, 'stale');
    mkdirSync(dir, { recursive: true });
    // Left by a build killed with SIGKILL (pid 2^22+1 cannot be running), and two files that are not ours.
    const stale = '.index.json.4194305.0a1b2c3d.tmp';
    writeFileSync(join(dir, stale), 'x'.repeat(3_000_000));
    writeFileSync(join(dir, '.index.json.swp'), 'editor');
    writeFileSync(join(dir, '.other.json.4194305.0a1b2c3d.tmp'), 'another output');
    const r = await runInProcess(['build', fixtures, '-o', join(dir, 'index.json')]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ['.index.json.swp', '.other.json.4194305.0a1b2c3d.tmp', 'index.json', 'index.lexicon']);
  });

  it('stops within 1 s of Ctrl-C at any moment of a long build, leaving the old index', { timeout: 120_000 }, async () => {
    // 100 Chinese keywords × 3,000 Chinese passages: about 6 s of synchronous work on a quiet machine.
    let seed = 1;
    const han = (n: number) =>
      Array.from({ length: n }, () => String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 3000))).join('');
    const dir = corpus(({ glossary, plan }) => {
      const model = glossary.terms![0]!;
      glossary.terms = Array.from({ length: 100 }, (_, i) => ({
        id: `term-${i}`,
        edition: model.edition,
        title: { en: `Term ${i}`, zh: han(4) },
        definition: model.definition,
      }));
      plan.documents![0]!.lang = 'zh';
      plan.documents![0]!.passages = Array.from({ length: 3000 }, (_, i) => ({
        id: `fixture-plan-p${i}`,
        headings: [`Part ${Math.floor(i / 50)}`],
        text: han(150),
      }));
    });
    const outDir = join(tmp.dir, 'ctrl-c');
    mkdirSync(outDir, { recursive: true });
    const out = join(outDir, 'index.json');
    const old = '{"old": true}\n';
    for (const delay of [300, 1500, 3500]) {
      writeFileSync(out, old);
      const child = spawn(process.execPath, [bin, 'build', dir, '-o', out], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      let sentAt = 0;
      const timer = setTimeout(() => {
        sentAt = performance.now();
        child.kill('SIGINT');
      }, delay);
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      const took = performance.now() - sentAt;
      clearTimeout(timer);
      if (sentAt === 0 || code === 0) continue; // finished before the signal: nothing to measure
      assert.ok(took < 1000, `stopped ${Math.round(took)} ms after SIGINT at ${delay} ms`);
      assert.equal(readFileSync(out, 'utf8'), old, stderr);
      // The dictionary lexicon's parts (issue 21) are written before the index, like a sharded index's.
      assert.deepEqual(
        readdirSync(outDir).filter((n) => n !== 'index.lexicon'),
        ['index.json'],
      );
    }
  });
});
