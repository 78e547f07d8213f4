/**
 * Words as written, beside their stems: the engine indexes every English word under its Porter stem
 * (`reviewers`, `reviews` and `review` are all `review`), and, in a field of its own
 * ({@link FORMS_FIELD}), each word whose written form differs from its stem under a term of that
 * form (`review\u0002reviewers`). A query word is then found as typed above its stem's other forms
 * (see `query.ts` and `rank.ts`). The term starts with the stem, so it sits beside the stem in the
 * sorted term partitions of a sharded index (fetched with it), and it holds a character no query
 * word has, so no prefix of a word reaches it. DOM-free.
 */

/** The field of written forms: searched only for the forms a query types, never shown. */
export const FORMS_FIELD = 'forms';
/** Fields whose words give the forms field its terms: an entry's own words, not its links' names. */
export const FORM_SOURCE_FIELDS: ReadonlySet<string> = new Set(['title', 'aliases', 'text', 'context']);

const FORM_MARK = '\u0002';

/** The term of a word as written (folded): `review\u0002reviewers`. Only for a form that differs from its stem. */
export function formTerm(stem: string, written: string): string {
  return `${stem}${FORM_MARK}${written}`;
}

/** True for a term of the forms field. */
export function isFormTerm(term: string): boolean {
  return term.includes(FORM_MARK);
}

/** The stem of a form's term (`review\u0002reviewers` → `review`); any other term unchanged. */
export function stemOfFormTerm(term: string): string {
  const at = term.indexOf(FORM_MARK);
  return at < 0 ? term : term.slice(0, at);
}
