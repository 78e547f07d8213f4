/**
 * The search box's own strings, which the loader shows through src/shared/ui-locale.ts (without the
 * `@lit/localize` runtime): written here as `msg()` calls so that `npm run i18n` extracts them. Not
 * imported by the library (no reader pays for the English twice);
 * `test/components/bj-policy-search/bj-policy-search-loader.browser.test.ts` checks that both agree.
 */
import { msg } from '@lit/localize';

export const shellStrings = (): Record<'label' | 'placeholder' | 'error' | 'offline' | 'retry', string> => ({
  label: msg('Search policies and keywords', { id: 'policy-search.label' }),
  placeholder: msg('English, 中文 or pinyin', { id: 'policy-search.placeholder' }),
  error: msg('Search is unavailable on this page right now.', { id: 'policy-search.error' }),
  offline: msg('You are offline. Search works again when the connection is back.', { id: 'policy-search.offline' }),
  retry: msg('Retry', { id: 'policy-search.retry' }),
});
