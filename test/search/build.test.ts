import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildIndex } from '../../src/search/build.js';
import { LIBRARY_VERSION } from '../../src/search/format.js';
import { BjError, type CorpusFile } from '../../src/search/types.js';
import { readCorpora } from '../helpers/corpora.js';

const fixtures = readCorpora('test/search/fixtures');
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('buildIndex', () => {
  it('writes the same bytes for the same input, whatever the file order', () => {
    const a = JSON.stringify(buildIndex(fixtures));
    const b = JSON.stringify(buildIndex([...fixtures].reverse()));
    assert.equal(a, b);
  });

  it('marks the index with format, versions, library and a content hash', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const built = buildIndex(fixtures);
    assert.equal(built.format, 'bj-index');
    assert.equal(built.formatVersion, 1);
    assert.equal(built.schemaVersion, 1);
    assert.deepEqual(built.library, { name: 'bj-policy-widgets', version: pkg.version });
    assert.equal(LIBRARY_VERSION, pkg.version, 'LIBRARY_VERSION in src/search/format.ts must follow package.json');
    assert.match(built.hash, /^[0-9a-f]{20}$/);
  });

  it('changes the hash when the content changes, not when only the library version does', () => {
    const base = buildIndex(fixtures).hash;
    assert.equal(buildIndex(fixtures, { libraryVersion: '0.1.9' }).hash, base);
    const edited = clone(fixtures);
    edited[1]!.data.terms![0]!.definition.en![0] += ' Edited.';
    assert.notEqual(buildIndex(edited).hash, base);
  });

  it('stores each source once and points records at it by id', () => {
    const built = buildIndex(fixtures);
    assert.deepEqual(built.sources.map((s) => s.id).sort(), ['bj-business-environment-plan', 'kob2022-business', 'kob2022-livelihood']);
    const term = built.entries.find((e) => e.id === 'regulatory-sandbox');
    assert.equal(term?.kind === 'term' && term.source, 'kob2022-business');
  });

  it('links passages to the keywords whose names or aliases they use, allowing a plural or singular', () => {
    const built = buildIndex(fixtures);
    const links = Object.fromEntries(
      built.entries.filter((e) => e.kind === 'passage').map((e) => [e.id, e.kind === 'passage' ? e.terms : []]),
    );
    // "notification-commitment system" (alias), "Sandbox Supervision" (alias).
    assert.deepEqual(links['bj-bizenv-plan-l015'], ['notification-and-compliance-requirement']);
    assert.deepEqual(links['bj-bizenv-plan-l075'], ['regulatory-sandbox']);
    // No keyword of the fixture is named in the "12345 enterprise service hotline" passage.
    assert.deepEqual(links['bj-bizenv-plan-l097'], []);
  });

  it('links a singular use to a plural title', () => {
    const corpora = clone(fixtures);
    const business = corpora.find((c) => c.file.endsWith('kob2022-business.json'))!;
    business.data.terms!.push({
      id: 'service-packages',
      edition: 'Keywords of Beijing 2022',
      title: { en: 'Service packages', zh: '服务包' },
      definition: { en: ['These are services provided by Beijing.'] },
    });
    const passage = buildIndex(corpora).entries.find((e) => e.id === 'bj-bizenv-plan-l097');
    assert.deepEqual(passage?.kind === 'passage' && passage.terms, ['service-packages']);
  });

  it('ships traditional → simplified characters for the corpus only', () => {
    const { variants } = buildIndex(fixtures);
    assert.equal(variants['監'], '监');
    assert.equal(variants['盤'], undefined, '盘 is not in the fixture corpus');
    for (const [trad, simp] of Object.entries(variants)) {
      assert.equal(trad.length, 1);
      assert.equal(simp.length, 1);
      assert.notEqual(trad, simp);
    }
  });

  it('stores pinyin of Chinese names: joined, initials and syllables', () => {
    const term = buildIndex(fixtures).entries.find((e) => e.id === 'time-banking');
    assert.deepEqual(term?.kind === 'term' && term.pinyin, { keys: ['shijianyinhang', 'sjyh'], syllables: ['shi jian yin hang'] });
  });

  it('rejects an id used twice, naming both files, the record and the field', () => {
    const corpora = clone(fixtures);
    const livelihood = corpora.find((c) => c.file.endsWith('kob2022-livelihood.json'))!;
    livelihood.data.terms![1]!.id = 'regulatory-sandbox';
    assert.throws(
      () => buildIndex(corpora),
      (e: unknown) =>
        e instanceof BjError &&
        e.code === 'invalid-data' &&
        e.message.startsWith('bj: ') &&
        e.message.includes('kob2022-livelihood.json terms[1]') &&
        e.message.includes('"id"') &&
        e.message.includes('kob2022-business.json'),
    );
  });

  it('rejects one source id described differently in two files', () => {
    const corpora = clone(fixtures);
    const extra: CorpusFile = { ...clone(corpora[1]!.data), terms: [] };
    extra.source.publisher = 'someone else';
    corpora.push({ file: 'test/search/fixtures/zz-extra.json', data: extra });
    assert.throws(
      () => buildIndex(corpora),
      (e: unknown) => e instanceof BjError && e.code === 'invalid-data' && e.message.includes('zz-extra.json'),
    );
  });

  it('keeps the default corpus index under 40 KB gzip', async () => {
    const { gzipSync } = await import('node:zlib');
    const bytes = gzipSync(JSON.stringify(buildIndex(readCorpora('data'))), { level: 9 }).length;
    assert.ok(bytes <= 40 * 1024, `index is ${bytes} bytes gzip`);
  });
});
