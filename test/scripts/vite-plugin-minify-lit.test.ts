import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAst } from 'vite';
import { minifyCssQuasis, minifyHtmlQuasis, minifyLitTemplates } from '../../scripts/vite-plugin-minify-lit.mjs';

const css1 = (text: string): string => minifyCssQuasis([text])[0]!;
const html1 = (text: string): string => minifyHtmlQuasis([text])[0]!;

/** Decodes a source map's mappings into [generatedLine][] of [genCol, srcLine, srcCol]. */
function decode(mappings: string): number[][][] {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let srcLine = 0;
  let srcCol = 0;
  return mappings.split(';').map((line) => {
    let genCol = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((seg) => {
        const values: number[] = [];
        let shift = 0;
        let value = 0;
        for (const ch of seg) {
          const digit = B64.indexOf(ch);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        genCol += values[0]!;
        srcLine += values[2]!;
        srcCol += values[3]!;
        return [genCol, srcLine, srcCol];
      });
  });
}

/** Where generated (line, col) comes from: the nearest segment at or before it. */
function original(mappings: string, line: number, col: number): [number, number] {
  const segs = decode(mappings)[line]!.filter((s) => s[0]! <= col);
  const seg = segs[segs.length - 1]!;
  return [seg[1]!, seg[2]! + (col - seg[0]!)];
}

describe('vite-plugin-minify-lit: css', () => {
  it('drops comments and formatting whitespace, and the last ; of a block', () => {
    assert.equal(
      css1(`
  /* The host. */
  :host {
    display: inline;
    color: var(--bj-text, #1b1d22);
  }
  a,
  b {
    margin: 0 auto;
  }
`),
      ':host{display:inline;color:var(--bj-text,#1b1d22)}a,b{margin:0 auto}',
    );
  });

  it('keeps the spaces that mean something: calc, descendant pseudo-classes, media queries, strings', () => {
    assert.equal(css1('a { width: calc(100vw - 2rem + 1px); }'), 'a{width:calc(100vw - 2rem + 1px)}');
    assert.equal(css1('p :hover { color: red; }'), 'p :hover{color:red}');
    assert.equal(
      css1('@media (min-width: 30em) and (prefers-reduced-motion: no-preference) { a { b: c } }'),
      '@media (min-width:30em) and (prefers-reduced-motion:no-preference){a{b:c}}',
    );
    assert.equal(css1(`a { font-family: 'Segoe  UI', "a /* b */ c"; }`), `a{font-family:'Segoe  UI',"a /* b */ c"}`);
    assert.equal(css1('a { b: c !important; }'), 'a{b:c !important}');
  });

  it('keeps one space next to an expression', () => {
    assert.deepEqual(minifyCssQuasis(['\n  a {\n    color: ', ';\n  }\n']), ['a{color:', '}']);
    assert.deepEqual(minifyCssQuasis(['a ', ' b { c: d }']), ['a ', ' b{c:d}']);
  });
});

describe('vite-plugin-minify-lit: html', () => {
  it('turns line-break whitespace into one space, keeps other text exactly', () => {
    assert.equal(html1('\n      <p>one</p>\n      <p>two  ·  three</p>\n    '), ' <p>one</p> <p>two  ·  three</p> ');
    assert.deepEqual(minifyHtmlQuasis(['', ' ', ' · <span>', '</span>']), ['', ' ', ' · <span>', '</span>']);
  });

  it('collapses whitespace inside tags and drops it before >', () => {
    assert.deepEqual(minifyHtmlQuasis(['<span\n        id="trigger"\n        aria-expanded=', '\n        ><slot></slot></span\n      >']), [
      '<span id="trigger" aria-expanded=',
      '><slot></slot></span>',
    ]);
    assert.equal(html1('<br\n />'), '<br/>');
  });

  it('keeps quoted attribute values (across expressions), comments, <pre> and <textarea> as written', () => {
    assert.deepEqual(minifyHtmlQuasis(['<a title="line\n   two ', '\n  end">x</a>']), ['<a title="line\n   two ', '\n  end">x</a>']);
    assert.equal(html1('<!--\n  note\n-->\n  <b>x</b>'), '<!--\n  note\n--> <b>x</b>');
    assert.equal(html1('<pre>\n  a\n    b\n</pre>\n  <p>\n x</p>'), '<pre>\n  a\n    b\n</pre> <p> x</p>');
    assert.equal(html1('<textarea>\n  a\n</textarea>'), '<textarea>\n  a\n</textarea>');
  });
});

describe('vite-plugin-minify-lit: modules', () => {
  const source = [
    "import { css, html } from 'lit';",
    'const styles = css`',
    '  :host {',
    '    display: block;',
    '  }',
    '`;',
    'const label = str`No. ${n}`;',
    'const plain = `keep\n    this`;',
    'function render(a, b) {',
    '  return html`<p',
    '      class=${a}',
    '    >',
    '      ${b ? html`<b>${b}</b>` : nothing}',
    '    </p>`;',
    '}',
    'export const after = 42;',
  ].join('\n');

  it('minifies only css/html templates and leaves expressions, other templates and code alone', () => {
    const out = minifyLitTemplates(source, parseAst, 'x.js')!;
    assert.ok(out.code.includes('css`:host{display:block}`'));
    assert.ok(out.code.includes('html`<p class=${a}> ${b ? html`<b>${b}</b>` : nothing} </p>`'));
    assert.ok(out.code.includes('str`No. ${n}`'));
    assert.ok(out.code.includes('`keep\n    this`'));
    assert.ok(out.code.endsWith('export const after = 42;'));
    assert.equal(minifyLitTemplates('const a = `x  y`;', parseAst), undefined);
  });

  it('maps code after a template back to where it was', () => {
    const out = minifyLitTemplates(source, parseAst, 'x.js')!;
    const lines = out.code.split('\n');
    const genLine = lines.findIndex((l) => l.startsWith('export const after'));
    const col = lines[genLine]!.indexOf('after');
    const srcLines = source.split('\n');
    const srcLine = srcLines.findIndex((l) => l.startsWith('export const after'));
    assert.deepEqual(original(out.map.mappings, genLine, col), [srcLine, srcLines[srcLine]!.indexOf('after')]);
    // An expression inside a minified template keeps its own position.
    const exprLine = lines.findIndex((l) => l.includes('b ? html'));
    const at = lines[exprLine]!.indexOf('b ? html');
    const srcExpr = srcLines.findIndex((l) => l.includes('b ? html'));
    assert.deepEqual(original(out.map.mappings, exprLine, at), [srcExpr, srcLines[srcExpr]!.indexOf('b ? html')]);
  });
});
