"""awslambdaric functions hosted by the emulator, driven by boto3 and the aws CLI."""

import base64
import json
import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from lambda_helpers import python_function

ROOT = Path(__file__).resolve().parents[3]


def invoke(client, name, payload, **kwargs):
    response = client.invoke(FunctionName=name, Payload=json.dumps(payload).encode(), **kwargs)
    return response, response["Payload"].read()


@pytest.fixture
def emulator(start_emulator, tmp_path):
    specs = [
        python_function(tmp_path, "ok", "app.ok"),
        python_function(tmp_path, "boom", "app.boom"),
        python_function(tmp_path, "slow", "app.slow"),
        python_function(tmp_path, "crash", "app.crash"),
        python_function(tmp_path, "ctx", "app.ctx"),
        python_function(tmp_path, "noisy", "app.noisy"),
        python_function(tmp_path, "broken", "broken.handler"),
    ]
    return start_emulator(specs, extra=["--timeout", "2"])


def test_success_request_response(emulator, aws_env):
    response, body = invoke(emulator.client(), "ok", {"a": 1})
    assert response["StatusCode"] == 200
    assert "FunctionError" not in response
    assert response["ExecutedVersion"] == "$LATEST"
    result = json.loads(body)
    assert result["echo"] == {"a": 1}
    assert result["function"] == "ok"
    assert 0 < result["remaining"] <= 2000


def test_exception_body_passed_through(emulator, aws_env):
    response, body = invoke(emulator.client(), "boom", {})
    assert response["StatusCode"] == 200
    assert response["FunctionError"] == "Unhandled"
    error = json.loads(body)
    assert error["errorType"] == "ValueError"
    assert error["errorMessage"] == "something broke"
    assert error["stackTrace"]
    # The process survives a handler error.
    again, _ = invoke(emulator.client(), "boom", {})
    assert again["FunctionError"] == "Unhandled"


def test_init_error(emulator, aws_env):
    response, body = invoke(emulator.client(), "broken", {})
    assert response["FunctionError"] == "Unhandled"
    error = json.loads(body)
    assert error["errorType"] == "RuntimeError"
    assert error["errorMessage"] == "import-time failure"


def test_timeout(emulator, aws_env):
    response, body = invoke(emulator.client(), "slow", {"seconds": 10})
    assert response["FunctionError"] == "Unhandled"
    error = json.loads(body)
    assert error["errorType"] == "Sandbox.Timedout"
    assert "Task timed out after 2.00 seconds" in error["errorMessage"]
    quick, body = invoke(emulator.client(), "slow", {"seconds": 0})
    assert "FunctionError" not in quick
    assert json.loads(body) == "done"


def test_crash_is_runtime_exit_error_and_respawns(emulator, aws_env):
    response, body = invoke(emulator.client(), "crash", {})
    assert response["FunctionError"] == "Unhandled"
    error = json.loads(body)
    assert error["errorType"] == "Runtime.ExitError"
    assert "exit status 3" in error["errorMessage"]
    again, body = invoke(emulator.client(), "crash", {})
    assert json.loads(body)["errorType"] == "Runtime.ExitError"


def test_client_context_and_trace_seen_by_handler(emulator, aws_env):
    context = base64.b64encode(json.dumps({"custom": {"k": "v"}}).encode()).decode()
    response, body = invoke(emulator.client(), "ctx", {}, ClientContext=context)
    result = json.loads(body)
    assert result["custom"] == {"k": "v"}
    assert result["trace"].startswith("Root=1-")
    assert result["request_id"] == response["ResponseMetadata"]["HTTPHeaders"]["x-amzn-requestid"]


def test_log_type_tail(emulator, aws_env):
    response, _ = invoke(emulator.client(), "noisy", {}, LogType="Tail")
    log = base64.b64decode(response["LogResult"]).decode()
    assert "START RequestId:" in log
    assert "hello from python" in log
    assert "END RequestId:" in log
    assert "REPORT RequestId:" in log and "Max Memory Used:" in log


