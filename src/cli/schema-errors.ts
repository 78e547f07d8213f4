/**
 * ajv's errors for a corpus file turned into `bj: FILE: RECORD: /FIELD: problem` lines an editor can
 * act on (src/cli/corpus-check.ts checks the files; this says what is wrong, in document order,
 * without the noise of combinators).
 */
import type { ErrorObject } from 'ajv';
import { editDistance } from '../search/edit-distance.js';
import { packageVersion } from './package-info.js';

/**
 * Turns ajv errors into `bj: FILE: RECORD: /FIELD: problem` lines, in document order, without the
 * noise of combinators (an `anyOf` reports one line, not one per branch).
 */
export function formatSchemaErrors(file: string, data: unknown, errors: ErrorObject[], readVersion: unknown = 1): string[] {
  // A file of another format or schema version would only produce noise beyond that one fact.
  const decisive = errors.filter((e) => e.keyword === 'const' && (e.instancePath === '/format' || e.instancePath === '/schemaVersion'));
  const relevant = decisive.length > 0 ? decisive : collapseCombinators(errors);
  const lines: string[] = [];
  for (const e of sortByDocumentOrder(relevant)) {
    const line = `bj: ${file}: ${describeError(e, data, readVersion)}`;
    if (!lines.includes(line)) lines.push(line);
  }
  if (lines.length === 0) lines.push(`bj: ${file}: does not match the corpus schema`);
  return lines;
}

interface Described {
  keyword: string;
  instancePath: string;
  message: string;
}

function collapseCombinators(errors: ErrorObject[]): (ErrorObject | Described)[] {
  const out: (ErrorObject | Described)[] = [];
  const absorbed = new Set<ErrorObject>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    const branches = errors.filter(
      (b) => b !== e && b.schemaPath.startsWith(`${e.schemaPath}/`) && b.instancePath.startsWith(e.instancePath),
    );
    for (const b of branches) absorbed.add(b);
  }
  for (const e of errors) {
    if (absorbed.has(e) || e.keyword === 'if') continue;
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      const branches = errors.filter(
        (b) => b !== e && b.schemaPath.startsWith(`${e.schemaPath}/`) && b.instancePath.startsWith(e.instancePath),
      );
      out.push({ keyword: e.keyword, instancePath: e.instancePath, message: combinatorMessage(e, branches) });
    } else {
      out.push(e);
    }
  }
  return out;
}

function combinatorMessage(e: ErrorObject, branches: ErrorObject[]): string {
  if (e.keyword === 'oneOf' && Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas)) {
    return 'matches more than one of the allowed forms; make it match exactly one';
  }
  const missing = branches.filter((b) => b.keyword === 'required' && b.instancePath === e.instancePath);
  if (missing.length > 0 && missing.length === branches.length) {
    const names = [...new Set(missing.map((b) => `"${(b.params as { missingProperty: string }).missingProperty}"`))];
    return `must have property ${names.join(' or ')}`;
  }
  const types = branches.filter((b) => b.keyword === 'type' && b.instancePath === e.instancePath);
  if (types.length > 0 && types.length === branches.length) {
    const names = [...new Set(types.map((b) => String((b.params as { type: unknown }).type)))];
    return `must be ${names.map(withArticle).join(' or ')} (found ${describeValue(e.data)})`;
  }
  const reasons = [...new Set(branches.map((b) => describeKeyword(b, undefined)))];
  return reasons.length > 0 ? `must be one of the allowed forms: ${reasons.join('; or ')}` : 'must match one of the allowed forms';
}

function sortByDocumentOrder<T extends { instancePath: string }>(errors: T[]): T[] {
  const key = (p: string) => p.split('/').slice(1);
  return [...errors].sort((a, b) => {
    const ka = key(a.instancePath);
    const kb = key(b.instancePath);
    for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
      if (ka[i] === kb[i]) continue;
      const na = Number(ka[i]);
      const nb = Number(kb[i]);
      if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb;
      return 0; // keep the schema's order among sibling properties
    }
    return ka.length - kb.length;
  });
}

/** `RECORD: /FIELD: problem`, e.g. `terms[2] (id "time-bank"): /title: must have property "en" or "zh"`. */
function describeError(e: ErrorObject | Described, data: unknown, readVersion: unknown): string {
  const segments = e.instancePath === '' ? [] : e.instancePath.split('/').slice(1).map(unescapePointer);
  const { label, rest } = recordLabel(data, segments);
  let field = rest.length > 0 ? `/${rest.map(escapePointer).join('/')}` : '';
  let problem: string;
  if ('schemaPath' in e) {
    const named = namedProperty(e);
    if (named !== undefined) field += `/${escapePointer(named)}`;
    problem = describeKeyword(e, readVersion);
  } else {
    problem = e.message;
  }
  const where = [label, field].filter((s) => s !== '').join(': ');
  return where === '' ? `the file ${problem}` : `${where}: ${problem}`;
}

/** The property an error is about when ajv reports it on the parent object. */
function namedProperty(e: ErrorObject): string | undefined {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required' || e.keyword === 'dependentRequired') return p.missingProperty as string;
  if (e.keyword === 'additionalProperties') return p.additionalProperty as string;
  if (e.keyword === 'unevaluatedProperties') return p.unevaluatedProperty as string;
  return undefined;
}

