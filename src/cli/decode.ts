/**
 * Strict UTF-8 for the files `bj-index` reads. A corpus saved by Notepad as "ANSI" on Chinese
 * Windows is GBK: decoded leniently, its Chinese becomes U+FFFD and a build publishes it. Here an
 * invalid byte is an error naming the line and column, so the editor can find it and re-save.
 */

/** Text of a file, or why it is not UTF-8. A UTF-8 byte order mark is allowed and dropped. */
export type Decoded = { text: string; error?: undefined } | { text?: undefined; error: string };

/** Byte offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // no overlong forms
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Decodes `bytes` as UTF-8, failing on the first invalid byte with its line and column. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { error: 'is UTF-16 (little-endian), not UTF-8; re-save it as UTF-8' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { error: 'is UTF-16 (big-endian), not UTF-8; re-save it as UTF-8' };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
    let line = 1;
    for (let k = 0; k < lineStart; k++) if (bytes[k] === 0x0a) line++;
    const before = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes.subarray(lineStart, bad));
    const column = Array.from(before).length + 1;
    const shown = Array.from(
      bytes.subarray(bad, Math.min(bad + 2, bytes.length)),
      (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`,
    );
    return {
      error:
        `line ${line}, column ${column}: byte ${shown.join(' ')} is not UTF-8 (a file saved as GBK or "ANSI"?); ` +
        're-save the file as UTF-8 (e.g. in Notepad: Save As → Encoding: UTF-8) and run again',
    };
  }
  // fatal: a last line of defence should the scan above and the decoder ever disagree.
  return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
}
