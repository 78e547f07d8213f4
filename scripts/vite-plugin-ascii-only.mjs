/**
 * Vite/Rollup plugin: makes every output chunk ASCII-only. A page served as GBK (or GB2312, Big5…)
 * whose server sends `.js` without a charset makes the browser decode a classic script in the
 * page's encoding; one raw Chinese or full-width character in a regular expression is then enough
 * for `SyntaxError: Invalid regular expression`, and no element is defined.
 *
 * esbuild (`charset: 'ascii'`, its default) already escapes ordinary strings, but leaves regular
 * expression literals and tagged template literals as written. This pass, the last one on each
 * chunk, writes every non-ASCII code point as `\uXXXX` (a surrogate pair `\uD83D\uDE00` beyond
 * the BMP), which means the same character in a string, a template's cooked text, a regular
 * expression (with or without the `u` flag, in a class or not) and an identifier. An identity
 * escape (`\（`) loses its backslash first; a line continuation (`\` + U+2028/2029) is dropped.
 * Only a tagged template's `.raw` text changes (Lit's tags and `@lit/localize` read cooked text).
 * The source map follows the replacements (Rollup chains it).
 */
import { applyReplacements } from './vite-plugin-minify-lit.mjs';

const hex = (n) => n.toString(16).toUpperCase().padStart(4, '0');

/** `\uXXXX` for one code point (two escapes, a surrogate pair, above U+FFFF). */
function escapeCodePoint(cp) {
  if (cp <= 0xffff) return `\\u${hex(cp)}`;
  const v = cp - 0x10000;
  return `\\u${hex(0xd800 + (v >> 10))}\\u${hex(0xdc00 + (v & 0x3ff))}`;
}

/**
 * Index of the first byte above 0x7F in `bytes`, or -1 (the build check on dist/*.js).
 * @param {Uint8Array} bytes
 */
export function firstNonAscii(bytes) {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return i;
  return -1;
}

/**
 * Escapes every non-ASCII character of `code`; returns the new code and its source map.
 * @param {string} code
 * @param {string} [source]
 */
export function escapeNonAscii(code, source = 'input.js') {
  const replacements = [];
  // eslint-disable-next-line no-control-regex -- finding control characters is what this expression is for
  const re = /(\\*)([^\x00-\x7f])/gu;
  for (let m; (m = re.exec(code));) {
    const [all, slashes, ch] = m;
    const cp = ch.codePointAt(0);
    const odd = slashes.length % 2 === 1;
    // Keep the even part of the backslashes; an odd one escaped the character itself.
    const start = m.index + slashes.length - (odd ? 1 : 0);
    const text = odd && (cp === 0x2028 || cp === 0x2029) ? '' : escapeCodePoint(cp);
    replacements.push([start, m.index + all.length, text]);
  }
  if (!replacements.length) return { code, map: null };
  return applyReplacements(code, replacements, source);
}

/** @returns {import('vite').Plugin} */
export default function asciiOnly() {
  return {
    name: 'bj-ascii-only',
    apply: 'build',
    renderChunk: {
      // After every other renderChunk (esbuild's minify included), so nothing re-introduces UTF-8.
      order: 'post',
      handler(code, chunk) {
        const out = escapeNonAscii(code, chunk.fileName);
        return out.map ? out : null;
      },
    },
  };
}
