// Deterministic synthetic corpora for the growth benchmark: N passages written from the seed
// corpus's own vocabulary (English words in runs of 1–4 as they occur in data/, Chinese in runs of
// 2–4 characters as they occur in the definitions), with the real keyword names mixed in, plus the
// real keyword records. Same seed, same N → same bytes.
import { countCorpus, loadCorpora } from './data.mjs';

/** mulberry32: a small seeded PRNG, good enough for test data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = /[\u3400-\u9fff]/u;

function vocabulary(corpora) {
  const en = [];
  const zh = [];
  const names = { en: [], zh: [] };
  const addEn = (s) => {
    for (const w of s.split(/\s+/)) if (/^[A-Za-z][A-Za-z'-]*[,;]?$/.test(w)) en.push(w.toLowerCase());
  };
  const addZh = (s) => {
    for (const run of s.split(/[^\u3400-\u9fff]+/u)) if (run.length >= 2) zh.push(run);
  };
  for (const { data } of corpora) {
    for (const t of data.terms ?? []) {
      for (const p of t.definition.en ?? []) addEn(p);
      for (const p of t.definition.zh ?? []) addZh(p);
      for (const n of [t.title.en, ...(t.aliases?.en ?? [])]) if (n) names.en.push(n);
      for (const n of [t.title.zh, ...(t.aliases?.zh ?? [])]) if (n && HAN.test(n)) names.zh.push(n);
    }
    for (const d of data.documents ?? []) for (const p of d.passages) (d.lang === 'zh' ? addZh : addEn)(p.text);
  }
  return { en, zh, names };
}

function englishSentence(v, rnd) {
  const target = 8 + Math.floor(rnd() * 22);
  const words = [];
  while (words.length < target) {
    const at = Math.floor(rnd() * v.en.length);
    const run = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < run && at + i < v.en.length; i++) words.push(v.en[at + i].replace(/[,;]$/, ''));
    if (rnd() < 0.06) words.push(v.names.en[Math.floor(rnd() * v.names.en.length)]);
  }
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function chineseSentence(v, rnd) {
  const target = 12 + Math.floor(rnd() * 30);
  let s = '';
  while (s.length < target) {
    const run = v.zh[Math.floor(rnd() * v.zh.length)];
    const len = 2 + Math.floor(rnd() * 3);
    const at = Math.floor(rnd() * Math.max(1, run.length - len + 1));
    s += run.slice(at, at + len);
    if (rnd() < 0.06) s += v.names.zh[Math.floor(rnd() * v.names.zh.length)];
    if (rnd() < 0.15) s += ',';
  }
  return s.replace(/,$/, '') + '。';
}

/**
 * The seed corpus's keyword files plus one synthetic file of `passages` passages (documents of 50
 * passages; every third document Chinese). Returns corpus inputs for `buildIndex`.
 */
export function syntheticCorpora(passages, seed = 2022) {
  const seedCorpora = loadCorpora();
  const v = vocabulary(seedCorpora);
  const rnd = prng(seed ^ passages);
  const termFiles = seedCorpora
    .filter(({ data }) => data.terms?.length)
    .map(({ file, data }) => ({ file, data: { ...data, documents: [] } }));
  const documents = [];
  for (let n = 0, d = 0; n < passages; d++) {
    const lang = d % 3 === 2 ? 'zh' : 'en';
    const doc = {
      id: `synthetic-doc-${d}`,
      title: lang === 'zh' ? { zh: `合成文件${d}` } : { en: `Synthetic document ${d}` },
      lang,
      passages: [],
    };
    for (let i = 0; i < 50 && n < passages; i++, n++) {
      const sentences = 1 + Math.floor(rnd() * 5);
      const text = Array.from({ length: sentences }, () => (lang === 'zh' ? chineseSentence(v, rnd) : englishSentence(v, rnd))).join(
        lang === 'zh' ? '' : ' ',
      );
      doc.passages.push({
        id: `synthetic-p${n}`,
        headings: [lang === 'zh' ? `第${1 + (i >> 3)}部分` : `Part ${1 + (i >> 3)}`],
        text,
      });
    }
    documents.push(doc);
  }
  const synthetic = {
    file: 'zz-synthetic.json',
    data: {
      format: 'bj-corpus',
      schemaVersion: 1,
      source: { id: 'synthetic', title: { en: 'Synthetic corpus (benchmark only)' }, languages: ['en', 'zh'] },
      documents,
    },
  };
  return [...termFiles, synthetic];
}

// `node bench/lib/synth.mjs 1000` prints the counts and a sample passage of each language.
if (import.meta.url === `file://${process.argv[1]}`) {
  const c = syntheticCorpora(Number(process.argv[2] ?? 1000));
  console.log(countCorpus(c));
  const docs = c.at(-1).data.documents;
  console.log(docs[0].passages[0].text, '\n', docs[2]?.passages[0].text);
}
