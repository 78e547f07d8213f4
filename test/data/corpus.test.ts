/**
 * The corpus in data/: every file follows data/schema/corpus.schema.json, the 13 keywords of
 * "Keywords of Beijing 2022" held by the seeds are there once each, ids are unique, aliases are
 * real variants from the policy documents, and nothing of the source texts was dropped.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { CorpusFile, SynonymsFile } from '../../src/search/types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = join(repoRoot, 'data');
/** CI checks the seeds out beside the repository. */
const seedsDir = resolve(repoRoot, '../shared/seeds');
const seedsMissing = existsSync(seedsDir)
  ? false
  : `bj: source texts not found at ${seedsDir}; check them out beside the repository to run the traceability checks`;

const schema = JSON.parse(readFileSync(join(dataDir, 'schema/corpus.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true }).compile(schema);

const allFiles = readdirSync(dataDir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, raw: JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as unknown }));
const isSynonymsFile = (raw: unknown) => (raw as { format?: unknown }).format === 'bj-synonyms';
const files = allFiles.filter(({ raw }) => !isSynonymsFile(raw));
const synonymFiles = allFiles.filter(({ raw }) => isSynonymsFile(raw)).map(({ name, raw }) => ({ name, data: raw as SynonymsFile }));
const synonymsSchema = JSON.parse(readFileSync(join(dataDir, 'schema/synonyms.schema.json'), 'utf8')) as object;
const validateSynonyms = new Ajv2020({ allErrors: true }).compile(synonymsSchema);
const corpus = files.map(({ name, raw }) => ({ name, data: raw as CorpusFile }));

/** Whitespace normalisation as the transcription rules define it (NBSP counts as a space). */
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Page furniture left out on purpose (documented in data/README.md): the editor's note of the
 * "Keywords of Beijing" pages, their "Understand … (Part N)" link lists and the page labels of 004.
 */
const FURNITURE: RegExp[] = [
  /^Editor's note: /,
  /^In order to help the international community and foreign institutions as well as foreigners in Beijing better understand Beijing from "keywords"/,
  /^"Keywords of Beijing 2022" includes six sections/,
  /^Understand Keywords of Beijing 2022 \(Part \d+\)$/,
  /^Updated:$/,
  /^Source:$/,
  /^Hot Topics$/,
];
const isFurniture = (line: string): boolean => FURNITURE.some((re) => re.test(line));

/** Every string a data file stores, whitespace-normalised. */
function storedStrings(data: CorpusFile): Set<string> {
  const out: (string | undefined)[] = [
    data.source.title.en,
    data.source.title.zh,
    data.source.publisher,
    data.source.url,
  ];
  for (const term of data.terms ?? []) {
    out.push(term.section?.en, term.section?.zh, term.title.en, term.title.zh);
    out.push(...(term.definition.en ?? []), ...(term.definition.zh ?? []));
  }
  for (const doc of data.documents ?? []) {
    out.push(doc.title.en, doc.title.zh);
    for (const p of doc.passages) out.push(...p.headings, p.text);
  }
  return new Set(out.filter((s): s is string => s !== undefined).map(norm));
}

const MONTHS = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2})\/(\d{2})\/(\d{4})$/;

/** Whether one seed line is held by the data file (verbatim, split into stored fields, or as source info). */
function lineIsStored(rawLine: string, data: CorpusFile, stored: Set<string>): boolean {
  const line = norm(rawLine);
  if (stored.has(line)) return true;
  // Fields printed side by side ("Business Environment   营商环境"), separated by 2+ spaces.
  const parts = rawLine.trim().split(/\s{2,}/).map(norm);
  // A keyword heading "15. The "6+4" regulatory system   “6+4”一体化综合监管体系" or "20. 两个“关键小事”".
  const numbered = /^(\d+)\. (.+)$/.exec(parts[0] ?? '');
  if (numbered) {
    const term = (data.terms ?? []).find((t) => t.number === Number(numbered[1]));
    if (!term) return false;
    const titles = [term.title.en, term.title.zh];
    return [numbered[2], ...parts.slice(1)].every((p) => titles.includes(p));
  }
  if (parts.length > 1 && parts.every((p) => stored.has(p))) return true;
  // "Mon, 06/13/2022" → source.date; "(Source:wb.beijing.gov.cn)" → source.publisher/url.
  const date = MONTHS.exec(line);
  if (date) return data.source.date === `${date[3]}-${date[1]}-${date[2]}`;
  const site = /^\(Source:\s*(.+)\)$/.exec(line);
  if (site) return site[1] === data.source.publisher || site[1] === data.source.url;
  return false;
}

