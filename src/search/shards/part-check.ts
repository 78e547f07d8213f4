/**
 * The checks of a sharded index's manifest and parts, trusted no more than a one-file index: the
 * records of a passage fragment go through the one-file index's check (src/search/validate.ts),
 * term and form partitions are checked record by record (types, field ids among the manifest's, no
 * `__proto__`, document numbers in range), and the manifest's counts are bounded, so a crafted
 * index gets a `bj:` error instead of freezing or crashing the search. The parts' base must stay
 * inside the entry file's folder: a tampered manifest cannot send part requests (which reveal what
 * readers type) elsewhere, nor make `bj-index query` read other files. DOM-free and Node-free.
 */
import { unmark } from '../engine.js';
import { isHanBigram } from './contiguity.js';
import { describeProblem, findIndexProblem, ID_NAMESPACE, idKey, type IndexProblem } from '../validate.js';
import { BjError } from '../types.js';
import type { ShardManifest } from './format.js';
import { partCount, type PartKind } from './part-names.js';

/** Most documents (keywords + passages) a sharded index may hold: field-length tables are allocated per document. */
export const MAX_SHARD_DOCUMENTS = 2_000_000;
/** Most passages per fragment. */
export const MAX_PASSAGES_PER_FRAGMENT = 1_000;

const isCount = (v: unknown, min = 0): v is number => Number.isSafeInteger(v) && (v as number) >= min;

/**
 * Checks what the manifest's structural check (`checkManifest`) leaves: bounded counts, field ids,
 * and a `base` that is relative and inside the entry's folder. Returns the parts' absolute base URL.
 */
export function checkManifestTrust(m: ShardManifest, entryUrl: string): string {
  const bad = (what: string) =>
    new BjError(
      'format',
      `bj: the index at ${entryUrl} has a broken "shards" manifest (${what}); rebuild it with \`npx bj-index build --shards\`.`,
    );
  if (m.documentCount > MAX_SHARD_DOCUMENTS)
    throw bad(`documentCount ${m.documentCount} is over ${MAX_SHARD_DOCUMENTS.toLocaleString('en')}`);
  if (m.passages.per > MAX_PASSAGES_PER_FRAGMENT) throw bad(`passages.per ${m.passages.per} is over ${MAX_PASSAGES_PER_FRAGMENT}`);
  const fieldIds = Object.values(m.fieldIds);
  if (!fieldIds.every((id) => isCount(id) && id < fieldIds.length) || new Set(fieldIds).size !== fieldIds.length)
    throw bad('fieldIds are not the numbers 0 to n-1');
  if (m.averageFieldLength.length !== fieldIds.length) throw bad('averageFieldLength does not have one length per field');
  if (!m.pinyinTerms.every((t) => Array.isArray(t) && typeof t[0] === 'string' && Number.isSafeInteger(t[1]))) throw bad('pinyinTerms');
  return partsBase(m.base, entryUrl, bad);
}

/**
 * The absolute URL of the parts' folder: `base` must be a relative path of folder names ending
 * with `/` (no scheme, no leading `/`, no `.` or `..` segment, no `\`, `%`, `?` or `#`) that
 * resolves inside the entry's folder.
 */
