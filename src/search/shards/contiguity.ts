/**
 * Whether a query's Han run stands unbroken in a document's `text` field, told from its bigrams'
 * stored places (format.ts: `StoredPositions`) instead of the document's text, so that ranking a
 * sharded index's candidates fetches no passage it does not show. Exact: the same answer as looking
 * for the run in the simplified text (`rank.ts`), since the text field is tokenized run by run.
 * DOM-free.
 */
import { bisect } from '../bisect.js';
import { markHan, unmark } from '../engine.js';
import { postingsOf, type LoadedTerm } from './postings.js';

/** True for an indexed Han bigram (two characters under the engine's Han mark): a term with places. */
export function isHanBigram(term: string): boolean {
  return term.startsWith(markHan('')) && [...unmark(term)].length === 2;
}

/**
 * True when the run's bigrams `grams` (in run order; undefined: not in the index) stand at consecutive
 * places in document `doc`'s field `field` (the `text` field's id); undefined when a bigram's places
 * were not stored (an older build: the text must be read).
 */
export function unbrokenIn(grams: ReadonlyArray<LoadedTerm | undefined>, doc: number, field: number): boolean | undefined {
  const lists: number[][] = [];
  for (const gram of grams) {
    if (!gram) return false;
    const places = placesIn(gram, doc, field);
    if (places === undefined) return undefined;
    if (places.length === 0) return false;
    lists.push(places);
  }
  return lists[0]!.some((p) => lists.every((list, i) => list.includes(p + i)));
}

/** The places of `gram` in document `doc`'s field `field`, ascending; undefined when not stored. */
function placesIn(gram: LoadedTerm, doc: number, field: number): number[] | undefined {
  if (gram.places === undefined) return undefined;
  const postings = postingsOf(gram)?.get(field);
  if (!postings || gram.places === 0) return [];
  const { docs, tfs } = postings;
  const k = bisect(docs.length, (i) => docs[i]! >= doc);
  if (docs[k] !== doc) return [];
  if (!gram.starts) {
    gram.starts = new Uint32Array(tfs.length);
    for (let i = 1; i < tfs.length; i++) gram.starts[i] = gram.starts[i - 1]! + tfs[i - 1]!;
  }
  const out: number[] = [];
  let place = 0;
  for (let j = 0, at = gram.starts[k]!; j < tfs[k]!; j++, at++) {
    place = j === 0 ? gram.places[at]! : place + gram.places[at]!;
    out.push(place);
  }
  return out;
}
