// The console's controller: hash routes to views, the stack's ports, and the live stream.

import { api } from './api.js';
import { failure, replace } from './dom.js';
import { connect } from './live.js';
import { bucketsView } from './views/buckets.js';
import { functionsView } from './views/functions.js';
import { invocationsView } from './views/invocations.js';
import { jobsView } from './views/jobs.js';
import { queueView } from './views/queue.js';
import { tablesView } from './views/tables.js';

const views = {
  functions: functionsView,
  invocations: invocationsView,
  queue: queueView,
  tables: tablesView,
  buckets: bucketsView,
  jobs: jobsView,
};

let cleanup = null;

/** `#/section/rest?query` → { section, path: [rest...], query: URLSearchParams }. */
export function parseRoute(hash) {
  const text = hash.replace(/^#\/?/, '');
  const [pathText, queryText = ''] = text.split('?');
  const [section, ...path] = pathText.split('/').filter(Boolean).map(decodeURIComponent);
  return { section: section || 'functions', path, query: new URLSearchParams(queryText) };
}

async function render() {
  const route = parseRoute(window.location.hash);
  const view = views[route.section] || functionsView;
  for (const link of document.querySelectorAll('.nav a')) {
    link.toggleAttribute('aria-current', link.dataset.section === route.section);
    if (link.dataset.section === route.section) link.setAttribute('aria-current', 'page');
  }
  if (cleanup) cleanup();
  cleanup = null;
  const container = document.getElementById('view');
  document.body.dataset.section = route.section;
  document.body.dataset.ready = 'false';
  try {
    cleanup = (await view(container, route)) || null;
  } catch (error) {
    replace(container, failure(error));
  }
  document.body.dataset.ready = 'true';
}

async function start() {
  try {
    const overview = await api.get('overview');
    const ports = Object.entries(overview.ports).map(([name, port]) => `${name} ${port}`).join(' · ');
    document.getElementById('stack-ports').textContent = ports;
    const page = await api.get('invocations', { limit: 1 });
    connect(page.version, document.getElementById('live'));
  } catch (error) {
    document.getElementById('stack-ports').textContent = `the stack did not answer: ${error.message}`;
  }
  window.addEventListener('hashchange', render);
  await render();
}

start();
