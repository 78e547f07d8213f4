/**
 * Chinese script: which characters are Han, which scripts are written without spaces, and the
 * index's traditional → simplified mapping. The one definition the tokenizer, the name matcher,
 * the index builder and the catalogue share. DOM-free and dependency-free.
 */

/**
 * Han ideographs, as a character-class body: CJK Unified Ideographs and Extension A, the
 * compatibility ideographs, and the astral extensions B–H. (Not `\p{Script=Han}`: that also holds
 * radicals, `々` and `〇`, which the tokenizer has always treated as other characters.)
 */
const HAN_CLASS = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}';

const HAN = new RegExp(`[${HAN_CLASS}]`, 'u');
const ONE_HAN = new RegExp(`^[${HAN_CLASS}]$`, 'u');
/** Scripts written without spaces between words: Han, kana and bopomofo. */
const UNSPACED = new RegExp(`[${HAN_CLASS}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Bopomofo}]`, 'u');

/** Maximal runs of Han characters (global: use with `matchAll`/`match`, which reset it). */
export const HAN_RUN = new RegExp(`[${HAN_CLASS}]+`, 'gu');
/** Every Han character (global: use with `matchAll`/`match`). */
export const HAN_CHARS = new RegExp(`[${HAN_CLASS}]`, 'gu');
/** Cheap pre-check: could this text contain a Han character (BMP blocks or an astral lead surrogate)? */
export const MAYBE_HAN = /[\u3400-\u9fff\uf900-\ufaff\ud840-\ud8bf]/;

/** True when the string contains at least one Han character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** True when `ch` is one Han character. */
export function isHan(ch: string): boolean {
  return ONE_HAN.test(ch);
}

/** True when the string contains a character of a script written without spaces (Han, kana, bopomofo). */
export function hasUnspaced(text: string): boolean {
  return UNSPACED.test(text);
}

/** A traditional → simplified character map (one UTF-16 code unit each side), shipped in the index. */
export type VariantMap = Readonly<Record<string, string>>;

/**
 * Maps traditional characters to simplified with `variants`, one UTF-16 unit for one, so offsets in
 * the result are offsets in the input. Characters not in the map are kept as they are.
 */
export function toSimplified(text: string, variants: VariantMap): string {
  let out = '';
  for (const ch of text) out += variants[ch] ?? ch;
  return out;
}
