// How figures are shown: durations, sizes, times, JSON.

export function milliseconds(value) {
  if (value === null || value === undefined) return '–';
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

export function bytes(count) {
  if (count === null || count === undefined) return '–';
  if (count < 1024) return `${count} B`;
  if (count < 1024 * 1024) return `${(count / 1024).toFixed(1)} KiB`;
  return `${(count / 1024 / 1024).toFixed(1)} MiB`;
}

/** `14:03:07.250` today, else the date too (local time). */
export function time(value) {
  if (value === null || value === undefined || value === '') return '–';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const clock = date.toLocaleTimeString('en-GB', { hour12: false }) + `.${String(date.getMilliseconds()).padStart(3, '0')}`;
  const today = new Date();
  return date.toDateString() === today.toDateString() ? clock : `${date.toISOString().slice(0, 10)} ${clock}`;
}

/** `in 12 s`, `3 min ago`. */
export function relative(value, now = Date.now()) {
  const date = value instanceof Date ? value : new Date(value);
  const seconds = Math.round((date.getTime() - now) / 1000);
  const size = Math.abs(seconds);
  const text = size < 90 ? `${size} s` : size < 5400 ? `${Math.round(size / 60)} min` : `${Math.round(size / 3600)} h`;
  return seconds >= 0 ? `in ${text}` : `${text} ago`;
}

/** Pretty JSON when the text is JSON, else the text as it is (a cut preview stays readable). */
export function prettyJSON(text) {
  if (text === null || text === undefined) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The first characters of a long id. */
export function short(id, length = 8) {
  return id && id.length > length ? `${id.slice(0, length)}…` : id || '';
}

/** `errorType: errorMessage` of an error document, or the text. */
export function errorSummary(text) {
  try {
    const parsed = JSON.parse(text);
    if (parsed && parsed.errorType) return `${parsed.errorType}: ${parsed.errorMessage || ''}`;
  } catch {
    // Not an error document: shown as it is.
  }
  return text || '';
}
