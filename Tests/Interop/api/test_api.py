"""The API end to end through `lambda-emulator serve`: gateway -> APIFunction -> LocalDynamo, Lambda Invoke."""

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[3]
FINAL = {"cancelled", "complete", "error", "timed_out"}

VALID = {
    "general": [
        {"job-level": ["Entry", "Intern"]},
        {"job-boards": ["Duunitori"]},
        {"deep-mode": "No"},
        {"cover-letter-num": 1},
        {"cover-letter-style": ["Professional"]},
    ],
    "languages": [{"python": 5}, {"text-field1": "Nim"}, {"text-field1-slider": 2}],
    "additional-info": [{"additional-info": "I enjoy building tidy backend services."}],
}


def start(stack, body=VALID, headers=None):
    return requests.post(f"{stack.url}/api/start", json=body, headers=headers or {}, timeout=30)


def wait_until_final(stack, job_id, limit=60.0):
    """Polls progress until the job reaches a final status (the deadline bounds it), as the page does."""
    deadline = time.monotonic() + limit
    while True:
        body = requests.get(f"{stack.url}/api/progress/{job_id}", timeout=30).json()
        if body["status"] in FINAL or time.monotonic() > deadline:
            return body
        time.sleep(0.2)


def test_start_progress_cancel_and_409_once_finished(start_stack):
    stack = start_stack(JOB_DEADLINE_SECONDS=3)
    started = start(stack)
    assert started.status_code == 202, started.text
    job_id = started.json()["job_id"]
    assert started.headers["Location"] == f"/api/progress/{job_id}"
    assert started.headers["X-RateLimit-Limit"] == "5"
    assert started.headers["X-RateLimit-Remaining"] == "4"

    progress = requests.get(f"{stack.url}/api/progress/{job_id}", timeout=30)
    assert progress.status_code == 200
    body = progress.json()
    assert body["job_id"] == job_id and body["step_count"] == 6
    assert body["created_at"].endswith("Z") and body["deadline_at"] > body["created_at"]

    first = requests.post(f"{stack.url}/api/cancel/{job_id}", timeout=30)
    if first.status_code == 202:
        assert first.json() == {"job_id": job_id, "status": "cancelling"}
        again = requests.post(f"{stack.url}/api/cancel/{job_id}", timeout=30)
        assert again.status_code in (202, 409)
    else:  # a fast real worker may already have ended the job
        assert first.status_code == 409

    final = wait_until_final(stack, job_id)
    assert final["status"] in FINAL, final
    for _ in range(2):
        refused = requests.post(f"{stack.url}/api/cancel/{job_id}", timeout=30)
        assert refused.status_code == 409
        assert "already ended" in refused.json()["message"]
    assert requests.get(f"{stack.url}/api/progress/{job_id}", timeout=30).json()["status"] == final["status"]
    item = stack.dynamo.get_item(TableName="jobsai-jobs", Key={"job_id": {"S": job_id}}, ConsistentRead=True)["Item"]
    assert "ttl" in item and item["created_at"]["S"].endswith("Z")

    download = requests.get(f"{stack.url}/api/download/{job_id}", timeout=30)
    assert download.status_code == (200 if final["status"] == "complete" else 409)
    assert requests.get(f"{stack.url}/api/progress/00000000-0000-4000-8000-000000000000", timeout=30).status_code == 404


def test_twenty_concurrent_starts_admit_exactly_the_limit(start_stack):
    stack = start_stack(RATE_LIMIT_REQUESTS=5)
    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(lambda _: start(stack), range(20)))
    statuses = sorted(response.status_code for response in responses)
    assert statuses.count(202) == 5, statuses
    assert statuses.count(429) == 15, statuses
    for response in responses:
        if response.status_code == 429:
            assert int(response.headers["Retry-After"]) >= 1
            assert response.headers["X-RateLimit-Remaining"] == "0"


