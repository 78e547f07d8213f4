/**
 * Headless keyword annotation: the matcher (DOM-free) and the DOM pass `<bj-annotate>` uses.
 */
export { annotate, Annotator, type AnnotateOptions, type AnnotatorOptions, type Annotation } from './annotate.js';
export {
  matcherFor,
  nameVariants,
  normalizeText,
  numberForms,
  TermMatcher,
  type TermMatch,
  type TermName,
  type TermSource,
} from './matcher.js';
