/**
 * Web addresses as the data writes them, and the one rule for linking them (a module of its own:
 * the popover and the search results link sources without carrying the index checks).
 */

/** A bare host as sources publish it (`wb.beijing.gov.cn`), optionally with a path. */
const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?:\/\S*)?$/i;

/**
 * `http(s)://` with a host, as the details view links it; or a bare host (with a path) as some
 * sources publish it, which is shown as text. Any other scheme (`javascript:`, `data:`) is refused,
 * and so is user info (`https://user:pass@host/`: credentials, or a host disguised as another).
 */
export function isWebAddress(s: string): boolean {
  if (/^https?:\/\//i.test(s)) {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !u.username && !u.password;
    } catch {
      return false;
    }
  }
  return HOST.test(s);
}

/**
 * The link for a web address as the data writes it ({@link isWebAddress}): an http(s) URL as it
 * is, a bare host as `https://`; undefined for anything else. One rule for every link from data.
 */
export function webHref(s: string | undefined): string | undefined {
  const text = s?.trim() ?? '';
  if (!text || !isWebAddress(text)) return undefined;
  try {
    return new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`).href;
  } catch {
    return undefined;
  }
}

/**
 * How a linked address is shown when the data gives it no name: its host as the link goes to it
 * (ASCII, punycode for an internationalised name: `xn--80ak6aa92e.com`, not a look-alike in Unicode).
 */
export function webHost(href: string): string {
  try {
    return new URL(href).host;
  } catch {
    return href;
  }
}