def test_spoofed_forwarded_for_changes_nothing(start_stack):
    stack = start_stack(RATE_LIMIT_REQUESTS=2, ALLOWED_ORIGINS="http://localhost:5173")
    origin = {"Origin": "http://localhost:5173"}
    for n in range(2):
        spoofed = {"X-Forwarded-For": f"198.51.100.{n}", "X-Real-IP": f"198.51.100.{n}", **origin}
        assert start(stack, headers=spoofed).status_code == 202
    refused = start(stack, headers={"X-Forwarded-For": "198.51.100.99", **origin})
    assert refused.status_code == 429
    assert refused.headers["Access-Control-Allow-Origin"] == "http://localhost:5173"
    keys = {
        item["job_id"]["S"]
        for item in stack.dynamo.scan(TableName="jobsai-jobs")["Items"]
        if item["job_id"]["S"].startswith("rate_limit#")
    }
    assert keys == {"rate_limit#127.0.0.1"}


def test_validation_lists_every_problem_and_bad_bodies(start_stack):
    stack = start_stack(RATE_LIMIT_REQUESTS=100)
    body = json.loads(json.dumps(VALID))
    body["general"][0] = {"job-level": ["Expert-level", "Intern"]}
    body["general"][3] = {"cover-letter-num": 99}
    body["languages"].append({"text-field1-2-slider": 4})
    invalid = start(stack, body)
    assert invalid.status_code == 422
    fields = [problem["field"] for problem in invalid.json()["errors"]]
    assert fields == ["general.job-level", "general.cover-letter-num", "languages.text-field1-2-slider"]
    not_json = requests.post(f"{stack.url}/api/start", data="general=Entry", timeout=30)
    assert not_json.status_code == 400
    too_big = requests.post(f"{stack.url}/api/start", data=b" " * 70_000, timeout=30)
    assert too_big.status_code == 413


