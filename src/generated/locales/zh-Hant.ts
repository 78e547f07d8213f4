
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'glossary.count': str`共 ${0} 個關鍵詞`,
'glossary.count-filtered': str`顯示 ${0} 個，共 ${1} 個關鍵詞`,
'glossary.count-none': `沒有相符的關鍵詞。`,
'glossary.filter': `篩選關鍵詞`,
'glossary.loading': `正在載入術語表…`,
'glossary.no-section': `其他關鍵詞`,
'glossary.permalink': str`「${0}」的連結`,
'glossary.sort': `排序方式`,
'glossary.sort.en': `按英文`,
'glossary.sort.pinyin': `按拼音`,
'glossary.unavailable': `術語表暫時無法載入，請稍後再試。`,
'keyword.close': `關閉`,
'keyword.full-entry': `查看完整詞條`,
'keyword.less': `收起`,
'keyword.loading': `正在載入釋義…`,
'keyword.more': `展開`,
'keyword.number': str`第 ${0} 條`,
'keyword.offline': `您已離線。恢復網路連線後即可顯示釋義。`,
'keyword.related': str`相關政策段落（${0}）`,
'keyword.related-more': str`另有 ${0} 段`,
'keyword.relation': `相關關鍵詞：`,
'keyword.retry': `重試`,
'keyword.source': `來源：`,
'keyword.unavailable': `暫時無法顯示釋義，請稍後再試。`,
'policy-search.back': `返回搜尋結果`,
'policy-search.close': `關閉`,
'policy-search.details.aliases': `又稱：`,
'policy-search.details.in': `所在章節：`,
'policy-search.details.number': str`編號 ${0}`,
'policy-search.details.source': `來源：`,
'policy-search.empty': str`沒有找到與「${0}」相關的結果。`,
'policy-search.error': `本頁搜尋暫時無法使用。`,
'policy-search.filter.all': `全部`,
'policy-search.filter.legend': `顯示`,
'policy-search.filter.passage': `政策`,
'policy-search.filter.term': `關鍵詞`,
'policy-search.kind.passage': `政策`,
'policy-search.kind.term': `關鍵詞`,
'policy-search.label': `搜尋政策和關鍵詞`,
'policy-search.loading': `正在載入…`,
'policy-search.more': str`顯示更多（${0}）`,
'policy-search.placeholder': `中文、English 或拼音`,
'policy-search.status.many': str`${0} 筆結果`,
'policy-search.status.none': str`沒有找到與「${0}」相關的結果`,
'policy-search.status.one': `1 筆結果`,
'policy-search.status.weak': str`沒有與「${0}」接近的結果；${1} 筆相關結果`,
'policy-search.status.weak-one': str`沒有與「${0}」接近的結果；1 筆相關結果`,
'policy-search.suggest': `您是不是要找：`,
'policy-search.tip': `提示：可以用中文、英文或拼音搜尋。`,
'policy-search.tip.han': `提示：請減少用詞，或用英文名稱、拼音搜尋。`,
'policy-search.translated.en': str`「${0}」的英文結果`,
'policy-search.translated.zh': str`「${0}」的中文結果`,
'policy-search.weak': str`沒有與「${0}」接近的結果；相關結果：`,
'read-aloud': `朗讀`,
'shell.offline': `您已離線。恢復網路連線後即可使用。`,
'shell.retry': `重試`,
    };
  