/**
 * `bj-index` checks corpus files with the schema validators compiled at `npm run build:cli`
 * (write-validators.ts, loaded by corpus-check.ts) instead of compiling the schemas on every run.
 * Every message an editor reads comes from the validator's errors, so the prebuilt validators must
 * give exactly the errors ajv gives when it compiles the schemas itself: checked here on every
 * record field of the corpora broken in every way (wrong types, missing, unknown, too long), and on
 * the command's own output.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { ValidateFunction } from 'ajv';
import { corpusAjv, readPackageSchema } from '../../src/cli/corpus-check.js';
import { packageSchemaPath, packageSynonymsSchemaPath } from '../../src/cli/package-info.js';
import { buildCli, fixtures, root, runInProcess, tempDir, writeJson } from '../helpers/cli.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The value with the thing at `path` replaced (or removed, for `undefined`). */
function replaced(value: Json, path: Array<string | number>, by: Json | undefined): Json {
  if (path.length === 0) return by ?? null;
  const [key, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Record<string, Json>) }) as Record<string | number, Json>;
  const next = replaced(copy[key!]!, rest, by);
  if (rest.length === 0 && by === undefined) delete copy[key!];
  else copy[key!] = next;
  return copy as Json;
}

/** Every path of `value`, the first two items of each array only. */
function paths(value: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  const out = [at];
  if (Array.isArray(value)) value.slice(0, 2).forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

const BAD: Array<Json | undefined> = [
  undefined,
  null,
  0,
  -1,
  1.5,
  true,
  '',
  ' x ',
  'x'.repeat(5000),
  '2024-13-45',
  [],
  [1],
  {},
  { extra: 1 },
];

describe('bj-index: the corpus validators compiled at build time', () => {
  let prebuilt: Record<'corpus' | 'synonyms', ValidateFunction>;
  const compiled = {
    corpus: corpusAjv().compile(readPackageSchema(packageSchemaPath).schema),
    synonyms: corpusAjv().compile(readPackageSchema(packageSynonymsSchemaPath).schema),
  };
  before(() => {
    buildCli();
    prebuilt = createRequire(import.meta.url)(join(root, 'dist', 'cli', 'corpus-validators.cjs')) as typeof prebuilt;
  });

  it('give the errors ajv gives for every field of the corpora, broken in every way', () => {
    const files = [join(root, 'data'), fixtures].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Json),
    );
    let compared = 0;
    for (const file of files) {
      const kind = (file as { format?: string }).format === 'bj-synonyms' ? 'synonyms' : 'corpus';
      for (const path of paths(file)) {
        for (const bad of BAD) {
          const data = replaced(file, path, bad);
          const ok = compiled[kind](data);
          assert.equal(prebuilt[kind](data), ok, path.join('/'));
          assert.deepEqual(prebuilt[kind].errors ?? null, compiled[kind].errors ?? null, path.join('/'));
          compared += ok ? 0 : 1;
        }
      }
    }
    assert.ok(compared > 1000, `${compared} broken files compared`);
  });

  it('and bj-index validate prints the same lines as with the schema compiled on the spot', async () => {
    const tmp = tempDir();
    try {
      const plan = JSON.parse(readFileSync(join(fixtures, 'plan.json'), 'utf8')) as Json;
      writeJson(join(tmp.dir, 'plan.json'), replaced(replaced(plan, ['documents', 0, 'passages', 0, 'text'], 5), ['source'], undefined));
      const r = await runInProcess(['validate', join(tmp.dir, 'plan.json')]);
      assert.equal(r.code, 1);
      const { checkCorpus } = await import('../../src/cli/corpus-check.js');
      const direct = checkCorpus(join(tmp.dir, 'plan.json'), readFileSync(join(tmp.dir, 'plan.json'), 'utf8'));
      assert.ok(direct.errors && direct.errors.length > 0);
      for (const line of direct.errors) assert.ok(r.stderr.includes(line), `${line}\n--- printed:\n${r.stderr}`);
    } finally {
      tmp.cleanup();
    }
  });
});
