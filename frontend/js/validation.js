// The checks the API makes on POST /api/start (its AnswersValidator), run before submitting, with the same
// rules and the same wording, built from the rules the questionnaire JSON carries; and the reading of a 422
// into the same per-field shape. A field is named `set.key`: `general.job-level`, `languages.text-field1-2`,
// `additional-info`, `about-you.email`.
import { plainText } from './markup.js';
import { customKey } from './payload.js';

/** The API's message for an unanswered question. */
export function requiredMessage(question) {
  return `Missing: answer "${plainText(question.label)}" (required).`;
}
export const DESCRIPTION_REQUIRED =
  'Please provide a personal description to help us find the most relevant jobs for you.';

/** Characters as the API counts them (grapheme clusters, like Swift's `String.count`). */
export function characterCount(text) {
  if (typeof Intl !== 'undefined' && Intl.Segmenter) {
    let count = 0;
    for (const _ of new Intl.Segmenter().segment(text)) count += 1;
    return count;
  }
  return [...text].length;
}

const quoted = (values) => values.map((value) => `"${value}"`).join(', ');

/** "A and B, B and C, or C and D": the neighbouring pairs of an adjacency question. */
function pairs(question) {
  const values = question.options.map((option) => option.value);
  const list = values.slice(1).map((value, index) => `${values[index]} and ${value}`);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')}, or ${list[list.length - 1]}` : list.join('');
}

/** The message for one general question's answer, or null when it is acceptable. */
export function checkQuestion(question, value) {
  if (question.messages?.custom) return question.messages.custom;
  if (!question.multiple) {
    return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
      ? question.messages?.min ?? requiredMessage(question) : null;
  }
  const picks = [...new Set(Array.isArray(value) ? value : value ? [value] : [])];
  if (picks.length < Math.max(question.min, 1)) {
    return question.messages?.min ?? `Pick at least ${Math.max(question.min, 1)} of ${quoted(question.options.map((option) => option.value))}.`;
  }
  if (picks.length > question.max) return question.messages?.max ?? `Pick at most ${question.max}.`;
  if (question.adjacentOnly && picks.length === 2) {
    const order = question.options.map((option) => option.value);
    if (Math.abs(order.indexOf(picks[0]) - order.indexOf(picks[1])) !== 1) {
      return question.messages?.adjacent ?? `Two levels must be next to each other (${pairs(question)}).`;
    }
  }
  return null;
}

/** Problems with a set's "Add more" entries (entries with neither text nor years are left out before). */
export function checkCustom(set, entries) {
  const errors = [];
  entries.forEach((entry, index) => {
    const field = `${set.id}.${customKey(set, index)}`;
    const text = entry.text.trim();
    if (index >= set.customMaxEntries) {
      errors.push({ field, message: `At most ${set.customMaxEntries} added technologies per set.` });
    } else if (characterCount(text) > set.customMaxLength) {
      errors.push({ field, message: `Keep the name to ${set.customMaxLength} characters or fewer.` });
    } else if (text === '' && entry.years > 0) {
      errors.push({
        field, message: 'Years are set for an added technology without a name; type its name or set the years to 0.',
      });
    }
  });
  return errors;
}

/** Whether two custom entries (or an entry and a built-in) name the same technology (the API merges them). */
export function duplicateOf(set, entries) {
  const seen = new Set(set.technologies.map((tech) => tech.label.toLowerCase()));
  for (const entry of entries) {
    const text = entry.text.trim().toLowerCase();
    if (text !== '' && seen.has(text)) return entry;
    seen.add(text);
  }
  return null;
}

/** `name@domain.tld` without spaces, as the API checks. */
export function looksLikeEmail(text) {
  const parts = text.split('@');
  if (parts.length !== 2 || parts[0] === '' || /\s/.test(text)) return false;
  const domain = parts[1].split('.');
  return domain.length >= 2 && domain.every((part) => part !== '');
}

function checkAbout(set, about) {
  const errors = [];
  for (const field of set.fields) {
    const name = `${set.id}.${field.key}`;
    if (field.multiple) {
      const links = (about[field.key] ?? []).map((link) => link.trim()).filter(Boolean);
      if (links.length > field.maxItems) errors.push({ field: name, message: `At most ${field.maxItems} links.` });
      for (const link of links) {
        if (characterCount(link) > field.maxLength) {
          errors.push({ field: name, message: `Keep each link to ${field.maxLength} characters or fewer.` });
        } else if (!/^https?:\/\//.test(link) || link.includes(' ')) {
          errors.push({ field: name, message: `"${link}" is not a web address; start it with https://.` });
        }
      }
      continue;
    }
    const text = (about[field.key] ?? '').trim();
    if (characterCount(text) > field.maxLength) errors.push({ field: name, message: `Keep it to ${field.maxLength} characters or fewer.` });
    else if (field.type === 'email' && text !== '' && !looksLikeEmail(text)) {
      errors.push({ field: name, message: 'Enter an address like name@example.com, or leave it empty.' });
    }
  }
  return errors;
}

/** Every problem in the answers, in questionnaire order: `[{field, message}]`. */
export function validate(model, answers) {
  const errors = [];
  for (const set of model.sets) {
    if (set.kind === 'general') {
      for (const question of set.questions) {
        const message = checkQuestion(question, answers.general[question.key]);
        if (message) errors.push({ field: `${set.id}.${question.key}`, message });
      }
    } else if (set.kind === 'technologies') {
      errors.push(...checkCustom(set, answers.custom[set.id] ?? []));
    } else if (set.kind === 'description') {
      const text = answers.description ?? '';
      if (text.trim() === '') {
        if (set.required) errors.push({ field: set.id, message: DESCRIPTION_REQUIRED });
      } else if (characterCount(text) > set.maxLength) {
        errors.push({
          field: set.id,
          message: `Shorten the description to ${set.maxLength} characters or fewer (it has ${characterCount(text)}).`,
        });
      }
    } else if (set.kind === 'about') {
      errors.push(...checkAbout(set, answers.about));
    }
  }
  return errors;
}

/**
 * Reads a server error field (`general.job-level`, `general -> job-level`, `languages.text-field1-slider`,
 * `general[2]`) into the page's field name; custom sliders map to their entry. Null for whole-payload errors.
 */
export function fieldFromServer(field) {
  const parts = String(field ?? '').replace(/\[(\d+)\]/g, '.$1').split(/\s*->\s*|\./)
    .map((part) => part.trim()).filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  if (parts.length === 0) return null;
  const [set, key] = parts;
  if (set === 'additional-info' || set === 'additional_info') return 'additional-info';
  if (key === undefined || /^\d+$/.test(key)) return set.replace(/_/g, '-');
  return `${set.replace(/_/g, '-')}.${key.replace(/-slider$/, '')}`;
}

/** A 422 body as `[{field, message}]` (field null for errors not tied to a question). */
export function serverErrors(body) {
  const list = Array.isArray(body?.errors) ? body.errors : Array.isArray(body?.detail) ? body.detail : [];
  const errors = list.map((item) => ({
    field: fieldFromServer(item.field ?? item.loc),
    message: String(item.message ?? item.msg ?? 'This answer was not accepted.'),
  }));
  if (errors.length === 0) errors.push({ field: null, message: String(body?.message ?? 'Your answers were not accepted.') });
  return errors;
}
