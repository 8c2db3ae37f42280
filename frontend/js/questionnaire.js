// Turns GET /api/questionnaire's JSON (docs/api.md) into the page's model. The reader accepts camelCase
// and snake_case spellings so a renamed field does not blank the page; anything essential that is missing
// is reported as an error instead of being guessed.

const DEFAULT_CAPTIONS = ['0 yrs', '< 0.5', '< 1.0', '< 1.5', '< 2.0', '< 2.5', '< 3.0', '> 3.0'];

/** The first property of `object` that is present under any of `names` (each also tried in snake_case). */
function pick(object, ...names) {
  if (!object || typeof object !== 'object') return undefined;
  for (const name of names) {
    for (const spelling of [name, name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)]) {
      if (object[spelling] !== undefined && object[spelling] !== null) return object[spelling];
    }
  }
  return undefined;
}

/** Why the questionnaire could not be read. */
export class QuestionnaireError extends Error {}

/** Reads the API's questionnaire. */
export function readQuestionnaire(json) {
  if (!json || typeof json !== 'object') throw new QuestionnaireError('the questionnaire is not a JSON object');
  const scaleJSON = pick(json, 'experienceScale', 'scale', 'experience') ?? {};
  const captions = pick(scaleJSON, 'captions', 'labels') ?? DEFAULT_CAPTIONS;
  const scale = {
    min: Number(pick(scaleJSON, 'minimum', 'min') ?? 0),
    max: Number(pick(scaleJSON, 'maximum', 'max') ?? captions.length - 1),
    captions,
    meanings: pick(scaleJSON, 'meanings', 'descriptions') ?? captions,
  };
  const customMax = Number(pick(scaleJSON, 'customTextMaxLength') ?? pick(json, 'customTextMaxLength') ?? 50);
  const rawSets = pick(json, 'sets', 'questionSets');
  if (!Array.isArray(rawSets) || rawSets.length === 0) throw new QuestionnaireError('the questionnaire has no sets');
  const withShortTitle = (raw, set) => ({ ...set, shortTitle: String(pick(raw, 'shortTitle') ?? set.title) });
  const sets = rawSets.map((set, index) => withShortTitle(set, readSet(set, index, customMax)));
  const about = pick(json, 'aboutYou');
  if (about && !sets.some((set) => set.kind === 'about')) sets.push(withShortTitle(about, readAbout({ id: 'about-you', ...about })));
  if (!sets.some((set) => set.kind === 'general')) throw new QuestionnaireError('the questionnaire has no general set');
  if (!sets.some((set) => set.kind === 'description')) throw new QuestionnaireError('the questionnaire has no personal description');
  // Numbered sets first, in order; the optional "About you" set last.
  const numbered = sets.filter((set) => set.kind !== 'about');
  numbered.forEach((set, index) => { set.number = index + 1; });
  return { sets: [...numbered, ...sets.filter((set) => set.kind === 'about')], numberedCount: numbered.length, scale };
}

function setKind(set, id) {
  const kind = String(pick(set, 'kind', 'type') ?? '').toLowerCase();
  if (['general', 'questions', 'choices'].includes(kind) || id === 'general') return 'general';
  if (kind.startsWith('tech') || kind === 'sliders' || pick(set, 'technologies', 'sliders')) return 'technologies';
  if (kind.startsWith('desc') || kind === 'text' || kind === 'textarea' || id === 'additional-info') return 'description';
  if (kind.startsWith('about') || kind === 'contact' || id === 'about-you') return 'about';
  throw new QuestionnaireError(`set ${id || '#' + id} has an unknown kind "${kind}"`);
}

