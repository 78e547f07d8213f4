import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkCorpus, type CheckResult } from '../../src/cli/corpus-check.js';
import type { CorpusFile } from '../../src/search/types.js';
import { readFixture } from '../helpers/cli.js';

const FILE = 'data/extra.json';

/** Exactly one of data / errors, errors non-empty and each a `bj: FILE: ` line. */
function assertWellFormed(result: CheckResult): void {
  if (result.errors) {
    assert.equal(result.data, undefined);
    assert.ok(result.errors.length > 0, 'at least one error');
    for (const line of result.errors) {
      assert.ok(line.startsWith(`bj: ${FILE}: `), line);
      assert.ok(!line.includes('\n'), `one line: ${line}`);
    }
  } else {
    assert.ok(result.data !== null && typeof result.data === 'object');
  }
}

const glossary = readFixture('glossary.json');
const plan = readFixture('plan.json');

/** Values of the wrong JSON type for a field of the given type. */
const wrongType = {
  string: fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 2 }),
    fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
  ),
  object: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 })),
  array: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 })),
  integer: fc.oneof(
    fc.string(),
    fc.double({ min: 1.1, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)),
    fc.integer({ max: 0 }),
    fc.constant(null),
  ),
};

const termFields = {
  id: wrongType.string,
  edition: wrongType.string,
  title: wrongType.object,
  definition: wrongType.object,
  section: wrongType.object,
  aliases: wrongType.object,
  number: wrongType.integer,
} as const;
const requiredTermFields = ['id', 'edition', 'title', 'definition'];

const passageFields = { id: wrongType.string, headings: wrongType.array, text: wrongType.string } as const;

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

describe('checkCorpus', () => {
  it('accepts the fixture corpus files', () => {
    assert.deepEqual(checkCorpus(FILE, JSON.stringify(glossary)).data, glossary);
    assert.deepEqual(checkCorpus(FILE, JSON.stringify(plan)).data, plan);
  });

  it('never throws on arbitrary text, and returns data or bj: errors', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (text) => {
        assertWellFormed(checkCorpus(FILE, text));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JSON values, and rejects every one that is not a corpus', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = checkCorpus(FILE, JSON.stringify(value));
        assertWellFormed(result);
        assert.ok(result.errors, 'a random value is not a valid corpus file');
      }),
      { numRuns: 500 },
    );
  });

  it('names the field of a term given a value of the wrong type', () => {
    const cases = fc.oneof(...Object.entries(termFields).map(([field, values]) => fc.tuple(fc.constant(field), values)));
    fc.assert(
      fc.property(fc.nat({ max: glossary.terms!.length - 1 }), cases, (i, [field, value]) => {
        const data = structuredClone(glossary) as unknown as { terms: Record<string, unknown>[] };
        data.terms[i]![field] = value;
        const result = checkCorpus(FILE, JSON.stringify(data));
        assertWellFormed(result);
        assert.ok(result.errors, `${field} = ${JSON.stringify(value)} is rejected`);
        const record = field === 'id' ? `terms[${i}]` : `terms[${i}] (id ${JSON.stringify(glossary.terms![i]!.id)})`;
        assert.ok(
          result.errors.some((line) => line.startsWith(`bj: ${FILE}: ${record}`) && line.includes(`: /${field}`)),
          `an error names ${record} and /${field}:\n${result.errors.join('\n')}`,
        );
      }),
    );
  });

  it('names a missing required field of a term', () => {
    fc.assert(
      fc.property(fc.nat({ max: glossary.terms!.length - 1 }), fc.constantFrom(...requiredTermFields), (i, field) => {
        const data = structuredClone(glossary) as unknown as { terms: Record<string, unknown>[] };
        delete data.terms[i]![field];
        const result = checkCorpus(FILE, JSON.stringify(data));
        assertWellFormed(result);
        assert.ok(
          result.errors?.some((line) => line.includes(`terms[${i}]`) && line.includes(`/${field}: required property is missing`)),
          String(result.errors),
        );
      }),
    );
  });

  it('names an unexpected property by its exact name', () => {
    const allowed = new Set(Object.keys(termFields));
    fc.assert(
      fc.property(
        fc.nat({ max: glossary.terms!.length - 1 }),
        fc.string({ minLength: 1 }).filter((k) => !allowed.has(k) && k !== '__proto__'),
        fc.jsonValue(),
        (i, name, value) => {
          const data = structuredClone(glossary) as unknown as { terms: Record<string, unknown>[] };
          data.terms[i]![name] = value;
          const result = checkCorpus(FILE, JSON.stringify(data));
          assertWellFormed(result);
          const expected = `terms[${i}] (id ${JSON.stringify(glossary.terms![i]!.id)}): /${escapePointer(name)}: unexpected property ${JSON.stringify(name)}`;
          assert.ok(
            result.errors?.some((line) => line.includes(expected)),
            `${expected}\n${String(result.errors)}`,
          );
        },
      ),
    );
  });

  it('names the passage and field of a passage given a value of the wrong type', () => {
    const passages = plan.documents![0]!.passages;
    const cases = fc.oneof(...Object.entries(passageFields).map(([field, values]) => fc.tuple(fc.constant(field), values)));
    fc.assert(
      fc.property(fc.nat({ max: passages.length - 1 }), cases, (j, [field, value]) => {
        const data = structuredClone(plan) as CorpusFile;
        (data.documents![0]!.passages[j] as unknown as Record<string, unknown>)[field] = value;
        const result = checkCorpus(FILE, JSON.stringify(data));
        assertWellFormed(result);
        assert.ok(
          result.errors?.some((line) => line.includes(`documents[0].passages[${j}]`) && line.includes(`: /${field}`)),
          `names passages[${j}] and /${field}:\n${String(result.errors)}`,
        );
      }),
    );
  });

  it('gives the line and column of a JSON syntax error', () => {
    // Cutting a valid file anywhere inside leaves it unfinished: the error is at the end or earlier.
    const text = JSON.stringify(glossary, null, 2);
    fc.assert(
      fc.property(fc.nat({ max: text.length - 2 }), (cut) => {
        const broken = text.slice(0, cut + 1);
        const result = checkCorpus(FILE, broken);
        assert.ok(result.errors, 'a cut file is not valid');
        const m = /not valid JSON: line (\d+), column (\d+): /.exec(result.errors[0]!);
        assert.ok(m, result.errors[0]);
        const lines = broken.split('\n');
        assert.ok(Number(m[1]) >= 1 && Number(m[1]) <= lines.length, `line ${m[1]} of ${lines.length}`);
        assert.ok(Number(m[2]) >= 1 && Number(m[2]) <= Array.from(lines[Number(m[1]) - 1]!).length + 1);
      }),
    );
  });
});
