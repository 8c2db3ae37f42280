// Answers → the POST /api/start body (reference §2.6, the FrontendPayload): kebab-case set keys, arrays of
// single-key objects, every "Add more" entry with its own years, and the optional `about-you` set.

/** The payload key of a set's n-th custom entry (0-based index): `text-field3`, `text-field3-2`, … */
export function customKey(set, index) {
  return index === 0 ? `text-field${set.slot}` : `text-field${set.slot}-${index + 1}`;
}

/** Builds the request body. */
export function buildPayload(model, answers) {
  const payload = {};
  for (const set of model.sets) {
    if (set.kind === 'general') {
      payload[set.id] = set.questions.map((question) => {
        let value = answers.general[question.key];
        if (question.multiple) value = Array.isArray(value) ? value : value ? [value] : [];
        else if (Array.isArray(value)) value = value[0] ?? null;
        if (question.numeric && value !== null && value !== undefined && /^\d+$/.test(String(value))) {
          value = Number(value);
        }
        return { [question.key]: value ?? null };
      });
    } else if (set.kind === 'technologies') {
      const items = [];
      const levels = answers.technologies[set.id] ?? {};
      for (const tech of set.technologies) {
        if ((levels[tech.key] ?? 0) > 0) items.push({ [tech.key]: levels[tech.key] });
      }
      const entries = (answers.custom[set.id] ?? []).filter((entry) => entry.text.trim() !== '' || entry.years > 0);
      entries.forEach((entry, index) => {
        const key = customKey(set, index);
        items.push({ [key]: entry.text.trim() });
        items.push({ [`${key}-slider`]: entry.years });
      });
      if (items.length > 0) payload[set.id] = items;
    } else if (set.kind === 'description') {
      payload[set.id] = [{ [set.id]: answers.description ?? '' }];
    } else if (set.kind === 'about') {
      const items = [];
      for (const field of set.fields) {
        const value = answers.about[field.key];
        if (field.multiple) {
          const list = (value ?? []).map((item) => item.trim()).filter(Boolean);
          if (list.length > 0) items.push({ [field.key]: list });
        } else if (value && value.trim() !== '') {
          items.push({ [field.key]: value.trim() });
        }
      }
      if (items.length > 0) payload[set.id] = items;
    }
  }
  return payload;
}
