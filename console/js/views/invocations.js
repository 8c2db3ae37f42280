// Invocations: the newest first, filtered by function, status and text, updated live; one invocation with its
// event, answer and log lines.

import { api, segment } from '../api.js';
import { badge, facts, h, pre, replace, table } from '../dom.js';
import { bytes, milliseconds, prettyJSON, short, time } from '../format.js';
import { onInvocations, seen } from '../live.js';

const STATUSES = ['running', 'success', 'error', 'timeout', 'throttled'];

export async function invocationsView(container, route) {
  if (route.path[0]) return detail(container, route.path[0]);
  const filters = {
    function: route.query.get('function') || '',
    status: route.query.get('status') || '',
    search: route.query.get('search') || '',
  };
  const [functions, page] = await Promise.all([api.get('functions'), api.get('invocations', filters)]);
  seen(page.version);
  const rows = new Map(page.invocations.map((record) => [record.sequence, record]));
  // Drawn rows: a page of the newest; the whole history on request (redrawn up to four times a second).
  let shown = 200;
  const body = h('div', { id: 'invocation-list' });
  const count = h('p', { class: 'muted small', id: 'invocation-count' });

  const functionSelect = h('select', { id: 'filter-function', 'aria-label': 'Function' },
    h('option', { value: '', text: 'All functions' }),
    functions.functions.map((fn) => h('option', { value: fn.name, text: fn.name, selected: fn.name === filters.function })));
  const statusSelect = h('select', { id: 'filter-status', 'aria-label': 'Status' },
    h('option', { value: '', text: 'Any status' }),
    STATUSES.map((status) => h('option', { value: status, text: status, selected: status === filters.status })));
  const search = h('input', { id: 'filter-search', type: 'search', placeholder: 'request id, event or log text', value: filters.search, 'aria-label': 'Search' });
  const apply = () => {
    const query = new URLSearchParams();
    if (functionSelect.value) query.set('function', functionSelect.value);
    if (statusSelect.value) query.set('status', statusSelect.value);
    if (search.value) query.set('search', search.value);
    window.location.hash = `#/invocations${query.toString() ? `?${query}` : ''}`;
  };
  functionSelect.addEventListener('change', apply);
  statusSelect.addEventListener('change', apply);
  search.addEventListener('keydown', (event) => { if (event.key === 'Enter') apply(); });

  replace(container,
    h('h2', { text: 'Invocations' }),
    h('div', { class: 'row filters' }, functionSelect, statusSelect, search, h('button', { type: 'button', class: 'button', text: 'Search', onclick: apply })),
    count, body);

  const render = () => {
    const all = [...rows.values()].sort((a, b) => b.sequence - a.sequence);
    // Only what the server still keeps: older records leave the map as newer ones arrive.
    for (const record of all.slice(page.capacity)) rows.delete(record.sequence);
    const records = all.slice(0, Math.min(shown, page.capacity));
    const total = Math.min(all.length, page.capacity);
    count.textContent = `${total} invocation${total === 1 ? '' : 's'} (the console keeps the last ${page.capacity})`;
    if (total > records.length) {
      count.append(' · ', h('button', { type: 'button', class: 'button small', id: 'show-all', text: `Show all ${total}`,
        onclick: () => { shown = page.capacity; render(); } }));
    }
    if (!records.length) {
      replace(body, h('p', { class: 'muted', text: 'No invocation matches yet.' }));
      return;
    }
    const nowrap = (name) => ({ name, class: 'nowrap' });
    const wide = (name) => ({ name, class: 'nowrap wide' });
    replace(body, table([nowrap('Started'), 'Function', 'Type', 'Status', nowrap('Duration'), wide('Billed'), nowrap('Memory'), wide('Cold'), nowrap('Request id')],
      records.map((record) => ({
        attributes: { 'data-sequence': record.sequence, 'data-status': record.status, class: 'clickable' },
        cells: [
          h('a', { href: `#/invocations/${record.sequence}`, text: time(record.startedAt) }),
          record.function, record.type,
          h('span', {}, badge(record.status), record.errorType ? h('span', { class: 'small error', text: ` ${record.errorType}` }) : null),
          milliseconds(record.durationMs),
          record.billedDurationMs ? `${record.billedDurationMs} ms` : '–',
          record.maxMemoryUsedMB ? `${record.maxMemoryUsedMB} / ${record.memorySizeMB} MB` : '–',
          record.coldStart ? 'cold' : '',
          h('code', { title: record.requestId, text: short(record.requestId) }),
        ],
      })), { id: 'invocations-table' }));
    for (const row of body.querySelectorAll('tr.clickable')) {
      row.addEventListener('click', (event) => {
        if (event.target.closest('a')) return;
        window.location.hash = `#/invocations/${row.dataset.sequence}`;
      });
    }
  };
  render();

  let refetch = null;
  const stop = onInvocations((records, truncated) => {
    if (filters.search || truncated) {
      // Text lives in events and logs the summaries do not carry, and a truncated batch lacks some changes: ask
      // the server again, at most twice a second.
      if (!refetch) refetch = setTimeout(async () => {
        refetch = null;
        try {
          const fresh = await api.get('invocations', { ...filters, limit: shown });
          rows.clear();
          for (const record of fresh.invocations) rows.set(record.sequence, record);
          render();
        } catch (error) {
          count.textContent = `The list could not be read again: ${error.message}`;
        }
      }, 500);
      return;
    }
    for (const record of records) {
      const matches = (!filters.function || record.function === filters.function) && (!filters.status || record.status === filters.status);
      if (matches) rows.set(record.sequence, record);
      else rows.delete(record.sequence);
    }
    render();
  });
  return () => {
    stop();
    if (refetch) clearTimeout(refetch);
  };
}

