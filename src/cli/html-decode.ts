/**
 * Decodes the bytes of a built HTML page as a browser would, with one difference: bytes that are not
 * UTF-8 in a page that declares no encoding are an error, never silently turned into U+FFFD.
 * Order (the HTML standard's encoding sniffing, without the network and guessing steps): a byte order
 * mark; else the encoding declared in the first 1024 bytes by `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` (the "prescan", here with htmlparser2);
 * else UTF-8. Labels are the WHATWG Encoding Standard's, as Node's TextDecoder reads them (`gbk`,
 * `gb2312`, `gb18030`, `big5`, `shift_jis`, `windows-1252`, …).
 */
import { Parser } from 'htmlparser2';
import { firstInvalidUtf8 } from './decode.js';

/** A page that cannot be decoded: `message` is a `bj:` line naming the page and what to do. */
export class DecodeError extends Error {}

export interface DecodedPage {
  text: string;
  /** WHATWG name of the encoding used, e.g. `utf-8`, `gbk`, `gb18030`. */
  encoding: string;
  /** How it was chosen. */
  from: 'bom' | 'meta' | 'default';
}

/** The prescan looks at this many bytes, as browsers do. */
const PRESCAN_BYTES = 1024;

/** Decodes `bytes`; `shown` names the page in error messages. Throws {@link DecodeError}. */
export function decodePage(bytes: Uint8Array, shown: string): DecodedPage {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom, from: 'bom' };

  const label = declaredLabel(bytes);
  if (label !== undefined) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(label, { fatal: false });
    } catch {
      throw new DecodeError(
        `bj: ${shown}: the page declares the encoding ${JSON.stringify(label)}, which is not a known encoding label; ` +
          'correct its <meta charset> (e.g. "utf-8" or "gbk")',
      );
    }
    // The standard reads a page that declares UTF-16 (but has no BOM) as UTF-8, and x-user-defined as windows-1252.
    let encoding = decoder.encoding;
    if (encoding.startsWith('utf-16')) encoding = 'utf-8';
    if (encoding === 'x-user-defined') encoding = 'windows-1252';
    if (encoding !== 'utf-8') return { text: new TextDecoder(encoding).decode(bytes), encoding, from: 'meta' };
    return { text: strictUtf8(bytes, shown, true), encoding, from: 'meta' };
  }
  return { text: strictUtf8(bytes, shown, false), encoding: 'utf-8', from: 'default' };
}

function bomEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The encoding label the page declares in its first 1024 bytes, if any. */
function declaredLabel(bytes: Uint8Array): string | undefined {
  // Bytes as Latin-1 characters: the markup the prescan reads is ASCII, and no byte is lost.
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  let label: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (label !== undefined || name !== 'meta') return;
        if (attribs.charset !== undefined && attribs.charset.trim() !== '') {
          label = attribs.charset.trim();
        } else if (attribs['http-equiv']?.trim().toLowerCase() === 'content-type' && attribs.content !== undefined) {
          label = charsetFromContent(attribs.content);
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(head);
  return label;
}

/**
 * The HTML standard's "algorithm for extracting a character encoding from a meta element":
 * `text/html; charset=gbk`, `charset="gb2312"` → the label.
 */
function charsetFromContent(content: string): string | undefined {
  const lower = content.toLowerCase();
  let at = 0;
  for (;;) {
    at = lower.indexOf('charset', at);
    if (at < 0) return undefined;
    let i = at + 'charset'.length;
    while (i < lower.length && ' \t\n\f\r'.includes(lower[i]!)) i++;
    if (lower[i] !== '=') {
      at = i;
      continue;
    }
    i++;
    while (i < lower.length && ' \t\n\f\r'.includes(lower[i]!)) i++;
    const quote = lower[i];
    if (quote === '"' || quote === "'") {
      const end = lower.indexOf(quote, i + 1);
      return end < 0 ? undefined : content.slice(i + 1, end);
    }
    let end = i;
    while (end < lower.length && !' \t\n\f\r;'.includes(lower[end]!)) end++;
    return end > i ? content.slice(i, end) : undefined;
  }
}

function strictUtf8(bytes: Uint8Array, shown: string, declared: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Only reached after TextDecoder refused the bytes, so there is an invalid byte to name.
    const at = Math.max(0, firstInvalidUtf8(bytes));
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    const byte = `0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    const where = `byte ${byte} at offset ${at} (line ${line}) is not UTF-8`;
    if (declared) {
      throw new DecodeError(
        `bj: ${shown}: ${where}, although the page declares UTF-8; save it as UTF-8, or declare its real encoding in <meta charset>`,
      );
    }
    const gbk = readsAs(bytes, 'gb18030');
    throw new DecodeError(
      `bj: ${shown}: ${where} and the page declares no encoding; ` +
        (gbk
          ? 'add <meta charset="gbk"> to its <head> (its bytes read as GBK/GB18030), or save it as UTF-8'
          : 'add <meta charset="ENCODING"> with its real encoding to its <head>, or save it as UTF-8'),
    );
  }
}

function readsAs(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
