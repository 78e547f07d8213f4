/** How `bj-index query` prints results: one JSON object per result, or lines for a person. */
import { escapeControls } from './terminal.js';
import type { Bilingual, MatchRange, SearchResult } from '../search/types.js';

/** A result as printed by `--json`: the stored text and ranges, not the whole entry. */
export interface JsonResult {
  kind: 'term' | 'passage';
  id: string;
  title: { en: string | null; zh: string | null };
  text: string;
  lang: SearchResult['lang'];
  score: number;
  /** `strong` (a close match) or `weak` (related only); see `SearchResult.strength`. */
  strength: SearchResult['strength'];
  /** Weighted share of the query matched, 0–1. */
  coverage: number;
  /** Query terms that matched. */
  terms: string[];
  matches: MatchRange[];
  /** Passages only: the document and the heading path. */
  document?: { id: string; title: Bilingual };
  headings?: string[];
  /** Passages read from HTML pages: the link to the page and heading. */
  url?: string;
  /** `translation` when only the dictionary lexicon's words matched (see `SearchResult.via`). */
  via?: 'translation';
}

export function toJsonResult(r: SearchResult): JsonResult {
  const out: JsonResult = {
    kind: r.kind,
    id: r.id,
    title: { en: r.title.en ?? null, zh: r.title.zh ?? null },
    text: r.text,
    lang: r.lang,
    score: r.score,
    strength: r.strength,
    coverage: r.coverage,
    terms: r.terms,
    matches: r.matches,
  };
  if (r.via) out.via = r.via;
  if (r.entry.kind === 'passage') {
    out.document = r.entry.document;
    out.headings = r.entry.headings;
    if (r.entry.url !== undefined) out.url = r.entry.url;
  }
  return out;
}

export interface HumanOptions {
  /** Bold the matched text with ANSI escapes (only on a terminal). */
  color: boolean;
  /** Characters of context in a snippet. */
  width?: number;
}

/** `1. term  regulatory-sandbox  Regulatory Sandbox / 监管沙盒` and an indented snippet per result. */
export function formatHuman(query: string, results: SearchResult[], options: HumanOptions): string {
  if (results.length === 0) return `no results for ${escapeControls(JSON.stringify(query))}\n`;
  const pad = String(results.length).length;
  const kindWidth = Math.max(...results.map((r) => r.kind.length));
  const lines: string[] = [];
  // Same rule as the search box: weak results only are shown under an honest line.
  if (!results.some((r) => r.strength === 'strong')) lines.push(`no close match for ${JSON.stringify(query)}; related results:`);
  const firstTranslated = results.findIndex((r) => r.via === 'translation');
  results.forEach((r, i) => {
    // As in the search box: results reached through the dictionary say so, in the result's language.
    if (i === firstTranslated)
      lines.push(`${r.lang === 'en' ? 'English' : 'Chinese'} results for ${escapeControls(JSON.stringify(query))}:`);
    // Data is escaped here, before the bold escapes of our own are added.
    const title = escapeControls([r.title.en, r.title.zh].filter(Boolean).join(' / '));
    const rank = `${String(i + 1).padStart(pad)}.`;
    lines.push(`${rank} ${r.kind.padEnd(kindWidth)}  ${escapeControls(r.id)}  ${title}  (score ${r.score.toFixed(2)}, ${r.strength})`);
    if (r.entry.kind === 'passage' && r.entry.headings.length > 0) {
      lines.push(`${' '.repeat(rank.length)} ${escapeControls(r.entry.headings.at(-1)!)}`);
    }
    lines.push(`${' '.repeat(rank.length)} ${snippet(r.text, r.matches, options)}`);
    if (r.entry.kind === 'passage' && r.entry.url !== undefined) lines.push(`${' '.repeat(rank.length)} ${r.entry.url}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Whitespace collapsed, then control characters escaped. */
const clean = (s: string) => escapeControls(s.replace(/\s+/g, ' '));

/** A window of `text` around its first match, whitespace collapsed, matches bolded on a terminal. */
export function snippet(text: string, matches: MatchRange[], { color, width = 110 }: HumanOptions): string {
  const ranges = matches.filter((m) => m.field === 'text' && m.end > m.start).sort((a, b) => a.start - b.start);
  const first = ranges[0];
  let start = first ? Math.max(0, first.start - Math.floor(width / 3)) : 0;
  let end = Math.min(text.length, start + width);
  if (end - start < width) start = Math.max(0, end - width);
  // Do not cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? '')) start--;
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
  let out = '';
  let pos = start;
  for (const m of ranges) {
    const s = Math.max(m.start, pos);
    const e = Math.min(m.end, end);
    if (e <= s) continue;
    out += clean(text.slice(pos, s));
    out += color ? `\x1b[1m${clean(text.slice(s, e))}\x1b[22m` : clean(text.slice(s, e));
    pos = e;
  }
  out += clean(text.slice(pos, end));
  out = out.replace(/ {2,}/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${out}${end < text.length ? '…' : ''}`;
}
