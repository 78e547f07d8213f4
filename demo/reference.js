// Builds the element reference from the custom elements manifest (dist/custom-elements.json).
// DOM only through createElement/textContent: nothing from the manifest is parsed as HTML.
const MANIFEST = new URL('../dist/custom-elements.json', import.meta.url);

/** createElement with text or children. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === '') continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const code = (text) => (text ? el('code', {}, text) : '');

/** Text with `code spans` as <code> elements (the manifest's descriptions are Markdown-ish). */
function inline(text = '') {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? el('code', {}, part) : part));
}

/** Paragraphs separated by blank lines; hard-wrapped lines joined. */
function prose(text = '') {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((p) => el('p', {}, inline(p)));
}

/** A table under its own heading (ids prefixed by the tag), or nothing when there are no rows. */
function table(tag, title, headers, rows) {
  if (!rows.length) return [];
  const id = `${tag}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return [
    el('h3', { id }, title),
    el(
      'div',
      { class: 'table-wrap' },
      el(
        'table',
        { 'aria-labelledby': id },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            headers.map((h) => el('th', { scope: 'col' }, h)),
          ),
        ),
        el(
          'tbody',
          {},
          rows.map((cells) =>
            el(
              'tr',
              {},
              cells.map((c, i) => el('td', { 'data-label': headers[i] }, c)),
            ),
          ),
        ),
      ),
    ),
  ];
}

function typeText(member) {
  return member?.type?.text ?? '';
}

function renderElement(decl, modulePath) {
  const tag = decl.tagName;
  const members = decl.members ?? [];
  const fields = new Map(members.filter((m) => m.kind === 'field').map((m) => [m.name, m]));

  const attributes = (decl.attributes ?? []).map((a) => {
    const field = a.fieldName ? fields.get(a.fieldName) : undefined;
    return [
      code(a.name),
      code(a.fieldName ?? ''),
      code(typeText(a) || typeText(field)),
      code(a.default ?? field?.default ?? ''),
      inline(a.description ?? field?.description ?? ''),
    ];
  });
  const attributeFields = new Set((decl.attributes ?? []).map((a) => a.fieldName));
  const properties = members
    .filter((m) => m.kind === 'field' && !m.static && m.privacy !== 'private' && m.privacy !== 'protected')
    .filter((m) => !attributeFields.has(m.name) && m.description)
    .map((m) => [code(m.name), code(typeText(m)), code(m.default ?? ''), inline(m.description)]);
  const methods = members
    .filter((m) => m.kind === 'method' && !m.static && m.privacy !== 'private' && m.privacy !== 'protected')
    .filter((m) => m.description)
    .map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), inline(m.description)]);

  const section = el(
    'section',
    { id: tag, 'aria-labelledby': `${tag}-title` },
    el('h2', { id: `${tag}-title` }, `<${tag}>`),
    decl.summary ? el('p', { class: 'reference__summary' }, inline(decl.summary)) : '',
    el('p', {}, 'Class ', code(decl.name), ', source ', code(modulePath), '.'),
    decl.description ? el('details', { class: 'reference__description' }, el('summary', {}, 'How it works'), prose(decl.description)) : '',
    table(tag, 'Attributes', ['Attribute', 'Property', 'Type', 'Default', 'Description'], attributes),
    table(tag, 'Other properties', ['Property', 'Type', 'Default', 'Description'], properties),
    table(tag, 'Methods', ['Method', 'Description'], methods),
    table(
      tag,
      'Events',
      ['Event', 'Description'],
      (decl.events ?? []).filter((e) => e.name).map((e) => [code(e.name), inline(e.description)]),
    ),
    table(
      tag,
      'Slots',
      ['Slot', 'Description'],
      (decl.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', inline(s.description)]),
    ),
    table(
      tag,
      'CSS parts',
      ['Part', 'Description'],
      (decl.cssParts ?? []).map((p) => [code(p.name), inline(p.description)]),
    ),
    table(
      tag,
      'CSS custom properties',
      ['Property', 'Description'],
      (decl.cssProperties ?? []).map((p) => [code(p.name), inline(p.description)]),
    ),
  );
  return section;
}

async function main() {
  const target = document.getElementById('elements');
  const toc = document.getElementById('toc');
  try {
    const response = await fetch(MANIFEST);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const manifest = await response.json();
    const elements = manifest.modules
      .flatMap((m) => (m.declarations ?? []).map((d) => ({ d, path: m.path })))
      .filter(({ d }) => d.customElement && d.tagName)
      .sort((a, b) => a.d.tagName.localeCompare(b.d.tagName));
    target.replaceChildren(...elements.map(({ d, path }) => renderElement(d, path)));
    toc.replaceChildren(
      ...elements.map(({ d }) =>
        el('li', {}, el('a', { href: `#${d.tagName}` }, code(`<${d.tagName}>`), d.summary ? [' — ', ...inline(d.summary)] : '')),
      ),
    );
  } catch (err) {
    target.replaceChildren(
      el(
        'p',
        { role: 'alert' },
        `bj: could not load ${MANIFEST.pathname} (${err.message}); run \`npm run build\` (or \`npm start\`, which builds it) and reload.`,
      ),
    );
  }
}

main();
