/**
 * Tokenizer cases shared by the Node and browser tests: the same input must give the same tokens in
 * Node, Chromium and Firefox. `VARIANTS` stands in for an index's traditional → simplified map.
 */
export const VARIANTS: Record<string, string> = { 監: '监', 時: '时', 間: '间', 銀: '银', 區: '区', 塊: '块', 鏈: '链' };

export interface TokenizerCase {
  name: string;
  input: string;
  tokens: string[];
}

export const TOKENIZER_CASES: TokenizerCase[] = [
  { name: 'English words are lowercased and stemmed', input: 'Regulatory Sandbox', tokens: ['regulatori', 'sandbox'] },
  { name: 'plurals stem to their singular', input: 'sandboxes packages package', tokens: ['sandbox', 'packag', 'packag'] },
  { name: 'stop words are dropped', input: 'the rule of law', tokens: ['rule', 'law'] },
  { name: 'diacritics are removed', input: 'Café Déjà-vu', tokens: ['cafe', 'deja', 'vu'] },
  { name: 'decomposed diacritics are removed', input: 'nai\u0308ve', tokens: ['naiv'] },
  { name: 'full-width letters fold to ASCII', input: 'ＡＢＣ', tokens: ['abc'] },
  { name: 'possessive s is dropped', input: "Beijing's", tokens: ['beij'] },
  { name: 'hyphens split words', input: 'e-text', tokens: ['e', 'text'] },
  { name: 'a Han run gives bigrams and its last character', input: '监管沙盒', tokens: ['监管', '管沙', '沙盒', '盒'] },
  { name: 'a single Han character stays itself', input: '盒', tokens: ['盒'] },
  { name: 'traditional characters map to simplified', input: '監管沙盒', tokens: ['监管', '管沙', '沙盒', '盒'] },
  { name: 'Chinese punctuation splits runs', input: '区块链,秒批', tokens: ['区块', '块链', '链', '秒批', '批'] },
  {
    name: 'mixed English, Chinese and digits',
    input: 'Time banking 時間銀行 2019年',
    tokens: ['time', 'bank', '时间', '间银', '银行', '行', '2019', '年'],
  },
  { name: 'Latin glued to Han splits at the script change', input: 'ABC监管', tokens: ['abc', '监管', '管'] },
  { name: 'quotes and symbols are separators', input: '“6+4”一体化', tokens: ['6', '4', '一体', '体化', '化'] },
  { name: 'punctuation only gives nothing', input: '!!! ... --- 。,、', tokens: [] },
  { name: 'emoji are separators', input: '😀 sandbox 🎉', tokens: ['sandbox'] },
  { name: 'control characters are separators', input: 'sand\u0000box\u0007', tokens: ['sand', 'box'] },
  { name: 'astral Han characters stay whole', input: '\u{20000}\u{20001}', tokens: ['\u{20000}\u{20001}', '\u{20001}'] },
  { name: 'empty text gives nothing', input: '', tokens: [] },
];

export interface QueryCase {
  input: string;
  words: string[];
  han: string[];
}

/** How queries split (before stems and bigrams). */
export const QUERY_CASES: QueryCase[] = [
  { input: '監管 Sandboxes', words: ['sandboxes'], han: ['监管'] },
  { input: 'jianguan shahe', words: ['jianguan', 'shahe'], han: [] },
  { input: '  ', words: [], han: [] },
  { input: 'the 告知承诺制!', words: ['the'], han: ['告知承诺制'] },
];
