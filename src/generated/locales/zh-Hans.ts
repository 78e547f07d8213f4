
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'keyword.less': `收起`,
'keyword.loading': `正在加载释义…`,
'keyword.more': `展开`,
'keyword.number': str`第 ${0} 条`,
'keyword.related': str`相关政策段落（${0}）`,
'keyword.related-more': str`另有 ${0} 段`,
'keyword.source': `来源：`,
'keyword.unavailable': `暂时无法显示释义，请稍后再试。`,
'policy-search.details.aliases': `又称：`,
'policy-search.details.in': `所在章节：`,
'policy-search.details.number': str`编号 ${0}`,
'policy-search.details.source': `来源：`,
'policy-search.kind.passage': `政策`,
'policy-search.kind.term': `关键词`,
'policy-search.status.none': str`No results for “${0}”`,
'policy-search.status.one': `1 result`,
'policy-search.status.many': str`${0} results`,
'policy-search.error': `The search index could not be loaded. Check your connection and try again.`,
'policy-search.filter.all': `All`,
'policy-search.filter.term': `Keywords`,
'policy-search.filter.passage': `Policies`,
'policy-search.filter.legend': `Show`,
'policy-search.empty': str`No results for “${0}”.`,
'policy-search.suggest': `Did you mean:`,
'policy-search.tip': `Tip: English, Chinese and pinyin all work.`,
'policy-search.more': str`Show more (${0})`,
'policy-search.loading': `Loading…`,
'policy-search.back': `Back to results`,
'policy-search.label': `Search policies and keywords`,
'policy-search.placeholder': `English, 中文 or pinyin`,
'policy-search.retry': `Retry`,
    };
  