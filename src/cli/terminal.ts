/**
 * What `bj-index` prints must not drive the terminal: a title or file name holding ESC, CSI or BEL
 * could clear the screen, retitle the window or hide text. Control characters (C0 except the line
 * break, DEL and C1) are shown as `\u001b`; everything else, Chinese included, as it is.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what this expression is for
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029]/g;

const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `s` with every control character but `\n` written as a visible `\uXXXX`. */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, hex);
}

/** `JSON.stringify(value)` that escapes DEL and C1 too (JSON.stringify escapes only C0): still JSON. */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(JSON_UNSAFE, hex);
}
