/**
 * What `build`, `validate`, `serve` and `query` share: the corpus read and checked, the `--site`
 * options and pages, and the index built in memory and checked as the widgets check it. Each step
 * throws a {@link Failure} listing every problem, or a `UsageError`.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BuiltIndex } from '../search/format.js';
import type { CheckedCorpus } from './corpus-check.js';
import { listCorpusFiles, loadCorpora, UsageError } from './inputs.js';
import { packageDataDir, packageVersion } from './package-info.js';
import { capped, count, err, Failure } from './report.js';
import { checkBaseUrl, checkSiteOptions, readSite, type SiteOptions, type SiteResult } from './site-pages.js';
import { cachedVariants } from './variant-cache.js';
import { startWorkerJob } from './worker-job.js';

/** Reads and checks the corpus; throws a Failure listing every problem. */
export async function checkedCorpora(inputs: string[]): Promise<{ corpora: CheckedCorpus[]; files: number }> {
  const files = await listCorpusFiles(inputs, packageDataDir);
  const { corpora, errors, badFiles } = await loadCorpora(files);
  if (errors.length > 0) {
    const where = `${badFiles} of ${count(files.length, 'file')}`;
    throw new Failure([...capped(errors), `bj: ${count(errors.length, 'problem')} in ${where}; fix them and run again`]);
  }
  return { corpora, files: files.length };
}

/** Options of `build` and `validate` for a site's HTML pages (see site-pages.ts). */
export const SITE_OPTIONS = {
  site: { type: 'string' },
  'base-url': { type: 'string' },
  exclude: { type: 'string', multiple: true },
  content: { type: 'string' },
  title: { type: 'string' },
} as const;

export interface SiteValues {
  site?: string;
  'base-url'?: string;
  exclude?: string[];
  content?: string;
  title?: string;
}

/** The `--site` options, checked; undefined without `--site`. Throws UsageError. */
export async function siteOptions(values: SiteValues, command: 'build' | 'validate'): Promise<SiteOptions | undefined> {
  if (values.site === undefined) {
    const stray = (['base-url', 'exclude', 'content', 'title'] as const).find((k) => values[k] !== undefined);
    if (stray) throw new UsageError(`bj: --${stray} applies to HTML pages; add --site FOLDER (the built site) to use it`);
    return undefined;
  }
  const base = values['base-url'];
  if (base === undefined && command === 'build') {
    throw new UsageError(
      'bj: --site needs --base-url, the address the site is published at (e.g. --base-url https://example.gov.cn/), to link results to its pages',
    );
  }
  const path = resolve(values.site);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory())
    throw new UsageError(`bj: --site ${JSON.stringify(values.site)} is not a folder; name the folder of the built site (e.g. public/)`);
  checkSiteOptions(values);
  return {
    display: values.site,
    path,
    // validate never writes links, so an address is optional there.
    baseUrl: checkBaseUrl(base ?? 'https://localhost/'),
    exclude: values.exclude ?? [],
    ...(values.content !== undefined ? { content: values.content } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
  };
}

/** Reads the site's pages; prints the warnings; throws a Failure for unreadable pages and ids that corpus records use. */
export async function checkedSite(options: SiteOptions, corpora: CheckedCorpus[]): Promise<SiteResult> {
  const site = await readSite(options);
  for (const line of capped(site.warnings)) err(line);
  if (site.errors.length > 0) {
    throw new Failure([
      ...capped(site.errors),
      `bj: ${count(site.errors.length, 'page')} of ${options.display} could not be read; fix them (or --exclude them) and run again`,
    ]);
  }
  const used = new Map<string, string>();
  for (const { file, data } of corpora) {
    if (data.format === 'bj-synonyms') continue;
    data.terms?.forEach((t, i) => used.set(t.id, `${file} terms[${i}]`));
    data.documents?.forEach((d, i) => {
      used.set(`document:${d.id}`, `${file} documents[${i}]`);
      d.passages.forEach((p, j) => used.set(p.id, `${file} documents[${i}].passages[${j}]`));
    });
  }
  const clashes: string[] = [];
  for (const d of site.corpus.data.documents ?? []) {
    const page = site.pageOf.get(d.id) ?? options.display;
    const fix = 'give the corpus record another id (page ids come from the page path)';
    const doc = used.get(`document:${d.id}`);
    if (doc) clashes.push(`bj: ${page}: document id "${d.id}" is already used by ${doc}; ${fix}`);
    for (const p of d.passages) {
      const where = used.get(p.id);
      if (where) clashes.push(`bj: ${page}: passage id "${p.id}" is already used by ${where}; ${fix}`);
    }
  }
  if (clashes.length > 0) throw new Failure(capped(clashes));
  return site;
}

/**
 * Builds the index in memory and checks its records with the browser's own check
 * (src/search/validate.ts), so `validate` and `build` accept exactly the same corpora and nothing
 * is published that the widgets would refuse. Throws a Failure naming the record.
 */
export async function buildChecked(corpora: CheckedCorpus[], output?: string): Promise<BuiltIndex> {
  // Loaded only here: the builder sets up OpenCC and pinyin, which query never needs.
  const [{ buildIndex }, { findIndexProblem, describeProblem }] = await Promise.all([
    import('../search/build.js'),
    import('../search/validate.js'),
  ]);
  const nothing = output !== undefined ? [`bj: nothing was written to ${output}`] : [];
  let index: BuiltIndex;
  try {
    // The variant map from the cache, else in a worker thread: OpenCC's dictionaries go with it,
    // before the search engine is built here.
    const cache = await cachedVariants(corpora);
    const variants = cache.variants ?? (await startWorkerJob<Record<string, string>>({ job: 'variants', corpora })?.());
    index = buildIndex(corpora, { libraryVersion: packageVersion(), ...(variants ? { variants } : {}) });
    if (!cache.variants) await cache.save(index.variants);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Failure([`${message.startsWith('bj:') ? message : `bj: building the index failed: ${message}`}`, ...nothing]);
  }
  const problem = findIndexProblem(index as unknown as Record<string, unknown>);
  if (problem) {
    throw new Failure([
      `bj: the index built from these files would be refused by the widgets: ${describeProblem(problem)}; fix the corpus and run again`,
      ...nothing,
    ]);
  }
  return index;
}

/** For `bj-index serve` (commands/serve.ts): `validate`'s checks, and the index built in memory; throws a Failure listing every problem. */
export async function previewIndex(inputs: string[], values: SiteValues): Promise<BuiltIndex> {
  const siteOpts = await siteOptions(values, 'validate');
  const { corpora } = await checkedCorpora(inputs);
  const site = siteOpts ? await checkedSite(siteOpts, corpora) : undefined;
  return buildChecked(site ? [...corpora, site.corpus] : corpora);
}
