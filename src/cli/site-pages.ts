/**
 * `bj-index build --site DIR`: reads the built HTML pages of a site into one corpus input, page by
 * page (read, decode, parse, extract, drop), in sorted path order so the output is deterministic.
 * Each page becomes a document (`url`: base URL + its path, `index.html` → its folder; `date`: its
 * publication date where the page states one) whose passages
 * carry the `anchor` of their heading; ids come from the path (`zh/policy.html` → `zh-policy`,
 * passages `zh-policy-p001`, …).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import type { CorpusInput } from '../search/build.js';
import type { ContentLang, DocumentRecord, SourceInfo } from '../search/types.js';
import { FORBIDDEN } from '../search/validate.js';
import { decodePage, DecodeError } from './html-decode.js';
import { compileSelector, extractPage, type ExtractOptions } from './html-extract.js';
import { reason, UsageError } from './inputs.js';

/** Largest page read (a 200 MB page ran V8 out of memory, naming no page). */
const MAX_PAGE_BYTES = 16 * 1024 * 1024;

export interface SiteOptions {
  /** The site folder, as typed (for messages) and resolved. */
  display: string;
  path: string;
  /** Address the folder is published at, ending in `/`. */
  baseUrl: string;
  /** `--exclude`: globs (`drafts/**`, `**\/print.html`) or path prefixes (`drafts/`), relative to the folder. */
  exclude: string[];
  /** `--content` selector. */
  content?: string;
  /** `--title` selector. */
  title?: string;
}

export interface SiteResult {
  /** The pages as one corpus input (its `file` is the folder as typed). */
  corpus: CorpusInput;
  /** For messages: document id → the page's path as shown. */
  pageOf: Map<string, string>;
  pages: number;
  passages: number;
  /** `bj:` lines: pages skipped and why. */
  warnings: string[];
  /** `bj:` lines: pages that could not be read; nothing should be written when there are any. */
  errors: string[];
}

const PAGE = /\.html?$/i;
const GLOB = /[*?[\]{}!]/;
/** Longest id slug taken from a page path, before the passage number. */
const MAX_SLUG = 60;

/** Checks `--base-url` and gives it a trailing slash. Throws UsageError. */
export function checkBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(
      `bj: --base-url must be an http:// or https:// address, e.g. https://example.gov.cn/, got ${JSON.stringify(text)}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(
      `bj: --base-url must be an http:// or https:// address, e.g. https://example.gov.cn/, got ${JSON.stringify(text)}`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new UsageError(
      `bj: --base-url must not hold a user name or password (it would be published in every result link); give the public address, e.g. ${url.protocol}//${url.host}/`,
    );
  }
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Compiles `--content`/`--title` once; an invalid selector is a usage error. */
function selector(option: string, text: string | undefined): ExtractOptions['content'] {
  if (text === undefined) return undefined;
  try {
    return { text, test: compileSelector(text) };
  } catch (e) {
    throw new UsageError(
      `bj: ${option} ${JSON.stringify(text)} is not a CSS selector (${e instanceof Error ? e.message : String(e)}); use one like "main article"`,
    );
  }
}

/** Checks the options that do not need the pages (selectors). Throws UsageError. */
export function checkSiteOptions(options: Pick<SiteOptions, 'content' | 'title'>): ExtractOptions {
  const content = selector('--content', options.content);
  const title = selector('--title', options.title);
  return { ...(content ? { content } : {}), ...(title ? { title } : {}) };
}

