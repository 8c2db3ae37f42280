// The live stream of invocation changes (server-sent events), shared by every view.

const listeners = new Set();
let source = null;
let version = 0;
let indicator = null;

/**
 * Calls `listener(records, truncated)` with every batch of changed invocation summaries; `truncated` says more
 * changed than the batch carries (only the newest are sent), so a listener should read what it shows again.
 * Returns the unsubscribe.
 */
export function onInvocations(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Starts the stream after `from` (the version a page was read at), reconnecting after errors. */
export function connect(from, element) {
  indicator = element;
  version = Math.max(version, from || 0);
  open();
}

/** Raises the version the stream resumes from (a page read newer data). */
export function seen(newVersion) {
  version = Math.max(version, newVersion || 0);
}

function open() {
  if (source) source.close();
  source = new EventSource(`/_console/api/stream?after=${version}`);
  source.onopen = () => setState('live', 'live');
  source.addEventListener('invocations', (event) => {
    const batch = JSON.parse(event.data);
    version = Math.max(version, batch.version);
    for (const listener of listeners) listener(batch.invocations, Boolean(batch.truncated));
  });
  source.onerror = () => {
    setState('offline', 'reconnecting…');
    source.close();
    source = null;
    setTimeout(open, 2000);
  };
}

function setState(state, text) {
  if (!indicator) return;
  indicator.dataset.state = state;
  indicator.textContent = text;
}
