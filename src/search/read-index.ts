/**
 * Reading and checking a built index: the JSON text (or its parsed value) of `bj-index.json` →
 * a {@link BuiltIndex} this library can read, or a `BjError` that says what to do. The one entry
 * of `Catalogue.fromJSON` and `PolicyIndex.fromJSON`; the records themselves are checked by
 * `validate.ts`. DOM-free, dependency-free.
 */
import { DATA_SCHEMA_VERSION, INDEX_FORMAT, INDEX_FORMAT_VERSION, LIBRARY_NAME, LIBRARY_VERSION, type BuiltIndex } from './format.js';
import { BjError, isRecord } from './types.js';
import { describeProblem, findIndexProblem } from './validate.js';

/** A checked index, and the length of its JSON text when it was read from a string. */
export interface ReadIndex {
  data: BuiltIndex;
  length?: number;
}

/** Same major version (for 0.x, same major and minor). */
function compatibleVersion(indexVersion: string, ours: string): boolean {
  const a = /^(\d+)\.(\d+)\./.exec(indexVersion);
  const b = /^(\d+)\.(\d+)\./.exec(ours);
  if (!a || !b) return false;
  return a[1] === b[1] && (a[1] !== '0' || a[2] === b[2]);
}

/**
 * Parses (when given text) and checks an index. Throws a `BjError`: `json` (text is not JSON),
 * `format` (not a bj-index, a file layout this library cannot read, or a malformed record),
 * `schema-version` (built from another data schema), `library-version` (built by an incompatible
 * library version). Each message says how to fix it (usually: rebuild with `npx bj-index build`).
 */
export function readIndex(json: unknown): ReadIndex {
  let value = json;
  let length: number | undefined;
  if (typeof json === 'string') {
    length = json.length;
    try {
      value = JSON.parse(json);
    } catch (cause) {
      throw new BjError('json', `bj: the index is not valid JSON (${String(cause)}); rebuild it with \`npx bj-index build\`.`, { cause });
    }
  }
  const rebuild = 'rebuild it with `npx bj-index build` and publish the new bj-index.json';
  if (!isRecord(value) || value.format !== INDEX_FORMAT) {
    throw new BjError(
      'format',
      `bj: this file is not a bj-policy-widgets index (no "format": "${INDEX_FORMAT}"); point the widgets at the bj-index.json that \`npx bj-index build\` writes.`,
    );
  }
  if (value.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new BjError(
      'format',
      `bj: the index has format version ${String(value.formatVersion)}, this library reads version ${INDEX_FORMAT_VERSION}; ${rebuild}.`,
    );
  }
  if (value.schemaVersion !== DATA_SCHEMA_VERSION) {
    throw new BjError(
      'schema-version',
      `bj: the index was built from data schema version ${String(value.schemaVersion)}, this library reads version ${DATA_SCHEMA_VERSION}; ${rebuild}.`,
    );
  }
  const library = value.library;
  const version = isRecord(library) && typeof library.version === 'string' ? library.version : undefined;
  if (!isRecord(library) || library.name !== LIBRARY_NAME || !version || !compatibleVersion(version, LIBRARY_VERSION)) {
    throw new BjError(
      'library-version',
      `bj: the index was built by ${isRecord(library) ? `${String(library.name)} ${String(library.version)}` : 'an unknown library'}, which ${LIBRARY_NAME} ${LIBRARY_VERSION} cannot read; ${rebuild}.`,
    );
  }
  if (
    typeof value.hash !== 'string' ||
    !Array.isArray(value.sources) ||
    !Array.isArray(value.documents) ||
    !Array.isArray(value.entries) ||
    !isRecord(value.variants)
  ) {
    throw new BjError('format', `bj: the index is incomplete (hash, sources, documents, entries or variants missing); ${rebuild}.`);
  }
  const problem = findIndexProblem(value);
  if (problem) throw new BjError('format', `bj: the index has a malformed record at ${describeProblem(problem)}; ${rebuild}.`);
  return { data: value as unknown as BuiltIndex, ...(length !== undefined ? { length } : {}) };
}