/** A test for `--exclude` values: globs with picomatch, other values as path prefixes. */
function excluder(patterns: string[]): (rel: string) => boolean {
  const tests = patterns.map((raw) => {
    const p = raw.replace(/^\.\//, '').replace(/^\/+/, '');
    if (GLOB.test(p)) return picomatch(p, { dot: true });
    const prefix = p.replace(/\/+$/, '');
    return (rel: string) => prefix === '' || rel === prefix || rel.startsWith(`${prefix}/`);
  });
  return (rel) => tests.some((t) => t(rel));
}

/** Page paths under `dir`, relative with `/`, sorted by code unit; symbolic links are not followed. */
async function listPages(dir: string, display: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (rel: string) => {
    let entries;
    try {
      entries = await readdir(join(dir, rel), { withFileTypes: true });
    } catch (e) {
      throw new UsageError(`bj: cannot read the site folder ${JSON.stringify(rel ? `${display}/${rel}` : display)}: ${reason(e)}`);
    }
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile() && PAGE.test(entry.name)) out.push(path);
    }
  };
  await visit('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The page's address: `index.html` stands for its folder; path segments percent-encoded. */
export function pageUrl(baseUrl: string, rel: string): string {
  const segments = rel.split('/');
  if (segments[segments.length - 1]!.toLowerCase() === 'index.html') segments[segments.length - 1] = '';
  return baseUrl + segments.map(encodeURIComponent).join('/');
}

/** `zh/policy.html` → `zh-policy`; a path with other than ASCII letters and digits gets a hash of it. */
function pageSlug(rel: string): string {
  const base = rel.replace(PAGE, '').toLowerCase();
  let slug = base
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  if (/[^\x20-\x7e]/.test(rel) || slug === '') {
    slug = `${slug || 'page'}-${createHash('sha256').update(rel).digest('hex').slice(0, 8)}`;
  }
  return slug;
}

/** Content language of a `lang` value: zh and zh-* → zh, en and en-* → en; others undefined. */
function contentLang(lang: string): ContentLang | undefined {
  const primary = lang.toLowerCase().split(/[-_]/)[0];
  return primary === 'zh' ? 'zh' : primary === 'en' ? 'en' : undefined;
}

type PageRead = { bytes: Buffer } | { size: number } | { error: unknown };

/**
 * The bytes of a page (or its size when over {@link MAX_PAGE_BYTES}, or the error). Read
 * synchronously: nothing else waits on this thread meanwhile, and the promise API's `stat` and
 * `readFile` (open, fstat, read, close, each through the thread pool) took about seven times the CPU for a
 * site of 10,000 small pages.
 */
function readPage(file: string): PageRead {
  try {
    const size = statSync(file).size;
    return size > MAX_PAGE_BYTES ? { size } : { bytes: readFileSync(file) };
  } catch (error) {
    return { error };
  }
}

/** Reads the site's pages. Problems with single pages are collected, not thrown; bad options throw UsageError. */
export async function readSite(options: SiteOptions): Promise<SiteResult> {
  const extract = checkSiteOptions(options);
  const excluded = excluder(options.exclude);
  const paths = await listPages(options.path, options.display);
  const documents: DocumentRecord[] = [];
  const pageOf = new Map<string, string>();
  const slugs = new Set<string>();
  const warnings: string[] = [];
  const errors: string[] = [];
  const languages = new Set<ContentLang>();
  let passages = 0;

  for (const rel of paths) {
    if (excluded(rel)) continue;
    const shown = `${options.display.replace(/\/+$/, '')}/${rel}`;
    if (FORBIDDEN.test(rel)) {
      warnings.push(
        `bj: ${JSON.stringify(shown)}: the file name holds a control character (e.g. a line break); page skipped (rename the file)`,
      );
      continue;
    }
    const read = readPage(join(options.path, rel));
    if ('size' in read) {
      errors.push(
        `bj: ${shown} has ${read.size} bytes, over the ${MAX_PAGE_BYTES} a page may have; split the page or leave it out with --exclude`,
      );
      continue;
    }
    if ('error' in read) {
      errors.push(`bj: cannot read ${shown}: ${reason(read.error)}`);
      continue;
    }
    const bytes = read.bytes;
    let html: string;
    try {
      html = decodePage(bytes, shown).text;
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      errors.push(e.message);
      continue;
    }
    const page = extractPage(html, extract);
    if ('skip' in page) {
      warnings.push(`bj: ${shown}: ${page.skip}; page skipped`);
      continue;
    }
    if (page.lang === undefined) {
      warnings.push(`bj: ${shown}: no lang attribute on the content or <html>; page skipped (add lang="zh-CN" or lang="en" to <html>)`);
      continue;
    }
    const lang = contentLang(page.lang);
    if (!lang) {
      warnings.push(
        `bj: ${shown}: language ${JSON.stringify(page.lang)} is not English or Chinese; page skipped (the index holds en and zh content)`,
      );
      continue;
    }
    if (page.passages.length === 0) continue;
    const badAnchor = page.passages.find((p) => p.anchor !== undefined && FORBIDDEN.test(p.anchor))?.anchor;
    if (badAnchor !== undefined) {
      warnings.push(
        `bj: ${shown}: heading id ${JSON.stringify(badAnchor)} holds a control character; its passages link to the page, not the heading`,
      );
    }
    let title = page.title;
    if (title === undefined) {
      title = rel.split('/').pop()!;
      warnings.push(`bj: ${shown}: no <title>, <h1> or <meta name="bj:title">; titled ${JSON.stringify(title)}`);
    }
    let id = pageSlug(rel);
    for (let n = 2; slugs.has(id); n++) id = `${pageSlug(rel)}-${n}`;
    slugs.add(id);
    pageOf.set(id, shown);
    languages.add(lang);
    documents.push({
      id,
      title: { [lang]: title },
      lang,
      url: pageUrl(options.baseUrl, rel),
      ...(page.date ? { date: page.date } : {}),
      passages: page.passages.map((p, i) => ({
        id: `${id}-p${String(i + 1).padStart(3, '0')}`,
        headings: p.headings,
        text: p.text,
        ...(p.anchor !== undefined && !FORBIDDEN.test(p.anchor) ? { anchor: p.anchor } : {}),
      })),
    });
    passages += page.passages.length;
  }

  const host = new URL(options.baseUrl).host;
  const source: SourceInfo = {
    id: `site-${host.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`,
    title: { en: host },
    publisher: host,
    url: options.baseUrl,
    languages: (['zh', 'en'] as const).filter((l) => languages.has(l)),
  };
  return {
    corpus: { file: options.display, data: { format: 'bj-corpus', schemaVersion: 1, source, documents } },
    pageOf,
    pages: documents.length,
    passages,
    warnings,
    errors,
  };
}
