"""Asynchronous invocation as Lambda runs it: concurrency, retries that block nothing, EventInvokeConfig
through boto3, destinations with Lambda's record, fresh environments after a runtime exits."""

import base64
import json
import os
import sqlite3
import subprocess
import time

import pytest
from botocore.exceptions import ClientError

from lambda_helpers import python_function

ARN = "arn:aws:lambda:us-east-1:123456789012:function:"


def wait_for(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def records(path):
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def env_file(tmp_path, variables):
    path = tmp_path / "env.json"
    path.write_text(json.dumps(variables))
    return str(path)


def most_at_once(intervals):
    """The largest number of [start, end) intervals that overlap at one instant."""
    edges = sorted([(start, 1) for start, _ in intervals] + [(end, -1) for _, end in intervals])
    running = best = 0
    for _, step in edges:
        running += step
        best = max(best, running)
    return best


def send_events(client, name, payloads):
    for payload in payloads:
        accepted = client.invoke(FunctionName=name, InvocationType="Event", Payload=json.dumps(payload).encode())
        assert accepted["StatusCode"] == 202


def warm(client, name, count, tmp_record):
    """Starts `count` environments with concurrent quick invokes (cold starts are not what is measured)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=count) as pool:
        list(pool.map(lambda _: client.invoke(FunctionName=name, Payload=b'{"seconds": 0.5, "n": -1}'), range(count)))
    tmp_record.unlink(missing_ok=True)


def test_eight_events_with_concurrency_eight_run_together(start_emulator, tmp_path, aws_env):
    record = tmp_path / "record.jsonl"
    spec = python_function(tmp_path, "sleeper", "app.timed")
    emulator = start_emulator(
        [spec], extra=["--concurrency", "8", "--timeout", "30",
                       "--env-vars", env_file(tmp_path, {"sleeper": {"RECORD_FILE": str(record)}})])
    client = emulator.client(max_pool_connections=8)
    warm(client, "sleeper", 8, record)
    sent = time.time()
    send_events(client, "sleeper", [{"n": n, "seconds": 1} for n in range(8)])
    assert wait_for(lambda: len(records(record)) == 8)
    done = records(record)
    assert sorted(item["n"] for item in done) == list(range(8))
    assert most_at_once([(item["start"], item["end"]) for item in done]) == 8
    assert max(item["end"] for item in done) - sent < 3.0


def test_concurrency_two_never_runs_more_than_two_events(start_emulator, tmp_path, aws_env):
    record = tmp_path / "record.jsonl"
    spec = python_function(tmp_path, "sleeper", "app.timed")
    emulator = start_emulator(
        [spec], extra=["--concurrency", "2", "--timeout", "30",
                       "--env-vars", env_file(tmp_path, {"sleeper": {"RECORD_FILE": str(record)}})])
    send_events(emulator.client(), "sleeper", [{"n": n, "seconds": 0.3} for n in range(6)])
    assert wait_for(lambda: len(records(record)) == 6)
    done = records(record)
    assert most_at_once([(item["start"], item["end"]) for item in done]) == 2
    assert len({item["pid"] for item in done}) == 2


def test_a_failing_event_waiting_for_retries_does_not_delay_a_healthy_one(start_emulator, tmp_path, aws_env):
    record = tmp_path / "record.jsonl"
    spec = python_function(tmp_path, "sleeper", "app.timed")
    emulator = start_emulator(
        [spec], extra=["--concurrency", "1", "--timeout", "30", "--retry-delays", "2,2",
                       "--env-vars", env_file(tmp_path, {"sleeper": {"RECORD_FILE": str(record)}})])
    send_events(emulator.client(), "sleeper", [{"n": "bad", "fail": True}, {"n": "good", "seconds": 0}])
    assert wait_for(lambda: len(records(record)) == 4)
    done = records(record)
    failures = sorted(item["start"] for item in done if item.get("failed"))
    healthy = [item for item in done if item["n"] == "good"]
    assert len(failures) == 3 and len(healthy) == 1
    # The only slot went to the healthy event while the failed one waited for its first retry.
    assert failures[0] < healthy[0]["start"] < failures[1]


def test_event_invoke_config_api_shapes_and_validation(start_emulator, tmp_path, aws_env):
    spec = python_function(tmp_path, "ok", "app.ok")
    sink = python_function(tmp_path, "sink", "app.noop")
    emulator = start_emulator([spec, sink])
    client = emulator.client()
    # botocore checks the lower bounds itself; the server must check both.
    unchecked = emulator.client(parameter_validation=False)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_function_event_invoke_config(FunctionName="ok")
    put = client.put_function_event_invoke_config(
        FunctionName="ok", MaximumRetryAttempts=1, MaximumEventAgeInSeconds=120,
        DestinationConfig={"OnFailure": {"Destination": ARN + "sink"}})
    assert put["FunctionArn"] == ARN + "ok:$LATEST"
    assert put["MaximumRetryAttempts"] == 1
    assert put["MaximumEventAgeInSeconds"] == 120
    assert put["DestinationConfig"] == {"OnSuccess": {}, "OnFailure": {"Destination": ARN + "sink"}}
    assert put["LastModified"].year >= 2024
    updated = client.update_function_event_invoke_config(FunctionName="ok", MaximumRetryAttempts=0)
    assert updated["MaximumRetryAttempts"] == 0 and updated["MaximumEventAgeInSeconds"] == 120
    got = client.get_function_event_invoke_config(FunctionName="ok")
    assert got["MaximumRetryAttempts"] == 0
    listed = client.list_function_event_invoke_configs(FunctionName="ok")["FunctionEventInvokeConfigs"]
    assert [item["FunctionArn"] for item in listed] == [ARN + "ok:$LATEST"]
    assert client.list_function_event_invoke_configs(FunctionName="sink")["FunctionEventInvokeConfigs"] == []
    for bad in [{"MaximumRetryAttempts": 3}, {"MaximumEventAgeInSeconds": 59}, {"MaximumEventAgeInSeconds": 21601}]:
        with pytest.raises(ClientError) as error:
            unchecked.put_function_event_invoke_config(FunctionName="ok", **bad)
        assert error.value.response["Error"]["Code"] == "ValidationException", bad
    with pytest.raises(client.exceptions.InvalidParameterValueException):
        client.put_function_event_invoke_config(
            FunctionName="ok", DestinationConfig={"OnSuccess": {"Destination": ARN + "missing"}})
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.put_function_event_invoke_config(FunctionName="missing", MaximumRetryAttempts=0)
    assert client.delete_function_event_invoke_config(FunctionName="ok")["ResponseMetadata"]["HTTPStatusCode"] == 204
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_function_event_invoke_config(FunctionName="ok")


def test_zero_retry_attempts_run_once_then_dead_letter_and_replay(start_emulator, swift_bin, tmp_path, aws_env):
    record = tmp_path / "record.jsonl"
    data = tmp_path / "data"
    spec = python_function(tmp_path, "recorder", "app.record")
    emulator = start_emulator(
        [spec], data_dir=data, extra=["--env-vars", env_file(tmp_path, {"recorder": {"RECORD_FILE": str(record)}})])
    client = emulator.client()
    client.put_function_event_invoke_config(FunctionName="recorder", MaximumRetryAttempts=0)
    send_events(client, "recorder", [{"fail": True}])

    def dead_letters(*extra):
        out = subprocess.run(
            [str(swift_bin / "lambda-emulator"), "dead-letters", "--data-dir", str(data), *extra],
            capture_output=True, text=True, check=True)
        return [json.loads(line) for line in out.stdout.splitlines()]

    assert wait_for(lambda: len(dead_letters()) == 1)
    letter = dead_letters()[0]
    assert letter["attempts"] == 1 and letter["condition"] == "RetriesExhausted"
    assert len(records(record)) == 1
    assert dead_letters("--replay", str(letter["id"])) == [{"replayed": letter["id"]}]
    # The running emulator picks the replayed event up, runs it once more, and it fails into the dead letters.
    assert wait_for(lambda: len(records(record)) == 2 and len(dead_letters()) == 1)
    assert dead_letters()[0]["requestID"] == letter["requestID"]


def test_an_expired_event_reaches_its_failure_destination_with_lambdas_record(start_emulator, tmp_path, aws_env):
    record = tmp_path / "record.jsonl"
    data = tmp_path / "data"
    origin = python_function(tmp_path, "origin", "app.record")
    sink = python_function(tmp_path, "sink", "app.record")
    emulator = start_emulator(
        [origin, sink], data_dir=data,
        extra=["--env-vars", env_file(tmp_path, {"origin": {"RECORD_FILE": str(record), "RUN": "origin"},
                                                  "sink": {"RECORD_FILE": str(record), "RUN": "sink"}})])
    client = emulator.client()
    client.put_function_event_invoke_config(
        FunctionName="origin", MaximumEventAgeInSeconds=60,
        DestinationConfig={"OnFailure": {"Destination": ARN + "sink"}})
    # An event accepted two minutes ago (as after a long outage): written straight into the durable queue,
    # which the running emulator checks every second.
    with sqlite3.connect(data / "lambda-events.sqlite", timeout=10) as db:
        db.execute(
            "INSERT INTO pending_events(function, request_id, payload, enqueued_at) VALUES (?,?,?,?)",
            ("origin", "old-request", b'{"job": "j1"}', time.time() - 120))
    assert wait_for(lambda: len(records(record)) == 1)
    delivered = records(record)[0]
    assert delivered["run"] == "sink"
    event = delivered["event"]
    assert event["version"] == "1.0"
    assert event["timestamp"].endswith("Z")
    assert event["requestContext"] == {
        "requestId": "old-request", "functionArn": ARN + "origin:$LATEST", "condition": "EventAgeExceeded",
        "approximateInvokeCount": 0}
    assert event["requestPayload"] == {"job": "j1"}


def test_success_destination_gets_the_response(start_emulator, tmp_path, aws_env):
    record = tmp_path / "record.jsonl"
    origin = python_function(tmp_path, "origin", "app.noop")
    sink = python_function(tmp_path, "sink", "app.record")
    emulator = start_emulator(
        [origin, sink], extra=["--env-vars", env_file(tmp_path, {"sink": {"RECORD_FILE": str(record)}})])
    client = emulator.client()
    client.put_function_event_invoke_config(
        FunctionName="origin", DestinationConfig={"OnSuccess": {"Destination": ARN + "sink"}})
    send_events(client, "origin", [{"n": 1}])
    assert wait_for(lambda: len(records(record)) == 1)
    event = records(record)[0]["event"]
    assert event["requestContext"]["condition"] == "Success"
    assert event["requestContext"]["approximateInvokeCount"] == 1
    assert event["responseContext"] == {"statusCode": 200, "executedVersion": "$LATEST"}
    assert event["requestPayload"] == {"n": 1}
    assert event["responsePayload"] == {"n": 1}


def test_a_runtime_that_exits_after_answering_gets_a_fresh_environment(start_emulator, tmp_path, aws_env):
    spec = python_function(tmp_path, "big", "app.maybe_big")
    client = start_emulator([spec], extra=["--concurrency", "1"]).client()
    first = json.loads(client.invoke(FunctionName="big", Payload=b"{}")["Payload"].read())
    refused = client.invoke(FunctionName="big", Payload=b'{"big": true}')
    assert refused["FunctionError"] == "Unhandled"
    assert json.loads(refused["Payload"].read())["errorType"] == "Function.ResponseSizeTooLarge"
    # awslambdaric exits once its oversized answer is refused; the next invocation must not inherit that.
    for _ in range(3):
        response = client.invoke(FunctionName="big", Payload=b"{}")
        body = json.loads(response["Payload"].read())
        assert "FunctionError" not in response, body
    assert body["pid"] != first["pid"]


def test_kill_during_the_queue_loses_no_event(start_emulator, tmp_path, aws_env):
    record = tmp_path / "record.jsonl"
    data = tmp_path / "data"
    spec = python_function(tmp_path, "sleeper", "app.timed")
    extra = ["--concurrency", "1", "--timeout", "30",
             "--env-vars", env_file(tmp_path, {"sleeper": {"RECORD_FILE": str(record)}})]
    first = start_emulator([spec], data_dir=data, extra=extra)
    send_events(first.client(), "sleeper", [{"n": n, "seconds": 0.4} for n in range(5)])
    assert wait_for(lambda: len(records(record)) >= 1)
    first.kill()
    start_emulator([spec], data_dir=data, extra=extra)
    assert wait_for(lambda: {item["n"] for item in records(record)} == set(range(5)))
    time.sleep(1)  # let a wrongly repeated event show up before counting
    numbers = [item["n"] for item in records(record)]
    assert len(numbers) - len(set(numbers)) <= 1


def test_invoke_with_response_stream_reads_a_buffered_function(start_emulator, tmp_path, aws_env):
    ok = python_function(tmp_path, "ok", "app.ok")
    boom = python_function(tmp_path, "boom", "app.boom")
    client = start_emulator([ok, boom]).client()
    response = client.invoke_with_response_stream(FunctionName="ok", Payload=b'{"a": 1}', LogType="Tail")
    assert response["StatusCode"] == 200
    assert response["ExecutedVersion"] == "$LATEST"
    events = list(response["EventStream"])
    body = b"".join(event["PayloadChunk"]["Payload"] for event in events if "PayloadChunk" in event)
    assert json.loads(body)["echo"] == {"a": 1}
    complete = events[-1]["InvokeComplete"]
    assert "ErrorCode" not in complete
    assert "START RequestId:" in base64.b64decode(complete["LogResult"]).decode()

    failed = list(client.invoke_with_response_stream(FunctionName="boom", Payload=b"{}")["EventStream"])
    assert [list(event) for event in failed] == [["InvokeComplete"]]
    assert failed[0]["InvokeComplete"]["ErrorCode"] == "ValueError"
    assert json.loads(failed[0]["InvokeComplete"]["ErrorDetails"])["errorMessage"] == "something broke"
    with pytest.raises(ClientError) as error:
        client.invoke_with_response_stream(FunctionName="ok", InvocationType="Event", Payload=b"{}")
    assert error.value.response["Error"]["Code"] in ("InvalidParameterValueException", "ValidationException")


def test_a_crash_looping_runtime_backs_off_with_a_clear_error(start_emulator, tmp_path, aws_env):
    code = tmp_path / "crasher"
    code.mkdir()
    starts = tmp_path / "starts"
    (code / "bootstrap").write_text(f"#!/bin/sh\necho started >> {starts}\nexit 1\n")
    (code / "bootstrap").chmod(0o755)
    client = start_emulator([f"crasher={code}"], extra=["--concurrency", "1"]).client()
    for _ in range(3):
        body = json.loads(client.invoke(FunctionName="crasher", Payload=b"{}")["Payload"].read())
        assert body["errorType"] == "Runtime.ExitError"
        assert body["errorMessage"].endswith("Runtime exited with error: exit status 1")
    held = client.invoke(FunctionName="crasher", Payload=b"{}")
    assert held["FunctionError"] == "Unhandled"
    message = json.loads(held["Payload"].read())["errorMessage"]
    assert "Runtime failed to start 3 times in a row (last: exit status 1)" in message
    assert len(starts.read_text().splitlines()) == 3


def test_a_runtime_that_exits_while_idle_is_replaced(start_emulator, tmp_path, aws_env):
    spec = python_function(tmp_path, "idle", "app.exit_soon")
    client = start_emulator([spec], extra=["--concurrency", "1"]).client()
    first = json.loads(client.invoke(FunctionName="idle", Payload=b"{}")["Payload"].read())

    def gone():
        try:
            os.kill(first["pid"], 0)
            return False
        except ProcessLookupError:
            return True

    # The runtime exits on its own while it waits on /next.
    assert wait_for(gone, timeout=10)
    response = client.invoke(FunctionName="idle", Payload=b"{}")
    body = json.loads(response["Payload"].read())
    assert "FunctionError" not in response, body
    assert body["pid"] != first["pid"]