/**
 * Splits a path into the record it is in and the field path within it: `terms/2/title` →
 * `terms[2] (id "time-bank")` + `title`; passages are named inside their document.
 */
function recordLabel(data: unknown, segments: string[]): { label: string; rest: string[] } {
  const at = (v: unknown, k: string): unknown => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined);
  const idOf = (v: unknown) => {
    const id = at(v, 'id');
    return typeof id === 'string' ? ` (id ${JSON.stringify(id)})` : '';
  };
  const [top, i, sub, j] = segments;
  if ((top === 'terms' || top === 'documents') && i !== undefined && /^\d+$/.test(i)) {
    const record = at(at(data, top), i);
    if (top === 'documents' && sub === 'passages' && j !== undefined && /^\d+$/.test(j)) {
      const passage = at(at(record, 'passages'), j);
      return { label: `documents[${i}].passages[${j}]${idOf(passage)}`, rest: segments.slice(4) };
    }
    return { label: `${top}[${i}]${idOf(record)}`, rest: segments.slice(2) };
  }
  if (top === 'source' && segments.length > 1) return { label: `source${idOf(at(data, 'source'))}`, rest: segments.slice(1) };
  return { label: '', rest: segments };
}

function describeKeyword(e: ErrorObject, readVersion: unknown): string {
  const p = e.params as Record<string, unknown>;
  const schema = e.schema as unknown;
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'required property is missing; add it';
    case 'dependentRequired':
      return `required when "${String(p.property)}" is present; add it`;
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(p.additionalProperty ?? p.unevaluatedProperty);
      const allowed = Object.keys((parent.properties as object | undefined) ?? {});
      const guess = closest(name, allowed);
      const list = allowed.length > 0 ? `; allowed here: ${allowed.join(', ')}` : '';
      return `unexpected property ${JSON.stringify(name)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}${list}`;
    }
    case 'type':
      return `must be ${[p.type]
        .flat()
        .map((t) => withArticle(String(t)))
        .join(' or ')} (found ${describeValue(e.data)})`;
    case 'pattern':
      return `${describeValue(e.data)} does not match the pattern ${String(p.pattern)}${explain(parent)}`;
    case 'format':
      return `${describeValue(e.data)} is not a valid ${String(p.format)}${p.format === 'date' ? ' (YYYY-MM-DD)' : ''}`;
    case 'const':
      if (e.instancePath === '/schemaVersion') {
        return (
          `is ${JSON.stringify(e.data) ?? 'missing'}, but bj-policy-widgets ${packageVersion()} reads schemaVersion ` +
          `${JSON.stringify(readVersion)}; convert the file to schemaVersion ${JSON.stringify(readVersion)} ` +
          'or use the bj-policy-widgets release that reads it'
        );
      }
      if (e.instancePath === '/format') {
        return `is ${describeValue(e.data)}, not "bj-corpus": this is not a corpus file; remove it from the inputs`;
      }
      return `must be ${JSON.stringify(p.allowedValue)} (found ${describeValue(e.data)})`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (found ${describeValue(e.data)})`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(p.limit)} characters long (found ${String((e.data as string).length)})`;
    case 'minItems':
      return p.limit === 1 ? 'must not be an empty list' : `must have at least ${String(p.limit)} items`;
    case 'maxItems':
      return `must have at most ${String(p.limit)} items`;
    case 'minProperties': {
      const props = Object.keys((parent.properties as object | undefined) ?? {});
      if (p.limit === 1 && props.length > 0) return `must have property ${props.map((k) => JSON.stringify(k)).join(' or ')}`;
      return `must have at least ${String(p.limit)} properties`;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(p.comparison)} ${String(p.limit)} (found ${describeValue(e.data)})`;
    case 'multipleOf':
      return `must be a multiple of ${String(p.multipleOf)} (found ${describeValue(e.data)})`;
    case 'uniqueItems':
      return `items ${String(p.j)} and ${String(p.i)} are identical; remove one`;
    case 'contains':
      return 'must contain at least one matching item';
    case 'not':
      return 'has a value that is not allowed here';
    case 'propertyNames':
      return `has a property name that is not allowed (${describeValue(p.propertyName)})`;
    case 'false schema':
      return schema === false ? 'is not allowed here; remove it' : 'is not allowed here';
    default:
      return e.message ?? `fails the "${e.keyword}" rule of the schema`;
  }
}

/** The first sentence of a schema's description, as a reminder of what the rule means. */
function explain(schema: Record<string, unknown>): string {
  const d = schema.description;
  if (typeof d !== 'string' || d === '') return '';
  const sentence = /^.*?[.](?=\s+[A-Z]|$)/s.exec(d)?.[0] ?? d;
  return ` (${sentence.replace(/[.]$/, '')})`;
}

function withArticle(type: string): string {
  const noun = type === 'integer' ? 'whole number' : type === 'object' ? 'object ({…})' : type === 'array' ? 'list ([…])' : type;
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (v === undefined) return 'nothing';
  return `${typeof v} ${String(v)}`;
}

function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The allowed name closest to a misspelt one, if it is close enough to be a typo. */
function closest(name: string, allowed: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}