def test_questionnaire_health_and_sample_events(start_stack, swift_bin):
    stack = start_stack()
    questionnaire = requests.get(f"{stack.url}/api/questionnaire", timeout=30).json()
    assert [s["key"] for s in questionnaire["sets"]][0] == "general"
    assert sum(len(s.get("technologies", [])) for s in questionnaire["sets"]) == 226
    health = requests.get(f"{stack.url}/api/health", timeout=30)
    assert health.status_code == 200 and health.json() == {"status": "ok", "checks": {"dynamodb": "ok", "s3": "ok"}}
    stack.s3.delete_bucket(Bucket="jobsai-documents")
    degraded = requests.get(f"{stack.url}/api/health", timeout=30)
    assert degraded.status_code == 503
    assert degraded.json() == {"status": "degraded", "checks": {"dynamodb": "ok", "s3": "unavailable"}}
    listed = subprocess.run(
        [str(swift_bin / "lambda-emulator"), "events", "list"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split()
    for route in ("questionnaire", "start-valid", "start-invalid", "progress", "download", "cancel", "health"):
        assert f"api/{route}" in listed


EXPECTED_EVENT_STATUS = {
    "questionnaire": 200, "health": 200, "start-valid": 202, "start-valid-base64": 202, "start-invalid": 422,
    "start-not-json": 400, "start-empty": 400, "start-spoofed-forwarded-for": 202, "start-preflight": 204,
    "start-wrong-method": 405, "progress": 404, "progress-malformed-id": 404, "download": 404,
    "download-index": 404, "download-bad-index": 400, "cancel": 404, "cancel-wrong-method": 405,
    "unknown-route": 404,
}


def test_every_sample_event_gets_its_documented_status(start_stack, swift_bin, tmp_path):
    stack = start_stack(RATE_LIMIT_REQUESTS=100, ALLOWED_ORIGINS="http://localhost:3000")
    events = sorted((ROOT / "events" / "api").glob("*.json"))
    assert {event.stem for event in events} == set(EXPECTED_EVENT_STATUS)
    for event in events:
        answer = stack.lambda_client.invoke(FunctionName="APIFunction", Payload=event.read_bytes())
        assert "FunctionError" not in answer, event.name
        response = json.loads(answer["Payload"].read())
        assert response["statusCode"] == EXPECTED_EVENT_STATUS[event.stem], (event.name, response)
        if response.get("body"):
            json.loads(response["body"])
    # The CLI path of the issue: `lambda-emulator invoke APIFunction --event events/api/<name>.json`.
    code = tmp_path / "cli" / "APIFunction"
    code.mkdir(parents=True)
    (code / "bootstrap").symlink_to(swift_bin / "APIFunction")
    result = subprocess.run(
        [str(swift_bin / "lambda-emulator"), "invoke", "APIFunction", "--event", "events/api/questionnaire.json",
         "--function", f"APIFunction={code}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout)["statusCode"] == 200


def test_schemathesis_finds_no_server_error_or_schema_violation(start_stack, tmp_path):
    stack = start_stack(RATE_LIMIT_REQUESTS=1000)
    st = Path(sys.executable).parent / "st"
    result = subprocess.run(
        [
            str(st), "--no-color", "run", str(ROOT / "docs" / "openapi.yaml"), "--url", stack.url,
            "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
            "response_headers_conformance,response_schema_conformance",
            "--max-examples", "25", "--phases", "examples,coverage,fuzzing,stateful", "--workers", "2",
            "--request-timeout", "30", "--seed", "1",
        ],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_download_links_fetch_the_letters_with_their_names(start_stack):
    """A job as the worker leaves it (item written with boto3, documents in LocalS3) downloads through the API."""
    stack = start_stack()
    job_id = "5b0c6f9e-2d7a-4e41-8c3b-9f1a2e7d4c60"
    letter = "müller-gmbh-developer-cover-letter.docx"
    files = {letter: b"PK docx bytes", "cover-letters.zip": b"PK zip bytes"}
    for name, data in files.items():
        stack.s3.put_object(Bucket="jobsai-documents", Key=f"documents/{job_id}/{name}", Body=data)
    result = {
        "jobs": [{"title": "Developer", "company": "Müller GmbH", "location": "Espoo", "score": 77,
                  "url": "https://example.com/job/1", "matched_skills": ["Python"], "letter_file_name": letter}],
        "letters": [{"file_name": letter, "key": f"documents/{job_id}/{letter}"}],
        "bundle": {"file_name": "cover-letters.zip", "key": f"documents/{job_id}/cover-letters.zip"},
    }
    now = time.time()
    stamp = lambda t: time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t))  # noqa: E731
    stack.dynamo.put_item(TableName="jobsai-jobs", Item={
        "job_id": {"S": job_id}, "status": {"S": "complete"}, "created_at": {"S": stamp(now)},
        "deadline_at": {"S": stamp(now + 900)}, "updated_at": {"S": stamp(now)}, "ttl": {"N": str(int(now) + 86400)},
        "result": {"S": json.dumps(result)},
    })
    progress = requests.get(f"{stack.url}/api/progress/{job_id}", timeout=30)
    assert progress.json()["status"] == "complete"
    assert progress.json()["letters"] == [letter]
    assert "documents/" not in progress.text

    links = requests.get(f"{stack.url}/api/download/{job_id}", timeout=30).json()
    assert links["expires_in"] == 3600
    fetched = requests.get(links["letters"][0]["url"], timeout=30)
    assert fetched.status_code == 200 and fetched.content == files[letter]
    assert fetched.headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    disposition = fetched.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="m_ller-gmbh-developer-cover-letter.docx"')
    assert "filename*=UTF-8''m%C3%BCller-gmbh-developer-cover-letter.docx" in disposition
    bundle = requests.get(links["bundle"]["url"], timeout=30)
    assert bundle.content == files["cover-letters.zip"] and bundle.headers["Content-Type"] == "application/zip"

    one = requests.get(f"{stack.url}/api/download/{job_id}", params={"index": 1}, timeout=30).json()
    assert one["file_name"] == letter and requests.get(one["url"], timeout=30).content == files[letter]
    assert requests.get(f"{stack.url}/api/download/{job_id}", params={"index": 2}, timeout=30).status_code == 404
    assert requests.post(f"{stack.url}/api/cancel/{job_id}", timeout=30).status_code == 409
