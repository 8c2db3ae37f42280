// One chosen job in the results: title, company and place, the score with why it is what it is (the API's
// score breakdown in plain words), the skills the ad asks for that the person has and lacks, who wrote the
// letter (flagged when the fallback writer did), a preview of the letter's text, and its download.
import { h } from './dom.js';

/** A score as a whole number out of 100 (the API may send 0…1 or 0…100). */
export function scoreOutOf100(score) {
  const value = Number(score);
  if (!Number.isFinite(value)) return null;
  return Math.round(value <= 1 && !Number.isInteger(value) ? value * 100 : value);
}

/** Names of the score's parts, as the page labels them. */
export const PART_NAMES = {
  skills: 'Skills', level: 'Level', recency: 'Freshness', role: 'Role', location: 'Place',
  excluded_role: 'Ruled-out role', relocation: 'Moving',
};

/** What held a score back, in words: a penalty, or a part that gave less than half of what it could. */
const HELD_BACK = {
  skills: 'the skills', level: 'the level', recency: "the ad's age", role: 'the kind of role', location: 'the place',
  excluded_role: 'a kind of role you ruled out', relocation: 'a move you do not want',
};

/** "Held back by: the place (+3 of 18), a move you do not want (−35)." or null when nothing did. */
export function heldBack(parts) {
  const weak = parts.filter((part) => part.points < 0 || (part.max_points > 0 && part.points * 2 < part.max_points));
  if (weak.length === 0) return null;
  return `Held back by: ${weak.map((part) => `${HELD_BACK[part.kind] ?? part.kind} (${pointsText(part)})`).join(', ')}.`;
}

/** `+31 of 43` for a part, `−35` for a penalty. */
export function pointsText(part) {
  return part.points < 0 ? `−${-part.points}` : `+${part.points} of ${part.max_points}`;
}

function skillList(label, names, kind) {
  if (!names?.length) return null;
  return h('div', { class: `skill-group ${kind}` },
    h('p', { class: 'skill-label', text: `${label}:` }),
    h('ul', { class: `skills ${kind}`, 'aria-label': label }, names.map((name) => h('li', { text: name }))));
}

/** The "Why this score" block, or the matched skills alone for results stored before breakdowns existed. */
function explanation(job, score, titleID) {
  const breakdown = job.score_breakdown;
  if (!breakdown) {
    const skills = job.matched_skills ?? [];
    return skills.length > 0
      ? skillList('Matched skills', skills, 'matched')
      : h('p', { class: 'muted', text: 'No listed skills matched directly.' });
  }
  const parts = breakdown.parts ?? [];
  const lowered = heldBack(parts);
  return h('details', { class: 'why', open: true },
    h('summary', { 'aria-describedby': titleID }, `Why ${score === null ? 'this score' : `${score}/100`}`),
    h('ul', { class: 'score-parts' }, parts.map((part) =>
      h('li', { class: part.points < 0 ? 'penalty' : null, 'data-kind': part.kind },
        h('span', { class: 'part-name', text: PART_NAMES[part.kind] ?? part.kind }),
        h('span', { class: 'part-points', text: pointsText(part) }),
        h('span', { class: 'part-text', text: part.text })))),
    lowered ? h('p', { class: 'lowered', text: lowered }) : null,
    skillList('Required skills you have', breakdown.matched_required, 'matched'),
    skillList('Nice-to-haves you have', breakdown.matched_nice_to_have, 'matched'),
    skillList('Required skills you did not list', breakdown.missing_required, 'missing'),
    skillList('Nice-to-haves you did not list', breakdown.missing_nice_to_have, 'missing'));
}

/** Who wrote the letter: the language model, or the offline writer standing in for it (and why). */
export function writerNote(job) {
  if (!job.letter_file_name || !job.letter_writer) return null;
  if (job.letter_fallback_reason) {
    return h('p', { class: 'letter-writer fallback', 'data-writer': job.letter_writer },
      h('strong', { text: 'Fallback letter: ' }), 'written by the offline writer',
      h('span', { class: 'muted', text: ` (the AI writer's letter could not be used: ${job.letter_fallback_reason})` }));
  }
  const who = job.letter_writer === 'offline' ? 'the offline writer' : `the AI writer (${job.letter_writer})`;
  return h('p', { class: 'letter-writer muted', 'data-writer': job.letter_writer, text: `Letter written by ${who}.` });
}

/** The letter's words as the document prints them, with what the document adds around them. */
function preview(job, id) {
  const text = job.letter_preview;
  return h('section', { class: 'letter-preview', id, hidden: true, 'aria-label': `Letter for ${job.title} at ${job.company}` },
    h('p', { class: 'preview-note muted' },
      job.letter_fallback_reason ? h('strong', { text: 'Fallback letter (offline writer). ' }) : null,
      'The document adds your contact details from “About you”, the date, the company and the role.'),
    h('div', { class: 'letter-text', lang: { English: 'en', Finnish: 'fi' }[text.language] ?? null },
      h('p', { text: text.salutation }),
      (text.paragraphs ?? []).map((paragraph) => h('p', { text: paragraph })),
      text.closing ? h('p', { text: text.closing }) : null));
}

/** The card of the job at `index`; `download(fileName)` starts a letter's download. */
export function jobCard(job, index, download) {
  const score = scoreOutOf100(job.score);
  const titleID = `job-title-${index}`;
  const previewID = `letter-preview-${index}`;
  const title = job.url
    ? h('a', { href: job.url, target: '_blank', rel: 'noopener noreferrer' }, job.title || 'Job ad',
      h('span', { class: 'visually-hidden', text: ' (opens in a new tab)' }))
    : job.title || 'Job ad';
  // Visible words first, then what they are for (hidden), so the accessible name contains the label.
  const forJob = () => h('span', { class: 'visually-hidden', text: ` for ${job.title} at ${job.company}` });
  const card = h('li', { class: 'job-card', 'aria-labelledby': titleID },
    h('h3', { id: titleID }, title),
    h('p', { class: 'job-meta' },
      score === null ? null : h('span', { class: score < 40 ? 'score low' : 'score', text: `Match ${score}/100` }),
      [job.company, job.location].filter(Boolean).join(' · ')),
    explanation(job, score, titleID),
    writerNote(job),
    h('div', { class: 'job-actions' },
      job.letter_preview
        ? h('button', { type: 'button', class: 'button preview-letter', 'aria-expanded': 'false', 'aria-controls': previewID },
          h('span', { class: 'label', text: 'Preview letter' }), forJob())
        : null,
      job.letter_file_name
        ? h('button', {
          type: 'button', class: 'button download-letter', 'data-file': job.letter_file_name,
          onclick: () => download(job.letter_file_name),
        }, 'Download letter', forJob())
        : null,
      job.url ? h('a', { href: job.url, target: '_blank', rel: 'noopener noreferrer', text: 'Open the ad' }) : null),
    job.letter_preview ? preview(job, previewID) : null);
  const toggle = card.querySelector('.preview-letter');
  toggle?.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    toggle.querySelector('.label').textContent = open ? 'Hide preview' : 'Preview letter';
    card.querySelector('.letter-preview').hidden = !open;
  });
  return card;
}
