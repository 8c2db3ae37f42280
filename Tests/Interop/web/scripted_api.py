"""A scripted stand-in for APIFunction, for journeys that must stop a job at a chosen step: an awslambdaric
function that answers the routes the page calls from a state file the test rewrites (the questionnaire is the
real API's, fetched once). Every request is appended to a log file, so a test can tell what the page sent."""

import json
import os
import sys
import time
import urllib.request
from pathlib import Path

from web_support import ROOT, Stack

JOB_ID = "0f0e0d0c-0b0a-4908-8706-050403020100"

HANDLER = """
import json
import os


def answer(status, body):
    return {"statusCode": status, "headers": {"content-type": "application/json", "cache-control": "no-store"},
            "body": json.dumps(body)}


def handler(event, context):
    path = event["rawPath"]
    method = event["requestContext"]["http"]["method"]
    with open(os.environ["SCRIPT_LOG"], "a") as log:
        log.write(json.dumps({"method": method, "path": path, "body": event.get("body")}) + "\\n")
    with open(os.environ["SCRIPT_STATE"]) as file:
        state = json.load(file)
    if path == "/api/questionnaire":
        with open(os.environ["SCRIPT_QUESTIONNAIRE"]) as file:
            return {"statusCode": 200, "headers": {"content-type": "application/json"}, "body": file.read()}
    if path == "/api/start" and method == "POST":
        return answer(202, {"job_id": state["next_job"]})
    job = path.rsplit("/", 1)[-1]
    progress = state["jobs"].get(job)
    if progress is None:
        return answer(404, {"message": "No job with this id."})
    if path.startswith("/api/progress/"):
        return answer(200, progress)
    if path.startswith("/api/cancel/"):
        return answer(202, {"job_id": job, "status": "cancelling"})
    if path.startswith("/api/download/"):
        return answer(200, {"letters": [], "expires_in": 3600})
    return answer(404, {"message": "Not found."})
"""


def fetch_questionnaire(stack, target: Path):
    """Saves the real API's questionnaire from a running stack."""
    with urllib.request.urlopen(stack.url + "/api/questionnaire", timeout=30) as response:
        target.write_bytes(response.read())


class ScriptedAPI:
    """The stub's code folder, state and log; `stack(...)` serves it with the site."""

    def __init__(self, folder: Path, questionnaire: Path):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "app.py").write_text(HANDLER)
        bootstrap = folder / "bootstrap"
        bootstrap.write_text(
            f"#!/bin/sh\nexport LAMBDA_DISABLE_PREVIEW_WARN=1\nexec {sys.executable} -m awslambdaric app.handler\n")
        bootstrap.chmod(0o755)
        self.folder = folder
        self.state_path = folder / "state.json"
        self.log_path = folder / "requests.log"
        self.log_path.write_text("")
        self.questionnaire = questionnaire
        self.state = {"next_job": JOB_ID, "jobs": {}}
        self.save()

    def save(self):
        temporary = self.state_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.state))
        os.replace(temporary, self.state_path)

    def set_job(self, job_id, progress):
        self.state["jobs"][job_id] = {"job_id": job_id, **progress}
        self.save()

    def requests(self, method=None, prefix=""):
        lines = [json.loads(line) for line in self.log_path.read_text().splitlines() if line]
        return [line for line in lines if (method is None or line["method"] == method) and line["path"].startswith(prefix)]

    def stack(self, swift_bin, work: Path):
        env = {"SCRIPT_STATE": str(self.state_path), "SCRIPT_LOG": str(self.log_path),
               "SCRIPT_QUESTIONNAIRE": str(self.questionnaire)}
        return Stack(swift_bin / "lambda-emulator", {"APIFunction": self.folder}, env, work, ROOT / "frontend")


SUMMARY = {
    "understood": ["backend roles", "Helsinki or remote", "skills you mention: Python, SQL"],
    "preferences": {"wanted_families": ["backend"], "excluded_families": [], "cities": ["Helsinki"],
                    "excluded_cities": [], "remote": "wanted", "relocation": "unspecified", "levels": [],
                    "prose_skills": []},
    "queries": [{"text": "python developer", "language": "english", "reason": "your strongest skill"},
                {"text": "backend developer", "language": "english", "reason": "role named in your description"}],
}
STOP = {"reason": "listing_cap", "queries_done": 4, "queries_total": 10, "limit": 200,
        "message": "The search stopped after 4 of its 10 queries: it had found 200 job ads, as many as one search scores."}
