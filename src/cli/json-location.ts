/**
 * Where a JSON text stops being valid JSON, as a line and column an editor can jump to.
 *
 * `JSON.parse` stays the authority on what is valid; this only locates its failures, because
 * V8's messages give no position for some of them (`Unexpected token 'a', "abc" is not valid
 * JSON`) and give a byte offset, not a line, for the rest.
 */

export interface JsonLocation {
  /** UTF-16 offset of the first character that cannot continue a JSON text. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in characters (code points), as editors show it. */
  column: number;
}

/**
 * Deepest nesting of arrays and objects `bj-index` reads. A corpus file needs 6 levels, an index 5;
 * a deeper file is refused before anything walks it recursively (ajv, our own scanner), so a
 * hostile `[[[[…` is an error with a line and column instead of a stack overflow.
 */
export const MAX_JSON_DEPTH = 64;

/** Offset of the bracket that opens level `max + 1` of `text`, or -1 when no nesting is deeper. Iterative. */
export function tooDeepOffset(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** Offset of the first syntax error in `text`, or -1 if it is valid JSON (RFC 8259). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  let depth = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  // Each parse step returns true on success, false with `i` at the offending character.
  const value = (): boolean => {
    ws();
    if (i >= n) return false;
    const c = text[i];
    // Never recurse without bound (callers check `tooDeepOffset` first; this is the backstop).
    if ((c === '{' || c === '[') && depth >= MAX_JSON_DEPTH * 4) return false;
    if (c === '{') {
      depth++;
      const ok = object();
      depth--;
      return ok;
    }
    if (c === '[') {
      depth++;
      const ok = array();
      depth--;
      return ok;
    }
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return true;
      }
    }
    // Point at the first character where the literal goes wrong, e.g. `tru}` → `}`.
    for (const lit of ['true', 'false', 'null']) {
      if (lit[0] === c) {
        let k = 0;
        while (k < lit.length && text[i + k] === lit[k]) k++;
        i += k;
        return false;
      }
    }
    return false;
  };
  const object = (): boolean => {
    i++; // {
    ws();
    if (text[i] === '}') {
      i++;
      return true;
    }
    for (;;) {
      ws();
      if (text[i] !== '"' || !string()) return false;
      ws();
      if (text[i] !== ':') return false;
      i++;
      if (!value()) return false;
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return true;
      }
      return false;
    }
  };
  const array = (): boolean => {
    i++; // [
    ws();
    if (text[i] === ']') {
      i++;
      return true;
    }
    for (;;) {
      if (!value()) return false;
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return true;
      }
      return false;
    }
  };
  const string = (): boolean => {
    i++; // "
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            while (i < n && /[0-9a-fA-F]/.test(text[i]!)) i++;
            return false;
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          i++;
          return false;
        }
      } else {
        i++;
      }
    }
    return false;
  };
  const number = (): boolean => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m) {
      if (text[i] === '-') i++;
      return false;
    }
    i += m[0].length;
    return true;
  };

  if (!value()) return Math.min(i, n);
  ws();
  return i < n ? i : -1;
}

/** Line and column of a UTF-16 offset in `text`. */
export function locate(text: string, offset: number): JsonLocation {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = (before.match(/\n/g)?.length ?? 0) + 1;
  // Columns count code points, so a line of Chinese text is not off by surrogate pairs.
  const column = Array.from(before.slice(lineStart)).length + 1;
  return { offset, line, column };
}

/**
 * Describes why `text` is not JSON: the location and a short reason, e.g.
 * `line 3, column 5: expected "," or "}" after a property value, found "\"b\""`.
 */
export function describeJsonError(text: string, error: unknown): string {
  const deep = tooDeepOffset(text);
  if (deep >= 0) return describeTooDeep(text, deep);
  let offset = jsonErrorOffset(text);
  if (offset < 0) {
    // Our scanner found nothing (should not happen); fall back to V8's byte position.
    const m = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    offset = m ? Number(m[1]) : 0;
  }
  const { line, column } = locate(text, offset);
  const found = offset >= text.length ? 'end of file' : quoteChar(text, offset);
  return `line ${line}, column ${column}: unexpected ${found}${hint(text, offset)}`;
}

/** `line 2, column 9: nested more than 64 levels deep …`, for a bracket found by {@link tooDeepOffset}. */
export function describeTooDeep(text: string, offset: number): string {
  const { line, column } = locate(text, offset);
  return `line ${line}, column ${column}: arrays and objects nested more than ${MAX_JSON_DEPTH} levels deep (a corpus file needs 6)`;
}

/** A likely cause for the commonest hand-editing slips. */
function hint(text: string, offset: number): string {
  const prev = text.slice(0, offset).trimEnd().at(-1);
  const here = text[offset];
  if ((here === '}' || here === ']') && prev === ',') return ' (trailing comma before it?)';
  if ((here === '"' || here === '{' || here === '[') && prev !== undefined && /["}\]0-9el]/.test(prev)) {
    return ' (missing comma before it?)';
  }
  if (here === "'") return ' (JSON strings use double quotes)';
  if (offset >= text.length) return text.trim() === '' ? ' (the file is empty)' : ' (unclosed string, object or array?)';
  return '';
}

function quoteChar(text: string, offset: number): string {
  const cp = text.codePointAt(offset)!;
  const ch = String.fromCodePoint(cp);
  if (cp < 0x20) return `control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return ch === "'" ? `"'"` : `'${ch}'`;
}