function readSet(set, index, customMax) {
  const id = String(pick(set, 'id', 'key', 'name') ?? '');
  if (!id) throw new QuestionnaireError(`set ${index + 1} has no id`);
  const kind = setKind(set, id);
  const title = String(pick(set, 'title', 'heading', 'label') ?? id);
  const help = pick(set, 'help', 'description', 'guidance') ?? '';
  if (kind === 'general') {
    const questions = pick(set, 'questions', 'items') ?? [];
    return { id, kind, title, help, questions: questions.map(readQuestion) };
  }
  if (kind === 'technologies') {
    const technologies = (pick(set, 'technologies', 'sliders', 'items') ?? []).map((tech) => ({
      key: String(pick(tech, 'key', 'id')),
      label: String(pick(tech, 'label', 'name') ?? pick(tech, 'key')),
      defaultYears: Number(pick(tech, 'defaultYears', 'default', 'defaultValue') ?? 0),
    }));
    const custom = pick(set, 'custom', 'addMore') ?? {};
    const textKey = String(pick(custom, 'textKey') ?? '');
    const slot = Number(textKey.match(/^text-field(\d+)$/)?.[1] ?? pick(set, 'customSlot', 'slot') ?? index);
    return {
      id, kind, title, help, technologies, slot,
      customHelp: pick(custom, 'help') ?? '',
      customMaxLength: Number(pick(custom, 'maxLength', 'textMaxLength') ?? pick(set, 'customTextMaxLength') ?? customMax),
      customMaxEntries: Number(pick(custom, 'maxEntries') ?? 20),
    };
  }
  if (kind === 'description') {
    const text = pick(set, 'text') ?? {};
    return {
      id, kind, title,
      help: pick(set, 'guidance', 'help') ?? '',
      hint: pick(text, 'hint') ?? pick(set, 'hint', 'placeholder') ?? '',
      maxLength: Number(pick(text, 'maxLength') ?? pick(set, 'maxLength', 'max') ?? 3000),
      defaultText: pick(text, 'default', 'defaultText') ?? pick(set, 'defaultText', 'default', 'defaultValue') ?? '',
      required: pick(set, 'required') ?? true,
    };
  }
  return readAbout(set);
}

function readAbout(set) {
  const fields = (pick(set, 'fields', 'items', 'questions') ?? []).map((field) => {
    const key = String(pick(field, 'key', 'id', 'name'));
    return {
      key,
      label: String(pick(field, 'label', 'title') ?? key),
      maxLength: Number(pick(field, 'maxLength', 'max') ?? 200),
      type: String(pick(field, 'type') ?? 'text'),
      maxItems: Number(pick(field, 'maxItems', 'maxLinks') ?? (key === 'links' ? 3 : 1)),
      multiple: Boolean(pick(field, 'multiple', 'isList') ?? (key === 'links' || pick(field, 'type') === 'links')),
    };
  });
  return {
    id: String(pick(set, 'id', 'key', 'name') ?? 'about-you'), kind: 'about',
    title: String(pick(set, 'title', 'heading') ?? 'About You (optional)'),
    help: pick(set, 'help', 'description') ?? '', fields,
  };
}

function readQuestion(question) {
  const key = String(pick(question, 'key', 'id', 'name'));
  const ruleJSON = pick(question, 'rule', 'answer') ?? {};
  const type = String(pick(question, 'type', 'control', 'kind') ?? pick(ruleJSON, 'type', 'kind') ?? '').toLowerCase();
  const valueType = pick(question, 'valueType');
  const multiple = ['multiple', 'checkbox', 'checkboxes', 'multi'].includes(type) || valueType === 'string_list'
    || (type === '' && pick(ruleJSON, 'max') > 1);
  const source = { ...ruleJSON, ...question };
  const options = (pick(question, 'options', 'choices') ?? []).map((option) =>
    typeof option === 'object' ? { value: String(pick(option, 'value', 'key')), label: String(pick(option, 'label', 'value')) }
      : { value: String(option), label: String(option) });
  let defaults = pick(question, 'defaultValues', 'defaults', 'default', 'defaultValue') ?? [];
  if (!Array.isArray(defaults)) defaults = [defaults];
  return {
    key,
    label: String(pick(question, 'label', 'title', 'text') ?? key),
    help: pick(question, 'help', 'description') ?? '',
    multiple,
    min: Number(pick(source, 'min', 'minimum', 'minPicks') ?? 1),
    max: Number(pick(source, 'max', 'maximum', 'maxPicks') ?? (multiple ? options.length : 1)),
    adjacentOnly: Boolean(pick(source, 'adjacentOnly', 'adjacent')),
    columnsSplitAfter: pick(source, 'columnsSplitAfter', 'columns'),
    numeric: pick(question, 'valueType') === 'integer' || Boolean(pick(source, 'numeric')),
    options,
    defaults: defaults.map(String),
    messages: pick(question, 'messages', 'errors') ?? {},
  };
}
