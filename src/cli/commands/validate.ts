/**
 * `bj-index validate [inputs] [--site DIR …]`: reads and checks the corpus (and the site's pages),
 * builds the index in memory as `build` would, writes nothing.
 */
import { buildChecked, checkedCorpora, checkedSite, SITE_OPTIONS, siteOptions } from '../checked-build.js';
import { countRecords } from '../corpus-check.js';
import { parse } from '../parse-args.js';
import { count, out } from '../report.js';
import { help } from './help.js';

export async function validate(args: string[]): Promise<number> {
  const { values, positionals } = parse('validate', args, { ...SITE_OPTIONS, help: { type: 'boolean', short: 'h' } });
  if (values.help) return help(['validate']);
  const siteOpts = await siteOptions(values, 'validate');
  const { corpora, files } = await checkedCorpora(positionals);
  const site = siteOpts ? await checkedSite(siteOpts, corpora) : undefined;
  await buildChecked(site ? [...corpora, site.corpus] : corpora);
  const { terms, passages } = countRecords(corpora);
  const pages = site ? `; site: ${count(site.pages, 'page')}, ${count(site.passages, 'passage')}` : '';
  out(`ok: ${count(files, 'file')}, ${count(terms, 'term')}, ${count(passages, 'passage')}${pages}\n`);
  return 0;
}
