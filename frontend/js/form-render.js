// Builds the question sets' DOM from the model: one tab and one panel per set, every control labelled.
import { clear, h, slug } from './dom.js';
import { renderMarkup } from './markup.js';

/** The caption shown beside a slider: `0 yrs`, `< 1.5 yrs`, `> 3.0 yrs`. */
export function caption(scale, value) {
  const text = scale.captions[Math.min(Math.max(value, scale.min), scale.max)] ?? String(value);
  return /yrs?$/.test(text) ? text : `${text} yrs`;
}

/** What a slider value means, for screen readers. */
export function meaning(scale, value) {
  return scale.meanings[value] ?? caption(scale, value);
}

/** A labelled 0…7 slider with its caption. */
export function slider({ id, label, value, scale, data = {} }) {
  const output = h('output', { id: `${id}-value`, for: id, class: value > 0 ? 'set' : '', text: caption(scale, value) });
  const input = h('input', {
    type: 'range', id, min: scale.min, max: scale.max, step: 1, value,
    'aria-valuetext': meaning(scale, value), 'aria-describedby': `${id}-value`, ...data,
  });
  input.addEventListener('input', () => {
    const current = Number(input.value);
    output.textContent = caption(scale, current);
    output.classList.toggle('set', current > 0);
    input.setAttribute('aria-valuetext', meaning(scale, current));
  });
  return h('div', { class: 'slider-row' }, h('label', { for: id, text: label }), output, input);
}

/** The error line of a field. */
export function errorLine(field) {
  return h('p', { class: 'field-error', id: `error-${slug(field)}`, hidden: true });
}

function renderGeneral(set) {
  return set.questions.map((question) => {
    const field = `${set.id}.${question.key}`;
    const split = question.columnsSplitAfter && question.options.length > Number(question.columnsSplitAfter);
    const options = h('div', { class: split ? 'options columns' : 'options' },
      question.options.map((option, index) => {
        const id = `q-${slug(question.key)}-${index}`;
        return h('label', { class: 'option', for: id },
          h('input', {
            type: question.multiple ? 'checkbox' : 'radio', id, name: field, value: option.value,
            checked: question.defaults.includes(option.value),
            'aria-describedby': `error-${slug(field)}`,
          }),
          h('span', { text: option.label }));
      }));
    return h('fieldset', { class: 'question', 'data-field': field },
      h('legend', {}, renderMarkup(question.label)),
      question.help ? h('p', { class: 'help', text: question.help }) : null,
      options, errorLine(field));
  });
}

function renderTechnologies(set, scale) {
  const legend = scale.captions.map((_, value) => `${value} = ${meaning(scale, value)}`).join(', ');
  return [
    h('p', { class: 'scale-legend', text: `Set each slider to your years of experience (${legend}).` }),
    h('ul', { class: 'sliders' }, set.technologies.map((tech) =>
      h('li', {}, slider({
        id: `tech-${slug(set.id)}-${slug(tech.key)}`, label: tech.label, value: 0, scale,
        data: { 'data-set': set.id, 'data-key': tech.key },
      })))),
    h('div', { class: 'custom-block', 'data-custom-set': set.id },
      h('h4', { text: 'Add more' }),
      h('p', { class: 'help', text: set.customHelp || `Something missing? Add it with its own years (up to ${set.customMaxLength} characters each).` }),
      h('ul', { class: 'custom-list', 'aria-label': `Your own entries in ${set.title}` }),
      h('button', { type: 'button', class: 'button small add-more', 'data-set': set.id, text: 'Add more' }),
      h('p', { class: 'add-message', role: 'status', 'aria-live': 'polite' })),
  ];
}

/** One "Add more" entry: its text, its years and a Remove button. */
export function customEntry(set, scale, entryId, number) {
  const textId = `custom-${entryId}-text`;
  return h('li', { class: 'custom-entry', 'data-entry': entryId, 'data-set': set.id },
    h('div', { class: 'text-field' },
      h('label', { for: textId, text: `Technology ${number}` }),
      h('input', { type: 'text', id: textId, class: 'custom-text', maxlength: set.customMaxLength, autocomplete: 'off' })),
    slider({ id: `custom-${entryId}-years`, label: `Years with technology ${number}`, value: 0, scale, data: { class: 'custom-years' } }),
    h('button', { type: 'button', class: 'button small remove-entry', text: 'Remove', 'aria-label': `Remove technology ${number}` }),
    h('p', { class: 'field-error', hidden: true }));
}

