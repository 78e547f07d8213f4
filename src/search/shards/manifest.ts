/** Checks the `shards` manifest of a sharded index's entry file (see `format.ts`). DOM-free. */
import { isRelatedCounts } from '../catalogue.js';
import { SEARCH_FIELDS } from '../engine.js';
import { BjError, isRecord } from '../types.js';
import { SHARD_FORMAT_VERSION, type ShardManifest } from './format.js';

/** A plain object (not null, not an array). */

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Checks the `shards` field of an entry file; a `bj:` message on the first problem. */
export function checkManifest(value: unknown, url: string): ShardManifest {
  const bad = (what: string) =>
    new BjError(
      'format',
      `bj: the index at ${url} has a broken "shards" manifest (${what}); rebuild it with \`npx bj-index build --shards\`.`,
    );
  if (!isRecord(value)) throw bad('not an object');
  // Version 1 listed the parts' file names (`files`); it is still read.
  if (value.version !== 1 && value.version !== SHARD_FORMAT_VERSION) {
    throw new BjError(
      'format',
      `bj: the index at ${url} has sharded layout version ${String(value.version)}, this library reads version ${SHARD_FORMAT_VERSION}; rebuild it with \`npx bj-index build\`.`,
    );
  }
  for (const key of ['documentCount', 'keywordCount', 'passageCount'] as const) {
    if (!Number.isInteger(value[key]) || (value[key] as number) < 0) throw bad(`${key} is not a count`);
  }
  if (typeof value.base !== 'string') throw bad('base is not a string');
  if (!Array.isArray(value.averageFieldLength) || !value.averageFieldLength.every((n) => typeof n === 'number'))
    throw bad('averageFieldLength');
  if (!isRecord(value.fieldIds)) throw bad('fieldIds');
  // Without `files` (version 2 on), a part's name follows from its kind, number and build (part-names.ts).
  const listed = (files: unknown) => (files === undefined ? value.version !== 1 : isStringArray(files));
  for (const key of ['terms', 'forms'] as const) {
    const list = value[key];
    if (
      !isRecord(list) ||
      !isStringArray(list.first) ||
      !listed(list.files) ||
      (list.files && (list.files as string[]).length !== list.first.length)
    ) {
      throw bad(`${key} lists`);
    }
  }
  const p = value.passages;
  if (!isRecord(p) || !listed(p.files) || !Number.isInteger(p.per) || (p.per as number) < 1) throw bad('passages list');
  if (!Array.isArray(value.pinyinTerms)) throw bad('pinyinTerms');
  const m = value as unknown as ShardManifest;
  if (m.relatedCounts !== undefined && !isRelatedCounts(m.relatedCounts, m.keywordCount)) throw bad('relatedCounts');
  if (m.lexicon !== undefined) {
    const l = value.lexicon;
    const has = isRecord(l) ? l.has : undefined;
    if (!isRecord(l) || !isStringArray(l.files) || !isStringArray(l.first) || l.files.length !== l.first.length) throw bad('lexicon lists');
    if (!isRecord(has) || !['zh', 'en', 'syn'].every((k) => typeof has[k] === 'boolean')) throw bad('lexicon.has');
  }
  if (m.keywordCount + m.passageCount !== m.documentCount) throw bad('documentCount is not keywords + passages');
  if (m.passages.files && Math.ceil(m.passageCount / m.passages.per) !== m.passages.files.length) throw bad('passage fragment count');
  for (const name of [m.terms, m.forms, m.passages, m.lexicon].flatMap((list) => list?.files ?? [])) {
    if (!/^[\w.-]+\.json$/.test(name)) throw bad(`part name ${JSON.stringify(name)}`);
  }
  // The engine numbers its fields in the order it is given them (MiniSearch's `fieldIds`).
  const names = Object.keys(m.fieldIds);
  if (names.length !== SEARCH_FIELDS.length || SEARCH_FIELDS.some((field, id) => m.fieldIds[field] !== id)) {
    const field = SEARCH_FIELDS.find((f, id) => m.fieldIds[f] !== id) ?? names.find((f) => !SEARCH_FIELDS.includes(f));
    throw new BjError(
      'format',
      `bj: the index's search fields do not match this library's (field ${field}); rebuild it with \`npx bj-index build\`.`,
    );
  }
  return m;
}
