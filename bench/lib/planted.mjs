// Planted answers for the relevance-at-scale bench (bench/planted.mjs) and its tests: the synthetic
// corpus of lib/synth.mjs (same N and seed → same text) with queries whose right answers are known,
// because they were planted in it or counted in it:
//
//   rare-en      an English word form found in 0.1–0.3 % of the passages whose stem neighbours
//                (other forms of its Porter stem) are in at least 10 times as many ("reviewers" vs
//                review, reviews); answers: every passage with the form as written
//   rare-zh      a Chinese word of three characters found in 0.1–0.3 % of the passages whose two
//                bigrams are each in at least 5 times as many; answers: every passage containing it
//   phrase-en    three common English words planted as a phrase in one passage
//   phrase-zh    two common Chinese words planted side by side (a run found nowhere else)
//   combo-en     two English words whose stems are never found in one passage, planted apart in one
//   combo-zh     two Chinese words the corpus lacks, each planted in 0.2 % of the passages and both
//                in one, the query "词一 词二"
//   traditional  the rare-zh and phrase-zh queries typed in traditional characters
//   pinyin       a Chinese lexicon phrase of 4+ characters the corpus (almost) lacks, planted in one
//                passage, typed in toneless pinyin ("xinxi buduichen")
//
// Answers are read from the final texts (a planted passage is not assumed unique: every passage
// that has the phrase, both words or the word form counts). Deterministic: same N, seed and count
// per category → same corpus, same queries. Needs `--import tsx` (reads the search core's stop words).
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { stemmer } from 'stemmer';
import { QUERY_STOP_WORDS } from '../../src/search/question-words.ts';
import { wordFrequencies } from '../../src/search/word-frequency.ts';
import { loadCorpora } from './data.mjs';
import { prng, syntheticCorpora } from './synth.mjs';

export const CATEGORIES = ['rare-en', 'rare-zh', 'phrase-en', 'phrase-zh', 'combo-en', 'combo-zh', 'traditional', 'pinyin'];
/** Categories whose queries have many answers: the share of the top ten that has the exact form is measured. */
export const RARE = new Set(['rare-en', 'rare-zh']);

const HAN_ONLY = /^[\u3400-\u9fff]+$/u;
const wordsOf = (text) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
const ok = (w) => /^[a-z]{4,}$/.test(w) && !QUERY_STOP_WORDS.has(w);

/** Shuffled copy (Fisher–Yates with the seeded generator). */
function shuffled(list, rnd) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Two-character Chinese words of the seed corpus (Intl.Segmenter). */
function seedChinese() {
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  const texts = [];
  for (const { data } of loadCorpora()) {
    for (const t of data.terms ?? []) texts.push(...(t.definition.zh ?? []), t.title.zh ?? '');
    for (const d of data.documents ?? []) if (d.lang === 'zh') for (const p of d.passages) texts.push(p.text);
  }
  const words = new Set();
  for (const text of texts) for (const { segment: w } of seg.segment(text)) if (w.length === 2 && HAN_ONLY.test(w)) words.add(w);
  return { words: [...words].sort() };
}

/** Words of `length` characters of jieba's dictionary with a count of `min` or more, in simplified characters. */
function dictionaryWords(length, min) {
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  return [...wordFrequencies()]
    .filter(([w, c]) => c >= min && w.length === length && HAN_ONLY.test(w) && toSimplified(w) === w)
    .map(([w]) => w)
    .sort();
}

/** Passages (in corpus order) of the synthetic documents, with their document and position. */
function passagesOf(documents) {
  const out = [];
  documents.forEach((doc, d) => doc.passages.forEach((p, i) => out.push({ p, d, i, lang: doc.lang })));
  return out;
}

/** Inserts `piece` into an English text between two words (at a random word boundary). */
function insertEn(text, piece, rnd, half = 'any') {
  const words = text.split(' ');
  const lo = half === 'second' ? Math.ceil(words.length / 2) : 1;
  const hi = half === 'first' ? Math.max(1, Math.floor(words.length / 2)) : words.length;
  const at = lo + Math.floor(rnd() * Math.max(1, hi - lo));
  words.splice(Math.min(at, words.length), 0, piece);
  return words.join(' ');
}

/** Inserts `piece` into a Chinese text at the start of a sentence or clause (after 。 or ,). */
function insertZh(text, piece, rnd, avoid = -1) {
  const starts = [0];
  for (let k = 0; k < text.length - 1; k++) if (text[k] === '。' || text[k] === ',') starts.push(k + 1);
  const choices = starts.filter((s) => s !== avoid);
  const at = choices.length > 0 ? choices[Math.floor(rnd() * choices.length)] : text.length - 1;
  return { text: text.slice(0, at) + piece + text.slice(at), at };
}