function partsBase(base: string, entryUrl: string, bad: (what: string) => BjError): string {
  const outside = () => bad(`base ${JSON.stringify(base.slice(0, 80))} is not a folder beside the entry file`);
  const segments = base.split('/');
  if (!base.endsWith('/') || /^[a-z][a-z0-9+.-]*:|[\\%?#]/i.test(base) || segments[0] === '') throw outside();
  if (segments.slice(0, -1).some((s) => s === '' || s === '.' || s === '..')) throw outside();
  const folder = new URL('./', entryUrl);
  const resolved = new URL(base, entryUrl);
  if (resolved.origin !== folder.origin || !resolved.href.startsWith(folder.href)) throw outside();
  return resolved.href;
}

/** What a part is checked against. */
export interface PartContext {
  /** The part's absolute URL, for messages. */
  url: string;
  /** Its kind and number (a lexicon partition's number in the manifest's `lexicon.files`). */
  kind: PartKind | 'lexicon';
  i: number;
  manifest: ShardManifest;
  /** Ids of the catalogue's sources and keywords (what a passage may refer to). */
  sources: Iterable<string>;
  keywords: Iterable<string>;
}

/**
 * Checks a parsed part whose `format`, `part` and `index` are already known to be right: its records
 * by its kind. Throws a `BjError` (`format`) naming the part and the record.
 */
export function checkPart(value: Record<string, unknown>, ctx: PartContext): void {
  const m = ctx.manifest;
  const bad = (what: string) =>
    new BjError(
      'format',
      `bj: part ${ctx.url} of the index has a malformed record at ${what}; rebuild the index with \`npx bj-index build\` and publish it again.`,
    );
  if (ctx.kind === 'terms') {
    checkTerms(value.terms, m, bad);
    if (value.positions !== undefined) checkPositions(value.positions, value.terms as unknown[][], m, bad);
  } else if (ctx.kind === 'forms') checkForms(value.forms, bad);
  else if (ctx.kind === 'lexicon') for (const map of ['zh', 'en', 'syn'] as const) checkLexiconMap(value[map], map, bad);
  else {
    const i = ctx.i;
    const passages = value.passages;
    const expected = i === partCount(m, 'passages') - 1 ? m.passageCount - i * m.passages.per : m.passages.per;
    if (Array.isArray(passages) && passages.length !== expected)
      throw bad(`passages (${passages.length} passages, the manifest says ${expected})`);
    const problem = findFragmentProblem({ documents: value.documents, passages }, ctx);
    if (problem) throw bad(describeProblem(problem));
  }
}

/**
 * The first problem in a fragment's `documents` and `passages`, as the one-file index's check names
 * it, with the catalogue's sources and keywords known (a passage may name them, not reuse their ids).
 */
function findFragmentProblem(
  fragment: { documents: unknown; passages: unknown },
  catalogue: { sources: Iterable<string>; keywords: Iterable<string> },
): IndexProblem | undefined {
  for (const key of ['documents', 'passages'] as const) {
    if (!Array.isArray(fragment[key])) return { path: key, problem: 'must be a list' };
  }
  const notPassage = (fragment.passages as unknown[]).findIndex((p) => (p as { kind?: unknown } | null)?.kind !== 'passage');
  if (notPassage >= 0) return { path: `passages[${notPassage}].kind`, problem: 'must be "passage"' };
  const ids = new Map<string, string>();
  for (const s of catalogue.sources) ids.set(idKey(ID_NAMESPACE.source, s), 'the catalogue');
  const keywords = new Set(catalogue.keywords);
  for (const k of keywords) ids.set(idKey(ID_NAMESPACE.term, k), 'a keyword of the catalogue');
  const problem = findIndexProblem({ sources: [], documents: fragment.documents, entries: fragment.passages }, { ids, keywords });
  return problem && { ...problem, path: problem.path.replace(/^entries\[/, 'passages[') };
}

function checkTerms(terms: unknown, m: ShardManifest, bad: (what: string) => BjError): void {
  if (!Array.isArray(terms)) throw bad('terms (not a list)');
  const fields = new Set(Object.values(m.fieldIds));
  terms.forEach((r: unknown, i) => {
    const at = `terms[${i}]`;
    if (!Array.isArray(r) || r.length !== 5 || typeof r[0] !== 'string')
      throw bad(`${at} (not a [term, rank, df, acronym, postings] record)`);
    const [, rank, df, acronym, postings] = r as unknown[];
    if (!isCount(rank, -1) || !isCount(df) || (acronym !== 0 && acronym !== 1) || !Array.isArray(postings))
      throw bad(`${at} (rank, document frequency or acronym flag)`);
    postings.forEach((p: unknown, j) => {
      const where = `${at}[4][${j}]`;
      if (!Array.isArray(p) || p.length !== 4 || !fields.has(p[0] as number))
        throw bad(`${where} (field id ${JSON.stringify(Array.isArray(p) ? p[0] : p)})`);
      const [, deltas, tf, lengths] = p as [number, unknown, unknown, unknown];
      if (
        !Array.isArray(deltas) ||
        !Array.isArray(tf) ||
        !Array.isArray(lengths) ||
        tf.length !== deltas.length ||
        lengths.length !== deltas.length
      )
        throw bad(`${where} (lists of unequal length)`);
      let doc = 0;
      for (let k = 0; k < deltas.length; k++) {
        if (!isCount(deltas[k], k === 0 ? 0 : 1) || !isCount(tf[k], 1) || !isCount(lengths[k])) throw bad(`${where} (posting ${k})`);
        doc += deltas[k] as number;
        if (doc >= m.documentCount) throw bad(`${where} (document ${doc} of ${m.documentCount})`);
      }
    });
  });
}

/**
 * The `positions` list of a term partition (format.ts: `StoredPositions`), its terms already checked:
 * one entry per term; a Han bigram with `text` postings has one number per occurrence (a place, then
 * gaps of 1 or more); every other term has 0.
 */
function checkPositions(positions: unknown, terms: unknown[][], m: ShardManifest, bad: (what: string) => BjError): void {
  if (!Array.isArray(positions) || positions.length !== terms.length)
    throw bad(
      `positions (not a list of one entry per term: ${Array.isArray(positions) ? positions.length : typeof positions} for ${terms.length})`,
    );
  const textField = m.fieldIds.text;
  positions.forEach((list: unknown, i) => {
    const at = `positions[${i}]`;
    const [term, , , , postings] = terms[i] as [string, number, number, number, Array<[number, number[], number[], number[]]>];
    const text = isHanBigram(term) ? postings.find((p) => p[0] === textField) : undefined;
    if (!text) {
      if (list !== 0) throw bad(`${at} (${JSON.stringify(unmark(term))} has no places to list: 0 expected)`);
      return;
    }
    const tf = text[2];
    const count = tf.reduce((a, b) => a + b, 0);
    if (!Array.isArray(list) || list.length !== count)
      throw bad(`${at} (not a list of ${count} places, one per occurrence of ${JSON.stringify(unmark(term))} in the text field)`);
    let n = 0;
    for (const occurrences of tf) {
      for (let j = 0; j < occurrences; j++, n++) {
        if (!isCount(list[n], j === 0 ? 0 : 1))
          throw bad(`${at}[${n}] (${j === 0 ? 'a place' : 'a gap of 1 or more'} expected, found ${JSON.stringify(list[n])})`);
      }
    }
  });
}

/** A lexicon map: own keys only, each a list of non-empty strings (`xlang-format.ts`). */
function checkLexiconMap(map: unknown, name: string, bad: (what: string) => BjError): void {
  if (typeof map !== 'object' || map === null || Array.isArray(map) || Object.getPrototypeOf(map) !== Object.prototype)
    throw bad(`${name} (not an object)`);
  for (const key of Object.keys(map)) {
    const list = (map as Record<string, unknown>)[key];
    if (key === '' || key === '__proto__' || !Array.isArray(list) || !list.every((s) => typeof s === 'string' && s !== ''))
      throw bad(`${name}[${JSON.stringify(key.slice(0, 40))}] (not a list of words)`);
  }
}

function checkForms(forms: unknown, bad: (what: string) => BjError): void {
  if (!Array.isArray(forms)) throw bad('forms (not a list)');
  forms.forEach((f: unknown, i) => {
    if (!Array.isArray(f) || f.length !== 2 || typeof f[0] !== 'string' || typeof f[1] !== 'string' || f[0] === '')
      throw bad(`forms[${i}] (not a [form, stem] pair of strings)`);
  });
}
