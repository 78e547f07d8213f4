/**
 * Which language a piece of page text is in, for ordering bilingual content and for counting
 * "first occurrences" per language. One rule for `<bj-keyword>`, `<bj-policy-search>` and the
 * annotator: the `lang` written on the text's element or an ancestor below `<html>`, else the
 * script of the text itself (old CMS templates carry no `lang`, or one `<html lang>` for every
 * page whatever its paragraphs are in), else the page's language. No Lit, no localization.
 */
import type { ContentLang } from '../../search/types.js';

/** BCP 47 primary tags of Chinese languages. */
export const CHINESE_LANG = /^(zh|cmn|yue|wuu|hak|nan|gan|hsn|cjy|lzh)\b/i;
const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * The `lang` written on `el` or its nearest ancestor that has one, crossing shadow roots, stopping
 * before `<html>` (and after `stop`, when given); '' when there is none.
 */
export function writtenLang(el: Element, stop?: Element): string {
  let node: Element | null = el;
  while (node && node !== node.ownerDocument.documentElement) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    if (node === stop) break;
    if (node.parentElement) node = node.parentElement;
    else {
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return '';
}

/** The language `text` is written in by its script: more Han than Latin letters is Chinese; undefined without either. */
export function scriptLang(text: string): ContentLang | undefined {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (han === 0 && latin === 0) return undefined;
  return han > latin ? 'zh' : 'en';
}
