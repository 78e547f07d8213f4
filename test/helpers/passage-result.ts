/** A search result for one passage of a web page (what `bj-index build --site` indexes), for link tests. */
import type { PassageEntry, SearchResult } from '../../src/search/types.js';

export function passageResult(text: string, url: string | undefined, lang: 'en' | 'zh' = 'en'): SearchResult {
  const entry: PassageEntry = {
    kind: 'passage',
    id: 'p1',
    document: { id: 'd', title: { en: 'Plan' } },
    headings: [],
    text,
    lang,
    source: { id: 's', title: {}, languages: [lang] },
    terms: [],
    ...(url ? { url } : {}),
  };
  return { kind: 'passage', id: 'p1', title: {}, text, lang, score: 1, strength: 'strong', coverage: 1, terms: [], matches: [], entry };
}
