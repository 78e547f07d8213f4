/**
 * The one check of a built index's records, shared by `PolicyIndex.fromJSON` (browser and CLI
 * `query`) and the CLI's `build`/`validate` (which check the index they build before writing it).
 * Every field the renderer or the search reads has its type checked; ids are unique slugs;
 * references point at records that exist; no string holds a control character or an unpaired
 * surrogate. DOM-free and Node-free; linear in the size of the index.
 */
import { isRecord } from './types.js';
import { isWebAddress } from './web-address.js';

export { isWebAddress, webHref } from './web-address.js';

/** Ids are URL-safe slugs (the corpus schema's `$defs/id`). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longest id (the corpus schema's `maxLength`). */
export const MAX_ID_LENGTH = 80;
/**
 * Which records share an id namespace: keywords and passages are both `entries` (looked up by id
 * in one map), documents and sources each have their own.
 */
export const ID_NAMESPACE = { term: 'entry', passage: 'entry', document: 'document', source: 'source' } as const;

/** C0 and C1 control characters and unpaired surrogates: invisible, can hide or spoof text. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this expression is for
export const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const WEB_ADDRESS = 'must be an http:// or https:// address with no user name or password';
const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A field that is wrong: where (`entries[3].title.en`), which record (`id "…"`), and what is wrong. */
export interface IndexProblem {
  /** Path of the field, e.g. `entries[3].source`. */
  path: string;
  /** Id of the record, when it has a readable one. */
  id?: string;
  /** What is wrong, e.g. `must be a string (found number 3)`. */
  problem: string;
}

/** `entries[3].title (id "time-bank"): must be …`: one line naming record and field. */
export function describeProblem(p: IndexProblem): string {
  return `${p.path}${p.id !== undefined ? ` (id ${JSON.stringify(p.id)})` : ''}: ${p.problem}`;
}

class Invalid extends Error {
  constructor(readonly detail: IndexProblem) {
    super(describeProblem(detail));
  }
}

type Obj = Record<string, unknown>;

function found(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  return `${typeof v} ${String(v)}`;
}

/**
 * Records a passage fragment of a sharded index may refer to (src/search/shards/part-check.ts): ids
 * by {@link idKey} (the catalogue's sources and keywords) and the keyword ids.
 */
export interface KnownRecords {
  ids: Map<string, string>;
  keywords: Set<string>;
}

/** Key of an id in its namespace, as the check records ids. */
export const idKey = (namespace: string, id: string): string => `${namespace}\u0000${id}`;

/**
 * The first problem in the records of an index whose top level (format, versions, the four
 * collections) is already known to be there, or undefined when every record is sound. With
 * `known`, the records are a passage fragment's (no hash or variants), which may refer to the
 * `known` records.
 */
export function findIndexProblem(index: Obj, known?: KnownRecords): IndexProblem | undefined {
  try {
    checkIndex(index, known);
    return undefined;
  } catch (e) {
    if (e instanceof Invalid) return e.detail;
    throw e;
  }
}