/** Seed lines (not furniture) that the data file does not hold. */
function missingLines(seedText: string, data: CorpusFile): string[] {
  const stored = storedStrings(data);
  return seedText
    .split('\n')
    .filter((l) => norm(l) !== '' && !isFurniture(norm(l)))
    .filter((l) => !lineIsStored(l, data, stored))
    .map(norm);
}

const readSeed = (file: string): string => readFileSync(join(seedsDir, file), 'utf8');

describe('data/*.json corpus files', () => {
  it('has corpus files to check', () => {
    assert.ok(files.length >= 5, `bj: expected the five transcribed publications in ${dataDir}, found ${files.length}`);
  });

  for (const { name, raw } of files) {
    it(`${name} validates against data/schema/corpus.schema.json`, () => {
      const ok = validate(raw);
      assert.ok(ok, `bj: ${name} is not a valid corpus file: ${JSON.stringify(validate.errors, null, 2)}`);
      assert.equal((raw as CorpusFile).$schema, './schema/corpus.schema.json');
    });
  }

  it('holds keywords 11–23 of "Keywords of Beijing 2022" once each', () => {
    const numbers = corpus
      .flatMap(({ data }) => data.terms ?? [])
      .filter((t) => t.edition === 'Keywords of Beijing 2022')
      .map((t) => t.number)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    assert.deepEqual(numbers, Array.from({ length: 13 }, (_, i) => 11 + i));
  });

  it('uses each keyword, document and passage id once across all files', () => {
    const seen = new Map<string, string>();
    const sources = new Map<string, string>();
    for (const { name, data } of corpus) {
      assert.ok(!sources.has(data.source.id), `bj: source id "${data.source.id}" in ${name} is also used in ${sources.get(data.source.id)}`);
      sources.set(data.source.id, name);
      const ids = [
        ...(data.terms ?? []).map((t) => t.id),
        ...(data.documents ?? []).flatMap((d) => [d.id, ...d.passages.map((p) => p.id)]),
      ];
      for (const id of ids) {
        assert.ok(!seen.has(id), `bj: id "${id}" in ${name} is also used in ${seen.get(id)}; give it a unique id`);
        seen.set(id, name);
      }
    }
  });

  it('takes every alias verbatim from some passage of a policy document', () => {
    const passages = corpus.flatMap(({ data }) => (data.documents ?? []).flatMap((d) => d.passages.map((p) => p.text.toLowerCase())));
    const aliases = corpus.flatMap(({ data }) => (data.terms ?? []).flatMap((t) => [...(t.aliases?.en ?? []), ...(t.aliases?.zh ?? [])]));
    assert.ok(aliases.length > 0, 'bj: expected aliases linking keywords to the policy documents');
    for (const alias of aliases) {
      assert.ok(passages.some((text) => text.includes(alias.toLowerCase())), `bj: alias "${alias}" occurs in no passage; aliases must be copied from the documents`);
    }
  });
});

describe('data/*.json synonyms files (bj-synonyms)', () => {
  it('ships a starter synonyms file', () => {
    assert.ok(synonymFiles.length >= 1, 'bj: expected data/synonyms.json');
  });

  for (const { name, data } of synonymFiles) {
    it(`${name} validates against data/schema/synonyms.schema.json`, () => {
      assert.ok(validateSynonyms(data), JSON.stringify(validateSynonyms.errors, null, 2));
      assert.equal(data.$schema, './schema/synonyms.schema.json');
    });

    it(`${name}: every Chinese ↔ English pair is printed side by side in one keyword's published definitions`, () => {
      const terms = corpus.flatMap(({ data: c }) => c.terms ?? []);
      for (const pair of data.pairs ?? []) {
        const attested = terms.some(
          (t) =>
            (t.definition.zh ?? []).some((p) => p.includes(pair.zh)) &&
            pair.en.every((en) => (t.definition.en ?? []).some((p) => p.toLowerCase().includes(en.toLowerCase()))),
        );
        assert.ok(attested, `bj: pair ${pair.zh} ↔ ${pair.en.join(' / ')} is not found in the Chinese and English definitions of one keyword`);
        assert.ok(pair.reason && pair.reason.length > 10, `bj: pair ${pair.zh} needs its reason`);
      }
    });

    it(`${name}: every equivalence leads to words the corpus uses, with a reason`, () => {
      const text = corpus
        .flatMap(({ data: c }) => [
          ...(c.terms ?? []).flatMap((t) => [...(t.definition.en ?? []), ...(t.definition.zh ?? []), t.title.en ?? '', t.title.zh ?? '']),
          ...(c.documents ?? []).flatMap((d) => d.passages.map((p) => p.text)),
        ])
        .join('\n')
        .toLowerCase();
      for (const e of data.equivalents ?? []) {
        assert.ok(text.includes(e.means.toLowerCase()), `bj: equivalence → "${e.means}" names words the corpus never uses`);
        assert.ok((e.reason ?? '').length > 10, `bj: equivalence → "${e.means}" needs its reason`);
      }
    });
  }
});

