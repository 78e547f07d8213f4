/**
 * The query lexicon: Chinese phrases with their published English names (keyword titles and
 * aliases, section names, editors' Chinese ↔ English pairs) and editors' same-language
 * equivalences (`沙箱` → `沙盒`, `garbage` → `waste`). Built by `bj-index build` from the corpus
 * (see `build.ts`), shipped in the index, used on queries only: nothing here is ever shown as
 * source text, and nothing is machine-translated.
 */
import { toSimplified, type VariantMap } from './script.js';
import { isRecord } from './types.js';

/** A phrase of the query with what it may also be searched as. */
export interface LexiconHit {
  /** The phrase as found in the (simplified) query text. */
  phrase: string;
  /** Published English names (Chinese phrase) or the corpus's form (an equivalence). */
  targets: string[];
  kind: 'rendering' | 'synonym';
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0);

/** Lexicon lookups for queries. Malformed records of a hand-edited index are skipped, never thrown on. */
export class Lexicon {
  /** Simplified Chinese phrase → English names. */
  private readonly zhToEn = new Map<string, string[]>();
  /** Simplified Chinese colloquial form → corpus form. */
  private readonly zhToZh = new Map<string, string[]>();
  /** Lowercased English word or phrase → corpus form. */
  private readonly enToEn = new Map<string, string[]>();
  /** Joined toneless pinyin → Chinese phrase. */
  private readonly pinyinToZh = new Map<string, string>();
  /** Every Chinese phrase, longest first (for protecting them from question-word stripping). */
  readonly zhPhrases: string[];

  constructor(data: unknown, variants: VariantMap) {
    const add = (map: Map<string, string[]>, key: string, value: string) => {
      const list = map.get(key) ?? [];
      if (!list.includes(value)) list.push(value);
      map.set(key, list);
    };
    const lex = isRecord(data) ? data : {};
    for (const r of Array.isArray(lex.renderings) ? lex.renderings : []) {
      if (!isRecord(r) || typeof r.zh !== 'string' || !r.zh || !isStrings(r.en)) continue;
      const zh = toSimplified(r.zh, variants);
      for (const en of r.en) add(this.zhToEn, zh, en);
      if (typeof r.pinyin === 'string' && r.pinyin.length >= 4) this.pinyinToZh.set(r.pinyin, zh);
    }
    for (const e of Array.isArray(lex.equivalents) ? lex.equivalents : []) {
      if (!isRecord(e) || !isStrings(e.from) || typeof e.to !== 'string' || !e.to) continue;
      for (const from of e.from) {
        if (e.lang === 'zh') add(this.zhToZh, toSimplified(from, variants), toSimplified(e.to, variants));
        else if (e.lang === 'en') add(this.enToEn, from.toLowerCase(), e.to);
      }
    }
    this.zhPhrases = [...new Set([...this.zhToEn.keys(), ...this.zhToZh.keys(), ...[...this.zhToZh.values()].flat()])].sort(
      (a, b) => b.length - a.length,
    );
  }

  /** Chinese phrases of the lexicon inside `hanText` (simplified), longest first, overlaps kept. */
  inChinese(hanText: string): LexiconHit[] {
    const out: LexiconHit[] = [];
    for (const [phrase, targets] of this.zhToZh) if (hanText.includes(phrase)) out.push({ phrase, targets, kind: 'synonym' });
    for (const [phrase, targets] of this.zhToEn) if (hanText.includes(phrase)) out.push({ phrase, targets, kind: 'rendering' });
    return out;
  }

  /** The corpus forms of an English word or phrase typed (lowercased), if editors listed it. */
  english(typed: string): string[] {
    return this.enToEn.get(typed) ?? [];
  }

  /** The Chinese phrase whose joined toneless pinyin is `joined`, if any. */
  fromPinyin(joined: string): string | undefined {
    return this.pinyinToZh.get(joined);
  }
}
