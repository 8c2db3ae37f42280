// The page's controller: loads the questionnaire, submits, watches progress, shows results, the
// cancelled/error/timed-out endings and the rate-limit wait. Answers stay in the form throughout.
import { ApiError, api, startErrorMessage } from './api.js';
import { byId, clear, h } from './dom.js';
import { QuestionnaireForm } from './form.js';
import { buildPayload } from './payload.js';
import { ProgressWatcher, percentDone } from './progress.js';
import { QuestionnaireError, readQuestionnaire } from './questionnaire.js';
import { ResultsView } from './results.js';
import { loadAnswers } from './saved-answers.js';
import { serverErrors } from './validation.js';

const VIEWS = ['loading', 'load-error', 'form', 'progress', 'results', 'ended', 'rate-limit'];

const PHASE_TITLES = {
  profiling: 'Building your profile',
  querying: 'Choosing search queries',
  searching: 'Searching the job boards',
  scoring: 'Scoring the job ads',
  planning: 'Planning your letters',
  writing: 'Writing your letters',
};

const ENDINGS = {
  cancelled: ['Search cancelled', 'You cancelled the search. Your answers are kept: change them if you like and search again.'],
  error: ['The search failed', 'Something went wrong while we searched. Your answers are kept, so you can simply try again.'],
  timed_out: ['The search took too long', 'The search did not finish in time. Searching fewer boards, turning deep search off or asking for fewer letters makes it quicker. Your answers are kept.'],
  lost: ['We lost track of this search', 'The server no longer knows this search; it may have expired. Your answers are kept, so you can search again.'],
};

class App {
  constructor() {
    this.form = null;
    this.watcher = null;
    this.jobID = null;
    this.countdown = null;
    this.pendingPayload = null;
    this.results = new ResultsView();
    byId('questionnaire').addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    byId('load-retry').addEventListener('click', () => this.load());
    byId('cancel-button').addEventListener('click', () => this.cancel());
    byId('rate-edit').addEventListener('click', () => this.backToForm());
    for (const button of document.querySelectorAll('.search-again')) button.addEventListener('click', () => this.backToForm());
  }

  show(name, { focus = true } = {}) {
    for (const view of VIEWS) byId(`view-${view}`).hidden = view !== name;
    document.body.dataset.view = name;
    if (focus) byId(`view-${name}`).querySelector('h2').focus();
  }

  async load() {
    this.show('loading', { focus: false });
    try {
      const model = readQuestionnaire(await api.questionnaire());
      this.form = new QuestionnaireForm(model);
      const saved = loadAnswers();
      if (saved) this.form.restore(saved);
      this.show('form', { focus: false });
    } catch (error) {
      byId('load-error-text').textContent = error instanceof QuestionnaireError
        ? `The questionnaire from the server is not usable: ${error.message}.`
        : error instanceof ApiError && error.status === 0
          ? 'The server could not be reached. Check your connection and try again.'
          : 'The server could not send the questionnaire. Please try again in a moment.';
      this.show('load-error');
    }
  }

  submit() {
    byId('start-error').hidden = true;
    const answers = this.form.checkedAnswers();
    if (!answers) return;
    this.start(buildPayload(this.form.model, answers));
  }

  async start(payload) {
    const button = byId('search-button');
    button.disabled = true;
    button.textContent = 'Starting…';
    try {
      const started = await api.start(payload);
      this.watch(started.job_id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 422) {
        this.show('form', { focus: false });
        this.form.showServerErrors(serverErrors(error.body));
      } else if (error.status === 429) {
        this.rateLimited(payload, error.retryAfter ?? 60);
      } else {
        this.show('form', { focus: false });
        const notice = byId('start-error');
        notice.textContent = startErrorMessage(error);
        notice.hidden = false;
        notice.focus?.();
      }
    } finally {
      button.disabled = false;
      button.textContent = 'Search';
    }
  }