/**
 * The synthetic corpus of `passages` passages with planted answers. Returns `corpora` (for
 * `buildIndex` / a corpus file), `documents` (its synthetic documents, for `generateSite`) and
 * `queries`: `{category, q, lang, answers: Set<passage id>, form?}` (`form`: what a rare-word
 * query's exact-form share looks for).
 */
export function plantedCorpus(passages, { seed = 2022, perCategory = 20, lexicon = [] } = {}) {
  const corpora = syntheticCorpora(passages, seed);
  const documents = corpora.at(-1).data.documents;
  const all = passagesOf(documents);
  const n = all.length;
  const rnd = prng((seed * 31 + passages) ^ 0x5eed);
  const en = all.filter((x) => x.lang === 'en');
  const zh = all.filter((x) => x.lang === 'zh');

  // English statistics of the unplanted text: passages per form and per stem.
  const formDf = new Map();
  const stemPassages = new Map();
  const stemOf = new Map();
  for (const [k, x] of en.entries()) {
    const forms = new Set(wordsOf(x.p.text));
    const stems = new Set();
    for (const w of forms) {
      formDf.set(w, (formDf.get(w) ?? 0) + 1);
      if (!stemOf.has(w)) stemOf.set(w, stemmer(w));
      stems.add(stemOf.get(w));
    }
    for (const s of stems) {
      let list = stemPassages.get(s);
      if (!list) stemPassages.set(s, (list = []));
      list.push(k);
    }
  }
  const stemDf = (w) => stemPassages.get(stemOf.get(w))?.length ?? 0;
  const stemSets = en.map((x) => new Set(wordsOf(x.p.text).map((w) => stemOf.get(w))));
  /** True when some passage has both stems. */
  const together = (...ws) => {
    const stems = ws.map((w) => stemOf.get(w) ?? stemmer(w));
    const lists = stems.map((s) => stemPassages.get(s) ?? []).sort((a, b) => a.length - b.length);
    return lists[0].some((k) => stems.every((s) => stemSets[k].has(s)));
  };

  // Chinese statistics of the unplanted text: passages per bigram and trigram, and the passages of each bigram.
  const gramDf = new Map();
  const bigramPassages = new Map();
  const zhTexts = zh.map((x) => x.p.text);
  for (const [k, text] of zhTexts.entries()) {
    const seen = new Set();
    for (const run of text.split(/[^\u3400-\u9fff]+/u)) {
      for (let j = 0; j + 1 < run.length; j++) {
        seen.add(run.slice(j, j + 2));
        if (j + 2 < run.length) seen.add(run.slice(j, j + 3));
      }
    }
    for (const g of seen) {
      gramDf.set(g, (gramDf.get(g) ?? 0) + 1);
      if (g.length !== 2) continue;
      let list = bigramPassages.get(g);
      if (!list) bigramPassages.set(g, (list = []));
      list.push(k);
    }
  }
  const df = (g) => gramDf.get(g) ?? 0;
  const seedZh = seedChinese();

  const used = new Set();
  const pick = (pool) => {
    for (let tries = 0; tries < 1000; tries++) {
      const x = pool[Math.floor(rnd() * pool.length)];
      if (!used.has(x.p.id)) {
        used.add(x.p.id);
        return x;
      }
    }
    throw new Error('bj: no passage left to plant in');
  };
  const queries = [];
  const lo = 0.001 * n;
  const hi = 0.003 * n;

  // rare-en: counted, not planted.
  const rareEn = shuffled(
    [...formDf].filter(([w, c]) => ok(w) && w.length >= 5 && c >= lo && c <= hi && stemDf(w) >= 10 * c).map(([w]) => w),
    rnd,
  ).slice(0, perCategory);
  for (const w of rareEn) queries.push({ category: 'rare-en', q: w, lang: 'en', form: w });

  // rare-zh: Chinese words of three characters (jieba's dictionary, count ≥ 200) that the synthetic
  // text (almost) lacks while one of their bigrams is common (企业家 beside 企业), planted in 0.2 %
  // of the passages.
  const target = Math.max(3, Math.round(0.002 * n));
  const bigramsOf = (w) => [...w].slice(1).map((c, j) => w[j] + c);
  const found = (w) => zhTexts.filter((t) => t.includes(w)).length;
  const rareZh = shuffled(
    dictionaryWords(3, 200).filter((w) => bigramsOf(w).some((g) => df(g) >= 5 * target) && found(w) <= lo),
    rnd,
  ).slice(0, perCategory);
  const plantZh = (w) => {
    const x = pick(zh);
    x.p.text = insertZh(x.p.text, w, rnd).text;
  };
  for (const w of rareZh) {
    for (let k = found(w); k < target; k++) plantZh(w);
    queries.push({ category: 'rare-zh', q: w, lang: 'zh', form: w });
  }

  // Common words to plant.
  const commonEn = shuffled(
    [...formDf].filter(([w, c]) => ok(w) && c >= 0.003 * n && c <= 0.03 * n).map(([w]) => w),
    rnd,
  );
  const zhWords = (min) =>
    shuffled(
      seedZh.words.filter((w) => df(w) >= min * n && df(w) <= 0.03 * n),
      rnd,
    );
  const commonZh = zhWords(0.002);

  // phrase-en: three common words, as a phrase found nowhere else, in one passage.
  for (let k = 0; k + 2 < commonEn.length && queries.filter((x) => x.category === 'phrase-en').length < perCategory; k += 3) {
    const phrase = commonEn.slice(k, k + 3);
    if (new Set(phrase.map((w) => stemOf.get(w))).size < 3) continue;
    const x = pick(en);
    x.p.text = insertEn(x.p.text, phrase.join(' '), rnd);
    queries.push({ category: 'phrase-en', q: phrase.join(' '), lang: 'en', phrase });
  }

  // combo-en: two words whose stems no passage has together, planted apart in one passage.
  const enPairs = [];
  for (let a = 0; a < commonEn.length && enPairs.length < perCategory; a++) {
    for (let b = a + 1; b < commonEn.length && enPairs.length < perCategory; b++) {
      const [w1, w2] = [commonEn[a], commonEn[b]];
      if (stemOf.get(w1) === stemOf.get(w2) || enPairs.some((p) => p.includes(w1) || p.includes(w2))) continue;
      if (!together(w1, w2)) enPairs.push([w1, w2]);
    }
  }
  for (const [w1, w2] of enPairs) {
    const x = pick(en);
    x.p.text = insertEn(insertEn(x.p.text, w1, rnd, 'first'), w2, rnd, 'second');
    queries.push({ category: 'combo-en', q: `${w1} ${w2}`, lang: 'en', words: [w1, w2] });
  }

  // phrase-zh: pairs of common Chinese words some passages have both of (never side by side),
  // planted side by side in one.
  const zhBoth = (w1, w2) => {
    const b = new Set(bigramPassages.get(w2) ?? []);
    return (bigramPassages.get(w1) ?? []).filter((k) => b.has(k));
  };
  const zhUsed = new Set();
  const zhPairs = (pool, wanted) => {
    const pairs = [];
    for (let a = 0; a < pool.length && pairs.length < perCategory; a++) {
      for (let b = a + 1; b < pool.length && pairs.length < perCategory; b++) {
        const [w1, w2] = [pool[a], pool[b]];
        if (zhUsed.has(w1) || zhUsed.has(w2) || [...w1].some((c) => w2.includes(c))) continue;
        const both = zhBoth(w1, w2);
        if (!wanted(both, w1, w2)) continue;
        pairs.push([w1, w2]);
        zhUsed.add(w1);
        zhUsed.add(w2);
      }
    }
    return pairs;
  };
  const adjacent = (w1, w2) => zhTexts.some((t) => t.includes(w1 + w2));
  for (const [w1, w2] of zhPairs(commonZh, (both, w1, w2) => both.length >= 2 && !adjacent(w1, w2))) {
    const x = pick(zh);
    x.p.text = insertZh(x.p.text, w1 + w2, rnd).text;
    queries.push({ category: 'phrase-zh', q: w1 + w2, lang: 'zh' });
  }
  // combo-zh: two common words of jieba's dictionary (count ≥ 5,000) the corpus lacks, each planted in 0.2 % of the
  // passages and both in one more (the synthetic Chinese has too few words for two common ones that
  // are never found together at 100,000 passages).
  const absent = shuffled(
    dictionaryWords(2, 5000).filter((w) => df(w) === 0),
    rnd,
  );
  for (let k = 0; k + 1 < absent.length && queries.filter((x) => x.category === 'combo-zh').length < perCategory; k += 2) {
    const [w1, w2] = [absent[k], absent[k + 1]];
    if ([...w1].some((c) => w2.includes(c))) continue;
    for (const w of [w1, w2]) for (let j = 0; j < target; j++) plantZh(w);
    const x = pick(zh);
    const first = insertZh(x.p.text, w1, rnd);
    x.p.text = insertZh(first.text, w2, rnd, first.at).text;
    queries.push({ category: 'combo-zh', q: `${w1} ${w2}`, lang: 'zh', words: [w1, w2] });
  }

  // traditional: the rare-zh and phrase-zh queries in traditional characters, where they differ.
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const trad = [];
  for (const src of queries.filter((x) => x.category === 'rare-zh' || x.category === 'phrase-zh')) {
    const t = toTraditional(src.q);
    if (t !== src.q) trad.push({ category: 'traditional', q: t, lang: 'zh', same: src });
  }
  queries.push(...shuffled(trad, rnd).slice(0, perCategory));

  // pinyin: lexicon phrases (4+ characters) the corpus (almost) lacks, each planted in one more passage.
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  const phrases = lexicon.filter((r) => [...r.zh].length >= 4 && HAN_ONLY.test(r.zh) && r.pinyin && found(r.zh) <= lo);
  for (const r of shuffled(phrases, rnd).slice(0, perCategory)) {
    const x = pick(zh);
    x.p.text = insertZh(x.p.text, r.zh, rnd).text;
    const typed = [...seg.segment(r.zh)].map((s) => pinyin(s.segment, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase());
    queries.push({ category: 'pinyin', q: typed.join(' '), lang: 'zh', phrase: r.zh });
  }

  // Answers, from the final texts.
  const final = all.map((x) => {
    const words = x.lang === 'en' ? wordsOf(x.p.text) : [];
    return { x, set: new Set(words), joined: ` ${words.join(' ')} ` };
  });
  for (const query of queries) {
    const src = query.same ?? query;
    const test =
      src.category === 'rare-en'
        ? (f) => f.set.has(src.form)
        : src.category === 'phrase-en'
          ? (f) => f.joined.includes(` ${src.phrase.join(' ')} `)
          : src.category === 'combo-en'
            ? (f) => src.words.every((w) => f.set.has(w))
            : src.category === 'combo-zh'
              ? (f) => src.words.every((w) => f.x.p.text.includes(w))
              : src.category === 'pinyin'
                ? (f) => f.x.p.text.includes(src.phrase)
                : (f) => f.x.p.text.includes(src.q);
    query.answers = new Set(final.filter(test).map((f) => f.x.p.id));
    if (query.same) query.form = query.same.form;
  }
  return { corpora, documents, queries, passages: n };
}

/**
 * The page of a synthetic passage in a site written by `generateSite` with `perPage` passages a page
 * (`en/000/doc-00000-01.html`), keyed by passage id.
 */
export function pagesOf(documents, perPage) {
  const pad = (x, k) => String(x).padStart(k, '0');
  const out = new Map();
  documents.forEach((doc, d) => {
    doc.passages.forEach((p, i) => {
      const part = perPage < 50 ? `-${pad(Math.floor(i / perPage) + 1, 2)}` : '';
      out.set(p.id, `${doc.lang === 'zh' ? 'zh' : 'en'}/${pad(Math.floor(d / 100), 3)}/doc-${pad(d, 5)}${part}.html`);
    });
  });
  return out;
}

/** The site page a result URL points to (`…/en/000/doc-00000-01.html#part-1` → `en/000/doc-00000-01.html`). */
export function pageOfUrl(url) {
  return /(?:en|zh)\/\d{3}\/doc-[\d-]+\.html/.exec(String(url ?? ''))?.[0];
}

/**
 * hit@1, hit@10, MRR@10 per category, and the exact-form share of the top ten for rare words (the
 * answers among the top ten, out of min(10, answers)). `ranked(query)`: the answer keys of the top
 * ten, in order (a key is whatever `answerKeys` gives: passage ids or pages).
 */
export function score(queries, ranked, answerKeys = (q) => q.answers) {
  const by = new Map();
  const cell = (c) => {
    if (!by.has(c)) by.set(c, { n: 0, hit1: 0, hit10: 0, mrr: 0, exact: [], failed: [] });
    return by.get(c);
  };
  for (const query of queries) {
    const keys = answerKeys(query);
    const top = ranked(query).slice(0, 10);
    const at = top.findIndex((k) => keys.has(k));
    for (const c of [query.category, 'all']) {
      const m = cell(c);
      m.n++;
      if (at === 0) m.hit1++;
      if (at >= 0) m.hit10++;
      else m.failed.push(query.q);
      m.mrr += at >= 0 ? 1 / (at + 1) : 0;
      if (RARE.has(query.category) || query.same?.form) {
        const good = top.filter((k) => keys.has(k)).length;
        m.exact.push(good / Math.min(10, Math.max(1, keys.size)));
      }
    }
  }
  const out = {};
  for (const [c, m] of by) {
    out[c] = {
      n: m.n,
      hit1: m.hit1 / m.n,
      hit10: m.hit10 / m.n,
      mrr: m.mrr / m.n,
      exact: m.exact.length > 0 ? m.exact.reduce((a, b) => a + b, 0) / m.exact.length : undefined,
      failed: m.failed,
    };
  }
  return out;
}
