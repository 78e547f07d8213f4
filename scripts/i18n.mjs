#!/usr/bin/env node
// Translations: XLIFF files in xliff/ are the source of truth (lit-localize runtime mode).
//   node scripts/i18n.mjs                      extract new msg() ids into xliff/, then build src/generated/locales
//   node scripts/i18n.mjs set ID "简体" "繁體"   extract, set the zh-Hans and zh-Hant targets of ID, build
// Placeholders: write {0}, {1} … in a target for the source's <x …/> placeholders, in source order.
// Runs under a lock so that several people (or tools) can run it at once.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = path.join(root, 'xliff', '.lock');
const bin = path.join(root, 'node_modules', '.bin', 'lit-localize');

async function withLock(fn) {
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST' || i > 600) throw new Error(`bj: could not take ${lock} (remove it if no i18n run is going on)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmdirSync(lock);
  }
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function setTarget(file, id, text) {
  const xml = readFileSync(file, 'utf8');
  const unit = new RegExp(`(<trans-unit id="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>)([\\s\\S]*?)(</trans-unit>)`);
  const m = unit.exec(xml);
  if (!m) throw new Error(`bj: no message with id "${id}" in ${path.relative(root, file)}; is it used with msg(…, {id}) in src/?`);
  const source = /<source>([\s\S]*?)<\/source>/.exec(m[2]);
  const placeholders = source ? (source[1].match(/<x [^>]*\/>/g) ?? []) : [];
  const target = escapeXml(text).replace(/\{(\d+)\}/g, (all, n) => placeholders[Number(n)] ?? all);
  const body = m[2].replace(/\s*<target>[\s\S]*?<\/target>/, '').replace(/(<\/source>)/, `$1\n  <target>${target}</target>`);
  writeFileSync(file, xml.replace(unit, `${m[1]}${body}${m[3]}`));
}

await withLock(() => {
  execFileSync(bin, ['extract'], { cwd: root, stdio: 'inherit' });
  const [cmd, id, hans, hant] = process.argv.slice(2);
  if (cmd === 'set') {
    if (!id || hans === undefined || hant === undefined) throw new Error('usage: node scripts/i18n.mjs set ID "简体" "繁體"');
    setTarget(path.join(root, 'xliff', 'zh-Hans.xlf'), id, hans);
    setTarget(path.join(root, 'xliff', 'zh-Hant.xlf'), id, hant);
  } else if (cmd) {
    throw new Error(`bj: unknown command "${cmd}"; use: node scripts/i18n.mjs [set ID "简体" "繁體"]`);
  }
  execFileSync(bin, ['build'], { cwd: root, stdio: 'inherit' });
});
