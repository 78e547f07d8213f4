/**
 * Builds a `bj-index.json` from corpus files. Node only: it uses opencc-js (traditional variants)
 * and pinyin-pro (pinyin), which the browser never loads; the browser reads what they computed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as OpenCCModule from 'opencc-js';
import type { DictGroup, DictLike, Trie } from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import {
  DATA_SCHEMA_VERSION,
  INDEX_FORMAT,
  INDEX_FORMAT_VERSION,
  LIBRARY_NAME,
  type BuiltIndex,
  type StoredDocument,
  type StoredEntry,
  type StoredLexicon,
  type StoredPassage,
  type StoredTerm,
} from './format.js';
import { TermMatcher } from './name-matcher.js';
import { nameForms, publishedNames } from './names.js';
import { HAN_CHARS, isHan, toSimplified } from './script.js';
import { BjError, type CorpusFile, type SourceInfo, type SynonymsFile, type TermRecord } from './types.js';

export interface BuildOptions {
  /** Library version written into the index; default: `version` from the package.json. */
  libraryVersion?: string;
  /**
   * The traditional → simplified map of these corpora, when it is made elsewhere ({@link variantsOf},
   * e.g. in a worker thread, whose OpenCC dictionaries are freed with it); default: made here.
   */
  variants?: Record<string, string>;
}

/** One corpus file as read from disk: its path (for messages and ordering) and its parsed content. */
export interface CorpusInput {
  file: string;
  data: CorpusFile;
}

/** An editors' synonyms file as read from disk (`"format": "bj-synonyms"`). */
export interface SynonymsInput {
  file: string;
  data: SynonymsFile;
}

const isSynonyms = (data: CorpusFile | SynonymsFile): data is SynonymsFile => data.format === 'bj-synonyms';

function readPackageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Builds the index from schema-valid corpus files. Files are taken in file-name order, so the same
 * input gives byte-identical `JSON.stringify` output. Throws `BjError('invalid-data')` naming the
 * file, record and field for problems no single file shows: duplicate ids, and one source id
 * described differently in two files.
 */
export function buildIndex(corpora: ReadonlyArray<{ file: string; data: CorpusFile | SynonymsFile }>, opts: BuildOptions = {}): BuiltIndex {
  const sorted = [...corpora].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const files = sorted.filter((f): f is CorpusInput => !isSynonyms(f.data));
  const synonyms = sorted.flatMap((f) => (isSynonyms(f.data) ? [f.data] : []));
  const sources = new Map<string, SourceInfo>();
  const documents: StoredDocument[] = [];
  const terms: StoredTerm[] = [];
  const passages: StoredPassage[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, where: string) => {
    const first = seen.get(id);
    if (first) {
      throw new BjError('invalid-data', `bj: ${where}: id "${id}" is already used by ${first}; give one of them another id and rebuild.`);
    }
    seen.set(id, where);
  };

  for (const { file, data } of files) {
    const source = data.source;
    if (!source || typeof source.id !== 'string') {
      throw new BjError('invalid-data', `bj: ${file}: field "source.id" is missing; every corpus file names its source.`);
    }
    const known = sources.get(source.id);
    if (known && JSON.stringify(known) !== JSON.stringify(source)) {
      throw new BjError(
        'invalid-data',
        `bj: ${file}: source "${source.id}" differs from the source of the same id in another file; make them identical or give this one another id.`,
      );
    }
    sources.set(source.id, source);
    (data.terms ?? []).forEach((t, i) => {
      claim(t.id, `${file} terms[${i}] (${t.id}) field "id"`);
      terms.push(storeTerm(t, source.id));
    });
    (data.documents ?? []).forEach((d, i) => {
      claim(`document:${d.id}`, `${file} documents[${i}] (${d.id}) field "id"`);
      documents.push({
        id: d.id,
        title: d.title,
        lang: d.lang,
        source: source.id,
        ...(d.url !== undefined ? { url: d.url } : {}),
        ...(d.date !== undefined ? { date: d.date } : {}),
      });
      d.passages.forEach((p, j) => {
        claim(p.id, `${file} documents[${i}].passages[${j}] (${p.id}) field "id"`);
        const anchor = p.anchor !== undefined ? { anchor: p.anchor } : {};
        passages.push({ kind: 'passage', id: p.id, document: d.id, headings: p.headings, text: p.text, terms: [], ...anchor });
      });
    });
  }
  // A passage names a keyword when the annotator would mark one of its names there (names.ts), in
  // simplified or traditional characters.
  const variants = opts.variants ?? variantsOf(sorted);
  const matcher = new TermMatcher(terms.flatMap(publishedNames), (text) => toSimplified(text, variants));
  for (const p of passages) {
    const named = new Set(matcher.findAll(p.text).map((m) => m.termId));
    p.terms = terms.filter((t) => named.has(t.id)).map((t) => t.id);
  }

  const entries: StoredEntry[] = [...terms, ...passages];
  const content = {
    sources: [...sources.values()],
    documents,
    entries,
    variants,
    lexicon: lexiconOf(terms, synonyms),
  };
  const hash = createHash('sha256')
    .update(JSON.stringify({ formatVersion: INDEX_FORMAT_VERSION, schemaVersion: DATA_SCHEMA_VERSION, ...content }))
    .digest('hex')
    .slice(0, 20);
  return {
    format: INDEX_FORMAT,
    formatVersion: INDEX_FORMAT_VERSION,
    schemaVersion: DATA_SCHEMA_VERSION,
    library: { name: LIBRARY_NAME, version: opts.libraryVersion ?? readPackageVersion() },
    hash,
    ...content,
  };
}

