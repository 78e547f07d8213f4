/**
 * `bj-policy-widgets/glossary` (dist/glossary.js): `<bj-glossary>`, the glossary page of every
 * keyword in the index. Its own script, so that pages without a glossary fetch none of it:
 *
 *   <script type="module" src="…/glossary.js"></script>
 *
 * It loads the loader too (the other elements, and one copy of what the loader holds), so a
 * glossary page needs this one script.
 */
import './bj-policy-widgets.js';

export { BjGlossary } from './components/bj-glossary/bj-glossary.js';
export type { GlossarySort } from './components/bj-glossary/glossary-order.js';