function checkIndex(index: Obj, known?: KnownRecords): void {
  let recordId: string | undefined;
  const fail = (path: string, problem: string): never => {
    throw new Invalid({ path, ...(recordId !== undefined ? { id: recordId } : {}), problem });
  };
  const str = (v: unknown, path: string, opts: { empty?: boolean } = {}): string => {
    if (typeof v !== 'string') return fail(path, `must be a string (found ${found(v)})`);
    if (!opts.empty && v === '') fail(path, 'must not be empty');
    const bad = FORBIDDEN.exec(v);
    if (bad) {
      const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      fail(path, `holds the control character or unpaired surrogate U+${code} at ${bad.index}`);
    }
    return v;
  };
  const optStr = (o: Obj, key: string, path: string) => (o[key] === undefined ? undefined : str(o[key], `${path}.${key}`));
  const strings = (v: unknown, path: string): string[] => {
    if (!Array.isArray(v)) return fail(path, `must be a list of strings (found ${found(v)})`);
    v.forEach((s, i) => str(s, `${path}[${i}]`));
    return v as string[];
  };
  const obj = (v: unknown, path: string): Obj => (isRecord(v) ? v : fail(path, `must be an object (found ${found(v)})`));
  const bilingual = (v: unknown, path: string, each: (x: unknown, p: string) => unknown) => {
    const o = obj(v, path);
    for (const k of Object.keys(o)) if (k !== 'en' && k !== 'zh') fail(`${path}.${k}`, 'is not a language of the index (en or zh)');
    if (o.en === undefined && o.zh === undefined) fail(path, 'must have "en" or "zh"');
    for (const k of ['en', 'zh']) if (o[k] !== undefined) each(o[k], `${path}.${k}`);
  };
  const lang = (v: unknown, path: string) => (v === 'en' || v === 'zh' ? v : fail(path, `must be "en" or "zh" (found ${found(v)})`));
  const ids = known?.ids ?? new Map<string, string>(); // idKey → where first used
  const id = (v: unknown, path: string, namespace: string): string => {
    const s = str(v, path);
    if (!ID_PATTERN.test(s) || s.length > MAX_ID_LENGTH) {
      fail(path, `${found(s)} is not an id (lower-case letters and digits joined by single hyphens, at most ${MAX_ID_LENGTH})`);
    }
    const key = idKey(namespace, s);
    const first = ids.get(key);
    if (first !== undefined) fail(path, `${found(s)} is already used by ${first}; ids must be unique`);
    ids.set(key, path.replace(/\.id$/, ''));
    return s;
  };
  const ref = (v: unknown, path: string, namespace: string, what: string) => {
    const s = str(v, path);
    if (!ids.has(idKey(namespace, s))) fail(path, `names ${what} ${found(s)} that the index does not have`);
  };

  const termIds = known?.keywords ?? new Set<string>();
  if (!known) {
    str(index.hash, 'hash');
    const variants = obj(index.variants, 'variants');
    for (const [from, to] of Object.entries(variants)) {
      if ([...from].length !== 1) fail('variants', `key ${found(from)} must be one character`);
      if (typeof to !== 'string' || [...to].length !== 1)
        fail(`variants[${JSON.stringify(from)}]`, `must be one character (found ${found(to)})`);
      str(from, 'variants');
      str(to, `variants[${JSON.stringify(from)}]`);
    }
  }

  (index.sources as unknown[]).forEach((s, i) => {
    const at = `sources[${i}]`;
    recordId = undefined;
    const o = obj(s, at);
    recordId = typeof o.id === 'string' ? o.id : undefined;
    id(o.id, `${at}.id`, ID_NAMESPACE.source);
    bilingual(o.title, `${at}.title`, str);
    optStr(o, 'publisher', at);
    optStr(o, 'file', at);
    const url = optStr(o, 'url', at);
    if (url !== undefined && !isWebAddress(url)) {
      fail(`${at}.url`, `${found(url)} ${WEB_ADDRESS}, or a bare host name (e.g. wb.beijing.gov.cn)`);
    }
    const date = optStr(o, 'date', at);
    if (date !== undefined && !isIsoDate(date)) fail(`${at}.date`, `${found(date)} must be a date YYYY-MM-DD`);
    if (!Array.isArray(o.languages) || o.languages.length === 0)
      fail(`${at}.languages`, `must be a list of "en"/"zh" (found ${found(o.languages)})`);
    (o.languages as unknown[]).forEach((l, j) => lang(l, `${at}.languages[${j}]`));
  });

  (index.documents as unknown[]).forEach((d, i) => {
    const at = `documents[${i}]`;
    recordId = undefined;
    const o = obj(d, at);
    recordId = typeof o.id === 'string' ? o.id : undefined;
    id(o.id, `${at}.id`, ID_NAMESPACE.document);
    bilingual(o.title, `${at}.title`, str);
    lang(o.lang, `${at}.lang`);
    ref(o.source, `${at}.source`, ID_NAMESPACE.source, 'a source');
    // A page indexed with `bj-index build --site`: its absolute address.
    const url = optStr(o, 'url', at);
    if (url !== undefined && !(/^https?:\/\//i.test(url) && isWebAddress(url))) fail(`${at}.url`, `${found(url)} ${WEB_ADDRESS}`);
    // A page indexed with `bj-index build --site` that states its publication date.
    const date = optStr(o, 'date', at);
    if (date !== undefined && !isIsoDate(date)) fail(`${at}.date`, `${found(date)} must be a date YYYY-MM-DD`);
  });

  const entries = index.entries as unknown[];
  const passageTerms: Array<[unknown, string, string | undefined]> = [];
  entries.forEach((e, i) => {
    const at = `entries[${i}]`;
    recordId = undefined;
    const o = obj(e, at);
    recordId = typeof o.id === 'string' ? o.id : undefined;
    if (o.kind !== 'term' && o.kind !== 'passage') fail(`${at}.kind`, `must be "term" or "passage" (found ${found(o.kind)})`);
    id(o.id, `${at}.id`, ID_NAMESPACE[o.kind as 'term' | 'passage']);
    if (o.kind === 'term') {
      termIds.add(o.id as string);
      if (o.number !== undefined && !(Number.isSafeInteger(o.number) && (o.number as number) >= 0)) {
        fail(`${at}.number`, `must be a whole number (found ${found(o.number)})`);
      }
      str(o.edition, `${at}.edition`);
      if (o.section !== undefined) bilingual(o.section, `${at}.section`, str);
      bilingual(o.title, `${at}.title`, str);
      bilingual(o.definition, `${at}.definition`, strings);
      const aliases = obj(o.aliases, `${at}.aliases`);
      strings(aliases.en, `${at}.aliases.en`);
      strings(aliases.zh, `${at}.aliases.zh`);
      ref(o.source, `${at}.source`, ID_NAMESPACE.source, 'a source');
      if (o.pinyin !== undefined) {
        const p = obj(o.pinyin, `${at}.pinyin`);
        strings(p.keys, `${at}.pinyin.keys`);
        strings(p.syllables, `${at}.pinyin.syllables`);
      }
    } else {
      ref(o.document, `${at}.document`, ID_NAMESPACE.document, 'a document');
      strings(o.headings, `${at}.headings`);
      str(o.text, `${at}.text`);
      strings(o.terms, `${at}.terms`);
      optStr(o, 'anchor', at);
      passageTerms.push([o.terms, at, recordId]);
    }
  });
  // Keyword references last: a passage may name a keyword stored after it.
  for (const [terms, at, passageId] of passageTerms) {
    recordId = passageId;
    (terms as string[]).forEach((t, j) => {
      if (!termIds.has(t)) fail(`${at}.terms[${j}]`, `names a keyword ${found(t)} that the index does not have`);
    });
  }
}

/** A real calendar date `YYYY-MM-DD` (no 2023-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
