/**
 * The one search-engine builder: what MiniSearch indexes for each keyword and passage (fields,
 * weights, the tokenizer of `text.ts`) and how it is built, at once or in chunks that yield to the
 * event loop. The index file ships entries only; this indexes them on the first search (see the
 * design note in `policy-index.ts`). DOM-free.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Catalogue } from './catalogue.js';
import { entryText } from './catalogue.js';
import type { StoredTerm } from './format.js';
import { Vocabulary } from './vocabulary.js';
import type { VariantMap } from './script.js';
import { tokenizeWithOffsets } from './text.js';
import type { TermEntry } from './types.js';
import { FORMS_FIELD, FORM_SOURCE_FIELDS, formTerm, stemOfFormTerm } from './word-forms.js';

/** The document MiniSearch indexes for each entry. */
export interface SearchDoc {
  id: string;
  title: string;
  aliases: string;
  pinyin: string;
  pinyinSyl: string;
  text: string;
  context: string;
  linked: string;
  linkedPinyin: string;
}

export const TEXT_FIELDS = ['title', 'aliases', 'text', 'context', 'linked'];
export const PINYIN_FIELDS = ['pinyin', 'pinyinSyl', 'linkedPinyin'];
/**
 * Every field the engine indexes, in the order it numbers them (MiniSearch's `fieldIds`); the
 * written forms of the entry's own words last (`word-forms.ts`), filled from the fields before it.
 */
export const SEARCH_FIELDS: readonly string[] = [...TEXT_FIELDS, ...PINYIN_FIELDS, FORMS_FIELD];
/** Fields a passage gets from the keywords it names. */
export const LINK_FIELDS: ReadonlySet<string> = new Set(['linked', 'linkedPinyin']);
/** Field weights: names above definitions, a passage's own words above its links and headings. */
export const BOOST: Record<string, number> = {
  title: 6,
  aliases: 4,
  pinyin: 5,
  pinyinSyl: 2,
  text: 1,
  context: 0.5,
  linked: 0.6,
  linkedPinyin: 0.5,
};

/**
 * Han terms (bigrams and single characters) are indexed under this prefix, which no query word can
 * start with. MiniSearch's fuzzy search walks every branch of its term tree that could still be
 * within the edit distance: without the prefix it visited every Han bigram for each fuzzy English
 * word (about half of all query time); with it, the Han branch is cut after three characters.
 * Results are unchanged: a fuzzy word (4+ letters, distance ≤ 2) is never that close to a 1–2
 * character Han term. Reported `terms` are given back without it.
 */
const HAN_MARK = '\u0001\u0001\u0001';
export const markHan = (term: string): string => HAN_MARK + term;
/** A term as reported (`SearchResult.terms`): Han terms without their mark, a written form's term as its stem. */
export const unmark = (term: string): string => (term.startsWith(HAN_MARK) ? term.slice(HAN_MARK.length) : stemOfFormTerm(term));

/** MiniSearch 7's default `weights.prefix`. */
export const PREFIX_WEIGHT = 0.375;
/** MiniSearch 7's default `weights.fuzzy` (the `weights` option wants both). */
export const FUZZY_WEIGHT = 0.45;
/**
 * The prefix weight that scores a one-character Han query's bigram matches exactly as without
 * {@link HAN_MARK}: MiniSearch weighs a prefix match by the matched term's length L and the extra
 * characters d as L / (L + 0.3·d), and the mark adds to L (exact when the bigram's second
 * character is in the BMP, as all but the rarest CJK characters are).
 */
export function hanPrefixWeight(char: string): number {
  const plain = char.length + 1;
  const marked = plain + HAN_MARK.length;
  return (PREFIX_WEIGHT * (plain / (plain + 0.3))) / (marked / (marked + 0.3));
}

/** The terms MiniSearch indexes for a text field: `tokenize`'s, Han ones under {@link HAN_MARK}. */
export function indexTerms(text: string, variants: VariantMap): string[] {
  return tokenizeWithOffsets(text, variants).map((t) => (t.kind === 'han' ? markHan(t.term) : t.term));
}

/**
 * The same (ASCII) characters in a string of one byte per character. A word sliced from a text
 * with any wider character (“quotes”, Han) is stored two bytes a character, and so is a term built
 * from it: with such form terms in MiniSearch's tree, indexing a parsed index took twice as long.
 */
function oneByte(ascii: string): string {
  if (ascii.length > 256) return ascii;
  const codes: number[] = [];
  for (let i = 0; i < ascii.length; i++) codes.push(ascii.charCodeAt(i));
  return String.fromCharCode(...codes);
}

/** What the engine indexes, and what the query side needs from the keywords' pinyin. */
export interface SearchCorpus {
  docs: SearchDoc[];
  docById: Map<string, SearchDoc>;
  /** Per keyword, the tokens its names contribute to a passage's `linked`/`linkedPinyin` fields. */
  linkTokens: Map<string, Set<string>>;
  /** Joined pinyin and initials of keyword names → the keyword (first keyword wins). */
  byPinyin: Map<string, TermEntry>;
  /** The keys of `byPinyin`, in corpus order. */
  pinyinKeys: string[];
}

