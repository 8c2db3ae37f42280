// The example profile behind "Fill with an example": a web developer, for trying the page (and the offline
// stack) without typing. Nothing is preset otherwise. The technologies are the questionnaire's own presets
// (each slider's `default`: JavaScript, HTML/CSS, SQL and Python at over three years).

const GENERAL = {
  'job-level': ['Intermediate', 'Entry'],
  'job-boards': ['Duunitori', 'Jobly'],
  'deep-mode': 'No',
  'cover-letter-num': '2',
  'cover-letter-style': ['Professional', 'Friendly'],
};

const DESCRIPTION = 'I build web applications with Python and JavaScript and keep their data in SQL databases. '
  + 'I would like a backend or full-stack developer role in Helsinki or remote, in a team that reviews code together '
  + 'and helps each other learn.';

/** The example as saved answers (the shape `QuestionnaireForm.fill` takes) and a sentence saying what it is. */
export function exampleAnswers(model) {
  const technologies = {};
  const custom = {};
  const named = [];
  for (const set of model.sets.filter((candidate) => candidate.kind === 'technologies')) {
    technologies[set.id] = Object.fromEntries(set.technologies.map((tech) => [tech.key, tech.defaultYears || 0]));
    custom[set.id] = [];
    named.push(...set.technologies.filter((tech) => tech.defaultYears > 0).map((tech) => tech.label));
  }
  const general = Object.fromEntries(model.sets.filter((set) => set.kind === 'general')
    .flatMap((set) => set.questions).filter((question) => question.key in GENERAL)
    .map((question) => [question.key, GENERAL[question.key]]));
  const skills = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named.join('');
  return {
    answers: { general, technologies, custom, description: DESCRIPTION },
    summary: `a web developer${skills ? ` with ${skills}` : ''}, looking for backend or full-stack work in Helsinki or remote`,
  };
}
