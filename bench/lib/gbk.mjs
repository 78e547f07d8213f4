/**
 * Encodes text as GBK bytes, for generated pages that declare `<meta charset="gbk">`. Node has no GBK
 * encoder, but its TextDecoder (WHATWG Encoding) decodes GBK: the table is that decoder inverted.
 */
let table;

function buildTable() {
  const decoder = new TextDecoder('gbk');
  const map = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, (lead << 8) | trail);
    }
  }
  return map;
}

/** GBK bytes of `text`; throws for a character GBK cannot encode. */
export function encodeGbk(text) {
  table ??= buildTable();
  const out = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = table.get(ch);
    if (bytes === undefined) throw new Error(`bj: ${JSON.stringify(ch)} (U+${code.toString(16).toUpperCase()}) has no GBK code`);
    out.push(bytes >> 8, bytes & 0xff);
  }
  return Buffer.from(out);
}
