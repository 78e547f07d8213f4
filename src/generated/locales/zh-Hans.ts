
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'glossary.count': str`共 ${0} 个关键词`,
'glossary.count-filtered': str`显示 ${0} 个，共 ${1} 个关键词`,
'glossary.count-none': `没有匹配的关键词。`,
'glossary.filter': `筛选关键词`,
'glossary.loading': `正在加载术语表…`,
'glossary.no-section': `其他关键词`,
'glossary.permalink': str`“${0}”的链接`,
'glossary.sort': `排序方式`,
'glossary.sort.en': `按英文`,
'glossary.sort.pinyin': `按拼音`,
'glossary.unavailable': `术语表暂时无法加载，请稍后再试。`,
'keyword.close': `关闭`,
'keyword.full-entry': `查看完整词条`,
'keyword.less': `收起`,
'keyword.loading': `正在加载释义…`,
'keyword.more': `展开`,
'keyword.number': str`第 ${0} 条`,
'keyword.offline': `您已离线。恢复网络连接后即可显示释义。`,
'keyword.related': str`相关政策段落（${0}）`,
'keyword.related-more': str`另有 ${0} 段`,
'keyword.relation': `相关关键词：`,
'keyword.retry': `重试`,
'keyword.source': `来源：`,
'keyword.unavailable': `暂时无法显示释义，请稍后再试。`,
'policy-search.back': `返回搜索结果`,
'policy-search.close': `关闭`,
'policy-search.details.aliases': `又称：`,
'policy-search.details.in': `所在章节：`,
'policy-search.details.number': str`编号 ${0}`,
'policy-search.details.source': `来源：`,
'policy-search.empty': str`没有找到与“${0}”相关的结果。`,
'policy-search.error': `本页搜索暂时无法使用。`,
'policy-search.filter.all': `全部`,
'policy-search.filter.legend': `显示`,
'policy-search.filter.passage': `政策`,
'policy-search.filter.term': `关键词`,
'policy-search.kind.passage': `政策`,
'policy-search.kind.term': `关键词`,
'policy-search.label': `搜索政策和关键词`,
'policy-search.loading': `正在加载…`,
'policy-search.more': str`显示更多（${0}）`,
'policy-search.placeholder': `中文、English 或拼音`,
'policy-search.status.many': str`${0} 条结果`,
'policy-search.status.none': str`没有找到与“${0}”相关的结果`,
'policy-search.status.one': `1 条结果`,
'policy-search.status.weak': str`没有与“${0}”接近的结果；${1} 条相关结果`,
'policy-search.status.weak-one': str`没有与“${0}”接近的结果；1 条相关结果`,
'policy-search.suggest': `您是不是要找：`,
'policy-search.tip': `提示：可以用中文、英文或拼音搜索。`,
'policy-search.tip.han': `提示：请减少用词，或用英文名称、拼音搜索。`,
'policy-search.translated.en': str`“${0}”的英文结果`,
'policy-search.translated.zh': str`“${0}”的中文结果`,
'policy-search.weak': str`没有与“${0}”接近的结果；相关结果：`,
'read-aloud': `朗读`,
'shell.offline': `您已离线。恢复网络连接后即可使用。`,
'shell.retry': `重试`,
    };
  