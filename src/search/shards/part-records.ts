/**
 * The records of a fetched part file, checked for the shape the reader relies on: term records,
 * form records and passage entries. DOM-free.
 */
import { passageEntry } from '../catalogue.js';
import type { StoredDocument, StoredPassage } from '../format.js';
import { BjError, type PassageEntry, type SourceInfo } from '../types.js';
import type { FormPart, PassagePart, StoredTermPostings, TermPart } from './format.js';
import { partOf } from './partitions.js';

function malformed(name: string, what: string): BjError {
  return new BjError(
    'format',
    `bj: part ${name} of the index has a malformed ${what}; rebuild it with \`npx bj-index build\` and publish it again.`,
  );
}

/** The term records of term partition `i` (`first`: the first term of each partition). */
export function termRecords(value: Record<string, unknown>, i: number, first: readonly string[]): StoredTermPostings[] {
  const part = value as unknown as TermPart;
  if (!Array.isArray(part.terms)) throw malformed(part.part, 'term list');
  for (const r of part.terms) {
    if (!Array.isArray(r) || typeof r[0] !== 'string' || typeof r[1] !== 'number' || !Array.isArray(r[4]))
      throw malformed(part.part, 'term');
    if (partOf(first, r[0]) !== i) throw malformed(part.part, `term outside its range (${JSON.stringify(r[0])})`);
  }
  return part.terms;
}

/** The `[form, stem]` records of form partition `i`. */
export function formRecords(value: Record<string, unknown>, i: number, first: readonly string[]): Array<[string, string]> {
  const part = value as unknown as FormPart;
  if (!Array.isArray(part.forms)) throw malformed(part.part, 'form list');
  for (const f of part.forms) {
    if (!Array.isArray(f) || typeof f[0] !== 'string' || typeof f[1] !== 'string') throw malformed(part.part, 'form');
    if (partOf(first, f[0]) !== i) throw malformed(part.part, 'form outside its range');
  }
  return part.forms;
}

/** The passages of a fragment whose first document number is `from`, as entries, in order. */
export function fragmentEntries(value: Record<string, unknown>, from: number, sources: ReadonlyMap<string, SourceInfo>): PassageEntry[] {
  const part = value as unknown as PassagePart;
  if (part.from !== from || !Array.isArray(part.passages) || !Array.isArray(part.documents)) throw malformed(part.part, 'fragment');
  const documents = new Map<string, StoredDocument>(part.documents.map((d) => [d.id, d]));
  return part.passages.map((p: StoredPassage, k) => {
    const doc = documents.get(p.document);
    if (!doc || typeof p.id !== 'string' || typeof p.text !== 'string' || !Array.isArray(p.headings) || !Array.isArray(p.terms)) {
      throw malformed(part.part, `passage (#${k})`);
    }
    return passageEntry(p, doc, sources.get(doc.source) ?? { id: doc.source, title: {}, languages: [] });
  });
}
