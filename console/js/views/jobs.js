// JobsAI: the jobs table read as jobs (status, step, counts, created, deadline), each linked to the worker's
// invocation, the job's item and its letters in the documents bucket. The table, bucket and worker are the ones
// the functions' variables name (DYNAMODB_TABLE_NAME, S3_DOCUMENTS_BUCKET, WORKER_LAMBDA_FUNCTION_NAME).

import { api, segment } from '../api.js';
import { badge, failure, h, replace, table } from '../dom.js';
import { plainItem } from '../dynamo-json.js';
import { relative, short, time } from '../format.js';
import { onInvocations } from '../live.js';

const STEPS = { profiling: 1, querying: 2, searching: 3, scoring: 4, planning: 5, writing: 6 };

export async function jobsView(container) {
  const { functions } = await api.get('functions');
  const variable = (name) => {
    for (const fn of functions) {
      const found = fn.environment.find((candidate) => candidate.name === name && candidate.value && !candidate.masked);
      if (found) return found.value;
    }
    return null;
  };
  const tableName = variable('DYNAMODB_TABLE_NAME');
  const bucket = variable('S3_DOCUMENTS_BUCKET');
  const worker = variable('WORKER_LAMBDA_FUNCTION_NAME') || (functions.find((fn) => /worker/i.test(fn.name)) || {}).name;
  if (!tableName) {
    replace(container, h('h2', { text: 'JobsAI' }), h('p', { class: 'muted', text: 'No function names a jobs table (DYNAMODB_TABLE_NAME): this stack does not run JobsAI.' }));
    return null;
  }
  const box = h('div', { id: 'jobs' });
  replace(container,
    h('h2', { text: 'JobsAI jobs' }),
    h('p', { class: 'muted' }, 'From table ', h('a', { href: `#/tables/${segment(tableName)}`, text: tableName }),
      bucket ? [', letters in bucket ', h('a', { href: `#/buckets/${segment(bucket)}?prefix=documents%2F`, text: bucket })] : null,
      worker ? [', run by ', h('a', { href: `#/functions/${segment(worker)}`, text: worker })] : null, '.'),
    box);

  let shown = null;
  const refresh = async () => {
    let items = [];
    try {
      let start = null;
      do {
        const page = await api.get(`tables/${segment(tableName)}/items`, { limit: 100, start: start ? JSON.stringify(start) : '' });
        items = items.concat(page.Items || []);
        start = page.LastEvaluatedKey;
      } while (start && items.length < 500);
    } catch (error) {
      replace(box, failure(error));
      shown = null;
      return;
    }
    // Redrawn only when an item changed: each drawing looks up every job's worker invocation.
    const fingerprint = JSON.stringify(items);
    if (fingerprint === shown) return;
    shown = fingerprint;
    const jobs = items.map(plainItem).filter((item) => item.job_id && item.status && !String(item.job_id).includes('#'))
      .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
    if (!jobs.length) {
      replace(box, h('p', { class: 'muted', text: 'No job yet: start one from the questionnaire page.' }));
      return;
    }
    const now = Date.now();
    const nowrap = (name) => ({ name, class: 'nowrap' });
    replace(box, table([nowrap('Job'), 'Status', 'Step', nowrap('Queries'), 'Listings', nowrap('Letters'), nowrap('Created'), { name: 'Deadline', class: 'nowrap wide' }, 'Links'], jobs.map((job) => {
      const progress = job.progress || {};
      const counts = progress.counts || {};
      const invocation = h('span', { class: 'worker-link' }, worker ? 'looking…' : '–');
      if (worker) linkInvocation(invocation, worker, job.job_id);
      return {
        attributes: { 'data-job-id': job.job_id, 'data-status': job.status },
        cells: [
          h('code', { title: job.job_id, text: short(job.job_id) }),
          h('span', {}, badge(job.status, statusKind(job.status)), job.error ? h('span', { class: 'small error', text: ` ${job.error}` }) : null),
          stepText(job.status, progress),
          counts.queries_total ? `${counts.queries_done ?? 0} / ${counts.queries_total}` : '–',
          counts.listings_found !== undefined ? `${counts.listings_found} found, ${counts.listings_scored ?? 0} scored` : '–',
          counts.letters_total ? `${counts.letters_written ?? 0} / ${counts.letters_total}` : '–',
          time(job.created_at), h('span', { title: String(job.deadline_at), text: relative(job.deadline_at, now) }),
          h('span', { class: 'links' },
            invocation, ' · ',
            h('a', { class: 'item-link', href: `#/tables/${segment(tableName)}?key=${encodeURIComponent(job.job_id)}`, text: 'item' }),
            bucket ? [' · ', h('a', { class: 'letters-link', href: `#/buckets/${segment(bucket)}?prefix=${encodeURIComponent(`documents/${job.job_id}/`)}`, text: 'letters' })] : null),
        ],
      };
    }), { id: 'jobs-table' }));
  };
  await refresh();
  let scheduled = null;
  const stop = onInvocations((records, truncated) => {
    if (scheduled || !(truncated || records.some((record) => record.function === worker))) return;
    scheduled = setTimeout(() => { scheduled = null; refresh(); }, 500);
  });
  const timer = setInterval(refresh, 5000);
  return () => {
    stop();
    clearInterval(timer);
    if (scheduled) clearTimeout(scheduled);
  };
}

/** `3 of 6: Searching the job boards...` while it runs, `6 of 6: done` once complete. */
function stepText(status, progress) {
  if (!progress.phase) return status === 'queued' ? 'waiting for the worker' : '–';
  const step = `${STEPS[progress.phase] || '?'} of 6`;
  if (status === 'complete') return `${step}: done`;
  return `${step}: ${progress.message || progress.phase}`;
}

function statusKind(status) {
  if (status === 'complete') return 'success';
  if (status === 'error' || status === 'timed_out') return 'error';
  if (status === 'cancelled' || status === 'cancelling') return 'timeout';
  return 'running';
}

/** The newest invocation of the worker whose event or log names the job. */
async function linkInvocation(element, worker, jobID) {
  try {
    const page = await api.get('invocations', { function: worker, search: jobID, limit: 1 });
    const found = page.invocations[0];
    replace(element, found ? h('a', { class: 'invocation-link', href: `#/invocations/${found.sequence}`, text: `worker ${found.status}` }) : 'no invocation kept');
  } catch (error) {
    replace(element, error.message);
  }
}
