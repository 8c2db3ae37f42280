// "What we understood from your answers": the API's profile summary (short phrases and the searches run, each
// with its reason), shown while the job runs and with the results.
import { clear, h } from './dom.js';

/** Fills `container` with the summary, or hides it when there is none yet. Unchanged summaries are left alone. */
export function renderUnderstood(container, summary, { finished = false } = {}) {
  const key = summary ? JSON.stringify([summary, finished]) : '';
  if (container.dataset.key === key) return;
  container.dataset.key = key;
  clear(container);
  container.hidden = !summary;
  if (!summary) return;
  const phrases = summary.understood ?? [];
  const queries = summary.queries ?? [];
  container.append(
    h('h3', { text: 'What we understood from your answers' }),
    phrases.length > 0
      ? h('ul', { class: 'understood-list' }, phrases.map((phrase) => h('li', { text: phrase })))
      : h('p', { class: 'muted', text: 'Your description names no roles, places or levels, so the search follows your technologies and job levels.' }),
    queries.length > 0
      ? h('details', { class: 'queries' },
        h('summary', { text: `The ${queries.length} searches we ${finished ? 'ran' : 'run'}` }),
        h('ul', {}, queries.map((query) => h('li', {}, h('strong', { text: query.text }), query.reason ? ` – ${query.reason}` : ''))))
      : null);
}
