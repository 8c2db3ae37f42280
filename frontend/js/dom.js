// Small DOM helpers: build elements without innerHTML, so no text from the server is ever parsed as HTML.

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
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** The element with this id (throws when the page lacks it: a programming error). */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing element #${id}`);
  return element;
}

/** Removes every child. */
export function clear(element) {
  while (element.firstChild) element.firstChild.remove();
  return element;
}

/** A string safe to use inside an id attribute. */
export function slug(text) {
  return String(text).toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
}
