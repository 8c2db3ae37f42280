// Where the page keeps the job it follows: in the address (`/?job=<id>`, so a reload, back and forward, or the
// link opened again in this browser show the same job) and in the tab's sessionStorage (so the form can tell
// that a search of this tab is still running). "Search again" forgets it.

const KEY = 'jobsai.job.v1';
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `text` looks like a job id (the API's lower-case UUIDs). */
export function isJobID(text) {
  return typeof text === 'string' && JOB_ID.test(text);
}

/** The job id of an address's `?job=`, or null (a malformed one is ignored). */
export function jobInAddress(href = window.location.href) {
  const id = new URL(href, window.location.origin).searchParams.get('job');
  return isJobID(id) ? id : null;
}

/** The page's address for a job, or for the form when `jobID` is null (other query parameters are kept). */
export function addressFor(jobID, href = window.location.href) {
  const url = new URL(href, window.location.origin);
  if (jobID) url.searchParams.set('job', jobID);
  else url.searchParams.delete('job');
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Follows a new job: its address becomes a new history entry and the tab remembers it. */
export function openJob(jobID) {
  if (jobInAddress() !== jobID) window.history.pushState({ job: jobID }, '', addressFor(jobID));
  rememberJob(jobID);
}

/** Back to the form: a new history entry without the job, and the tab forgets it. */
export function closeJob() {
  if (jobInAddress()) window.history.pushState({ job: null }, '', addressFor(null));
  forgetJob();
}

/** Remembers the job this tab follows. */
export function rememberJob(jobID) {
  try {
    sessionStorage.setItem(KEY, jobID);
  } catch {
    // Storage refused (private mode, full): the address still carries the job.
  }
}

/** Forgets it. */
export function forgetJob() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was stored if storage is refused.
  }
}

/** The job this tab last followed, or null. */
export function rememberedJob() {
  try {
    const id = sessionStorage.getItem(KEY);
    return isJobID(id) ? id : null;
  } catch {
    return null;
  }
}
