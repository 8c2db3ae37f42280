// A modal question with a few answers, on the page's one <dialog> (focus is kept inside while it is open
// and returns to where it was; Escape answers null).
import { byId, clear, h } from './dom.js';

/**
 * Asks `title` / `text` with `choices` (`[{value, label, primary?}]`, the first one focused) and resolves to
 * the chosen value, or null when the dialog was dismissed.
 */
export function ask({ title, text, choices }) {
  const dialog = byId('ask-dialog');
  if (dialog.open) return Promise.resolve(null); // one question at a time (a double click asks once)
  byId('ask-title').textContent = title;
  byId('ask-text').textContent = text;
  const buttons = choices.map((choice) => h('button', {
    type: 'submit', value: choice.value, class: `button${choice.primary ? ' primary' : ''}`, text: choice.label,
  }));
  clear(byId('ask-choices')).append(...buttons);
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue || null), { once: true });
    dialog.showModal();
    buttons[0]?.focus();
  });
}
