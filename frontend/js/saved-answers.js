// Keeps the answers in sessionStorage, so a reload (during a rate-limit wait, say) does not lose them.
// Nothing leaves the browser; the tab's storage is cleared when the tab closes.

const KEY = 'jobsai.answers.v1';

/** Stores the answers (ignored when storage is unavailable or full). */
export function saveAnswers(answers) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(answers));
  } catch {
    // Private modes and full storage refuse writes; the answers still live in the form.
  }
}

/** The stored answers, or null. */
export function loadAnswers() {
  try {
    const text = sessionStorage.getItem(KEY);
    const answers = text ? JSON.parse(text) : null;
    return answers && typeof answers === 'object' && answers.general ? answers : null;
  } catch {
    return null;
  }
}
