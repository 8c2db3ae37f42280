// Small DOM helpers: build elements without innerHTML, so no text from the stack (logs, items, keys) is
// ever parsed as HTML.

/** Creates an element: attributes (`class`, `text`, `on<event>`, `data-*`, `aria-*`, booleans) and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

/** Appends children (nodes, strings, nested arrays; null and false are skipped). */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Removes every child, then appends `children`. */
export function replace(parent, ...children) {
  while (parent.firstChild) parent.firstChild.remove();
  return append(parent, children);
}

/** A status badge: `success`, `error`, `timeout`, `running`, ... styled by name. */
export function badge(text, kind = text) {
  return h('span', { class: `badge badge-${String(kind).replace(/[^a-z_-]/gi, '')}`, text });
}

/**
 * A table with a header row. A header is a name or `{name, class}`: the class goes on the column's cells too
 * (`nowrap`: never wrapped; `wide`: hidden on narrow screens). `rows` are arrays of cells (nodes or text) or
 * `{cells, attributes}`.
 */
export function table(headers, rows, attributes = {}) {
  const columns = headers.map((header) => (typeof header === 'string' ? { name: header } : header));
  return h('div', { class: 'table-wrap' },
    h('table', attributes,
      h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col', class: column.class, text: column.name })))),
      h('tbody', {}, rows.map((row) => {
        const { cells, attributes: rowAttributes } = Array.isArray(row) ? { cells: row, attributes: {} } : row;
        return h('tr', rowAttributes, cells.map((cell, index) => h('td', { class: (columns[index] || {}).class }, cell)));
      }))));
}

/** Marks `row` as the one shown in detail (and no other row of its table). */
export function select(row) {
  for (const other of row.parentElement.querySelectorAll('tr.selected')) other.classList.remove('selected');
  row.classList.add('selected');
}

/** A `<dl>` of label/value pairs (null values are left out). */
export function facts(pairs) {
  return h('dl', { class: 'facts' },
    pairs.filter(([, value]) => value !== null && value !== undefined)
      .map(([label, value]) => [h('dt', { text: label }), h('dd', {}, value)]));
}

/** A preformatted block (logs, JSON). */
export function pre(text, className = '') {
  return h('pre', { class: `code ${className}`.trim(), tabindex: '0' }, text);
}

/** A line that says the data could not be read, with the error's message. */
export function failure(error) {
  return h('p', { class: 'error', role: 'alert', text: error.message || String(error) });
}
