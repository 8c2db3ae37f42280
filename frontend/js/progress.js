// Polls GET /api/progress/{id} until the job reaches a final status. Network errors and 5xx answers back
// off (1 s doubling to 30 s) and are reported; a 404 ends the watch. Time comes from an injectable clock.

export const FINAL_STATUSES = new Set(['complete', 'cancelled', 'error', 'timed_out']);

const browserClock = {
  now: () => Date.now(),
  after: (milliseconds, action) => {
    const handle = setTimeout(action, milliseconds);
    return () => clearTimeout(handle);
  },
};

export class ProgressWatcher {
  /**
   * `fetchProgress(jobID, signal)` returns the progress body or throws an ApiError;
   * `handlers`: `update(body)`, `final(body)`, `lost(error)`, `trouble(error, retryInMs)`.
   */
  constructor(jobID, fetchProgress, handlers, { interval = 1000, maxDelay = 30000, clock = browserClock } = {}) {
    this.jobID = jobID;
    this.fetchProgress = fetchProgress;
    this.handlers = handlers;
    this.interval = interval;
    this.maxDelay = maxDelay;
    this.clock = clock;
    this.failures = 0;
    this.stopped = false;
    this.cancelTimer = null;
    this.controller = null;
  }

  start() {
    this.poll();
    return this;
  }

  /** Polls at once (after a cancel request, say) instead of waiting for the timer. */
  now() {
    if (this.stopped) return;
    this.cancelTimer?.();
    this.controller?.abort();
    this.poll();
  }

  stop() {
    this.stopped = true;
    this.cancelTimer?.();
    this.controller?.abort();
  }

  schedule(delay) {
    if (this.stopped) return;
    this.cancelTimer = this.clock.after(delay, () => this.poll());
  }

  async poll() {
    if (this.stopped) return;
    const controller = new AbortController();
    this.controller = controller;
    let body;
    try {
      body = await this.fetchProgress(this.jobID, controller.signal);
    } catch (error) {
      if (error.name === 'AbortError' || this.stopped || controller !== this.controller) return;
      if (error.status === 404) {
        this.stop();
        this.handlers.lost(error);
        return;
      }
      this.failures += 1;
      const delay = Math.min(this.interval * 2 ** this.failures, this.maxDelay);
      this.handlers.trouble(error, delay);
      this.schedule(delay);
      return;
    }
    if (this.stopped || controller !== this.controller) return;
    this.failures = 0;
    if (FINAL_STATUSES.has(body.status)) {
      this.stop();
      this.handlers.final(body);
      return;
    }
    this.handlers.update(body);
    this.schedule(this.interval);
  }
}

/** The bar's value in percent: finished steps plus the share of the current one the counts tell. */
export function percentDone(progress) {
  const steps = progress.step_count || 6;
  if (!(progress.step > 0)) return 0;
  const step = Math.min(progress.step, steps);
  const counts = progress.counts ?? {};
  const share = (done, total) => (total > 0 ? Math.min(done / total, 1) : 0);
  let within = 0;
  if (progress.phase === 'searching') within = share(counts.queries_done, counts.queries_total);
  else if (progress.phase === 'scoring') within = share(counts.listings_scored, counts.listings_found);
  else if (progress.phase === 'writing') within = share(counts.letters_written, counts.letters_total);
  return Math.round(((step - 1 + within) / steps) * 100);
}
