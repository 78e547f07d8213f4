// The fixed query mix timed by every query benchmark (Node and Chromium, ours and the baseline):
// what readers of a district site type. 60 queries in five groups; each is repeated.

export const QUERIES = {
  english: [
    'regulatory sandbox',
    'sandbox',
    'service package',
    'notification and commitment',
    'time banking',
    'smart city',
    'digital infrastructure',
    'business environment',
    'open government affairs',
    'approval',
    'credit supervision',
    'land use',
    'elderly care',
    'employment',
    'microgram',
    'hotline',
    'regul', // prefix while typing
    'enterpr',
  ],
  chinese: [
    '监管沙盒',
    '服务包',
    '告知承诺制',
    '无感审批',
    '时间银行',
    '每月一题',
    '营商环境',
    '信用监管',
    '垃圾分类',
    '就业',
    '区块链',
    '养老服务',
    '监管',
    '一抓三保五强化',
  ],
  traditional: ['監管沙盒', '服務包', '告知承諾制', '無感審批', '時間銀行', '每月一題', '營商環境', '信用監管', '養老服務', '垃圾分類'],
  pinyin: [
    'jianguan shahe',
    'jianguanshahe',
    'jgsh',
    'fuwubao',
    'fu wu bao',
    'shijian yinhang',
    'sjyh',
    'meiyue yiti',
    'gaozhi chengnuo',
    'wugan shenpi',
  ],
  typo: [
    'regulatroy sandbox',
    'sandbx',
    'notificaton commitment',
    'servise package',
    'time bankng',
    'infrastucture',
    'goverment',
    'employmnet',
    'microgramm',
    'enviroment',
  ],
};

/** All queries, with their group, in a fixed order. */
export const QUERY_LIST = Object.entries(QUERIES).flatMap(([group, qs]) => qs.map((q) => ({ group, q })));
