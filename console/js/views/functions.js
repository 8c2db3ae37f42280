// Functions: configuration (secrets masked by the server), environments, and the Invoke form with the
// function's sample events and a free JSON editor.

import { api, segment } from '../api.js';
import { badge, facts, failure, h, pre, replace, table } from '../dom.js';
import { bytes, milliseconds, prettyJSON } from '../format.js';
import { onInvocations } from '../live.js';

export async function functionsView(container, route) {
  const list = await api.get('functions');
  if (route.path[0]) {
    const fn = list.functions.find((candidate) => candidate.name === route.path[0]);
    if (!fn) {
      replace(container, h('h2', { text: 'Function not found' }), h('p', { text: `No function named ${route.path[0]}.` }));
      return null;
    }
    return detail(container, fn, list.otherSamples);
  }
  replace(container,
    h('h2', { text: 'Functions' }),
    h('div', { class: 'cards' }, list.functions.map((fn) => h('a', { class: 'card', href: `#/functions/${segment(fn.name)}`, 'data-function': fn.name },
      h('h3', { text: fn.name }),
      h('p', { class: 'muted small', text: `${fn.runtime} · ${fn.memoryMB} MB · ${fn.timeoutSeconds} s · concurrency ${fn.reservedConcurrency}` }),
      h('p', { class: 'small' }, environmentSummary(fn.environments), fn.functionURL ? badge('Function URL', 'info') : null)))));
  return null;
}

function environmentSummary(environments) {
  if (!environments.length) return 'no environment yet';
  const busy = environments.filter((environment) => environment.state === 'busy').length;
  return `${environments.length} environment${environments.length === 1 ? '' : 's'}, ${busy} busy `;
}

function detail(container, fn, otherSamples) {
  const environmentsBox = h('div', { id: 'environments' });
  const form = invokeForm(fn, otherSamples);
  replace(container,
    h('p', { class: 'crumbs' }, h('a', { href: '#/functions', text: 'Functions' }), ' / ', fn.name),
    h('h2', { text: fn.name }),
    h('div', { class: 'columns' },
      h('section', { class: 'panel', 'aria-labelledby': 'config-title' },
        h('h3', { id: 'config-title', text: 'Configuration' }),
        facts([
          ['Runtime', fn.runtime], ['Handler', fn.handler], ['Memory', `${fn.memoryMB} MB`],
          ['Timeout', `${fn.timeoutSeconds} s`], ['Reserved concurrency', String(fn.reservedConcurrency)],
          ['Queue limit', String(fn.queueLimit)],
          ['Async retries', `${fn.maximumRetryAttempts} (max event age ${fn.maximumEventAgeSeconds} s)`],
          ['ARN', h('code', { text: fn.arn })], ['Code', h('code', { text: fn.codeDirectory })],
          ['Invocations', h('a', { href: `#/invocations?function=${segment(fn.name)}`, text: 'recent invocations' })],
        ]),
        h('h3', { text: 'Environment variables' }),
        table([{ name: 'Name', class: 'nowrap' }, { name: 'Value', class: 'wrap-anywhere' }, { name: 'Set by', class: 'nowrap' }], fn.environment.map((variable) => [
          h('code', { text: variable.name }),
          variable.masked ? h('span', { class: 'masked', title: 'hidden: the name marks a secret', text: variable.value }) : h('code', { class: 'wrap-anywhere', text: variable.value }),
          variable.source,
        ]), { id: 'environment-variables' }),
        h('h3', { text: 'Environments' }),
        environmentsBox),
      form.element));
  renderEnvironments(environmentsBox, fn.environments);
  // Environments change with every invocation of this function: refresh them from the live stream.
  let pending = false;
  const stop = onInvocations((records, truncated) => {
    if (pending || !(truncated || records.some((record) => record.function === fn.name))) return;
    pending = true;
    setTimeout(async () => {
      pending = false;
      try {
        const fresh = (await api.get('functions')).functions.find((candidate) => candidate.name === fn.name);
        if (fresh) renderEnvironments(environmentsBox, fresh.environments);
      } catch (error) {
        replace(environmentsBox, failure(error));
      }
    }, 300);
  });
  return stop;
}

function renderEnvironments(box, environments) {
  if (!environments.length) {
    replace(box, h('p', { class: 'muted', text: 'None yet: the first invocation starts one.' }));
    return;
  }
  replace(box, table(['State', 'PID', 'Invocations', 'Peak RSS', 'Idle'], environments.map((environment) => [
    badge(environment.state), environment.pid ?? '–', String(environment.invocationsServed),
    `${environment.peakMemoryMB} MB`,
    environment.idleSeconds === undefined || environment.idleSeconds === null ? '–' : `${Math.round(environment.idleSeconds)} s`,
  ])));
}

