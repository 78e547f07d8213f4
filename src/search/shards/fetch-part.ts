/**
 * Fetching one part file of a sharded index: load it, parse its JSON, check that it is the part
 * asked for and belongs to the entry file's build. One small step on its own, so that a validator
 * of the part's records can wrap it. DOM-free.
 */
import { BjError, isRecord } from '../types.js';
import { SHARD_FORMAT } from './format.js';

/** Fetches a part by absolute URL: its JSON text or parsed value. Rejects with a `BjError` (network, HTTP). */
export type PartLoader = (url: string) => Promise<unknown>;

/**
 * Part `name` of the build `hash`, loaded from `url`, as a parsed object whose `format`, `part` and
 * `index` are checked (its records are not). Rejects with a `BjError` saying what to publish again.
 */
export async function fetchPart(load: PartLoader, url: string, name: string, hash: string): Promise<Record<string, unknown>> {
  const text = await load(url);
  let value: unknown = text;
  if (typeof text === 'string')
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new BjError(
        'json',
        `bj: part ${url} of the index is not valid JSON (${cause instanceof Error ? cause.message : String(cause)}); publish the folder \`bj-index build\` wrote with bj-index.json again.`,
        { cause },
      );
    }
  if (!isRecord(value) || value.format !== SHARD_FORMAT || value.part !== name) {
    throw new BjError(
      'format',
      `bj: ${url} is not part ${name} of a bj-policy-widgets index; publish the folder \`bj-index build\` wrote with bj-index.json again.`,
    );
  }
  if (value.index !== hash) {
    throw new BjError(
      'format',
      `bj: part ${url} belongs to another build of the index (hash ${String(value.index)}, expected ${hash}); publish bj-index.json and its folder from the same \`bj-index build\`.`,
    );
  }
  return value;
}
