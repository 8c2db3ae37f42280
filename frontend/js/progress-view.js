// The progress view: the six steps as a list with the current one marked (in words as well as colour), the
// bar, the time so far, the live counts that mean something at this step, why the search stopped early, and
// what was understood of the answers once the API has it.
import { byId, clear, h } from './dom.js';
import { percentDone } from './progress.js';
import { renderUnderstood } from './understood.js';

/** The steps in order, as the API names their phases. */
export const STEPS = [
  ['profiling', 'Building your profile'],
  ['querying', 'Choosing search queries'],
  ['searching', 'Searching the job boards'],
  ['scoring', 'Scoring the job ads'],
  ['planning', 'Planning your letters'],
  ['writing', 'Writing your letters'],
];

/** Minutes and seconds: `0:07`, `12:30`. */
export function clockText(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The counts worth showing at this point of the job, as `[name, value, note?]` rows. */
export function countRows(progress) {
  const step = progress.step ?? 0;
  const counts = progress.counts ?? {};
  const rows = [];
  if ((counts.queries_total ?? 0) > 0) {
    const row = ['Search queries', `${counts.queries_done ?? 0} of ${counts.queries_total}`];
    if (progress.search_stop) row.push('stopped early');
    rows.push(row);
  }
  if (step >= 3) rows.push(['Job ads found', String(counts.listings_found ?? 0)]);
  if (step >= 4) rows.push(['Job ads scored', `${counts.listings_scored ?? 0} of ${counts.listings_found ?? 0}`]);
  if (step >= 5 && (counts.letters_total ?? 0) > 0) {
    rows.push(['Letters written', `${counts.letters_written ?? 0} of ${counts.letters_total}`]);
  }
  return rows;
}

export class ProgressView {
  constructor() {
    this.startedAt = null;
    this.ticker = null;
    const list = clear(byId('progress-steps'));
    for (const [phase, title] of STEPS) {
      list.append(h('li', { 'data-phase': phase },
        h('span', { class: 'step-title', text: title }), ' ', h('span', { class: 'step-state' })));
    }
  }

  /** A fresh view for a job: nothing known yet but that it exists. */
  reset() {
    byId('progress-title').textContent = 'Searching…';
    byId('progress-trouble').hidden = true;
    this.stop();
    this.startedAt = null;
    byId('progress-elapsed').textContent = clockText(0);
    this.render({ step: 0, step_count: STEPS.length, counts: {} });
  }

  /** Shows a progress body of `GET /api/progress/{id}`. */
  render(progress) {
    byId('progress-trouble').hidden = true;
    const step = progress.step ?? 0;
    const current = STEPS[step - 1];
    byId('progress-step').textContent = current
      ? `Step ${step} of ${progress.step_count || STEPS.length}: ${current[1]}`
      : 'Waiting for the search to start';
    const percent = percentDone(progress);
    const bar = byId('progress-bar');
    bar.value = percent;
    bar.textContent = `${percent}%`;
    byId('progress-steps').querySelectorAll('li').forEach((item, index) => {
      const state = index + 1 < step ? 'done' : index + 1 === step ? 'current' : 'pending';
      if (item.dataset.state === state) return;
      item.dataset.state = state;
      if (state === 'current') item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
      const mark = state === 'done' ? h('span', { 'aria-hidden': 'true', text: '✓ ' }) : '';
      clear(item.querySelector('.step-state')).append(mark, { done: 'done', current: 'in progress', pending: '' }[state]);
    });
    const rows = countRows(progress);
    const list = byId('progress-counts');
    if (list.dataset.key !== JSON.stringify(rows)) {
      list.dataset.key = JSON.stringify(rows);
      clear(list).append(...rows.map(([name, value, note]) => h('div', {},
        h('dt', { text: name }), h('dd', { text: value }), note ? h('dd', { class: 'count-note', text: note }) : null)));
    }
    const note = byId('progress-note');
    note.textContent = progress.search_stop?.message ?? '';
    note.hidden = !progress.search_stop;
    renderUnderstood(byId('progress-understood'), progress.profile_summary);
    if (progress.created_at) this.startClock(Date.parse(progress.created_at));
    if (progress.status === 'cancelling') this.showCancelling();
  }

  showCancelling() {
    byId('progress-title').textContent = 'Cancelling…';
    const cancel = byId('cancel-button');
    cancel.disabled = true;
    cancel.textContent = 'Cancelling…';
  }

  /** Counts the time since the job was created, once a second, until `stop()`. */
  startClock(startedAt) {
    if (Number.isNaN(startedAt) || this.startedAt === startedAt) return;
    this.startedAt = startedAt;
    const tick = () => { byId('progress-elapsed').textContent = clockText((Date.now() - this.startedAt) / 1000); };
    clearInterval(this.ticker);
    this.ticker = setInterval(tick, 1000);
    tick();
  }

  stop() {
    clearInterval(this.ticker);
    this.ticker = null;
  }
}
