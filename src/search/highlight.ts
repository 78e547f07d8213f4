/**
 * What to highlight in a search result: character ranges on the stored strings (titles, text) from
 * the terms MiniSearch matched, the Han runs of the query, a keyword's Chinese title found by
 * pinyin, and, in a passage found through a keyword it names, where it names it (the same
 * `TermMatcher` the builder linked it with). Never HTML: `snippet.ts` cuts and renders. DOM-free.
 */
import type { SearchResult as MiniSearchResult } from 'minisearch';
import type { Catalogue } from './catalogue.js';
import { LINK_FIELDS, markHan } from './engine.js';
import { TermMatcher, type TermMatch } from './name-matcher.js';
import type { QueryPlan } from './query.js';
import { hasHan, toSimplified } from './script.js';
import { hanBigrams, tokenizeWithOffsets, type Token } from './text.js';
import type { Entry, MatchRange } from './types.js';

function mergeRanges(field: MatchRange['field'], ranges: Array<[number, number]>): MatchRange[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: MatchRange[] = [];
  for (const [start, end] of ranges) {
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ field, start, end });
  }
  return out;
}

function occurrences(hay: string, needle: string, into: Array<[number, number]>): void {
  if (!needle) return;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) into.push([at, at + needle.length]);
}

/** Highlight ranges for one index; caches per stored string, bounded by the corpus. */
export class Highlighter {
  /** Stored strings (titles, texts) → their word tokens. */
  private readonly tokenCache = new Map<string, Token[]>();
  /** Stored strings → their simplified form (same length), for highlighting Han. */
  private readonly simplifiedCache = new Map<string, string>();
  /** Passage id → every keyword name occurrence in its text. */
  private readonly namedCache = new Map<string, TermMatch[]>();
  private matcher?: TermMatcher;

  constructor(
    private readonly catalogue: Catalogue,
    /** Per keyword, the tokens its names contribute to a passage's link fields. */
    private readonly linkTokens: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  /** Highlight ranges on the stored strings, from the terms MiniSearch matched. */
  ranges(
    r: MiniSearchResult,
    entry: Entry,
    title: { en?: string; zh?: string },
    text: string,
    plan: QueryPlan,
    named: boolean,
  ): MatchRange[] {
    // Only what really matched: stop words and question words are not in the plan's runs or terms.
    const runs = plan.runs;
    const matched = new Set(r.terms);
    const fieldsOf = (t: string) => r.match[t] ?? [];
    const fields: Array<[MatchRange['field'], string]> = [
      ['title.en', title.en ?? ''],
      ['title.zh', title.zh ?? ''],
      ['text', text],
    ];
    const out: MatchRange[] = [];
    for (const [field, s] of fields) {
      if (!s) continue;
      const ranges: Array<[number, number]> = [];
      for (const tok of this.tokensOf(s)) {
        if (matched.has(tok.term)) ranges.push([tok.start, tok.end]);
      }
      if (runs.length > 0 && hasHan(s)) {
        const simplified = this.simplifiedOf(s);
        for (const run of runs) {
          if ([...run].length === 1) occurrences(simplified, run, ranges);
          else for (const g of hanBigrams(run)) if (matched.has(markHan(g))) occurrences(simplified, g, ranges);
        }
      }
      if (entry.kind === 'term' && field === 'title.zh') {
        const byPinyin = r.terms.some((t) => fieldsOf(t).some((f) => f === 'pinyin' || f === 'pinyinSyl'));
        if (byPinyin || (named && ranges.length === 0 && runs.length === 0)) ranges.push([0, s.length]);
      }
      if (entry.kind === 'passage' && field === 'text') {
        const viaLinks = r.terms.filter((t) => fieldsOf(t).some((f) => LINK_FIELDS.has(f)));
        for (const id of entry.terms) {
          const tokens = this.linkTokens.get(id);
          if (!tokens || !viaLinks.some((m) => tokens.has(m))) continue;
          for (const m of this.namesIn(entry.id, entry.text)) if (m.termId === id) ranges.push([m.start, m.end]);
        }
      }
      out.push(...mergeRanges(field, ranges));
    }
    return out;
  }

  /** `simplify(text)`, computed once per stored string. */
  simplifiedOf(text: string): string {
    let out = this.simplifiedCache.get(text);
    if (out === undefined) {
      out = toSimplified(text, this.catalogue.variants);
      this.simplifiedCache.set(text, out);
    }
    return out;
  }

  /** Word tokens (with offsets) of a stored string, computed once per string. */
  private tokensOf(text: string): Token[] {
    let tokens = this.tokenCache.get(text);
    if (!tokens) {
      tokens = tokenizeWithOffsets(text, this.catalogue.variants).filter((t) => t.kind === 'word');
      this.tokenCache.set(text, tokens);
    }
    return tokens;
  }

  /** Where keyword names occur in a passage's text (all of them, overlapping), computed once per passage. */
  private namesIn(passageId: string, text: string): TermMatch[] {
    let found = this.namedCache.get(passageId);
    if (!found) {
      this.matcher ??= new TermMatcher(this.catalogue.termNames(), (s) => this.catalogue.toSimplified(s));
      found = this.matcher.findAll(text);
      this.namedCache.set(passageId, found);
    }
    return found;
  }
}