# The scripted job was created a little before the tests start, so the page's clock shows time passing.
CREATED = time.time() - 75
PHASES = ["profiling", "querying", "searching", "scoring", "planning", "writing"]


def progress_at(step):
    """A running job's progress body at `step` (0 = not started), with counts as the worker reports them."""
    created_at = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(CREATED))
    counts = {"queries_done": 0, "queries_total": 0, "listings_found": 0, "listings_scored": 0,
              "letters_written": 0, "letters_total": 0}
    body = {"status": "queued" if step == 0 else "running", "step": step, "step_count": 6,
            "message": "Waiting for the search to start...", "counts": counts, "created_at": created_at,
            "deadline_at": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(CREATED + 900))}
    if step == 0:
        return body
    body["phase"] = PHASES[step - 1]
    body["message"] = PHASES[step - 1].capitalize() + "..."
    if step >= 2:
        counts["queries_total"] = 10
        body["profile_summary"] = SUMMARY
    if step >= 3:
        counts.update(queries_done=4, listings_found=200)
    if step >= 4:
        body["search_stop"] = STOP
        counts["listings_scored"] = 150 if step == 4 else 200
    if step >= 5:
        counts["letters_total"] = 2
    if step == 6:
        counts["letters_written"] = 1
    return body


def complete():
    """A complete job: two jobs, one letter from the model, one from the fallback writer."""
    body = progress_at(6)
    body.update(status="complete", message="All set! Generated 2 cover letters.", letters=[
        "koodi-oy-backend-developer-cover-letter.docx", "data-oy-data-engineer-cover-letter.docx"])
    body["counts"]["letters_written"] = 2
    parts = [
        {"kind": "skills", "points": 33, "max_points": 42, "text": "You have 2 of the 3 required skills."},
        {"kind": "level", "points": 12, "max_points": 12, "text": "The title marks it as a mid-level job."},
        {"kind": "recency", "points": 6, "max_points": 6, "text": "Published today; newer ads score a little higher."},
        {"kind": "role", "points": 22, "max_points": 22, "text": "The title is for a backend role."},
        {"kind": "location", "points": 18, "max_points": 18, "text": "The job is in Helsinki: a full fit."},
    ]
    body["jobs"] = [
        {"title": "Backend Developer", "company": "Koodi Oy", "location": "Helsinki", "score": 91,
         "url": "https://boards.test/koodi", "matched_skills": ["Python", "SQL"],
         "letter_file_name": "koodi-oy-backend-developer-cover-letter.docx", "letter_writer": "gpt-4o-mini",
         "score_breakdown": {"parts": parts, "matched_required": ["Python", "SQL"], "matched_nice_to_have": [],
                             "missing_required": ["Go"], "missing_nice_to_have": ["Kubernetes"]},
         "letter_preview": {"salutation": "Dear Koodi Oy team,", "paragraphs": ["I build backend services.",
                            "I would like to join you."], "closing": "Kind regards,", "language": "English"}},
        {"title": "Data Engineer", "company": "Data Oy", "location": "Oulu", "score": 16,
         "url": "https://boards.test/data", "matched_skills": ["SQL"],
         "letter_file_name": "data-oy-data-engineer-cover-letter.docx", "letter_writer": "offline",
         "letter_fallback_reason": "The service answered HTTP 500 twice.",
         "score_breakdown": {"parts": parts[:3] + [{"kind": "relocation", "points": -35, "max_points": 0,
                                                    "text": "The job is on site in another city, and you do not want to move."}],
                             "matched_required": ["SQL"], "matched_nice_to_have": [], "missing_required": [],
                             "missing_nice_to_have": []},
         "letter_preview": {"salutation": "Hyvä Data Oy,", "paragraphs": ["Rakennan datajärjestelmiä."],
                            "closing": "Ystävällisin terveisin,", "language": "Finnish"}},
    ]
    return body