/** The index's traditional → simplified map of these corpora (the `variants` of {@link buildIndex}). */
export function variantsOf(corpora: ReadonlyArray<{ file: string; data: CorpusFile | SynonymsFile }>): Record<string, string> {
  return variantMap(variantTexts(corpora));
}

/**
 * The Chinese texts of these corpora that their traditional → simplified map is made from: the map
 * depends on this set alone (not on its order), so the CLI keys its cache of maps by it.
 */
export function variantTexts(corpora: ReadonlyArray<{ file: string; data: CorpusFile | SynonymsFile }>): Set<string> {
  const texts = new Set<string>();
  const push = (...more: string[]) => {
    for (const t of more) texts.add(t);
  };
  for (const { data } of corpora) {
    if (!isSynonyms(data)) continue;
    for (const e of data.equivalents ?? []) if (e.lang === 'zh') push(...e.queries, e.means);
    for (const p of data.pairs ?? []) push(p.zh);
  }
  for (const { data } of corpora) {
    if (isSynonyms(data)) continue;
    for (const t of data.terms ?? []) {
      push(t.title.zh ?? '', ...(t.aliases?.zh ?? []), ...(t.definition.zh ?? []), t.section?.zh ?? '');
    }
    for (const d of data.documents ?? []) {
      push(d.title.zh ?? '');
      for (const p of d.passages) push(p.text, ...p.headings);
    }
  }
  return texts;
}

/**
 * The query lexicon (see `lexicon.ts`): each section's Chinese name with its English name, then the
 * editors' pairs and equivalences (keywords' own bilingual names already link them to passages). Pinyin (joined, toneless) for every Chinese phrase, so `yingshang huanjing`
 * finds what `营商环境` finds.
 */
