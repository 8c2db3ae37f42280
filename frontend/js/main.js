// The page's controller: loads the questionnaire, submits, follows a job (its id in the address and the tab's
// storage, so a reload, back/forward or the link opened again show its progress or results), shows the
// cancelled/error/timed-out endings and the rate-limit wait. Answers stay in the form throughout.
import { ApiError, api, startErrorMessage } from './api.js';
import { byId } from './dom.js';
import { ask } from './dialog.js';
import { exampleAnswers } from './example-profile.js';
import { QuestionnaireForm } from './form.js';
import { addressFor, closeJob, forgetJob, jobInAddress, openJob, rememberJob, rememberedJob } from './job-link.js';
import { buildPayload } from './payload.js';
import { FINAL_STATUSES, ProgressWatcher } from './progress.js';
import { ProgressView } from './progress-view.js';
import { QuestionnaireError, readQuestionnaire } from './questionnaire.js';
import { ResultsView } from './results.js';
import { loadAnswers } from './saved-answers.js';
import { serverErrors } from './validation.js';

const VIEWS = ['loading', 'load-error', 'form', 'progress', 'results', 'ended', 'rate-limit'];

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
    this.submitting = false;
    this.progress = new ProgressView();
    this.results = new ResultsView();
    byId('questionnaire').addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    byId('load-retry').addEventListener('click', () => this.load());
    byId('cancel-button').addEventListener('click', () => this.cancel());
    byId('rate-edit').addEventListener('click', () => this.showForm());
    byId('example-button').addEventListener('click', () => this.fillExample());
    byId('running-link').addEventListener('click', (event) => {
      event.preventDefault();
      const id = rememberedJob();
      if (id) this.openFollowed(id);
    });
    for (const button of document.querySelectorAll('.search-again')) button.addEventListener('click', () => this.searchAgain());
    window.addEventListener('popstate', () => this.route());
  }

  show(name, { focus = true } = {}) {
    for (const view of VIEWS) byId(`view-${view}`).hidden = view !== name;
    document.body.dataset.view = name;
    if (focus) byId(`view-${name}`).querySelector('h2').focus();
  }

  async load() {
    byId('loading-title').textContent = 'Loading the questionnaire…';
    this.show('loading', { focus: false });
    try {
      const model = readQuestionnaire(await api.questionnaire());
      this.form = new QuestionnaireForm(model);
      const saved = loadAnswers();
      if (saved) this.form.restore(saved);
    } catch (error) {
      byId('load-error-text').textContent = error instanceof QuestionnaireError
        ? `The questionnaire from the server is not usable: ${error.message}.`
        : error instanceof ApiError && error.status === 0
          ? 'The server could not be reached. Check your connection and try again.'
          : 'The server could not send the questionnaire. Please try again in a moment.';
      this.show('load-error');
      return;
    }
    this.route({ focus: false });
  }

  /** Shows what the address names: a job's progress or results, or the form. */
  route({ focus = true } = {}) {
    if (!this.form) return;
    const jobID = jobInAddress();
    if (jobID) {
      rememberJob(jobID);
      if (jobID !== this.jobID || !this.watcher) this.follow(jobID, { resumed: true });
    } else {
      this.showForm({ focus });
    }
  }

  /** The form, with a note when this tab has a search it left (back button, the bare address). */
  showForm({ focus = true } = {}) {
    this.stopFollowing();
    this.stopCountdown();
    this.pendingPayload = null;
    delete document.body.dataset.ending;
    this.show('form', { focus });
    this.form.show(0);
    this.noteLeftSearch();
  }

  async noteLeftSearch() {
    const notice = byId('running-notice');
    notice.hidden = true;
    const jobID = rememberedJob();
    if (!jobID) return;
    const status = await this.statusOf(jobID);
    if (status === null || jobInAddress() || rememberedJob() !== jobID) return;
    byId('running-text').textContent = FINAL_STATUSES.has(status)
      ? 'Your last search has ended.'
      : 'A search you started is still running.';
    byId('running-link').href = addressFor(jobID);
    notice.hidden = false;
  }

  /** A job's status, or null when it is unknown (then it is forgotten) or the server cannot say. */
  async statusOf(jobID) {
    try {
      return (await api.progress(jobID)).status;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) forgetJob();
      return null;
    }
  }

  async fillExample() {
    if (this.form.hasOwnAnswers()) {
      const choice = await ask({
        title: 'Replace your answers with the example?',
        text: 'The example sets the general questions, the technologies and the description. Your “About you” details are kept.',
        choices: [{ value: 'replace', label: 'Replace with the example', primary: true }, { value: 'keep', label: 'Keep my answers' }],
      });
      if (choice !== 'replace') return;
    }
    const example = exampleAnswers(this.form.model);
    this.form.fill(example.answers);
    byId('example-status').textContent = `Filled in an example: ${example.summary}. Change anything you like before you search.`;
  }

  async submit() {
    if (this.submitting) return; // a second press while the first is being checked or sent
    byId('start-error').hidden = true;
    const answers = this.form.checkedAnswers();
    if (!answers) return;
    this.submitting = true;
    try {
      const payload = buildPayload(this.form.model, answers);
      if (await this.mayStartAnother()) await this.start(payload);
    } finally {
      this.submitting = false;
    }
  }

  /** Asks first when this tab's last search is still running: show it, or cancel it and start anew. */
  async mayStartAnother() {
    const running = rememberedJob();
    if (!running) return true;
    const status = await this.statusOf(running);
    if (status === null || FINAL_STATUSES.has(status)) return true;
    const choice = await ask({
      title: 'A search is already running',
      text: 'Your earlier search has not finished. Starting another one uses one more of the searches you may make per hour.',
      choices: [
        { value: 'show', label: 'Show the running search', primary: true },
        { value: 'replace', label: 'Cancel it and search again' },
        { value: 'keep', label: 'Keep editing' },
      ],
    });
    if (choice === 'show') this.openFollowed(running);
    if (choice !== 'replace') return false;
    try {
      await api.cancel(running);
    } catch (error) {
      // 409: it ended meanwhile; 404: it is gone; a network error: the new search fails the same way.
    }
    forgetJob();
    return true;
  }

  /** Follows a job this tab knows, as a new history entry. */
  openFollowed(jobID) {
    openJob(jobID);
    this.follow(jobID, { resumed: true });
  }

  async start(payload) {
    const button = byId('search-button');
    button.disabled = true;
    button.textContent = 'Starting…';
    try {
      const started = await api.start(payload);
      openJob(started.job_id);
      this.follow(started.job_id);
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

  /**
   * Polls a job until it ends. A job the page has just started shows its progress at once; one found in the
   * address (a reload, back/forward, a link) shows "Loading" until the first answer says where it is.
   */
  follow(jobID, { resumed = false } = {}) {
    this.stopFollowing();
    this.jobID = jobID;
    const cancel = byId('cancel-button');
    cancel.disabled = false;
    cancel.textContent = 'Cancel';
    this.progress.reset();
    if (resumed) {
      byId('loading-title').textContent = 'Loading your search…';
      this.show('loading');
    } else {
      this.show('progress');
    }
    this.watcher = new ProgressWatcher(jobID, api.progress, {
      update: (body) => {
        this.progress.render(body);
        if (document.body.dataset.view !== 'progress') this.show('progress');
      },
      final: (body) => this.finished(body),
      lost: () => {
        forgetJob();
        this.ended('lost');
      },
      trouble: (error, delay) => {
        const notice = byId('progress-trouble');
        notice.textContent = `${error.status === 0 ? 'Connection lost' : `The server answered ${error.status}`}; trying again in ${Math.round(delay / 1000)} s.`;
        notice.hidden = false;
        if (document.body.dataset.view === 'loading') this.show('progress');
      },
    }).start();
  }

  stopFollowing() {
    this.watcher?.stop();
    this.watcher = null;
    this.jobID = null;
    this.progress.stop();
  }

  finished(body) {
    this.progress.stop();
    if (body.status === 'complete') {
      this.results.show(body);
      this.show('results');
    } else {
      this.ended(body.status, body.error);
    }
  }

  ended(kind, detail) {
    this.progress.stop();
    const [title, text] = ENDINGS[kind] ?? ENDINGS.error;
    byId('ended-title').textContent = title;
    byId('ended-text').textContent = text;
    byId('ended-detail').textContent = detail ? `Details: ${detail}` : '';
    document.body.dataset.ending = kind;
    this.show('ended');
  }

  async cancel() {
    this.progress.showCancelling();
    try {
      await api.cancel(this.jobID);
    } catch (error) {
      if (error instanceof ApiError && error.status === 0) {
        const button = byId('cancel-button');
        button.disabled = false;
        button.textContent = 'Cancel';
        byId('progress-title').textContent = 'Searching…';
        const notice = byId('progress-trouble');
        notice.textContent = 'The cancel request did not reach the server; please press Cancel again.';
        notice.hidden = false;
        return;
      }
      // 409: the job had already finished; 404: it is gone. The next poll tells which.
    }
    this.watcher?.now();
  }

  /** "Search again": forgets the job (the address loses `?job=`) and returns to the kept answers. */
  searchAgain() {
    closeJob();
    this.showForm();
  }
}

new App().load();
