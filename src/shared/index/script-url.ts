/**
 * The loader's own URL, recorded by src/boot.ts before any element is defined: the default index
 * is `bj-index.json` next to it (src/shared/index/config.ts, in the parts that load the index).
 */
let url: string | undefined;

/** Called once by the loader with its own URL (`import.meta.url`). */
export function setScriptUrl(value: string | undefined | null): void {
  if (value && /^(https?|file):/.test(value)) url = value;
}

/** The loader's URL, if it is an http(s) or file address. */
export function scriptUrl(): string | undefined {
  return url;
}
