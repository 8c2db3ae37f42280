// The console's JSON API (same origin only: the server refuses any other Host or Origin).

/** An API refusal with its code and message. */
export class APIError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function request(method, path, { query, body } = {}) {
  const url = new URL(`/_console/api/${path}`, window.location.origin);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  }
  const init = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['content-type'] = 'application/json';
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new APIError(response.status, 'BadAnswer', `the console answered ${response.status} with a body that is not JSON`);
  }
  if (!response.ok) {
    const error = (json && json.error) || {};
    throw new APIError(response.status, error.code || 'Error', error.message || `HTTP ${response.status}`);
  }
  return json;
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, body, query) => request('POST', path, { body, query }),
  delete: (path, query) => request('DELETE', path, { query }),
};

/** Encodes one path segment (names may hold any character). */
export const segment = (text) => encodeURIComponent(text);
