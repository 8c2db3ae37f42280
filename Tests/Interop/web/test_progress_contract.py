"""What the page reads, checked against `docs/openapi.yaml`: a real job (the real functions, fixture boards)
polled from the worker's first report to its results matches the Progress schema at every step; what was
understood shows while it runs; each chosen job's score parts add up to its score; the letter's words are
there for a preview."""

import json
import time
import urllib.request

import yaml
from jsonschema import Draft202012Validator

from web_support import ROOT

FINAL = {"cancelled", "complete", "error", "timed_out"}
ANSWERS = {
    "general": [{"job-level": ["Intermediate", "Entry"]}, {"job-boards": ["Duunitori", "Jobly"]}, {"deep-mode": "No"},
                {"cover-letter-num": 2}, {"cover-letter-style": ["Professional"]}],
    "languages": [{"python": 6}, {"javascript": 4}],
    "additional-info": [{"additional-info": "I want backend roles in Helsinki or remote, building Python services."}],
}


def call(url, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"},
                                     method="POST" if body is not None else "GET")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_progress_matches_the_openapi_document_from_start_to_results(start_stack):
    document = yaml.safe_load((ROOT / "docs" / "openapi.yaml").read_text())
    # `#/components/schemas/...` references resolve inside a schema that keeps the OpenAPI layout.
    validator = Draft202012Validator({"components": document["components"], "$ref": "#/components/schemas/Progress"})
    stack = start_stack()
    job_id = call(stack.url + "/api/start", ANSWERS)["job_id"]
    seen = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        body = call(f"{stack.url}/api/progress/{job_id}")
        problems = [error.message for error in validator.iter_errors(body)]
        assert problems == [], (body.get("step"), problems)
        seen.append(body)
        if body["status"] in FINAL:
            break
        time.sleep(0.05)
    final = seen[-1]
    assert final["status"] == "complete", final.get("error")
    assert "backend roles" in final["profile_summary"]["understood"]
    running = [body for body in seen if body["status"] == "running" and body["step"] >= 3]
    assert all(body.get("profile_summary") for body in running), "what was understood shows from step 2 on"
    assert len(final["jobs"]) == 2
    for job in final["jobs"]:
        breakdown = job["score_breakdown"]
        assert sum(part["points"] for part in breakdown["parts"]) == job["score"] or job["score"] == 0
        assert [part["kind"] for part in breakdown["parts"]][:3] == ["skills", "level", "recency"]
        assert all(part["text"].endswith(".") for part in breakdown["parts"])
        assert job["letter_preview"]["paragraphs"] and job["letter_preview"]["language"] == "English"
    if final.get("search_stop"):
        stop = final["search_stop"]
        assert stop["reason"] in ("listing_cap", "time_budget")
        assert final["counts"]["queries_done"] == stop["queries_done"] < stop["queries_total"]