def test_event_and_dry_run(emulator, aws_env):
    client = emulator.client()
    event = client.invoke(FunctionName="ok", InvocationType="Event", Payload=b"{}")
    assert event["StatusCode"] == 202
    dry = client.invoke(FunctionName="ok", InvocationType="DryRun")
    assert dry["StatusCode"] == 204


def test_names_arns_and_qualifier(emulator, aws_env):
    client = emulator.client()
    for name in ["ok", "ok:$LATEST", "123456789012:function:ok", "arn:aws:lambda:us-east-1:123456789012:function:ok"]:
        response, _ = invoke(client, name, {})
        assert response["StatusCode"] == 200, name
    response, _ = invoke(client, "ok", {}, Qualifier="$LATEST")
    assert response["StatusCode"] == 200


def test_errors_are_botocore_exceptions(emulator, aws_env):
    client = emulator.client()
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.invoke(FunctionName="missing", Payload=b"{}")
    with pytest.raises(client.exceptions.InvalidRequestContentException):
        client.invoke(FunctionName="ok", Payload=b"not json")
    with pytest.raises(client.exceptions.RequestTooLargeException):
        client.invoke(FunctionName="ok", Payload=json.dumps("a" * 7_000_000).encode())


def test_aws_cli_invoke(emulator, aws_env, tmp_path):
    out = tmp_path / "out.json"
    result = subprocess.run(
        [str(ROOT / ".venv/bin/aws"), "--endpoint-url", emulator.endpoint, "lambda", "invoke",
         "--function-name", "ok", "--payload", '{"a": 1}', "--log-type", "Tail", str(out)],
        capture_output=True, text=True, env={**os.environ, **aws_env}, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed["StatusCode"] == 200
    assert "START RequestId:" in base64.b64decode(printed["LogResult"]).decode()
    assert json.loads(out.read_text())["echo"] == {"a": 1}


def test_fifty_concurrent_invocations_over_four_environments(start_emulator, tmp_path, aws_env):
    emulator = start_emulator([python_function(tmp_path, "ok", "app.ok")], extra=["--concurrency", "4"])
    client = emulator.client(max_pool_connections=50)

    def call(index):
        _, body = invoke(client, "ok", {"n": index})
        return json.loads(body)

    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(call, range(50)))
    assert sorted(result["echo"]["n"] for result in results) == list(range(50))
    assert len({result["pid"] for result in results}) <= 4


