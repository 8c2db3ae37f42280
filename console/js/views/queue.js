// The async queue: pending events with their attempts and next retry, dead letters with their error;
// replay and delete.

import { api, segment } from '../api.js';
import { badge, failure, h, pre, replace, table } from '../dom.js';
import { errorSummary, prettyJSON, relative, short, time } from '../format.js';
import { onInvocations } from '../live.js';

export async function queueView(container) {
  const pendingBox = h('div', { id: 'pending' });
  const lettersBox = h('div', { id: 'dead-letters' });
  const message = h('p', { id: 'queue-message', role: 'status', class: 'small' });
  replace(container,
    h('h2', { text: 'Async queue' }),
    h('p', { class: 'muted', text: 'Event invocations wait here between attempts; those that fail every attempt (or expire) without an OnFailure destination become dead letters.' }),
    message,
    h('section', { class: 'panel', 'aria-labelledby': 'pending-title' }, h('h3', { id: 'pending-title', text: 'Pending events' }), pendingBox),
    h('section', { class: 'panel', 'aria-labelledby': 'letters-title' }, h('h3', { id: 'letters-title', text: 'Dead letters' }), lettersBox));

  const act = async (label, call) => {
    try {
      await call();
      message.textContent = label;
      message.className = 'small ok';
    } catch (error) {
      message.textContent = error.message;
      message.className = 'small error';
    }
    await refresh();
  };

  let shown = null;
  const refresh = async () => {
    let queue;
    try {
      queue = await api.get('queue');
    } catch (error) {
      replace(pendingBox, failure(error));
      shown = null;
      return;
    }
    // Redrawn only when something changed (or a retry's countdown moves), so an opened event stays open.
    const fingerprint = JSON.stringify(queue);
    if (fingerprint === shown && !queue.pending.some((event) => event.nextAttemptAt)) return;
    shown = fingerprint;
    const now = Date.now();
    replace(pendingBox, queue.pending.length ? table(
      ['Id', 'Function', { name: 'Request id', class: 'nowrap' }, 'Attempts', 'State', 'Next attempt',
        { name: 'Last error', class: 'grow' }, { name: '', class: 'nowrap' }],
      queue.pending.map((event) => ({
        attributes: { 'data-event-id': event.id },
        cells: [
          String(event.id), event.function, h('code', { title: event.requestID, text: short(event.requestID) }),
          String(event.attempts), event.inFlight ? badge('running') : badge('waiting', 'timeout'),
          event.inFlight ? '–' : event.nextAttemptAt ? `${time(event.nextAttemptAt)} (${relative(event.nextAttemptAt, now)})` : 'now',
          event.lastError ? h('span', { class: 'error small', text: errorSummary(event.lastError) }) : '–',
          event.inFlight ? '' : h('button', { type: 'button', class: 'button small danger', text: 'Delete',
            onclick: () => confirm(`Delete event ${event.id}? It will not run.`) && act(`Deleted event ${event.id}.`, () => api.delete(`queue/pending/${event.id}`)) }),
        ],
      }))) : h('p', { class: 'muted', text: 'No event waits.' }));
    replace(lettersBox, queue.deadLetters.length ? table(
      ['Id', 'Function', { name: 'Request id', class: 'nowrap' }, { name: 'Attempts', class: 'wide' },
        { name: 'Condition', class: 'wide' }, { name: 'Failed', class: 'nowrap' }, { name: 'Error and event', class: 'grow' },
        { name: '', class: 'nowrap' }],
      queue.deadLetters.map((letter) => ({
        attributes: { 'data-letter-id': letter.id, 'data-request-id': letter.requestID },
        cells: [
          String(letter.id), letter.function,
          h('a', { href: `#/invocations?search=${segment(letter.requestID)}`, title: letter.requestID, text: short(letter.requestID) }),
          String(letter.attempts), letter.condition, time(letter.failedAt),
          [h('div', { class: 'error small letter-error', text: errorSummary(letter.error) }),
            h('details', {}, h('summary', { text: 'event' }), pre(prettyJSON(letter.payload)))],
          h('span', { class: 'actions' },
            h('button', { type: 'button', class: 'button small primary replay', text: 'Replay',
              onclick: () => act(`Replayed dead letter ${letter.id}: it runs again within a second.`, () => api.post(`queue/dead-letters/${letter.id}/replay`)) }),
            h('button', { type: 'button', class: 'button small danger', text: 'Delete',
              onclick: () => confirm(`Delete dead letter ${letter.id}?`) && act(`Deleted dead letter ${letter.id}.`, () => api.delete(`queue/dead-letters/${letter.id}`)) })),
        ],
      }))) : h('p', { class: 'muted', text: 'No dead letter.' }));
  };
  await refresh();

  // Retries and dead letters follow Event invocations; times move on too, so refresh on both.
  let scheduled = null;
  const soon = () => { if (!scheduled) scheduled = setTimeout(() => { scheduled = null; refresh(); }, 300); };
  const stop = onInvocations((records, truncated) => {
    if (truncated || records.some((record) => record.type === 'Event')) soon();
  });
  const timer = setInterval(refresh, 2000);
  return () => {
    stop();
    clearInterval(timer);
    if (scheduled) clearTimeout(scheduled);
  };
}
