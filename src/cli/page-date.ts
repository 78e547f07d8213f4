/**
 * The publication date of a page, as Chinese government CMSs and other sites publish it: in
 * `<meta>` (`bj:date`, then TRS-style `PubDate`/`publishdate`/`firstpublishedtime`, Open Graph
 * `article:published_time`, Dublin Core `dcterms.issued`/`DC.date.issued`, plain `date`), else the
 * first `<time datetime>` of the content. Read as an ISO date (`YYYY-MM-DD`); the time of day and
 * the time zone are left out, as the page states them (never converted).
 */
import { selectAll, selectOne } from 'css-select';
import type { AnyNode, Element } from 'domhandler';

/** `<meta name|property>` values that hold the publication date, in order of preference. */
const META_NAMES = [
  'bj:date',
  'pubdate',
  'publishdate',
  'firstpublishedtime',
  'article:published_time',
  'dcterms.issued',
  'dc.date.issued',
  'dcterms.date',
  'dc.date',
  'date',
];

/** `2023-05-12`, `2023/5/12 10:23`, `2023.05.12`, `2023年5月12日` → `2023-05-12`; anything else undefined. */
export function isoDate(text: string | undefined): string | undefined {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/.exec(text ?? '');
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The page's publication date (`YYYY-MM-DD`) from its `<meta>`, else from the first `<time datetime>` in `roots`. */
export function pageDate(doc: AnyNode, roots: AnyNode[]): string | undefined {
  const metas = new Map<string, string>();
  for (const el of selectAll<AnyNode, Element>('meta[content]', doc)) {
    const key = (el.attribs.name ?? el.attribs.property ?? el.attribs.itemprop ?? '').trim().toLowerCase();
    if (key && !metas.has(key)) metas.set(key, el.attribs.content!);
  }
  for (const name of META_NAMES) {
    const date = isoDate(metas.get(name));
    if (date) return date;
  }
  for (const root of roots) {
    const date = isoDate(selectOne<AnyNode, Element>('time[datetime]', root)?.attribs.datetime);
    if (date) return date;
  }
  return undefined;
}
