/**
 * Checks corpus files (`data/*.json`) the way an editor needs: JSON syntax with line and column,
 * the JSON Schema (draft 2020-12, validated by ajv with `allErrors`) turned into one readable line
 * per problem naming file, record and field, and the checks one file cannot make alone
 * (ids unique across the corpus). Pure: no file system access except loading the package schema.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import type Ajv2020 from 'ajv/dist/2020.js';
import type { CorpusFile, SynonymsFile } from '../search/types.js';
import { ID_NAMESPACE } from '../search/validate.js';
import { describeJsonError, describeTooDeep, tooDeepOffset } from './json-location.js';
import { formatSchemaErrors } from './schema-errors.js';
import { packageSchemaPath, packageSynonymsSchemaPath } from './package-info.js';

/** What checking one file gives: the parsed corpus, or at least one `bj:` error line. */
export type CheckResult = { data: CorpusFile | SynonymsFile; errors?: undefined } | { data?: undefined; errors: string[] };

export type CorpusChecker = (file: string, text: string) => CheckResult;

/** A file that passed {@link checkCorpus}. */
export interface CheckedCorpus {
  file: string;
  data: CorpusFile | SynonymsFile;
}

/**
 * The ajv instance every corpus schema is compiled with (here, or by write-validators.ts at
 * `npm run build:cli`, with `source` set so that its code can be written out).
 */
export function corpusAjv(source = false): Ajv2020 {
  // Loaded only here: a run with the prebuilt validators never compiles a schema.
  const Ajv = (createRequire(import.meta.url)('ajv/dist/2020.js') as { default: typeof Ajv2020 }).default;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, ...(source ? { code: { source } } : {}) });
  // ajv ships no formats; these are the ones a corpus schema can reasonably use.
  ajv.addFormat('date', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('uri-reference', /^[^\s]*$/);
  ajv.addFormat('hostname', /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i);
  return ajv;
}

/** Builds a checker for one schema (a JSON Schema 2020-12 object). Throws if the schema does not compile. */
export function createCorpusChecker(schema: object): CorpusChecker {
  return checkerOf(corpusAjv().compile(schema), schema);
}

function checkerOf(validate: ValidateFunction, schema: object): CorpusChecker {
  const readVersion = supportedSchemaVersion(schema);
  return (file, text) => checkWith(validate, readVersion, file, text);
}

/** The package's schemas' validators as compiled at `npm run build:cli` (write-validators.ts), beside the bundle. */
interface PrebuiltValidators {
  /** sha256 of each schema file's text the validator was compiled from. */
  schemas: Record<'corpus' | 'synonyms', string>;
  corpus: ValidateFunction;
  synonyms: ValidateFunction;
}

let prebuilt: PrebuiltValidators | null | undefined;

/**
 * The checker of a package schema: its validator compiled at `npm run build:cli` when it was
 * compiled from this very schema text (about 2 ms to load instead of 130 ms to compile), else
 * compiled now (the sources run unbundled, or the schema file changed since).
 */
function packageChecker(name: 'corpus' | 'synonyms', path: string): CorpusChecker {
  const { text, schema } = readPackageSchema(path);
  if (prebuilt === undefined) {
    const file = fileURLToPath(new URL('./corpus-validators.cjs', import.meta.url));
    prebuilt = existsSync(file) ? (createRequire(import.meta.url)(file) as PrebuiltValidators) : null;
  }
  if (prebuilt?.schemas[name] === createHash('sha256').update(text).digest('hex')) return checkerOf(prebuilt[name], schema);
  return createCorpusChecker(schema);
}

let defaultChecker: CorpusChecker | undefined;

/**
 * Checks one corpus file's text against the package's schema (`data/schema/corpus.schema.json`).
 * Never throws for any input text; returns the data or a non-empty list of `bj:` lines.
 */
export function checkCorpus(file: string, text: string): CheckResult {
  if (isSynonymsText(text)) {
    synonymsChecker ??= packageChecker('synonyms', packageSynonymsSchemaPath);
    return synonymsChecker(file, text);
  }
  defaultChecker ??= packageChecker('corpus', packageSchemaPath);
  return defaultChecker(file, text);
}

let synonymsChecker: CorpusChecker | undefined;

/** True for the text of an editors' synonyms file (`"format": "bj-synonyms"`), checked by its own schema. */
function isSynonymsText(raw: string): boolean {
  if (!raw.includes('bj-synonyms')) return false;
  try {
    const data = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw) as unknown;
    return typeof data === 'object' && data !== null && (data as { format?: unknown }).format === 'bj-synonyms';
  } catch {
    return false;
  }
}

