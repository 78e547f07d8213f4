/**
 * Vite/Rollup plugin: minifies the text of Lit `css` and `html` tagged templates in our sources at
 * build time. esbuild minifies the code around them but leaves template literals as written, so
 * indentation and CSS comments were shipped to every visitor.
 *
 * - css`…`: comments removed, whitespace runs collapsed, no space around `{ } ; , ` or after `:`,
 *   no `;` before `}`. Strings are kept as written; `calc(a + b)`, `a :hover` and `and (` keep
 *   their (meaningful) spaces.
 * - html`…`: in text, a whitespace run that contains a line break becomes one space (HTML renders
 *   any such run as one space anyway, outside `white-space: pre*`; none of our templates uses it,
 *   and `<pre>`, `<textarea>`, `<script>`, `<style>` content is left alone); runs without a line
 *   break are kept exactly, so `${a} ${b}` and ` · ` stay. Inside a tag, runs become one space
 *   and go before `>`; quoted attribute values and `<!-- -->` are kept as written.
 * - `${…}` expressions are never touched; the state (in a tag, in a string…) carries across them.
 *
 * Only modules matching `include` (default: our own `src/`) are processed; tags are recognised by
 * their identifier (`css`, `html`, `svg`). The returned source map keeps expressions mapped token
 * by token (Rollup chains it with the TypeScript map).
 */

const TAGS = new Set(['css', 'html', 'svg']);
const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/**
 * Minifies the raw strings of one css`…` template (`quasis`: the parts between `${…}`).
 * @param {string[]} quasis
 * @returns {string[]}
 */
export function minifyCssQuasis(quasis) {
  const out = [];
  let state = 'normal'; // 'normal' | 'comment' | '"' | "'"
  for (let q = 0; q < quasis.length; q++) {
    const s = quasis[q];
    let o = '';
    let space = false;
    // Before the first character of a later quasi sits an expression: keep a space after it.
    let prev = q === 0 ? '{' : 'x';
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (state === 'comment') {
        if (c === '*' && s[i + 1] === '/') {
          state = 'normal';
          i++;
          space = true;
        }
        continue;
      }
      if (state === '"' || state === "'") {
        o += c;
        if (c === '\\' && i + 1 < s.length) o += s[++i];
        else if (c === state) state = 'normal';
        prev = c;
        continue;
      }
      if (c === '/' && s[i + 1] === '*') {
        state = 'comment';
        i++;
        continue;
      }
      if (isSpace(c)) {
        space = true;
        continue;
      }
      if (space && !'{};:,'.includes(prev) && !'{};,'.includes(c)) o += ' ';
      space = false;
      if (c === '}' && o.endsWith(';')) o = o.slice(0, -1);
      o += c;
      if (c === '\\' && i + 1 < s.length) o += s[++i];
      else if (c === '"' || c === "'") state = c;
      prev = c;
    }
    // Before an expression, keep one space (the expression may be a value or a selector part).
    if (space && q < quasis.length - 1 && !'{};:,'.includes(prev)) o += ' ';
    out.push(o);
  }
  return out;
}

const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style']);

/**
 * Minifies the raw strings of one html`…` template (see the module comment for the rules).
 * @param {string[]} quasis
 * @returns {string[]}
 */
export function minifyHtmlQuasis(quasis) {
  const out = [];
  let state = 'text'; // 'text' | 'tag' | '"' | "'" | 'comment' | 'raw'
  let tagName = '';
  let closing = false;
  let rawName = '';
  for (let q = 0; q < quasis.length; q++) {
    const s = quasis[q];
    let o = '';
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      switch (state) {
        case 'comment':
          o += c;
          if (c === '>' && s.slice(i - 2, i) === '--') state = 'text';
          break;
        case 'raw':
          if (c === '<' && s.slice(i + 1, i + 2 + rawName.length).toLowerCase() === `/${rawName}`) {
            state = 'tag';
            tagName = '';
            closing = true;
            o += c;
            break;
          }
          o += c;
          break;
        case '"':
        case "'":
          o += c;
          if (c === state) state = 'tag';
          break;
        case 'tag': {
          if (isSpace(c)) {
            let j = i;
            while (j < s.length && isSpace(s[j])) j++;
            // Dropped before '>' / '/>', kept (as one space) before anything else, an expression included.
            if (s[j] !== '>' && !(s[j] === '/' && s[j + 1] === '>')) o += ' ';
            i = j - 1;
            tagName += ' ';
            break;
          }
          o += c;
          if (c === '"' || c === "'") state = c;
          else if (c === '>') {
            const name = tagName.trim().split(' ')[0].toLowerCase();
            state = !closing && RAW_TEXT.has(name) ? 'raw' : 'text';
            rawName = name;
          } else tagName += c;
          break;
        }
        default: {
          // text
          if (c === '<' && s.startsWith('<!--', i)) {
            state = 'comment';
            o += '<!--';
            i += 3;
            break;
          }
          if (c === '<' && /[a-zA-Z/]/.test(s[i + 1] ?? '')) {
            state = 'tag';
            closing = s[i + 1] === '/';
            tagName = '';
            o += c;
            if (closing) o += s[++i];
            break;
          }
          if (isSpace(c)) {
            let j = i;
            let lineBreak = false;
            for (; j < s.length && isSpace(s[j]); j++) if (s[j] === '\n') lineBreak = true;
            o += lineBreak ? ' ' : s.slice(i, j);
            i = j - 1;
            break;
          }
          o += c;
        }
      }
    }
    out.push(o);
  }
  return out;
}