async function detail(container, sequence) {
  const show = async () => {
    const record = await api.get(`invocations/${segment(sequence)}`);
    replace(container,
      h('p', { class: 'crumbs' }, h('a', { href: '#/invocations', text: 'Invocations' }), ' / ', short(record.requestId, 13)),
      h('h2', {}, `${record.function} `, badge(record.status)),
      h('div', { class: 'columns detail' },
        h('div', { class: 'detail-left' }, h('section', { class: 'panel facts-panel' },
          facts([
            ['Request id', h('code', { id: 'detail-request-id', text: record.requestId })],
            ['Function', h('a', { href: `#/functions/${segment(record.function)}`, text: record.function })],
            ['Type', record.type], ['Started', time(record.startedAt)],
            ['Status', record.errorType ? `${record.status} (${record.errorType})` : record.status],
            ['Duration', milliseconds(record.durationMs)],
            ['Billed duration', record.billedDurationMs ? `${record.billedDurationMs} ms` : null],
            ['Memory', record.maxMemoryUsedMB ? `${record.maxMemoryUsedMB} MB used of ${record.memorySizeMB} MB` : null],
            ['Init duration', record.initDurationMs ? milliseconds(record.initDurationMs) : null],
            ['Cold start', record.coldStart === undefined || record.coldStart === null ? null : record.coldStart ? 'yes' : 'no'],
          ])),
        h('section', { class: 'panel payload-panel' },
          h('h3', { text: `Event (${bytes(record.payloadSize)})` }),
          pre(prettyJSON(record.payload), 'payload'),
          h('h3', { text: `${record.errorType ? 'Error' : 'Response'} (${bytes(record.responseSize)})` }),
          pre(prettyJSON(record.response), 'response'))),
        h('section', { class: 'panel log-panel' },
          h('h3', { text: 'Log' }),
          record.logTruncated ? h('p', { class: 'small muted', text: 'Only the last lines are kept.' }) : null,
          pre(record.log || (record.status === 'running' ? 'Running: the log appears when it ends.' : ''), 'log'))));
    return record;
  };
  let record = await show();
  if (record.status !== 'running') return null;
  const stop = onInvocations(async (records, truncated) => {
    if (truncated || records.some((changed) => String(changed.sequence) === String(sequence))) record = await show();
  });
  return stop;
}
