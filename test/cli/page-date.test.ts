/**
 * The publication date `bj-index build --site` reads from a page, as Chinese government CMSs and
 * other sites state it, so that search results can show it and put the newest version first.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractPage } from '../../src/cli/html-extract.js';
import { isoDate } from '../../src/cli/page-date.js';

const page = (head: string, body = '<p>正文。</p>') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>通知</title>${head}</head><body><main>${body}</main></body></html>`;
const dateOf = (html: string) => {
  const p = extractPage(html);
  return 'skip' in p ? undefined : p.date;
};

describe('a page’s publication date (bj-index build --site)', () => {
  it('reads the date as CMSs publish it in <meta>: PubDate, publishdate, article:published_time, Dublin Core, bj:date first', () => {
    assert.equal(dateOf(page('<meta name="PubDate" content="2023-05-12 10:23">')), '2023-05-12');
    assert.equal(dateOf(page('<meta name="publishdate" content="2023/5/9">')), '2023-05-09');
    assert.equal(dateOf(page('<meta property="article:published_time" content="2024-05-10T08:00:00+08:00">')), '2024-05-10');
    assert.equal(dateOf(page('<meta name="DC.date.issued" content="2021.11.30">')), '2021-11-30');
    assert.equal(dateOf(page('<meta name="PubDate" content="2023-05-12"><meta name="bj:date" content="2023年6月1日">')), '2023-06-01');
  });

  it('else the first <time datetime> of the content; none when the page states none or an impossible one', () => {
    assert.equal(dateOf(page('', '<p>发布：<time datetime="2022-01-31">1月31日</time></p>')), '2022-01-31');
    assert.equal(dateOf(page('')), undefined);
    assert.equal(dateOf(page('<meta name="PubDate" content="2023-02-30">')), undefined);
  });

  it('isoDate keeps only a real calendar date written year first', () => {
    assert.equal(isoDate('2024-02-29'), '2024-02-29');
    assert.equal(isoDate('2023-02-29'), undefined);
    assert.equal(isoDate('12/05/2023'), undefined);
    assert.equal(isoDate('20230512'), undefined);
    assert.equal(isoDate(undefined), undefined);
  });
});