/** Tagged templates (`css`/`html`/`svg`) in an ESTree AST, outermost first. */
function* taggedTemplates(node) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) yield* taggedTemplates(child);
    return;
  }
  if (node.type === 'TaggedTemplateExpression' && node.tag?.type === 'Identifier' && TAGS.has(node.tag.name)) {
    yield node;
  }
  for (const key in node) {
    if (key !== 'type' && key !== 'start' && key !== 'end' && key !== 'loc' && key !== 'range') {
      const value = node[key];
      if (value && typeof value === 'object') yield* taggedTemplates(value);
    }
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(n) {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let s = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v) digit |= 32;
    s += B64[digit];
  } while (v);
  return s;
}

/**
 * Applies non-overlapping replacements `[start, end, text]` (sorted) to `code` and returns the new
 * code with a source map: a segment at every token start of unchanged code, one per replacement.
 */
export function applyReplacements(code, replacements, source) {
  let out = '';
  const lines = [];
  let segs = [];
  let genCol = 0;
  let origLine = 0;
  let origCol = 0;
  let last = { col: 0, line: 0, ocol: 0 };
  const segment = (line, col) => {
    segs.push(`${vlq(genCol - last.col)}A${vlq(line - last.line)}${vlq(col - last.ocol)}`);
    last = { col: genCol, line, ocol: col };
  };
  const newLine = () => {
    lines.push(segs.join(','));
    segs = [];
    genCol = 0;
    last = { ...last, col: 0 };
  };
  const copy = (from, to) => {
    for (let i = from; i < to; i++) {
      const c = code[i];
      if (c === '\n') {
        out += c;
        newLine();
        origLine++;
        origCol = 0;
        continue;
      }
      if (genCol === 0 || !/[\w$]/.test(code[i - 1] ?? '')) segment(origLine, origCol);
      out += c;
      genCol++;
      origCol++;
    }
  };
  let at = 0;
  for (const [start, end, text] of replacements) {
    copy(at, start);
    segment(origLine, origCol);
    for (const c of text) {
      out += c;
      if (c === '\n') newLine();
      else genCol++;
    }
    // Advance the original position over the replaced span.
    for (let i = start; i < end; i++) {
      if (code[i] === '\n') {
        origLine++;
        origCol = 0;
      } else origCol++;
    }
    at = end;
  }
  copy(at, code.length);
  lines.push(segs.join(','));
  return { code: out, map: { version: 3, sources: [source], sourcesContent: [code], names: [], mappings: lines.join(';') } };
}

/**
 * Minifies every css/html template of one module. `parse` returns an ESTree AST with `start`/`end`
 * offsets (Rollup's `this.parse`, or acorn). Returns undefined when nothing changed.
 */
export function minifyLitTemplates(code, parse, source = 'input.js') {
  if (!/\b(css|html|svg)`/.test(code)) return undefined;
  const replacements = [];
  for (const node of taggedTemplates(parse(code))) {
    const quasis = node.quasi.quasis;
    const raws = quasis.map((q) => code.slice(q.start, q.end));
    if (raws.some((raw, i) => raw !== quasis[i].value.raw)) continue; // unexpected offsets: leave it
    const minified = node.tag.name === 'css' ? minifyCssQuasis(raws) : minifyHtmlQuasis(raws);
    quasis.forEach((q, i) => {
      if (minified[i] !== raws[i]) replacements.push([q.start, q.end, minified[i]]);
    });
  }
  if (!replacements.length) return undefined;
  // Nested templates sit inside an outer template's expressions, never inside its strings.
  replacements.sort((a, b) => a[0] - b[0]);
  return applyReplacements(code, replacements, source);
}

/**
 * @param {{ include?: RegExp }} [options]
 * @returns {import('vite').Plugin}
 */
export default function minifyLit({ include = /\/src\/.*\.[cm]?[jt]s$/ } = {}) {
  return {
    name: 'bj-minify-lit',
    apply: 'build',
    transform(code, id) {
      if (!include.test(id.split('?')[0]) || id.includes('/node_modules/')) return null;
      return minifyLitTemplates(code, (c) => this.parse(c), id) ?? null;
    },
  };
}
