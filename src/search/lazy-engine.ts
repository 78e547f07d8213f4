/**
 * The MiniSearch engine of a {@link PolicyIndex}, built from its documents when first needed: at
 * once (a search, a worker) or in slices of about 8 ms that yield to the page (`prepare`). A search
 * during a sliced build finishes that build rather than starting another. DOM-free.
 */
import type MiniSearch from 'minisearch';
import type { SearchDoc } from './engine.js';
import { yieldToPage } from './yield-to-page.js';

/** How long `prepare` indexes before it yields to the page. */
const SLICE_MS = 8;

export class LazyEngine {
  /** The engine, once built. */
  private built?: MiniSearch<SearchDoc>;
  private preparing?: Promise<void>;
  /** The engine `prepare` is building, and the next document it adds. */
  private building?: { engine: MiniSearch<SearchDoc>; next: number };

  /** `create` makes an empty engine; `docs` are added to it in order. */
  constructor(
    private readonly docs: readonly SearchDoc[],
    private readonly create: () => MiniSearch<SearchDoc>,
  ) {}

  /** Builds the engine in slices that yield to the event loop, unless it is built already. Safe to call many times. */
  prepare(): Promise<void> {
    if (this.built) return Promise.resolve();
    this.preparing ??= (async () => {
      // Slices of about 8 ms between yields (chunks of 25 documents behind setTimeout(0) took 1.9×
      // the synchronous build). A search meanwhile finishes this build (see `engine`).
      const docs = this.docs;
      const building = { engine: this.create(), next: 0 };
      this.building = building;
      while (this.building === building && building.next < docs.length) {
        const until = Date.now() + SLICE_MS;
        do building.engine.add(docs[building.next++]!);
        while (building.next < docs.length && Date.now() < until);
        await yieldToPage();
      }
      this.built ??= building.engine;
      if (this.building === building) this.building = undefined;
    })();
    return this.preparing;
  }

  /** The engine, built now (synchronously) if it is not yet; a sliced build under way is finished here. */
  get engine(): MiniSearch<SearchDoc> {
    if (!this.built) {
      const docs = this.docs;
      const building = this.building ?? { engine: this.create(), next: 0 };
      while (building.next < docs.length) building.engine.add(docs[building.next++]!);
      this.built = building.engine;
      this.building = undefined;
    }
    return this.built;
  }

  /**
   * An engine of every document that is not kept (the one built already, if any): for a caller that
   * reads its serialised tables once, so that its memory is free as soon as they are made.
   */
  once(): MiniSearch<SearchDoc> {
    if (this.built || this.building) return this.engine;
    const engine = this.create();
    for (const doc of this.docs) engine.add(doc);
    return engine;
  }
}
