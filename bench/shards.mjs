// Shard prototype (bench only; the production index format is unchanged): split a built index into
//   - a keyword core: the keywords, sources and variants, no passages or documents. What <bj-keyword>
//     and <bj-annotate> need; its size does not grow with the passages.
//   - passage shards of PER_SHARD passages, each itself a valid bj-index (format unchanged), fetched
//     only by the search box (in parallel, results merged), never by popovers;
//   - a manifest naming the core and the shards with their passage ranges and sizes.
// Run alone (`node --import tsx bench/shards.mjs [N]`) it prints the figures for N synthetic
// passages (default 10,000).
import { gzipSync } from 'node:zlib';
import { finish, isMain, Results } from './lib/report.mjs';

export const PER_SHARD = 250;

const gz = (s) => gzipSync(s, { level: 9 }).length;

/** Splits a BuiltIndex (see src/search/format.ts) into core + shards + manifest. */
export function split(built, perShard = PER_SHARD) {
  const terms = built.entries.filter((e) => e.kind === 'term');
  const passages = built.entries.filter((e) => e.kind === 'passage');
  const core = { ...built, documents: [], entries: terms };
  const shards = [];
  for (let i = 0; i < passages.length; i += perShard) {
    const entries = passages.slice(i, i + perShard);
    const docs = new Set(entries.map((p) => p.document));
    shards.push({ ...built, hash: `${built.hash}-${shards.length}`, documents: built.documents.filter((d) => docs.has(d.id)), entries });
  }
  const manifest = {
    format: 'bj-index-manifest',
    hash: built.hash,
    core: 'bj-index.core.json',
    shards: shards.map((s, i) => ({
      url: `bj-index.${i}.json`,
      passages: s.entries.length,
      first: s.entries[0].id,
      documents: s.documents.map((d) => d.id),
    })),
  };
  return { core, shards, manifest };
}

/** Sizes and load times of the split (Node); `PolicyIndex` from dist/search.js or src. */
export async function shardFigures(built, PolicyIndex, perShard = PER_SHARD) {
  const { core, shards, manifest } = split(built, perShard);
  const coreText = JSON.stringify(core);
  let t0 = performance.now();
  const coreIndex = PolicyIndex.fromJSON(coreText);
  coreIndex.lookupTerm('监管沙盒');
  const coreLoad = performance.now() - t0;
  const shardText = shards.length ? JSON.stringify(shards[0]) : '{}';
  let ready = NaN;
  if (shards.length) {
    t0 = performance.now();
    PolicyIndex.fromJSON(shardText).search('sandbox');
    ready = performance.now() - t0;
  }
  const manifestText = JSON.stringify(manifest);
  return {
    perShard,
    shards: shards.length,
    core: { raw: coreText.length, gzip: gz(coreText), load: coreLoad },
    shard: { raw: shardText.length, gzip: gz(shardText), ready },
    manifest: { raw: manifestText.length, gzip: gz(manifestText) },
  };
}

if (isMain(import.meta.url)) {
  const n = Number(process.argv[2] ?? 10_000);
  const { syntheticCorpora } = await import('./lib/synth.mjs');
  const { buildModule, searchModule } = await import('./lib/ours.mjs');
  const built = (await buildModule()).buildIndex(syntheticCorpora(n));
  const f = await shardFigures(built, (await searchModule()).mod.PolicyIndex);
  const r = new Results('shards', `Shard prototype, ${n.toLocaleString('en-US')} passages`);
  r.add(
    'core',
    'keyword core',
    { raw: f.core.raw, gzip: f.core.gzip, brotli: NaN },
    { unit: 'sizes', note: `load ${f.core.load.toFixed(1)} ms` },
  );
  r.add(
    'shard',
    `one shard of ${f.perShard} passages`,
    { raw: f.shard.raw, gzip: f.shard.gzip, brotli: NaN },
    { unit: 'sizes', note: `ready ${f.shard.ready.toFixed(0)} ms; ${f.shards} shards` },
  );
  r.add('manifest', 'manifest', { raw: f.manifest.raw, gzip: f.manifest.gzip, brotli: NaN }, { unit: 'sizes' });
  finish(r);
}
