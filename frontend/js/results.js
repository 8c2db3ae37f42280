// The results view: the chosen jobs with their scores, matched skills and ad links, one download button per
// letter and "Download all (.zip)". Download links come from GET /api/download/{id} and are refreshed
// before they expire.
import { api } from './api.js';
import { byId, clear, h } from './dom.js';

/** A score as a whole number out of 100 (the API may send 0…1 or 0…100). */
export function scoreOutOf100(score) {
  const value = Number(score);
  if (!Number.isFinite(value)) return null;
  return Math.round(value <= 1 && !Number.isInteger(value) ? value * 100 : value);
}

export class ResultsView {
  constructor() {
    this.jobID = null;
    this.links = null;
    this.fetchedAt = 0;
    byId('download-all').addEventListener('click', () => this.download(null));
  }

  /** Renders a complete job's progress body. */
  show(progress) {
    this.jobID = progress.job_id;
    this.links = null;
    const jobs = progress.jobs ?? [];
    const letters = progress.letters ?? [];
    byId('results-summary').textContent = jobs.length === 0
      ? 'We found no jobs that match your answers this time. Try other job boards, more technologies or a different job level.'
      : `We chose ${jobs.length} job${jobs.length === 1 ? '' : 's'} for you and wrote ${letters.length} cover letter${letters.length === 1 ? '' : 's'}.`;
    byId('download-all').hidden = letters.length === 0;
    byId('download-status').textContent = '';
    const list = clear(byId('job-list'));
    jobs.forEach((job, index) => list.append(this.card(job, index)));
    const linked = new Set(jobs.map((job) => job.letter_file_name).filter(Boolean));
    for (const fileName of letters.filter((name) => !linked.has(name))) {
      list.append(h('li', { class: 'job-card' }, h('h3', { text: fileName }),
        h('button', { type: 'button', class: 'button', text: 'Download letter', onclick: () => this.download(fileName) })));
    }
  }

  card(job, index) {
    const score = scoreOutOf100(job.score);
    const titleID = `job-title-${index}`;
    const title = job.url
      ? h('a', { href: job.url, target: '_blank', rel: 'noopener noreferrer' }, job.title || 'Job ad',
        h('span', { class: 'visually-hidden', text: ' (opens in a new tab)' }))
      : job.title || 'Job ad';
    const skills = job.matched_skills ?? [];
    return h('li', { class: 'job-card', 'aria-labelledby': titleID },
      h('h3', { id: titleID }, title),
      h('p', { class: 'job-meta' },
        score === null ? null : h('span', { class: 'score', text: `Match ${score}/100` }),
        [job.company, job.location].filter(Boolean).join(' · ')),
      skills.length > 0
        ? [h('p', { class: 'visually-hidden', text: 'Matched skills:' }),
          h('ul', { class: 'skills', 'aria-label': 'Matched skills' }, skills.map((skill) => h('li', { text: skill })))]
        : h('p', { class: 'muted', text: 'No listed skills matched directly.' }),
      this.writerNote(job),
      h('div', { class: 'job-actions' },
        job.letter_file_name
          ? h('button', {
            type: 'button', class: 'button download-letter', 'data-file': job.letter_file_name,
            'aria-label': `Download the cover letter for ${job.title} at ${job.company}`,
            text: 'Download letter', onclick: () => this.download(job.letter_file_name),
          })
          : null,
        job.url ? h('a', { href: job.url, target: '_blank', rel: 'noopener noreferrer', text: 'Open the ad' }) : null));
  }

  /** Who wrote the letter: the language model, or the offline writer standing in for it (and why). */
  writerNote(job) {
    if (!job.letter_file_name || !job.letter_writer) return null;
    if (job.letter_fallback_reason) {
      return h('p', { class: 'letter-writer fallback', 'data-writer': job.letter_writer },
        'Letter written by the offline writer as a fallback',
        h('span', { class: 'muted', text: ` (the AI writer's letter could not be used: ${job.letter_fallback_reason})` }));
    }
    const who = job.letter_writer === 'offline' ? 'the offline writer' : `the AI writer (${job.letter_writer})`;
    return h('p', { class: 'letter-writer muted', 'data-writer': job.letter_writer, text: `Letter written by ${who}.` });
  }

  /** Links for every letter and the zip, fetched once and refreshed a minute before they expire. */
  async currentLinks() {
    const lifetime = ((this.links?.expires_in ?? 3600) - 60) * 1000;
    if (!this.links || Date.now() - this.fetchedAt > lifetime) {
      this.links = await api.downloads(this.jobID);
      this.fetchedAt = Date.now();
    }
    return this.links;
  }

  /** Downloads one letter by file name, or the zip when `fileName` is null. */
  async download(fileName) {
    const status = byId('download-status');
    status.textContent = `Preparing ${fileName ?? 'cover-letters.zip'}…`;
    try {
      const links = await this.currentLinks();
      const target = fileName === null ? links.bundle : (links.letters ?? []).find((letter) => letter.file_name === fileName);
      if (!target?.url) throw new Error('missing link');
      const anchor = h('a', { href: target.url, download: target.file_name, hidden: true });
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      status.textContent = `Download started: ${target.file_name}`;
    } catch (error) {
      this.links = null;
      status.textContent = 'The download could not be started. Please try again.';
    }
  }
}