/** Reads one of the package's schemas, its text and its value; throws a `bj:` error if it is missing or broken. */
export function readPackageSchema(path: string): { text: string; schema: object } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`bj: schema not found at ${path}; reinstall bj-policy-widgets`);
  }
  try {
    return { text, schema: JSON.parse(text) as object };
  } catch (e) {
    throw new Error(`bj: schema ${path} is not valid JSON: ${describeJsonError(text, e)}`);
  }
}

function supportedSchemaVersion(schema: object): unknown {
  const props = (schema as { properties?: Record<string, { const?: unknown; enum?: unknown[] }> }).properties;
  return props?.schemaVersion?.const ?? props?.schemaVersion?.enum?.at(-1) ?? 1;
}

function checkWith(validate: ValidateFunction, readVersion: unknown, file: string, raw: string): CheckResult {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw; // editors on Windows add a BOM
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { errors: [`bj: ${file}: not valid JSON: ${describeJsonError(text, e)}; fix the file and run again`] };
  }
  const deep = tooDeepOffset(text);
  if (deep >= 0) return { errors: [`bj: ${file}: ${describeTooDeep(text, deep)}; fix the file and run again`] };
  if (validate(data)) return { data: data as CorpusFile | SynonymsFile };
  return { errors: formatSchemaErrors(file, data, validate.errors ?? [], readVersion) };
}

// ---------------------------------------------------------------------------------------------
// Checks across files
// ---------------------------------------------------------------------------------------------

/**
 * What no single file can check: term, document and passage ids are unique across the corpus,
 * keyword numbers are unique within an edition, and files that share a source id describe
 * the same source.
 */
export function checkAcrossFiles(corpora: CheckedCorpus[]): string[] {
  const errors: string[] = [];
  const seen = new Map<string, string>(); // namespace + key → where first seen
  /** Records `key` in `namespace`; a second use is an error at `where` naming the first. */
  const claim = (namespace: string, key: string, where: string, field: string, what: string, rule: string) => {
    const k = `${namespace}\u0000${key}`;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, where);
    else errors.push(`bj: ${where}: ${field}: ${what} is already used by ${first}; ${rule}, so change one of them`);
  };
  const unique = (kind: string) => `${kind} ids must be unique across all corpus files`;
  // Keywords and passages share one namespace, as in the built index (src/search/validate.ts).
  const ENTRY_IDS_UNIQUE = 'keyword and passage ids must be unique across all corpus files (they share one namespace)';
  const sources = new Map<string, { file: string; json: string }>();
  for (const { file, data } of corpora) {
    if (data.format === 'bj-synonyms') continue;
    const source = sources.get(data.source.id);
    const json = JSON.stringify(data.source);
    if (source === undefined) {
      sources.set(data.source.id, { file, json });
    } else if (source.json !== json) {
      errors.push(
        `bj: ${file}: source (id ${JSON.stringify(data.source.id)}): differs from the source with the same id in ${source.file}; ` +
          'give it another id or make the two identical',
      );
    }
    (data.terms ?? []).forEach((term, i) => {
      const where = `${file}: terms[${i}] (id ${JSON.stringify(term.id)})`;
      claim(ID_NAMESPACE.term, term.id, where, '/id', JSON.stringify(term.id), ENTRY_IDS_UNIQUE);
      if (term.number !== undefined) {
        const what = `number ${term.number} of ${JSON.stringify(term.edition)}`;
        claim('number', `${term.edition}\u0000${term.number}`, where, '/number', what, 'an edition numbers each keyword once');
      }
    });
    (data.documents ?? []).forEach((doc, i) => {
      const where = `${file}: documents[${i}] (id ${JSON.stringify(doc.id)})`;
      claim(ID_NAMESPACE.document, doc.id, where, '/id', JSON.stringify(doc.id), unique('document'));
      doc.passages.forEach((passage, j) => {
        const where = `${file}: documents[${i}].passages[${j}] (id ${JSON.stringify(passage.id)})`;
        claim(ID_NAMESPACE.passage, passage.id, where, '/id', JSON.stringify(passage.id), ENTRY_IDS_UNIQUE);
      });
    });
  }
  return errors;
}

/** Number of terms and passages in checked corpora. */
export function countRecords(corpora: CheckedCorpus[]): { terms: number; passages: number } {
  let terms = 0;
  let passages = 0;
  for (const { data } of corpora) {
    if (data.format === 'bj-synonyms') continue;
    terms += data.terms?.length ?? 0;
    for (const doc of data.documents ?? []) passages += doc.passages.length;
  }
  return { terms, passages };
}
