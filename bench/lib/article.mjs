// The annotate benchmark's article: 50,000 characters of bilingual running text, generated
// deterministically from data/ (English passages, Chinese definitions) with the keyword names
// (titles and aliases, both languages) woven in. Same input → same article.
import { loadCorpora } from './data.mjs';
import { prng } from './synth.mjs';

export const ARTICLE_LENGTH = 50_000;

/** `{paragraphs: [{lang, text}], names: [{term, name}]}`, `length` characters of text in all. */
export function article(length = ARTICLE_LENGTH, seed = 7) {
  const corpora = loadCorpora();
  const rnd = prng(seed);
  const en = [];
  const zh = [];
  const names = [];
  for (const { data } of corpora) {
    for (const t of data.terms ?? []) {
      en.push(...(t.definition.en ?? []));
      zh.push(...(t.definition.zh ?? []));
      for (const n of [t.title.en, ...(t.aliases?.en ?? [])]) if (n) names.push({ term: t.id, name: n, lang: 'en' });
      for (const n of [t.title.zh, ...(t.aliases?.zh ?? [])]) if (n) names.push({ term: t.id, name: n, lang: 'zh' });
    }
    for (const d of data.documents ?? []) for (const p of d.passages) (d.lang === 'zh' ? zh : en).push(p.text);
  }
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const paragraphs = [];
  let total = 0;
  for (let i = 0; total < length; i++) {
    const lang = i % 3 === 2 ? 'zh' : 'en';
    let text = pick(lang === 'zh' ? zh : en);
    // Weave one keyword name of the paragraph's language into it, after a sentence end.
    const name = pick(names.filter((n) => n.lang === lang));
    if (name) {
      const cut = lang === 'zh' ? text.indexOf('。') + 1 : text.indexOf('. ') + 2;
      text =
        cut > 1
          ? `${text.slice(0, cut)}${lang === 'zh' ? `${name.name}。` : `${name.name} matters here. `}${text.slice(cut)}`
          : `${text} ${name.name}`;
    }
    if (total + text.length > length) text = text.slice(0, length - total);
    paragraphs.push({ lang, text });
    total += text.length;
  }
  return { paragraphs, names };
}
