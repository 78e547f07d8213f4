/**
 * Relevance cases for the default corpus (`data/*.json`), shared by the Node and browser tests and by
 * the baseline comparison. Each expectation was written by reading the data: the keyword or passage
 * a person typing the query is looking for.
 *
 * `top`: the expected entry must be the first result. `member`: it must be among the first 10
 * (cross-language cases, where several passages are equally right).
 */
export interface RelevanceCase {
  query: string;
  kind: 'term' | 'passage';
  id: string;
  /** What the case exercises. */
  group:
    | 'english title'
    | 'definition words'
    | 'stem'
    | 'typo'
    | 'prefix'
    | 'chinese'
    | 'chinese definition'
    | 'traditional'
    | 'pinyin'
    | 'mixed'
    | 'passage'
    | 'cross-language';
  expect: 'top' | 'member';
}

const t = (query: string, id: string, group: RelevanceCase['group']): RelevanceCase => ({ query, kind: 'term', id, group, expect: 'top' });
const p = (query: string, id: string, group: RelevanceCase['group'], expect: 'top' | 'member' = 'top'): RelevanceCase => ({
  query,
  kind: 'passage',
  id,
  group,
  expect,
});

export const RELEVANCE_CASES: RelevanceCase[] = [
  // Keyword titles as published.
  t('Regulatory sandbox', 'regulatory-sandbox', 'english title'),
  t('time banking', 'time-banking', 'english title'),
  t('Service packages', 'service-packages', 'english title'),
  t('Digital infrastructure for a smart city', 'smart-city-digital-infrastructure', 'english title'),
  t('every microgram counts', 'every-microgram-counts', 'english title'),
  t('Jingban', 'jingban-jingtong-jingzhi', 'english title'),
  t('one issue per month', 'one-issue-per-month', 'english title'),
  t('6+4 regulatory system', 'six-plus-four-regulatory-system', 'english title'),
  t('Smart review and approval system', 'smart-review-and-approval', 'english title'),
  t('SRAS', 'smart-review-and-approval', 'english title'),
  t('two important minor details', 'two-minor-details', 'english title'),
  t('notification and compliance requirement', 'notification-and-commitment', 'english title'),
  t('officials experiencing their own services', 'officials-experiencing-own-services', 'english title'),
  t('three priorities and five measures', 'one-focus-three-priorities-five-measures', 'english title'),
  // Words found only in a definition.
  t('facial recognition', 'smart-review-and-approval', 'definition words'),
  t('emission reduction', 'every-microgram-counts', 'definition words'),
  t('waste sorting', 'two-minor-details', 'definition words'),
  t('time coins', 'time-banking', 'definition words'),
  t('eldercare', 'time-banking', 'definition words'),
  t('QR code', 'smart-city-digital-infrastructure', 'definition words'),
  t('inter-agency office platform', 'jingban-jingtong-jingzhi', 'definition words'),
  t('thorny chronic issues', 'one-issue-per-month', 'definition words'),
  t('division director', 'officials-experiencing-own-services', 'definition words'),
  // Plurals and other stems.
  t('sandboxes', 'regulatory-sandbox', 'stem'),
  t('service package', 'service-packages', 'stem'),
  t('time banks', 'time-banking', 'stem'),
  t('volunteering spouses', 'time-banking', 'stem'),
  // Typos.
  t('sandbx', 'regulatory-sandbox', 'typo'),
  t('regulatry sandbox', 'regulatory-sandbox', 'typo'),
  t('microgramm', 'every-microgram-counts', 'typo'),
  t('Jingtongg', 'jingban-jingtong-jingzhi', 'typo'),
  t('eldrecare', 'time-banking', 'typo'),
  // Prefixes, as typed.
  t('sandb', 'regulatory-sandbox', 'prefix'),
  t('microg', 'every-microgram-counts', 'prefix'),
  t('Jingzh', 'jingban-jingtong-jingzhi', 'prefix'),
  // Chinese titles and substrings of titles or definitions.
  t('监管沙盒', 'regulatory-sandbox', 'chinese'),
  t('沙盒', 'regulatory-sandbox', 'chinese'),
  t('时间银行', 'time-banking', 'chinese'),
  t('每月一题', 'one-issue-per-month', 'chinese'),
  t('服务包', 'service-packages', 'chinese'),
  t('告知承诺制', 'notification-and-commitment', 'chinese'),
  t('无感审批', 'smart-review-and-approval', 'chinese'),
  t('一抓三保五强化', 'one-focus-three-priorities-five-measures', 'chinese'),
  t('关键小事', 'two-minor-details', 'chinese'),
  t('综合监管体系', 'six-plus-four-regulatory-system', 'chinese'),
  t('垃圾分类', 'two-minor-details', 'chinese definition'),
  t('区块链', 'smart-review-and-approval', 'chinese definition'),
  t('秒批', 'smart-review-and-approval', 'chinese definition'),
  t('人脸识别', 'smart-review-and-approval', 'chinese definition'),
  t('养老志愿服务', 'time-banking', 'chinese definition'),
  t('物业管理', 'two-minor-details', 'chinese definition'),
  t('12345热线', 'one-issue-per-month', 'chinese definition'),
  t('金融科技', 'regulatory-sandbox', 'chinese definition'),
  // Traditional characters.
  t('監管沙盒', 'regulatory-sandbox', 'traditional'),
  t('時間銀行', 'time-banking', 'traditional'),
  t('區塊鏈', 'smart-review-and-approval', 'traditional'),
  t('垃圾分類', 'two-minor-details', 'traditional'),
  t('服務包', 'service-packages', 'traditional'),
  // Pinyin: spaced, joined, initials, partial.
  t('jianguan shahe', 'regulatory-sandbox', 'pinyin'),
  t('jianguanshahe', 'regulatory-sandbox', 'pinyin'),
  t('shijianyinhang', 'time-banking', 'pinyin'),
  t('shi jian yin hang', 'time-banking', 'pinyin'),
  t('jgsh', 'regulatory-sandbox', 'pinyin'),
  t('sjyh', 'time-banking', 'pinyin'),
  t('fuwubao', 'service-packages', 'pinyin'),
  t('gaozhi chengnuo zhi', 'notification-and-commitment', 'pinyin'),
  t('jianguan', 'regulatory-sandbox', 'pinyin'),
  // Mixed-language queries.
  t('regulatory 沙盒', 'regulatory-sandbox', 'mixed'),
  t('time 银行', 'time-banking', 'mixed'),
  t('sandbox 监管', 'regulatory-sandbox', 'mixed'),
  // Passages, by phrases only they contain.
  p('bankruptcy', 'business-environment-plan-p034', 'passage'),
  p('Single Window for international trade', 'business-environment-plan-p017', 'passage'),
  p('online ride-hailing platform companies', 'business-environment-plan-p030', 'passage'),
  p('playing a game of chess', 'open-government-2023-p047', 'passage'),
  p('vegetable basket', 'open-government-2023-p029', 'passage'),
  p('Medical Device Safety Publicity Week', 'open-government-2023-p030', 'passage'),
  p('electronic seals', 'business-environment-plan-p024', 'passage'),
  p('Trigger Supervision', 'business-environment-plan-p030', 'passage'),
  p('retired military personnel', 'open-government-2023-p033', 'passage'),
  p('bus route adjustment', 'open-government-2023-p020', 'passage'),
  p('policy pre-audit', 'open-government-2023-p045', 'passage'),
  p('road freight', 'business-environment-plan-p021', 'passage'),
  // Across languages: a keyword's Chinese name or pinyin finds the English passages using its aliases.
  p('告知承诺制', 'business-environment-plan-p024', 'cross-language', 'member'),
  p('告知承诺制', 'business-environment-plan-p002', 'cross-language', 'member'),
  p('监管沙盒', 'business-environment-plan-p030', 'cross-language', 'member'),
  p('監管沙盒', 'business-environment-plan-p030', 'cross-language', 'member'),
  p('服务包', 'business-environment-plan-p039', 'cross-language', 'member'),
  p('每月一题', 'open-government-2023-p055', 'cross-language', 'member'),
  p('gaozhichengnuozhi', 'business-environment-plan-p005', 'cross-language', 'member'),
];
