// The results view: what was understood of the answers, the chosen jobs (cards in job-card.js), one download
// per letter and "Download all (.zip)". Download links come from GET /api/download/{id} and are refreshed
// before they expire.
import { api } from './api.js';
import { byId, clear, h } from './dom.js';
import { jobCard } from './job-card.js';
import { renderUnderstood } from './understood.js';

export { scoreOutOf100 } from './job-card.js';

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
    const stopped = progress.search_stop ? ` ${progress.search_stop.message}` : '';
    byId('results-summary').textContent = jobs.length === 0
      ? 'We found no jobs that match your answers this time. Try other job boards, more technologies or a different job level.'
      : `We chose ${jobs.length} job${jobs.length === 1 ? '' : 's'} for you and wrote ${letters.length} cover letter${letters.length === 1 ? '' : 's'}. `
        + `Each job says why it scored as it did.${stopped}`;
    renderUnderstood(byId('results-understood'), progress.profile_summary, { finished: true });
    byId('download-all').hidden = letters.length === 0;
    byId('download-status').textContent = '';
    const list = clear(byId('job-list'));
    const download = (fileName) => this.download(fileName);
    jobs.forEach((job, index) => list.append(jobCard(job, index, download)));
    const linked = new Set(jobs.map((job) => job.letter_file_name).filter(Boolean));
    for (const fileName of letters.filter((name) => !linked.has(name))) {
      list.append(h('li', { class: 'job-card' }, h('h3', { text: fileName }),
        h('button', { type: 'button', class: 'button', text: 'Download letter', onclick: () => this.download(fileName) })));
    }
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
