/**
 * Registers custom elements so that a page which loads the library twice (two templates, or two
 * versions) never throws "already defined": the first copy wins and the second is a no-op with
 * one `bj:` console note per page.
 */
const NOTED = Symbol.for('bj-policy-widgets.defined-twice-noted');

export function defineElement(name: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(name);
  if (!existing) {
    customElements.define(name, ctor);
    return;
  }
  if (existing === ctor) return;
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (!g[NOTED]) {
    g[NOTED] = true;
    console.info(
      `bj: <${name}> is already defined by another copy of bj-policy-widgets on this page; ` +
        'this copy does nothing. Include the script once.',
    );
  }
}

/** Class decorator like Lit's `@customElement`, but safe when the library is loaded twice. */
export const tag =
  (name: string) =>
  (ctor: CustomElementConstructor): void =>
    defineElement(name, ctor);