function renderDescription(set) {
  const field = set.id;
  return h('div', { class: 'question', 'data-field': field },
    h('label', { for: 'description' }, renderMarkup(`Describe yourself${set.required ? ' *' : ''}`)),
    set.help ? h('p', { class: 'help', id: 'description-help', text: set.help }) : null,
    h('textarea', {
      id: 'description', name: field, rows: 8, 'aria-describedby': `description-help description-count error-${slug(field)}`,
      placeholder: set.hint || null,
    }),
    h('p', { id: 'description-count', class: 'char-count' }),
    errorLine(field));
}

function renderAbout(set) {
  const inputs = [];
  for (const field of set.fields) {
    const type = { email: 'email', tel: 'tel', links: 'url' }[field.type]
      ?? { email: 'email', phone: 'tel', links: 'url' }[field.key] ?? 'text';
    const autocomplete = { name: 'name', email: 'email', phone: 'tel', city: 'address-level2', links: 'url' }[field.key] ?? 'off';
    const count = field.multiple ? field.maxItems : 1;
    for (let index = 0; index < count; index += 1) {
      const id = count > 1 ? `about-${field.key}-${index + 1}` : `about-${field.key}`;
      const label = count > 1 ? `${field.label}: link ${index + 1}` : field.label;
      inputs.push(h('div', { class: 'text-input', 'data-field': `${set.id}.${field.key}` },
        h('label', { for: id, text: label }),
        h('input', {
          type, id, maxlength: field.maxLength, autocomplete, 'data-about': field.key,
          'aria-describedby': `error-${slug(`${set.id}.${field.key}`)}`,
        }),
        index === count - 1 ? errorLine(`${set.id}.${field.key}`) : null));
    }
  }
  return h('div', { class: 'about-grid' }, inputs);
}

/** What a tab says of its set, in words (never colour alone), with a mark that is not read out. */
export const TAB_STATES = {
  answered: ['✓', 'answered'], optional: ['', 'optional'], required: ['', 'required'], invalid: ['!', 'needs a fix'],
};

/** Sets a tab's state: `answered`, `optional`, `required` or `invalid`; its name says it too. */
export function setTabState(tab, state) {
  if (tab.dataset.state === state) return;
  tab.dataset.state = state;
  const [mark, words] = TAB_STATES[state];
  clear(tab.querySelector('.tab-state')).append(mark ? h('span', { 'aria-hidden': 'true', text: `${mark} ` }) : '', words);
  tab.setAttribute('aria-label', `${tab.dataset.name}, ${words}`);
}

/**
 * The tab of a set: its number and short name, and its state in words. Its accessible name reads
 * "Set 2: Languages, optional" (set as a label: the parts are laid out as blocks, which would add spaces).
 */
function renderTab(set) {
  const name = set.shortTitle || set.title;
  return h('button', {
    type: 'button', role: 'tab', id: `tab-${set.id}`, class: 'set-tab', 'aria-controls': `panel-${set.id}`,
    'aria-selected': 'false', tabindex: '-1', title: set.title,
    'data-name': set.number ? `Set ${set.number}: ${name}` : name, 'aria-label': set.number ? `Set ${set.number}: ${name}` : name,
  },
  h('span', { class: 'tab-title' },
    set.number ? h('span', { class: 'tab-number', text: String(set.number) }) : null,
    h('span', { class: 'tab-name', text: name })),
  h('span', { class: 'tab-state' }));
}

/** The tab button and panel of one set. */
export function renderSet(set, model) {
  const heading = set.number ? `${set.number}/${model.numberedCount} ${set.title}` : set.title;
  const tab = renderTab(set);
  let body;
  if (set.kind === 'general') body = renderGeneral(set);
  else if (set.kind === 'technologies') body = renderTechnologies(set, model.scale);
  else if (set.kind === 'description') body = renderDescription(set);
  else body = renderAbout(set);
  const panel = h('section', {
    class: 'qset', id: `panel-${set.id}`, role: 'tabpanel', 'aria-labelledby': `title-${set.id}`, hidden: true,
    'data-set': set.id,
  },
  h('h3', { class: 'qset-title', id: `title-${set.id}`, tabindex: '-1', text: heading }),
  set.help && set.kind !== 'description' ? h('p', { class: 'qset-help', text: set.help }) : null,
  body);
  return { tab, panel };
}
