"""Every `events/**` sample through `lambda-emulator invoke`, with a running `serve` and without one: each
answers the outcome events/README.md documents for it, and an API start queues a job on the running stack."""

import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest
import requests
from interop_support import stop_process

ROOT = Path(__file__).resolve().parents[3]
EVENTS = ROOT / "events"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1"}
FINAL = {"cancelled", "complete", "error", "timed_out"}
ROW = re.compile(r"^\| `(?P<event>[\w/-]+)` \| `(?P<function>\w+)` \| (?P<outcome>[^|]+?) \|")


def documented_outcomes():
    """The README's table: event name -> (function, outcome)."""
    rows = {}
    for line in (EVENTS / "README.md").read_text().splitlines():
        match = ROW.match(line)
        if match:
            rows[match["event"]] = (match["function"], match["outcome"].strip())
    return rows


@pytest.fixture
def project(swift_bin, tmp_path):
    """template.yaml with the functions' bootstraps where its CodeUri points, and job boards nobody serves
    (a worker fails fast instead of reaching the internet)."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "template.yaml").write_text((ROOT / "template.yaml").read_text())
    for name in ("APIFunction", "WorkerFunction"):
        code = root / ".build" / "lambda" / name
        code.mkdir(parents=True)
        (code / "bootstrap").symlink_to(swift_bin / name)
    parameters = {
        "DUUNITORI_BASE_URL": "http://127.0.0.1:9/duunitori", "JOBLY_BASE_URL": "http://127.0.0.1:9/jobly",
        "SCRAPER_DELAY_SECONDS": "0", "JOB_DEADLINE_SECONDS": "20",
    }
    (root / "env.json").write_text(json.dumps({"Parameters": parameters}))
    return root


def invoke(swift_bin, project, function, event, data_dir, *extra, env=None):
    return subprocess.run(
        [str(swift_bin / "lambda-emulator"), "invoke", function, "--event", str(event), "--data-dir", str(data_dir),
         "--env-vars", "env.json", *extra],
        cwd=project, capture_output=True, text=True, timeout=300, env={**os.environ, **CREDENTIALS, **(env or {})},
    )


def check_outcome(name, outcome, result):
    """`NNN`: the response's statusCode; `not started`: the worker names the job without a status;
    `function error TYPE`: exit code 1 with that errorType on stdout."""
    context = (name, result.stdout, result.stderr[-3000:])
    response = json.loads(result.stdout)
    if outcome.startswith("function error"):
        assert result.returncode == 1, context
        assert response["errorType"] == outcome.split()[-1], context
    elif outcome == "not started":
        assert result.returncode == 0, context
        assert set(response) == {"job_id"}, context
    else:
        assert result.returncode == 0, context
        assert response["statusCode"] == int(outcome), context
        if response.get("body") and response.get("headers", {}).get("content-type", "").startswith("application/json"):
            json.loads(response["body"])
    return response


def run_every_event(swift_bin, project, data_dir, mode_line):
    outcomes = documented_outcomes()
    files = {str(path.relative_to(EVENTS).with_suffix("")): path for path in EVENTS.rglob("*.json")}
    assert set(files) == set(outcomes), "every sample event has a documented outcome, and only those"
    answers = {}
    for name in sorted(files):
        function, outcome = outcomes[name]
        result = invoke(swift_bin, project, function, files[name], data_dir)
        assert mode_line in result.stderr, (name, result.stderr[-2000:])
        answers[name] = check_outcome(name, outcome, result)
    return answers


def test_every_event_without_serve(swift_bin, project, tmp_path):
    answers = run_every_event(swift_bin, project, tmp_path / "data", "in-process for this call")
    # The in-process stack keeps its tables on the data directory, as serve's would.
    assert (tmp_path / "data" / "dynamo").is_dir() and (tmp_path / "data" / "s3").is_dir()
    assert json.loads(answers["api/health"]["body"])["status"] == "ok"


def test_every_event_with_a_running_serve(swift_bin, project, tmp_path):
    data = tmp_path / "served"
    log = open(tmp_path / "serve.log", "w")
    serve = subprocess.Popen(
        [str(swift_bin / "lambda-emulator"), "serve", "--port", "0", "--console-port", "0", "--gateway-port", "0", "--dynamo-port", "0",
         "--s3-port", "0", "--boards-port", "0", "--data-dir", str(data), "--env-vars", "env.json",
         "--retry-delays", "0.1,0.1"],
        cwd=project, stdout=subprocess.PIPE, stderr=log, text=True, env={**os.environ, **CREDENTIALS},
    )
    try:
        line = serve.stdout.readline()
        assert line, (tmp_path / "serve.log").read_text()[-3000:]
        ports = json.loads(line)
        state = json.loads((data / "serve.json").read_text())
        assert state["pid"] == serve.pid and state["invoke"] == ports["invoke"] and state["s3"] == ports["s3"]
        answers = run_every_event(swift_bin, project, data, f"using the running serve (pid {serve.pid}")
        # The start queued a worker job on the running stack: serve's worker takes it to a final status.
        job_id = json.loads(answers["api/start-valid"]["body"])["job_id"]
        deadline = time.monotonic() + 120
        while True:
            progress = requests.get(f"http://127.0.0.1:{ports['gateway']}/api/progress/{job_id}", timeout=30).json()
            if progress["status"] in FINAL or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert progress["status"] in FINAL and progress["status"] != "queued", progress
    finally:
        stop_process(serve, grace=20)
        serve.stdout.close()
        log.close()
    assert not (data / "serve.json").exists(), "serve removes its state file on exit"


def test_a_stale_state_file_and_no_local_services(swift_bin, project, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    finished = subprocess.Popen(["true"])
    finished.wait()
    (data / "serve.json").write_text(json.dumps({"pid": finished.pid, "invoke": 9, "dynamo": 9, "s3": 9}))
    health = EVENTS / "api" / "health.json"
    result = invoke(swift_bin, project, "APIFunction", health, data)
    assert "in-process for this call" in result.stderr and result.returncode == 0, result.stderr[-2000:]
    assert json.loads(json.loads(result.stdout)["body"])["status"] == "ok"
    # Nothing local: the function's storage calls fail, so health degrades.
    bare = invoke(swift_bin, project, "APIFunction", health, data, "--no-local-services",
                  env={"AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:9", "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:9"})
    assert "no local services" in bare.stderr, bare.stderr[-2000:]
    assert json.loads(bare.stdout)["statusCode"] == 503
    # An explicit endpoint wins over the in-process one.
    explicit = invoke(swift_bin, project, "APIFunction", health, data, env={"AWS_ENDPOINT_URL_S3": "http://127.0.0.1:9"})
    assert json.loads(json.loads(explicit.stdout)["body"]) == {
        "status": "degraded", "checks": {"dynamodb": "ok", "s3": "unavailable"}
    }
