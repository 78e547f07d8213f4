/**
 * Rendering pieces of `<bj-policy-search>`: one result inside an option, and the details panel of a
 * chosen keyword or passage. Data text only ever goes through Lit text bindings; highlights are
 * `<mark>` elements built from the text segments `snippet()`/`highlight()` return.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { highlight, snippet } from '../../search/snippet.js';
import { MAX_PASSAGE_CHARS } from '../../search/text-slices.js';
import type { Bilingual, ContentLang, Entry, MatchRange, PassageEntry, SearchResult, TermEntry } from '../../search/types.js';
import { langAttr } from '../../shared/lang/content-lang.js';
import { dateOf } from './arrange.js';

/** How many characters of context a result's snippet shows. */
export const SNIPPET_LENGTH = 160;

interface Segment {
  text: string;
  mark: boolean;
}

const other = (lang: ContentLang): ContentLang => (lang === 'en' ? 'zh' : 'en');

/** Text segments as text and `<mark>` elements. */
export function marked(segments: readonly Segment[]): unknown[] {
  return segments.map((s) => (s.mark ? html`<mark part="mark">${s.text}</mark>` : s.text));
}

function rangesOf(matches: readonly MatchRange[], field: MatchRange['field']): MatchRange[] {
  return matches.filter((m) => m.field === field);
}

/** The localised name of a result kind. */
export function kindLabel(kind: Entry['kind']): string {
  return kind === 'term' ? msg('Keyword', { id: 'policy-search.kind.term' }) : msg('Policy', { id: 'policy-search.kind.passage' });
}

/** The title in the reading language first, the other language beside it; each with its own lang. */
export function titles(title: Bilingual, primary: ContentLang, matches: readonly MatchRange[] = []): TemplateResult {
  const first = title[primary] !== undefined ? primary : other(primary);
  const second = other(first);
  const part = (lang: ContentLang, cls: string) => {
    const text = title[lang];
    if (text === undefined) return nothing;
    return html`<span class=${cls} lang=${langAttr(lang)}>${marked(highlight(text, rangesOf(matches, `title.${lang}`)))}</span>`;
  };
  return html`${part(first, 'title')}${title[second] !== undefined ? html` ${part(second, 'alt')}` : nothing}`;
}

/** The heading path of a passage, outermost first ("II. Main Tasks › (I) …"), in the passage's language. */
export function placeOf(entry: PassageEntry): TemplateResult {
  return html`${entry.headings.map((h, i) => html`${i ? SEP : nothing}<span lang=${langAttr(entry.lang)}>${h}</span>`)}`;
}

/** One title in the reading language (else the other), highlighted. */
function oneTitle(title: Bilingual, primary: ContentLang, matches: readonly MatchRange[]): TemplateResult {
  const lang = title[primary] !== undefined ? primary : other(primary);
  return html`<span lang=${langAttr(lang)}>${marked(highlight(title[lang] ?? '', rangesOf(matches, `title.${lang}`)))}</span>`;
}

/** " › " between places: the arrow is hidden from screen readers, the space before it is not (two words, not "environmentII"). */
const SEP = html` <span class="sep" aria-hidden="true">› </span>`;

/**
 * The inside of one option: kind badge and titles, where it is (passages) and a highlighted snippet.
 * A passage is titled by its own heading, with the document and the outer headings below it, so that
 * a list of passages from one document does not repeat the document's title as every title.
 */