def wait_for(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def env_file(tmp_path, run, record):
    path = tmp_path / f"env-{run}.json"
    path.write_text(json.dumps({"recorder": {"RUN": str(run), "RECORD_FILE": str(record)}}))
    return str(path)


def test_event_survives_emulator_kill(start_emulator, tmp_path, aws_env):
    record = tmp_path / "record.jsonl"
    data = tmp_path / "queue"
    # The bootstrap takes a second to start, so the event cannot finish before the kill.
    spec = python_function(tmp_path, "recorder", "app.record", delay=1)
    first = start_emulator([spec], data_dir=data, extra=["--env-vars", env_file(tmp_path, 1, record)])
    accepted = first.client().invoke(FunctionName="recorder", InvocationType="Event", Payload=b'{"n": 1}')
    assert accepted["StatusCode"] == 202
    first.kill()
    start_emulator([spec], data_dir=data, extra=["--env-vars", env_file(tmp_path, 2, record)])
    assert wait_for(lambda: record.exists() and '"run": "2"' in record.read_text())
    assert {"run": "2", "event": {"n": 1}} in [json.loads(line) for line in record.read_text().splitlines()]


def test_failed_event_is_retried_then_dead_lettered(start_emulator, swift_bin, tmp_path, aws_env):
    record = tmp_path / "record.jsonl"
    data = tmp_path / "queue"
    spec = python_function(tmp_path, "recorder", "app.record")
    emulator = start_emulator([spec], data_dir=data, extra=["--env-vars", env_file(tmp_path, 1, record)])
    emulator.client().invoke(FunctionName="recorder", InvocationType="Event", Payload=b'{"fail": true}')

    def dead_letters():
        out = subprocess.run(
            [str(swift_bin / "lambda-emulator"), "dead-letters", "--data-dir", str(data)],
            capture_output=True, text=True, check=True,
        )
        return [json.loads(line) for line in out.stdout.splitlines()]

    assert wait_for(lambda: len(dead_letters()) == 1)
    letter = dead_letters()[0]
    assert letter["function"] == "recorder"
    assert letter["attempts"] == 3
    assert "asked to fail" in letter["error"]
    assert len(record.read_text().splitlines()) == 3


def test_serve_starts_local_dynamo_and_s3_for_functions(start_emulator, tmp_path, aws_env):
    spec = python_function(tmp_path, "services", "app.services")
    emulator = start_emulator([spec], extra=["--timeout", "60"], local_services=True)
    response, body = invoke(emulator.client(), "services", {})
    assert "FunctionError" not in response, body
    result = json.loads(body)
    assert result["tables"] == ["jobs"]
    assert result["object"] == "hello"
    assert result["endpoints"] == [
        f"http://127.0.0.1:{emulator.dynamo_port}",
        f"http://127.0.0.1:{emulator.s3_port}",
    ]


def test_busy_function_with_full_queue_is_throttled(start_emulator, tmp_path, aws_env):
    spec = python_function(tmp_path, "slow", "app.slow")
    emulator = start_emulator([spec], extra=["--concurrency", "1", "--queue-limit", "0", "--timeout", "30"])
    client = emulator.client(max_pool_connections=4)
    invoke(client, "slow", {"seconds": 0})  # warm the only environment
    def invoke_until_admitted(payload):
        # A quick invoke may hold the environment when this one arrives; it is refused then, and tries again.
        while True:
            try:
                return invoke(client, "slow", payload)
            except client.exceptions.TooManyRequestsException:
                continue

    with ThreadPoolExecutor(max_workers=1) as pool:
        busy = pool.submit(invoke_until_admitted, {"seconds": 5})
        throttled = False
        # Until the slow invoke holds the environment, quick ones still run; then they are refused.
        while not busy.done() and not throttled:
            try:
                client.invoke(FunctionName="slow", Payload=b'{"seconds": 0}')
            except client.exceptions.TooManyRequestsException as error:
                throttled = error.response["Error"]["Code"] == "TooManyRequestsException"
        assert throttled
        assert json.loads(busy.result()[1]) == "done"


def test_pipelined_requests_are_answered_in_order(emulator):
    """Three requests written at once on one connection: a slow invoke, a request the router answers, and a
    quick invoke. HTTP/1.1 answers them in the order they were sent, whichever finishes first."""
    import socket

    def request(method, path, body=b""):
        return (f"{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body

    with socket.create_connection(("127.0.0.1", emulator.port), timeout=30) as sock:
        sock.sendall(
            request("POST", "/2015-03-31/functions/slow/invocations", b'{"seconds": 1}')
            + request("GET", "/2019-09-25/functions/ok/event-invoke-config")
            + request("POST", "/2015-03-31/functions/ok/invocations", b'{"n": 2}'))
        reader = sock.makefile("rb")
        answers = []
        for _ in range(3):
            status = reader.readline().decode()
            length = 0
            while (line := reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode().partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            answers.append((status.split()[1], reader.read(length)))
    assert answers[0] == ("200", b'"done"')
    assert answers[1][0] == "404"
    assert b"EventInvokeConfig" in answers[1][1]
    assert answers[2][0] == "200"
    assert json.loads(answers[2][1])["echo"] == {"n": 2}
