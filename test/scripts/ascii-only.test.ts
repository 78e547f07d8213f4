/**
 * The browser bundles are ASCII-only, so a page in any encoding (GBK, GB2312, Big5…) whose server
 * sends scripts without a charset decodes them as written. scripts/vite-plugin-ascii-only.mjs
 * escapes what esbuild leaves (regular expressions, tagged templates); the build fails on any
 * byte above 0x7F (scripts/build.mjs). Checks of dist/ need `npm run build` first.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { escapeNonAscii, firstNonAscii } from '../../scripts/vite-plugin-ascii-only.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Evaluates an expression. */
const run = (code: string): unknown => new Function(`return (${code});`)();

describe('ASCII-only bundles', () => {
  it('escapes Chinese and full-width characters in strings, regular expressions and templates, keeping their meaning', () => {
    const cases: [string, (v: unknown) => unknown][] = [
      ['"收起（更多）"', (v) => v],
      ['/^(.*\\S)\\s*[(（]([^()（）]+)[)）]$/.exec("监管沙盒（试行）").slice(1)', (v) => v],
      ['/[（]/u.test("（")', (v) => v],
      ['/\\（/.test("（")', (v) => v], // identity escape of a non-ASCII character
      ['/😀+/u.exec("😀😀")[0]', (v) => v], // astral character, u flag
      ['/😀/.source.length', (v) => v === 2 || v === 12],
      ['((s, ...v) => s.join("|") + v.join())`第 ${1} 条`', (v) => v], // tagged template: cooked strings
      ['`第 ${1} 条`', (v) => v],
      ['"\\\\（"', (v) => v], // a real backslash before the character stays a backslash
      ['"a\\u6765b"', (v) => v],
    ];
    for (const [code, pick] of cases) {
      const escaped = escapeNonAscii(code).code;
      assert.equal(firstNonAscii(Buffer.from(escaped)), -1, `not ASCII: ${escaped}`);
      assert.deepEqual(pick(run(escaped)), pick(run(code)), `${code} → ${escaped}`);
    }
  });

  it('the build check finds the first byte above 0x7F', () => {
    assert.equal(firstNonAscii(Buffer.from('const a = "ok";')), -1);
    assert.equal(firstNonAscii(Buffer.from('const a = /[（]/;')), 12);
  });

  it(
    'dist/*.js and dist/chunks/*.js hold no byte above 0x7F',
    { skip: !existsSync(path.join(root, 'dist', 'bj-policy-widgets.js')) && 'run npm run build first' },
    () => {
      const chunks = existsSync(path.join(root, 'dist', 'chunks'))
        ? readdirSync(path.join(root, 'dist', 'chunks')).map((f) => `chunks/${f}`)
        : [];
      const files = [...readdirSync(path.join(root, 'dist')), ...chunks].filter((f) => f.endsWith('.js'));
      assert.ok(files.includes('bj-policy-widgets.iife.js') && files.includes('search.js'));
      assert.ok(
        files.some((f) => f.startsWith('chunks/')),
        'the loader has its parts in dist/chunks/',
      );
      for (const f of files) {
        const buf = readFileSync(path.join(root, 'dist', f));
        const at = firstNonAscii(buf);
        assert.equal(at, -1, `dist/${f} byte ${at}: …${buf.subarray(Math.max(0, at - 40), at + 20).toString('utf8')}…`);
      }
    },
  );
});