/** The documents of a catalogue's keywords and passages (passages carry their keywords' names). */
export function searchCorpus(catalogue: Catalogue): SearchCorpus {
  const variants = catalogue.variants;
  const stored = new Map<string, StoredTerm>();
  for (const e of catalogue.built.entries) if (e.kind === 'term') stored.set(e.id, e);
  const terms = catalogue.terms();
  const out: SearchCorpus = { docs: [], docById: new Map(), linkTokens: new Map(), byPinyin: new Map(), pinyinKeys: [] };
  const termDocs = new Map<string, { names: string; pinyinKeys: string; syllables: string }>();
  for (const t of terms) {
    const pinyin = stored.get(t.id)?.pinyin ?? { keys: [], syllables: [] };
    const names = [t.title.en, t.title.zh, ...t.aliases.en, ...t.aliases.zh].filter(Boolean).join('\n');
    for (const key of pinyin.keys) {
      if (out.byPinyin.has(key)) continue;
      out.byPinyin.set(key, t);
      out.pinyinKeys.push(key);
    }
    // Any syllable-aligned inner part of a name's pinyin is found by prefix (`shahe`, `guanjianxiaoshi`).
    const inner = pinyin.syllables.flatMap((spaced) => {
      const syl = spaced.split(' ');
      return syl.slice(1, -1).map((_, i) => syl.slice(i + 1).join(''));
    });
    const keys = [...new Set([...pinyin.keys, ...inner])].join(' ');
    const doc = { names, pinyinKeys: keys, syllables: pinyin.syllables.join(' ') };
    termDocs.set(t.id, doc);
    out.linkTokens.set(t.id, new Set([...indexTerms(names, variants), ...doc.pinyinKeys.split(' '), ...doc.syllables.split(' ')]));
  }
  for (const t of terms) {
    const d = termDocs.get(t.id)!;
    out.docs.push({
      id: t.id,
      title: [t.title.en, t.title.zh].filter(Boolean).join('\n'),
      aliases: [...t.aliases.en, ...t.aliases.zh].join('\n'),
      pinyin: d.pinyinKeys,
      pinyinSyl: d.syllables,
      text: [entryText(t, 'en'), entryText(t, 'zh')].join('\n\n'),
      context: '',
      linked: '',
      linkedPinyin: '',
    });
  }
  for (const p of catalogue.passages()) {
    const linked = p.terms.map((id) => termDocs.get(id)).filter((d) => d !== undefined);
    out.docs.push({
      id: p.id,
      title: '',
      aliases: '',
      pinyin: '',
      pinyinSyl: '',
      text: p.text,
      context: [p.document.title.en, p.document.title.zh, ...p.headings].filter(Boolean).join('\n'),
      linked: linked.map((d) => d.names).join('\n'),
      linkedPinyin: linked.map((d) => `${d.pinyinKeys} ${d.syllables}`).join(' '),
    });
  }
  for (const d of out.docs) out.docById.set(d.id, d);
  return out;
}

/** An empty engine and the document frequencies of its text terms (filled while it indexes). */
export interface Engine {
  mini: MiniSearch<SearchDoc>;
  vocab: Vocabulary;
}

/**
 * The one definition of the search engine: an empty MiniSearch with our fields and tokenizer, and
 * the vocabulary it fills while indexing. Feed it with `addAll` (at once, ≈ 90 ms on the default
 * corpus) or `addAllAsync` (in chunks that yield to the event loop).
 */
export function newEngine(variants: VariantMap): Engine {
  const vocab = new Vocabulary();
  return { mini: new MiniSearch<SearchDoc>(engineOptions(variants, vocab)), vocab };
}

/** What {@link engineOptions} sets: the fields and how a document's fields are read and tokenized. */
export type EngineOptions = Required<Pick<Options<SearchDoc>, 'fields' | 'storeFields' | 'extractField' | 'tokenize' | 'processTerm'>>;

/**
 * The engine's MiniSearch options, filling `vocab` as documents are indexed. `bj-index build`
 * (`build-postings.ts`) indexes with them too, so its postings are the engine's own.
 */
export function engineOptions(variants: VariantMap, vocab: Vocabulary): EngineOptions {
  /** The written forms of the document being indexed (its forms field), gathered from its fields before. */
  let forms = new Set<string>();
  /** Each word as written → its form's term, or '' when it is its own stem: one string per form, made once. */
  const formTerms = new Map<string, string>();
  const formOf = (written: string, stem: string): string => {
    let term = formTerms.get(written);
    if (term === undefined) {
      const folded = written.toLowerCase();
      term = folded !== stem && /^[a-z]+$/.test(folded) ? oneByte(formTerm(stem, folded)) : '';
      formTerms.set(written, term);
    }
    return term;
  };
  return {
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    // MiniSearch reads a document's fields in `fields` order: the first one starts a document, the
    // forms field comes after every field its terms are gathered from.
    extractField: (doc, field) => {
      if (field === TEXT_FIELDS[0]) {
        vocab.nextDocument();
        forms = new Set();
      }
      if (field === FORMS_FIELD) return [...forms].join(' ');
      return doc[field as keyof SearchDoc];
    },
    tokenize: (text, field) => {
      if (field === FORMS_FIELD) {
        const terms = text.split(' ').filter(Boolean);
        for (const t of terms) vocab.add(t);
        return terms;
      }
      if (field && PINYIN_FIELDS.includes(field)) return text.split(' ').filter(Boolean);
      const tokens = tokenizeWithOffsets(text, variants);
      const terms = tokens.map((t) => (t.kind === 'han' ? markHan(t.term) : t.term));
      if (field) {
        for (const t of terms) vocab.add(t);
        const own = FORM_SOURCE_FIELDS.has(field);
        for (const t of tokens) {
          if (t.kind !== 'word') continue;
          const written = text.slice(t.start, t.end);
          vocab.addForm(written, t.term);
          const form = own ? formOf(written, t.term) : '';
          if (form) forms.add(form);
        }
      }
      return terms;
    },
    processTerm: (term) => term,
  };
}