describe('data/schema/corpus.schema.json', () => {
  const source = { id: 'chaoyang-terms', title: { zh: '朝阳区政策词汇' }, languages: ['zh'] };
  const term = { id: 'district-term', edition: 'Keywords of Beijing 2023', number: 1, title: { zh: '示例' }, definition: { zh: ['示例。'] } };
  const file = (extra: object) => ({ format: 'bj-corpus', schemaVersion: 1, source, ...extra });

  it("accepts a district's own terms file without documents, from a later edition", () => {
    assert.ok(validate(file({ terms: [term] })), JSON.stringify(validate.errors));
  });

  it('rejects what an editor might get wrong', () => {
    const bad: [string, object][] = [
      ['neither terms nor documents', file({})],
      ['an unknown property', file({ terms: [{ ...term, note: 'x' }] })],
      ['an id that is not a slug', file({ terms: [{ ...term, id: 'District Term' }] })],
      ['a title in no language', file({ terms: [{ ...term, title: {} }] })],
      ['untrimmed text', file({ terms: [{ ...term, title: { en: ' Time banking' } }] })],
      ['a number below 1', file({ terms: [{ ...term, number: 0 }] })],
      ['another schema version', { ...file({ terms: [term] }), schemaVersion: 2 }],
      ['another format', { ...file({ terms: [term] }), format: 'glossary' }],
    ];
    for (const [what, data] of bad) assert.equal(validate(data), false, `schema accepted ${what}`);
  });
});

describe('traceability to the source texts', () => {
  const traced = corpus.filter(({ data }) => data.source.file !== undefined);

  it('has a data file for every seed text', { skip: seedsMissing }, () => {
    const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
    const covered = new Set(traced.map(({ data }) => data.source.file));
    for (const seed of seeds) assert.ok(covered.has(seed), `bj: no data file has source.file "${seed}"; transcribe it`);
  });

  for (const { name, data } of traced) {
    it(`${name} holds every line of ${data.source.file} except the documented furniture`, { skip: seedsMissing }, () => {
      assert.deepEqual(missingLines(readSeed(data.source.file!), data), [], `bj: lines of ${data.source.file} missing from ${name}`);
    });

    it(`${name} keeps passages in reading order and leaves furniture out`, { skip: seedsMissing }, () => {
      const seedLines = readSeed(data.source.file!).split('\n').map(norm);
      let last = -1;
      for (const p of (data.documents ?? []).flatMap((d) => d.passages)) {
        const at = seedLines.indexOf(p.text, last + 1);
        assert.ok(at > last, `bj: passage ${p.id} is out of reading order or not in ${data.source.file}`);
        // Its headings are lines printed above it, outermost first.
        const headingLines = p.headings.map((h) => seedLines.lastIndexOf(h, at));
        assert.ok(
          headingLines.every((line, i) => line >= 0 && line > (headingLines[i - 1] ?? -1)),
          `bj: headings of passage ${p.id} are not the headings printed above it, outermost first`,
        );
        last = at;
      }
      const stored = [...storedStrings(data)];
      for (const line of seedLines.filter(isFurniture)) {
        assert.ok(!stored.some((s) => s.includes(line)), `bj: furniture "${line}" was transcribed into ${name}`);
      }
    });
  }

  it('notices a dropped paragraph', { skip: seedsMissing }, () => {
    const target = traced.find(({ data }) => (data.documents ?? []).length > 0);
    assert.ok(target, 'bj: expected a data file with documents');
    const copy = structuredClone(target.data);
    const [dropped] = copy.documents![0]!.passages.splice(3, 1);
    assert.deepEqual(missingLines(readSeed(copy.source.file!), copy), [dropped!.text]);

    const withTerms = structuredClone(traced.find(({ data }) => (data.terms ?? []).length > 0)!.data);
    const paragraphs = withTerms.terms![0]!.definition.en!;
    const [lost] = paragraphs.splice(paragraphs.length - 1, 1);
    assert.deepEqual(missingLines(readSeed(withTerms.source.file!), withTerms), [lost]);
  });
});
