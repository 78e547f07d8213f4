/**
 * The strings the loader shows itself, through src/shared/lang/ui-locale.ts (without the `@lit/localize`
 * runtime): the search box's label, placeholder and failure notice, and the offline notice and Retry
 * that the search box and a keyword show when their part cannot arrive. Written here as `msg()`
 * calls so that `npm run i18n` extracts them. Not imported by the library (no reader pays for the
 * English twice); `test/components/bj-policy-search/bj-policy-search-loader.browser.test.ts` checks
 * that both agree.
 */
import { msg } from '@lit/localize';

export const shellStrings = (): Record<'label' | 'placeholder' | 'error' | 'offline' | 'retry', string> => ({
  label: msg('Search policies and keywords', { id: 'policy-search.label' }),
  placeholder: msg('English, 中文 or pinyin', { id: 'policy-search.placeholder' }),
  error: msg('Search is unavailable on this page right now.', { id: 'policy-search.error' }),
  // One sentence for the search box and a keyword: the loader carries every string in three languages.
  offline: msg('You are offline. This works again when the connection is back.', { id: 'shell.offline' }),
  retry: msg('Retry', { id: 'shell.retry' }),
});