export function renderResult(result: SearchResult, primary: ContentLang, more = false): TemplateResult {
  const segments = snippet(result.text, rangesOf(result.matches, 'text'), SNIPPET_LENGTH);
  const text = segments.length ? html`<span class="snippet" lang=${langAttr(result.lang)}>${marked(segments)}</span>` : nothing;
  const kind = html`<span class="kind kind-${result.kind}" part="kind">${kindLabel(result.kind)}</span>`;
  // Another passage of the same page and section as the result above: its kind and text, under it.
  if (more) return html`<span class="head">${kind}</span> ${text}`;
  const e = result.entry;
  // What tells two passages titled alike apart: the page's address and its date (else the source's).
  const where = e.kind === 'passage' ? [dateOf(result), e.url?.replace(/^https?:\/\/|#.*$/g, '')].filter(Boolean).join(' · ') : '';
  const byHeading = e.kind === 'passage' && e.headings.length > 0;
  const head = byHeading
    ? html`<span class="title" lang=${langAttr(e.lang)}>${e.headings[e.headings.length - 1]}</span>`
    : titles(result.title, primary, result.matches);
  const place = byHeading
    ? html`<span class="place"
        >${oneTitle(result.title, primary, result.matches)}${e.headings
          .slice(0, -1)
          .map((h) => html`${SEP}<span lang=${langAttr(e.lang)}>${h}</span>`)}</span
      >`
    : nothing;
  return html`<span class="head">${kind} <span class="titles">${head}</span></span> ${place}
    ${where ? html`<span class="where">${where}</span>` : nothing} ${text}`;
}

function paragraphs(lines: readonly string[] | undefined, lang: ContentLang): TemplateResult | typeof nothing {
  if (!lines?.length) return nothing;
  return html`<div class="text" lang=${langAttr(lang)}>${lines.map((p) => html`<p>${p}</p>`)}</div>`;
}

function sourceLine(entry: Entry, primary: ContentLang): TemplateResult {
  const s = entry.source;
  const lang: ContentLang = s.title[primary] !== undefined ? primary : other(primary);
  const title = html`<cite lang=${langAttr(lang)}>${s.title[lang]}</cite>`;
  const link = s.url && /^https?:\/\//.test(s.url) ? html`<a href=${s.url} rel="noopener">${title}</a>` : title;
  const extra = [s.publisher, s.date].filter(Boolean).join(', ');
  return html`<p class="source">
    ${msg('Source:', { id: 'policy-search.details.source' })} ${link}${extra ? html` (<span class="data">${extra}</span>)` : nothing}
  </p>`;
}

function termDetails(entry: TermEntry, primary: ContentLang): TemplateResult {
  const order: ContentLang[] = [primary, other(primary)];
  const number = entry.number !== undefined ? msg(str`no. ${entry.number}`, { id: 'policy-search.details.number' }) : '';
  const aliases = order.flatMap((lang) => entry.aliases[lang].map((a) => ({ a, lang })));
  return html`<p class="meta">
      <span class="kind kind-term">${kindLabel('term')}</span> <span lang="en">${entry.edition}</span>${number ? `, ${number}` : ''}${
        entry.section ? html` · ${titles(entry.section, primary)}` : nothing
      }
    </p>
    ${order.map((lang) => paragraphs(entry.definition[lang], lang))}
    ${
      aliases.length
        ? html`<p class="aliases">
            ${msg('Also written as:', { id: 'policy-search.details.aliases' })}
            ${aliases.map(({ a, lang }, i) => html`${i ? ', ' : ''}<span lang=${langAttr(lang)}>${a}</span>`)}
          </p>`
        : nothing
    }
    ${sourceLine(entry, primary)}`;
}

/**
 * Most characters of a passage's text the details view lays out (then "…"): what `bj-index build`
 * writes at most. A 4 MB passage from an index built elsewhere froze Chromium for 89 s.
 */
export const DETAILS_CHARS = MAX_PASSAGE_CHARS;

function passageDetails(entry: PassageEntry, primary: ContentLang): TemplateResult {
  return html`<p class="meta"><span class="kind kind-passage">${kindLabel('passage')}</span></p>
    ${entry.headings.length ? html`<p class="place">${msg('Section:', { id: 'policy-search.details.in' })} ${placeOf(entry)}</p>` : nothing}
    ${paragraphs([entry.text.length > DETAILS_CHARS ? `${entry.text.slice(0, DETAILS_CHARS).replace(/[\ud800-\udbff]$/, '')}…` : entry.text], entry.lang)}
    ${sourceLine(entry, primary)}`;
}

/** The body of the details panel (under its heading). */
export function renderDetails(entry: Entry, primary: ContentLang): TemplateResult {
  return entry.kind === 'term' ? termDetails(entry, primary) : passageDetails(entry, primary);
}

/** The heading text of the details panel. */
export function detailsTitle(entry: Entry, primary: ContentLang, title?: Bilingual): TemplateResult {
  if (entry.kind === 'term') return titles(entry.title, primary);
  return titles(title ?? entry.document.title, primary);
}