  rateLimited(payload, seconds) {
    this.pendingPayload = payload;
    const until = Date.now() + seconds * 1000;
    const label = byId('rate-countdown');
    const status = byId('rate-status');
    status.textContent = '';
    const tick = () => {
      const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      const minutes = Math.floor(left / 60);
      label.textContent = `${minutes}:${String(left % 60).padStart(2, '0')}`;
      label.setAttribute('aria-label', `${minutes} minutes ${left % 60} seconds`);
      if (left === 0) {
        this.stopCountdown();
        status.textContent = 'Trying again…';
        this.pendingPayload = null;
        this.start(payload);
      }
    };
    this.stopCountdown();
    this.countdown = setInterval(tick, 250);
    tick();
    if (this.pendingPayload) this.show('rate-limit');
  }

  stopCountdown() {
    if (this.countdown) clearInterval(this.countdown);
    this.countdown = null;
  }

  watch(jobID) {
    this.jobID = jobID;
    const cancel = byId('cancel-button');
    cancel.disabled = false;
    cancel.textContent = 'Cancel';
    byId('progress-title').textContent = 'Searching…';
    byId('progress-trouble').hidden = true;
    this.renderProgress({ step: 0, step_count: 6, message: 'Starting the search…', counts: {} });
    this.show('progress');
    this.watcher?.stop();
    this.watcher = new ProgressWatcher(jobID, api.progress, {
      update: (body) => this.renderProgress(body),
      final: (body) => this.finished(body),
      lost: () => this.ended('lost'),
      trouble: (error, delay) => {
        const notice = byId('progress-trouble');
        notice.textContent = `${error.status === 0 ? 'Connection lost' : `The server answered ${error.status}`}; trying again in ${Math.round(delay / 1000)} s.`;
        notice.hidden = false;
      },
    }).start();
  }

  renderProgress(body) {
    byId('progress-trouble').hidden = true;
    const steps = body.step_count || 6;
    byId('progress-step').textContent = body.step > 0
      ? `Step ${body.step} of ${steps}: ${PHASE_TITLES[body.phase] ?? body.message ?? 'Working'}`
      : 'Waiting for the search to start';
    byId('progress-message').textContent = body.message ?? '';
    const percent = percentDone(body);
    const bar = byId('progress-bar');
    bar.value = percent;
    bar.textContent = `${percent}%`;
    const counts = body.counts ?? {};
    const rows = [
      ['Search queries', `${counts.queries_done ?? 0} / ${counts.queries_total ?? 0}`],
      ['Job ads found', counts.listings_found ?? 0],
      ['Job ads scored', counts.listings_scored ?? 0],
      ['Letters written', `${counts.letters_written ?? 0} / ${counts.letters_total ?? 0}`],
    ];
    clear(byId('progress-counts')).append(...rows.map(([name, value]) =>
      h('div', {}, h('dt', { text: name }), h('dd', { text: String(value) }))));
    if (body.status === 'cancelling') {
      byId('progress-title').textContent = 'Cancelling…';
      const cancel = byId('cancel-button');
      cancel.disabled = true;
      cancel.textContent = 'Cancelling…';
    }
  }

  finished(body) {
    if (body.status === 'complete') {
      this.results.show(body);
      this.show('results');
    } else {
      this.ended(body.status, body.error);
    }
  }

  ended(kind, detail) {
    const [title, text] = ENDINGS[kind] ?? ENDINGS.error;
    byId('ended-title').textContent = title;
    byId('ended-text').textContent = text;
    byId('ended-detail').textContent = detail ? `Details: ${detail}` : '';
    document.body.dataset.ending = kind;
    this.show('ended');
  }

  async cancel() {
    const button = byId('cancel-button');
    button.disabled = true;
    button.textContent = 'Cancelling…';
    byId('progress-title').textContent = 'Cancelling…';
    try {
      await api.cancel(this.jobID);
    } catch (error) {
      if (error instanceof ApiError && error.status === 0) {
        button.disabled = false;
        button.textContent = 'Cancel';
        const notice = byId('progress-trouble');
        notice.textContent = 'The cancel request did not reach the server; please press Cancel again.';
        notice.hidden = false;
        return;
      }
      // 409: the job had already finished; 404: it is gone. The next poll tells which.
    }
    this.watcher?.now();
  }

  backToForm() {
    this.watcher?.stop();
    this.stopCountdown();
    this.pendingPayload = null;
    delete document.body.dataset.ending;
    this.show('form');
    this.form.show(0);
  }
}

new App().load();
