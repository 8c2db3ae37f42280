// The questionnaire's label mini-markup (reference §2.2): `*x*` italic, a trailing ` *` marks a required
// question, `{small}…{/small}` small text, `\n` a line break. Rendered as DOM nodes, never as HTML.
import { h } from './dom.js';

/** Splits a label into its text and whether it ends with the required marker. */
export function parseRequired(label) {
  const lines = String(label ?? '').split('\n');
  const first = lines[0];
  if (/\s\*$/.test(first)) {
    lines[0] = first.replace(/\s\*$/, '');
    return { text: lines.join('\n'), required: true };
  }
  return { text: lines.join('\n'), required: false };
}

/** Plain text of a label: markup removed (for error summaries and accessible names). */
export function plainText(label) {
  return parseRequired(label).text.split('\n')[0].replace(/\{\/?small\}/g, '').replace(/\*([^*]+)\*/g, '$1').trim();
}

/** DOM nodes for a label. */
export function renderMarkup(label) {
  const { text, required } = parseRequired(label);
  const nodes = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) nodes.push(h('br'));
    nodes.push(...renderLine(line));
    if (index === 0 && required) {
      nodes.push(h('span', { class: 'required-mark', 'aria-hidden': 'true', text: '*' }));
      nodes.push(h('span', { class: 'visually-hidden', text: ' (required)' }));
    }
  });
  return nodes;
}

function renderLine(line) {
  const nodes = [];
  const pattern = /\{small\}([\s\S]*?)\{\/small\}/g;
  let last = 0;
  for (const match of line.matchAll(pattern)) {
    nodes.push(...renderItalics(line.slice(last, match.index)));
    nodes.push(h('small', { class: 'hint' }, renderItalics(match[1])));
    last = match.index + match[0].length;
  }
  nodes.push(...renderItalics(line.slice(last)));
  return nodes;
}

function renderItalics(text) {
  const nodes = [];
  const pattern = /\*([^*]+)\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    nodes.push(h('em', { text: match[1] }));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}
