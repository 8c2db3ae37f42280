// The HTTP API (docs/api.md) on the page's own origin. Every call resolves to a parsed answer or throws
// an ApiError that says what happened: a status and body from the server, or `status: 0` for the network.

/** A failed call. `status` 0 means the server was not reached. */
export class ApiError extends Error {
  constructor(status, body, headers, message) {
    super(message ?? body?.message ?? `The server answered ${status}.`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }

  /** Seconds to wait before retrying, from `Retry-After` (seconds or an HTTP date), or null. */
  get retryAfter() {
    const value = this.headers?.get('Retry-After');
    if (!value) return null;
    if (/^\d+$/.test(value.trim())) return Number(value.trim());
    const date = Date.parse(value);
    return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
}

async function call(method, path, { body, signal } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, null, null, 'The server could not be reached.');
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { message: text.slice(0, 200) };
    }
  }
  if (!response.ok) throw new ApiError(response.status, parsed, response.headers);
  return { body: parsed, headers: response.headers, status: response.status };
}

export const api = {
  questionnaire: (signal) => call('GET', '/api/questionnaire', { signal }).then((answer) => answer.body),
  start: (payload) => call('POST', '/api/start', { body: payload }).then((answer) => answer.body),
  progress: (jobID, signal) => call('GET', `/api/progress/${encodeURIComponent(jobID)}`, { signal }).then((answer) => answer.body),
  cancel: (jobID) => call('POST', `/api/cancel/${encodeURIComponent(jobID)}`).then((answer) => answer.body),
  downloads: (jobID) => call('GET', `/api/download/${encodeURIComponent(jobID)}`).then((answer) => answer.body),
};

/** Plain words for a failed start, by status. */
export function startErrorMessage(error) {
  switch (error.status) {
    case 0: return 'We could not reach the server. Check your connection and press Search again.';
    case 400: return 'The server could not read the answers. Please reload the page and try again.';
    case 413: return 'Your answers are too long for the server. Please shorten the personal description.';
    case 503: return 'The search service is busy or unavailable right now. Please try again in a minute.';
    default: return `Something went wrong on the server (${error.status}). Please try again.`;
  }
}
