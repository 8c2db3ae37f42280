// The questionnaire form: navigation between sets (buttons, tabs, arrow keys), "Add more" entries, the
// live character count, reading the answers, and showing errors next to their fields.
import { byId, clear, h, slug } from './dom.js';
import { customEntry, renderSet, setTabState } from './form-render.js';
import { plainText } from './markup.js';
import { saveAnswers } from './saved-answers.js';
import { customKey } from './payload.js';
import { characterCount, checkQuestion, duplicateOf, validate } from './validation.js';

export class QuestionnaireForm {
  constructor(model) {
    this.model = model;
    this.current = 0;
    this.nextEntry = 1;
    this.customFields = new Map(); // `set.text-fieldN[-k]` → entry element, as last read
    this.showLiveErrors = false;
    this.invalidSets = new Set(); // indices of sets with a shown error
    this.tabs = [];
    this.panels = [];
    const tabList = clear(byId('set-tabs'));
    const panels = clear(byId('set-panels'));
    for (const set of model.sets) {
      const { tab, panel } = renderSet(set, model);
      tab.addEventListener('click', () => this.show(this.model.sets.indexOf(set), { focusTab: true }));
      tabList.append(tab);
      panels.append(panel);
      this.tabs.push(tab);
      this.panels.push(panel);
    }
    tabList.addEventListener('keydown', (event) => this.onTabKey(event));
    byId('set-prev').addEventListener('click', () => this.show(this.wrap(this.current - 1), { focusHeading: true }));
    byId('set-next').addEventListener('click', () => this.show(this.wrap(this.current + 1), { focusHeading: true }));
    // Sliders start at 0 and the description empty: no technology or words are sent that the person did not give.
    document.getElementById('description')?.addEventListener('input', () => this.updateCount());
    panels.addEventListener('click', (event) => this.onPanelClick(event));
    panels.addEventListener('input', () => this.onEdit());
    panels.addEventListener('change', () => this.onEdit());
    this.updateCount();
    this.updateAnswered();
    this.show(0);
  }

  wrap(index) {
    const count = this.model.sets.length;
    return (index + count) % count;
  }

  /** Shows set `index`; optionally focuses its tab or heading. */
  show(index, { focusTab = false, focusHeading = false } = {}) {
    this.current = index;
    this.panels.forEach((panel, i) => { panel.hidden = i !== index; });
    this.tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    const set = this.model.sets[index];
    byId('set-position').textContent = set.number
      ? `Set ${set.number} of ${this.model.numberedCount}: ${set.title}`
      : `Optional set: ${set.title}`;
    if (focusTab) this.tabs[index].focus();
    if (focusHeading) byId(`title-${set.id}`).focus();
  }

  onTabKey(event) {
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    let target = null;
    if (event.key in moves) target = this.wrap(this.current + moves[event.key]);
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = this.model.sets.length - 1;
    if (target === null) return;
    event.preventDefault();
    this.show(target, { focusTab: true });
  }

  onPanelClick(event) {
    const add = event.target.closest('.add-more');
    if (add) this.addEntry(add.dataset.set);
    const remove = event.target.closest('.remove-entry');
    if (remove) {
      const entry = remove.closest('.custom-entry');
      const block = entry.closest('.custom-block');
      entry.remove();
      block.querySelector('.add-message').textContent = 'Entry removed.';
      block.querySelector('.add-more').focus();
      this.onEdit();
    }
  }

  /** Adds an "Add more" entry unless the last one is still empty, has no years or repeats a technology. */
  addEntry(setID) {
    const set = this.model.sets.find((candidate) => candidate.id === setID);
    const block = this.panelOf(setID).querySelector('.custom-block');
    const list = block.querySelector('.custom-list');
    const message = block.querySelector('.add-message');
    const entries = [...list.querySelectorAll('.custom-entry')].map((entry) => this.readEntry(entry));
    const last = entries[entries.length - 1];
    if (last && (last.text.trim() === '' || last.years === 0)) {
      message.textContent = 'Please fill in the experience field and set the years before adding another.';
      last.element.querySelector(last.text.trim() === '' ? '.custom-text' : '.custom-years').focus();
      return;
    }
    const duplicate = duplicateOf(set, entries);
    if (duplicate) {
      message.textContent = 'This experience already exists; change its slider instead of adding it again.';
      duplicate.element.querySelector('.custom-text').focus();
      return;
    }
    if (entries.length >= set.customMaxEntries) {
      message.textContent = `At most ${set.customMaxEntries} added technologies per set.`;
      return;
    }
    const entry = customEntry(set, this.model.scale, `e${this.nextEntry}`, list.children.length + 1);
    this.nextEntry += 1;
    list.append(entry);
    message.textContent = `Technology ${list.children.length} added.`;
    entry.querySelector('.custom-text').focus();
    this.onEdit();
  }

  readEntry(element) {
    return {
      element,
      text: element.querySelector('.custom-text').value,
      years: Number(element.querySelector('.custom-years').value),
    };
  }

