/**
 * bench/site-gen.mjs: the synthetic bilingual site the benchmarks index. Same N → same bytes, and
 * `bj-index build --site` reads back exactly the passages it wrote, GBK pages included.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BuiltIndex, StoredPassage } from '../../src/search/format.js';
// @ts-expect-error -- plain ESM bench script without types
import { generateSite } from '../../bench/site-gen.mjs';
// @ts-expect-error -- plain ESM bench script without types
import { syntheticCorpora } from '../../bench/lib/synth.mjs';
import { buildCli, fixtures, runInProcess, tempDir } from '../helpers/cli.js';

const N = 180;

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) visit(join(d, e.name));
      else out.set(relative(dir, join(d, e.name)), readFileSync(join(d, e.name)));
    }
  };
  visit(dir);
  return out;
}

describe('bench/site-gen.mjs', () => {
  const tmp = tempDir();
  after(tmp.cleanup);
  before(() => buildCli());

  it('answers --help with its usage and a wrong option with a bj: line, never a stack trace', () => {
    const script = join(import.meta.dirname, '../../bench/site-gen.mjs');
    const help = spawnSync(process.execPath, [script, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^usage: node bench\/site-gen\.mjs --passages N --out DIR/);
    const wrong = spawnSync(process.execPath, [script, '--pasages', '10'], { encoding: 'utf8' });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /^bj: Unknown option '--pasages'; usage:/);
    assert.doesNotMatch(wrong.stderr, /\n\s+at /, 'no stack trace');
  });

  it('writes the same bytes for the same N, with Chinese GBK pages that declare it', () => {
    const a = generateSite({ passages: N, out: join(tmp.dir, 'a') }) as { pages: number; passages: number; gbkPages: number };
    generateSite({ passages: N, out: join(tmp.dir, 'b') });
    assert.equal(a.passages, N);
    const fa = files(join(tmp.dir, 'a'));
    const fb = files(join(tmp.dir, 'b'));
    assert.deepEqual([...fa.keys()].sort(), [...fb.keys()].sort());
    for (const [name, bytes] of fa) assert.ok(bytes.equals(fb.get(name)!), `${name} differs`);
    const gbk = [...fa.entries()].filter(([, b]) => b.includes('<meta charset="gbk">'));
    assert.ok(a.gbkPages > 0 && gbk.length === a.gbkPages);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk[0]![1]), 'GBK bytes, not UTF-8');
  });

  async function readBack(site: string): Promise<StoredPassage[]> {
    const out = join(tmp.dir, `${relative(tmp.dir, site)}.json`);
    const r = await runInProcess(['build', fixtures, '--site', site, '--base-url', 'https://example.gov.cn/', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '', 'no warnings');
    const index = JSON.parse(readFileSync(out, 'utf8')) as BuiltIndex;
    const fromSite = new Set(index.documents.filter((d) => d.url).map((d) => d.id));
    return index.entries.filter((e): e is StoredPassage => e.kind === 'passage' && fromSite.has(e.document));
  }

  const written = () =>
    (syntheticCorpora(N) as Array<{ data: { documents?: Array<{ passages: Array<{ headings: string[]; text: string }> }> } }>)
      .at(-1)!
      .data.documents!.flatMap((d) => d.passages);
  // Pages are read in path order (en/ before zh/), so compare as sorted lists.
  const sorted = (ps: Array<{ headings: string[]; text: string }>) => ps.map((p) => JSON.stringify([p.headings, p.text])).sort();

  it('is read back by bj-index build --site passage for passage', async () => {
    const read = await readBack(join(tmp.dir, 'a'));
    assert.equal(read.length, N);
    assert.deepEqual(sorted(read), sorted(written()));
    assert.ok(read.every((p) => /^part-\d+$/.test(p.anchor ?? '')));
  });

  it('splits documents into pages of --per-page passages, read back the same', async () => {
    const r = generateSite({ passages: N, out: join(tmp.dir, 'small'), perPage: 7 }) as { pages: number; passages: number };
    assert.equal(r.passages, N);
    assert.equal(
      r.pages,
      [50, 50, 50, 30].reduce((sum, n) => sum + Math.ceil(n / 7), 0),
    );
    const read = await readBack(join(tmp.dir, 'small'));
    assert.deepEqual(sorted(read), sorted(written()));
  });
});
