/**
 * What a keyword popover and `<bj-annotate>` read from an index: lookup of a keyword by name,
 * alias or traditional form, its related passages, and every name (for annotation). No search
 * engine: `Catalogue` (src/search/catalogue.ts) provides exactly this; `PolicyIndex` does too.
 */
import type { PassageEntry, TermEntry } from '../../search/types.js';
import type { TermSource } from '../../annotate/matcher.js';

export interface KeywordSource extends TermSource {
  /** The keyword named by `text` (title, alias or id; any case, width or script). */
  lookupTerm(text: string): TermEntry | undefined;
  /** Whether `text` names its keyword only through an alias. */
  viaAlias(text: string): boolean;
  /** Every keyword, in corpus order. */
  terms(): TermEntry[];
  /** The keyword with this id. */
  term(id: string): TermEntry | undefined;
  /** The passages that mention the keyword (a sharded index's catalogue lists only the first few). */
  passagesFor(termId: string): PassageEntry[];
  /** How many passages mention the keyword, listed or not. */
  relatedCount(termId: string): number;
}