function invokeForm(fn, otherSamples) {
  const select = h('select', { id: 'sample-select', 'aria-label': 'Sample event' },
    h('option', { value: '', text: '— sample event —' }),
    fn.samples.length ? h('optgroup', { label: `${fn.name}` }, fn.samples.map((name) => h('option', { value: name, text: name }))) : null,
    otherSamples.length ? h('optgroup', { label: 'Other samples' }, otherSamples.map((name) => h('option', { value: name, text: name }))) : null);
  const type = h('select', { id: 'invoke-type', 'aria-label': 'Invocation type' },
    h('option', { value: 'RequestResponse', text: 'RequestResponse' }), h('option', { value: 'Event', text: 'Event (async queue)' }));
  const editor = h('textarea', { id: 'event-editor', class: 'editor', spellcheck: 'false', rows: '14', 'aria-label': 'Event JSON' });
  editor.value = '{}';
  const message = h('p', { id: 'editor-message', class: 'small', role: 'status' });
  const result = h('div', { id: 'invoke-result', class: 'result' });
  const button = h('button', { type: 'submit', id: 'invoke-button', class: 'button primary', text: 'Invoke' });

  select.addEventListener('change', async () => {
    if (!select.value) return;
    try {
      const sample = await api.get('samples', { name: select.value });
      editor.value = JSON.stringify(sample, null, 2);
      message.textContent = `Loaded ${select.value}.`;
      message.className = 'small muted';
    } catch (error) {
      message.textContent = error.message;
      message.className = 'small error';
    }
  });

  const formatButton = h('button', { type: 'button', class: 'button', text: 'Format', onclick: () => {
    try {
      editor.value = JSON.stringify(JSON.parse(editor.value), null, 2);
      message.textContent = '';
    } catch (error) {
      message.textContent = `Not JSON: ${error.message}`;
      message.className = 'small error';
    }
  } });

  const form = h('form', { class: 'panel invoke', 'aria-labelledby': 'invoke-title', novalidate: true },
    h('h3', { id: 'invoke-title', text: 'Invoke' }),
    h('div', { class: 'row' }, select, type),
    editor, message,
    h('div', { class: 'row' }, button, formatButton),
    result);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      JSON.parse(editor.value);
    } catch (error) {
      message.textContent = `The event is not JSON: ${error.message}`;
      message.className = 'small error';
      editor.focus();
      return;
    }
    message.textContent = '';
    button.disabled = true;
    replace(result, h('p', { class: 'muted', text: 'Invoking…' }));
    try {
      const answer = await api.post(`functions/${segment(fn.name)}/invoke`, editor.value, { type: type.value });
      showAnswer(result, answer);
    } catch (error) {
      replace(result, failure(error));
    } finally {
      button.disabled = false;
    }
  });
  return { element: form };
}

/** An HTTP-shaped answer (API Gateway, Function URL) read as a person would: status, then the body parsed. */
function httpBody(answer) {
  if (answer.functionError) return null;
  let parsed;
  try {
    parsed = JSON.parse(answer.payload);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed.statusCode !== 'number' || typeof parsed.body !== 'string') return null;
  const body = parsed.isBase64Encoded ? `(${parsed.body.length} base64 characters)` : prettyJSON(parsed.body);
  return [h('p', { class: 'small', id: 'http-status' }, badge(`HTTP ${parsed.statusCode}`, parsed.statusCode < 400 ? 'success' : 'error'),
    ' body:'), pre(body, 'http-body'), h('p', { class: 'small muted', text: 'The whole answer:' })];
}

function showAnswer(result, answer) {
  if (answer.type === 'Event') {
    replace(result, h('p', { id: 'invoke-status' }, badge('queued', 'running'), ' Event stored in the async queue. ',
      h('a', { href: '#/queue', text: 'Async queue' }), ' · ',
      h('a', { href: `#/invocations?search=${segment(answer.requestId)}`, text: 'its invocations' })));
    return;
  }
  replace(result,
    h('p', { id: 'invoke-status' }, badge(answer.status), ' ',
      answer.functionError ? h('strong', { class: 'error', id: 'function-error', text: answer.functionError }) : null, ' ',
      h('span', { class: 'muted small', text: `${milliseconds(answer.durationMs)} · billed ${answer.billedDurationMs ?? '–'} ms · ${answer.maxMemoryUsedMB ?? '–'} MB${answer.coldStart ? ' · cold start' : ''}` }), ' ',
      answer.sequence ? h('a', { href: `#/invocations/${answer.sequence}`, text: 'details' }) : null),
    h('h4', { text: answer.functionError ? 'Error' : `Response (${bytes(answer.payload.length)})` }),
    httpBody(answer),
    pre(prettyJSON(answer.payload), 'response'),
    h('h4', { text: 'Log' }),
    pre(answer.log, 'log'));
}