  panelOf(setID) {
    return byId(`panel-${setID}`);
  }

  updateCount() {
    const area = document.getElementById('description');
    const set = this.model.sets.find((candidate) => candidate.kind === 'description');
    if (!area || !set) return;
    const count = byId('description-count');
    const length = characterCount(area.value);
    count.textContent = `${length} / ${set.maxLength} characters`;
    count.classList.toggle('over', length > set.maxLength);
  }

  onEdit() {
    if (this.restoring) return;
    saveAnswers(this.answers());
    this.updateAnswered();
    if (this.showLiveErrors) this.showErrors(validate(this.model, this.answers()), { jump: false });
  }

  /** Puts saved answers back into the controls (values the questionnaire no longer has are skipped). */
  restore(saved) {
    this.restoring = true;
    const setValue = (input, value) => {
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    for (const set of this.model.sets) {
      const panel = this.panelOf(set.id);
      if (set.kind === 'general') {
        for (const question of set.questions) {
          const value = saved.general?.[question.key];
          if (value === undefined) continue;
          const picked = new Set((Array.isArray(value) ? value : [value]).map(String));
          for (const input of panel.querySelectorAll(`input[name="${set.id}.${question.key}"]`)) input.checked = picked.has(input.value);
        }
      } else if (set.kind === 'technologies') {
        const levels = saved.technologies?.[set.id] ?? {};
        for (const input of panel.querySelectorAll('input[type="range"][data-key]')) {
          const level = Number(levels[input.dataset.key]);
          if (Number.isInteger(level) && level >= this.model.scale.min && level <= this.model.scale.max) setValue(input, level);
        }
        const list = panel.querySelector('.custom-list');
        for (const entry of (saved.custom?.[set.id] ?? []).slice(0, set.customMaxEntries)) {
          const element = customEntry(set, this.model.scale, `e${this.nextEntry}`, list.children.length + 1);
          this.nextEntry += 1;
          list.append(element);
          setValue(element.querySelector('.custom-text'), String(entry.text ?? '').slice(0, set.customMaxLength));
          setValue(element.querySelector('.custom-years'), Number(entry.years) || 0);
        }
      } else if (set.kind === 'description' && typeof saved.description === 'string') {
        document.getElementById('description').value = saved.description;
      } else if (set.kind === 'about' && saved.about) {
        for (const field of set.fields) {
          const values = field.multiple ? saved.about[field.key] ?? [] : [saved.about[field.key] ?? ''];
          panel.querySelectorAll(`input[data-about="${field.key}"]`).forEach((input, index) => {
            input.value = String(values[index] ?? '');
          });
        }
      }
    }
    this.restoring = false;
    this.updateCount();
    this.onEdit();
  }

  /** Replaces the answers with `answers` (a saved-answers object without "About you", which is kept). */
  fill(answers) {
    for (const list of document.querySelectorAll('#set-panels .custom-list')) clear(list);
    this.restore({ ...answers, about: undefined });
    this.show(0);
  }

  /** Whether the person has given answers of their own: a technology or a description. */
  hasOwnAnswers() {
    const answers = this.answers();
    return answers.description.trim() !== ''
      || Object.values(answers.technologies).some((levels) => Object.values(levels).some((years) => years > 0))
      || Object.values(answers.custom).some((entries) => entries.length > 0);
  }

  /** The answers as the payload builder and the validator read them. */
  answers() {
    const answers = { general: {}, technologies: {}, custom: {}, description: '', about: {} };
    this.customFields.clear();
    for (const set of this.model.sets) {
      const panel = this.panelOf(set.id);
      if (set.kind === 'general') {
        for (const question of set.questions) {
          const checked = [...panel.querySelectorAll(`input[name="${set.id}.${question.key}"]:checked`)].map((input) => input.value);
          answers.general[question.key] = question.multiple ? checked : checked[0] ?? null;
        }
      } else if (set.kind === 'technologies') {
        const levels = {};
        for (const input of panel.querySelectorAll('input[type="range"][data-key]')) levels[input.dataset.key] = Number(input.value);
        answers.technologies[set.id] = levels;
        const entries = [...panel.querySelectorAll('.custom-entry')].map((entry) => this.readEntry(entry))
          .filter((entry) => entry.text.trim() !== '' || entry.years > 0);
        entries.forEach((entry, index) => this.customFields.set(`${set.id}.${customKey(set, index)}`, entry.element));
        answers.custom[set.id] = entries.map(({ text, years }) => ({ text, years }));
      } else if (set.kind === 'description') {
        answers.description = document.getElementById('description')?.value ?? '';
      } else if (set.kind === 'about') {
        for (const field of set.fields) {
          const values = [...panel.querySelectorAll(`input[data-about="${field.key}"]`)].map((input) => input.value);
          answers.about[field.key] = field.multiple ? values : values[0] ?? '';
        }
      }
    }
    return answers;
  }

  /** Marks each tab answered, optional, required or invalid, and updates "N of 10 sets answered". */
  updateAnswered() {
    const answers = this.answers();
    let answered = 0;
    this.model.sets.forEach((set, index) => {
      let done = false;
      if (set.kind === 'general') done = set.questions.every((question) => !checkQuestion(question, answers.general[question.key]));
      else if (set.kind === 'technologies') {
        done = Object.values(answers.technologies[set.id]).some((value) => value > 0)
          || answers.custom[set.id].some((entry) => entry.text.trim() !== '');
      } else if (set.kind === 'description') done = answers.description.trim() !== '';
      else done = Object.values(answers.about).some((value) => (Array.isArray(value) ? value.join('') : value).trim() !== '');
      this.tabs[index].classList.toggle('answered', done);
      const required = set.kind === 'general' || (set.kind === 'description' && set.required);
      setTabState(this.tabs[index], this.invalidSets.has(index) ? 'invalid' : done ? 'answered' : required ? 'required' : 'optional');
      if (set.number && done) answered += 1;
    });
    byId('answered-count').textContent = `${answered} of ${this.model.numberedCount} sets answered`;
  }

  /** The container, controls and set index of a field name, or null. */
  locate(field) {
    if (!field) return null;
    const custom = this.customFields.get(field);
    if (custom) {
      return { container: custom, controls: [...custom.querySelectorAll('input')], error: custom.querySelector('.field-error'), setID: custom.dataset.set };
    }
    const [setID, key] = field.split('.');
    const panel = document.getElementById(`panel-${setID}`);
    if (!panel) return null;
    const containers = [...panel.querySelectorAll(`[data-field="${CSS.escape(field)}"]`)];
    if (containers.length === 0 && key) {
      const slider = panel.querySelector(`input[data-key="${CSS.escape(key)}"]`);
      if (slider) return { container: slider.parentElement, controls: [slider], error: null, setID };
    }
    if (containers.length === 0) {
      return { container: panel, controls: [...panel.querySelectorAll('input, textarea')].slice(0, 1), error: null, setID };
    }
    return {
      container: containers[0],
      controls: containers.flatMap((container) => [...container.querySelectorAll('input, textarea')]),
      error: document.getElementById(`error-${slug(field)}`),
      setID,
    };
  }

  /** Shows errors next to their fields and in the summary; with `jump`, opens and focuses the first one. */
  showErrors(errors, { jump = true } = {}) {
    for (const element of document.querySelectorAll('#set-panels .field-error')) { element.hidden = true; element.textContent = ''; }
    for (const element of document.querySelectorAll('#set-panels [aria-invalid]')) element.removeAttribute('aria-invalid');
    this.tabs.forEach((tab) => tab.classList.remove('has-error'));
    this.invalidSets.clear();
    const summary = byId('error-summary');
    const list = clear(byId('error-summary-list'));
    summary.hidden = errors.length === 0;
    let first = null;
    for (const error of errors) {
      const place = this.locate(error.field);
      const item = h('li');
      if (place) {
        if (place.error) {
          place.error.textContent = place.error.textContent ? `${place.error.textContent} ${error.message}` : error.message;
          place.error.hidden = false;
        }
        place.controls.forEach((control) => control.setAttribute('aria-invalid', 'true'));
        const index = this.model.sets.findIndex((set) => set.id === place.setID);
        if (index >= 0) {
          this.tabs[index].classList.add('has-error');
          this.invalidSets.add(index);
        }
        const label = this.describe(error.field, index);
        item.append(h('a', {
          href: `#${place.controls[0]?.id ?? `panel-${place.setID}`}`, text: `${label} – ${error.message}`,
          onclick: (event) => { event.preventDefault(); this.focusField(place, index); },
        }));
        if (!first) first = { place, index };
      } else {
        item.textContent = error.message;
      }
      list.append(item);
    }
    this.updateAnswered();
    if (jump && first) this.focusField(first.place, first.index);
    else if (jump && errors.length > 0) summary.focus();
  }

  focusField(place, index) {
    if (index >= 0) this.show(index);
    const target = place.controls.find((control) => !control.disabled) ?? place.container;
    target.focus();
    target.scrollIntoView({ block: 'center' });
  }

  describe(field, index) {
    const set = this.model.sets[index];
    if (!set) return field;
    const key = field.split('.')[1];
    const question = set.questions?.find((candidate) => candidate.key === key);
    if (question) return plainText(question.label);
    const about = set.fields?.find((candidate) => candidate.key === key);
    if (about) return about.label;
    if (this.customFields.has(field)) return `${set.title}, ${this.customFields.get(field).querySelector('label').textContent}`;
    return set.title;
  }

  /** Reads and checks the answers; shows problems and returns null, or returns the answers. */
  checkedAnswers() {
    this.showLiveErrors = true;
    const answers = this.answers();
    const errors = validate(this.model, answers);
    this.showErrors(errors);
    return errors.length === 0 ? answers : null;
  }

  /** Shows the server's 422 errors the same way (read after `answers()` so custom keys map to entries). */
  showServerErrors(errors) {
    this.answers();
    this.showLiveErrors = false;
    this.showErrors(errors);
  }
}