function lexiconOf(terms: StoredTerm[], synonyms: SynonymsFile[]): StoredLexicon {
  const renderings = new Map<string, Set<string>>();
  const render = (zh: string | undefined, en: Array<string | undefined>) => {
    if (!zh) return;
    const set = renderings.get(zh) ?? new Set<string>();
    for (const name of en) if (name) for (const form of nameForms(name)) set.add(form);
    renderings.set(zh, set);
  };
  // A keyword's own names reach the passages through their links (the `linked` field), so only
  // section names are taken from the keywords here.
  for (const t of terms) render(t.section?.zh, [t.section?.en]);
  const equivalents: StoredLexicon['equivalents'] = [];
  for (const file of synonyms) {
    for (const p of file.pairs ?? []) render(p.zh, p.en);
    for (const e of file.equivalents ?? []) equivalents.push({ lang: e.lang, from: e.queries, to: e.means });
  }
  return {
    renderings: [...renderings]
      .filter(([, en]) => en.size > 0)
      .map(([zh, en]) => {
        const han = (zh.match(HAN_CHARS) ?? []).join('');
        const py = han ? pinyin(han, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase() : '';
        return { zh, en: [...en], ...(py ? { pinyin: py } : {}) };
      }),
    equivalents,
  };
}

function storeTerm(t: TermRecord, source: string): StoredTerm {
  const aliases = { en: t.aliases?.en ?? [], zh: t.aliases?.zh ?? [] };
  const stored: StoredTerm = {
    kind: 'term',
    id: t.id,
    ...(t.number !== undefined ? { number: t.number } : {}),
    edition: t.edition,
    ...(t.section ? { section: t.section } : {}),
    title: t.title,
    definition: t.definition,
    aliases,
    source,
  };
  const zhNames = [t.title.zh, ...aliases.zh].filter((n): n is string => !!n);
  if (zhNames.length > 0) stored.pinyin = pinyinOf(zhNames);
  return stored;
}

/** Toneless pinyin of Chinese names: joined full pinyin and initials as keys, spaced syllables. */
function pinyinOf(names: string[]): { keys: string[]; syllables: string[] } {
  const keys: string[] = [];
  const syllables: string[] = [];
  for (const name of names) {
    const han = (name.match(HAN_CHARS) ?? []).join('');
    if (!han) continue;
    const full = pinyin(han, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
    const initials = pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).map((s) => s.toLowerCase());
    keys.push(full.join(''), initials.join(''));
    syllables.push(full.join(' '));
  }
  return { keys: [...new Set(keys)], syllables: [...new Set(syllables)] };
}

interface Converters {
  toTraditional: Array<(text: string) => string>;
  toSimplifiedCn: (text: string) => string;
}

/** A conversion of opencc-js's presets: what `OpenCC.Converter` builds from it. */
interface ConversionConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

/** OpenCC's converters (about 140 MB of dictionary tries), made when a build first needs them. */
let converters: Converters | undefined;

/**
 * The converters of `OpenCC.Converter({ from: 'cn', to: 't' | 'tw' | 'hk' | 'twp' })` and
 * `({ from: 't', to: 'cn' })`, made from the same presets the same way (opencc-js's
 * `ConverterBuilder`: normalise, cut at the segmentation dictionary's longest matches, convert each
 * piece through each group of the chain), except that a dictionary group used by several of them
 * is loaded into one trie: the four conversions from simplified share their largest three, which
 * is most of the CPU and memory of a build's variant map. `test/cli/variants.test.ts` checks that
 * they convert every text of data/ and of the test corpora as `OpenCC.Converter` does.
 */
export function openccConverters(): Converters {
  if (converters) return converters;
  // Loaded only here (1.2 MB of dictionaries to parse): a build whose variant map the CLI has cached never needs it.
  const OpenCC = createRequire(import.meta.url)('opencc-js') as typeof OpenCCModule;
  const tries = new Map<string, Trie>();
  const ids = new Map<DictLike, number>();
  const idOf = (d: DictLike) => ids.get(d) ?? (ids.set(d, ids.size), ids.size - 1);
  const trieOf = (group: DictGroup): Trie => {
    const key = group.map(idOf).join(',');
    let trie = tries.get(key);
    if (!trie) {
      tries.set(key, (trie = new OpenCC.Trie()));
      trie.loadDictGroup(group);
    }
    return trie;
  };
  const converter = (name: string): ((text: string) => string) => {
    const config = OpenCC.Locale.configs[name] as ConversionConfig | undefined;
    if (!config) throw new Error(`bj: opencc-js has no ${name} conversion; reinstall bj-policy-widgets`);
    const normalize = (config.normalizationChain ?? []).map(trieOf);
    const seg = config.segmentation;
    const segmentation =
      seg === undefined ? undefined : trieOf(Array.isArray(seg) && seg.every((d) => typeof d === 'string') ? seg : [seg as DictLike]);
    const chain = config.conversionChain.map(trieOf);
    return (text) => {
      let s = text;
      for (const t of normalize) s = t.convert(s);
      const pieces = segmentation ? segmentation.segment(s) : [s];
      return pieces.map((piece) => chain.reduce((p, t) => t.convert(p), piece)).join('');
    };
  };
  return (converters = {
    toTraditional: ['s2t', 's2tw', 's2hk', 's2twp'].map(converter),
    toSimplifiedCn: converter('t2s'),
  });
}

/**
 * Traditional → simplified map for every Han character of the texts: each character's traditional
 * forms (by character and, where the conversion keeps the length, in the context of its text) mapped
 * back to it. Characters that are themselves simplified (t→cn leaves them unchanged) are never keys.
 */
function variantMap(texts: ReadonlySet<string>): Record<string, string> {
  const { toTraditional, toSimplifiedCn } = openccConverters();
  // t→cn of one character, asked for every character of every text: converted once per character.
  const simplifiedOf = new Map<string, string>();
  const simplified = (ch: string) => {
    let s = simplifiedOf.get(ch);
    if (s === undefined) simplifiedOf.set(ch, (s = toSimplifiedCn(ch)));
    return s;
  };
  const candidates = new Map<string, Set<string>>();
  const add = (simplified: string, traditional: string) => {
    if (traditional === simplified || traditional.length !== 1 || simplified.length !== 1) return;
    let set = candidates.get(traditional);
    if (!set) candidates.set(traditional, (set = new Set()));
    set.add(simplified);
  };
  const chars = new Set<string>();
  for (const text of texts) {
    const han = text.match(HAN_CHARS);
    if (!han) continue;
    for (const ch of han) chars.add(simplified(ch));
    for (const convert of toTraditional) {
      const converted = convert(text);
      if (converted.length !== text.length) continue;
      for (let i = 0; i < text.length; i++) if (isHan(text[i]!)) add(simplified(text[i]!), converted[i]!);
    }
  }
  for (const ch of chars) for (const convert of toTraditional) add(ch, convert(ch));
  const map: Record<string, string> = {};
  for (const trad of [...candidates.keys()].sort()) {
    if (simplified(trad) === trad) continue; // also a simplified character (e.g. 著, 后): never rewrite it
    const options = [...candidates.get(trad)!].sort();
    map[trad] = options.includes(simplified(trad)) ? simplified(trad) : options[0]!;
  }
  return map;
}
