"""Response streaming: a runtime streaming its answer reaches boto3's invoke_with_response_stream chunk by chunk."""

import json
import subprocess
import time

import pytest

from lambda_helpers import streaming_function


def env_file(tmp_path, variables):
    path = tmp_path / "env.json"
    path.write_text(json.dumps(variables))
    return str(path)


def test_invoke_with_response_stream_receives_chunks_before_the_function_finishes(start_emulator, tmp_path, aws_env):
    spec = streaming_function(tmp_path, "streamer")
    client = start_emulator(
        [spec], extra=["--env-vars", env_file(tmp_path, {"streamer": {"CONTENT_TYPE": "text/plain"}})]).client()
    response = client.invoke_with_response_stream(FunctionName="streamer", Payload=b"{}")
    assert response["StatusCode"] == 200
    arrivals = []
    for event in response["EventStream"]:
        arrivals.append((time.monotonic(), event))
    chunks = [(at, event["PayloadChunk"]["Payload"]) for at, event in arrivals if "PayloadChunk" in event]
    assert b"".join(payload for _, payload in chunks) == b"first\nsecond\n"
    completed_at, complete = arrivals[-1]
    assert complete == {"InvokeComplete": {}}
    # "first" was read a second before the function finished.
    assert chunks[0][1].startswith(b"first")
    assert completed_at - chunks[0][0] > 0.5


def test_a_streaming_function_invoked_buffered_is_collected(start_emulator, tmp_path, aws_env):
    spec = streaming_function(tmp_path, "streamer")
    client = start_emulator(
        [spec], extra=["--env-vars", env_file(tmp_path, {"streamer": {"CONTENT_TYPE": "text/plain"}})]).client()
    response = client.invoke(FunctionName="streamer", Payload=b"{}")
    assert "FunctionError" not in response
    assert response["Payload"].read() == b"first\nsecond\n"


def test_response_stream_function_url_streams_to_curl(start_emulator, tmp_path, aws_env):
    spec = streaming_function(tmp_path, "streamer")
    variables = {
        "CONTENT_TYPE": "application/vnd.awslambda.http-integration-response",
        "PRELUDE": json.dumps({"statusCode": 201, "headers": {"x-streamed": "yes"}, "cookies": ["a=1"]}),
    }
    emulator = start_emulator(
        [spec], extra=["--env-vars", env_file(tmp_path, {"streamer": variables}), "--gateway-function", "streamer",
                       "--gateway-port", "0", "--gateway-invoke-mode", "RESPONSE_STREAM"])
    curl = subprocess.Popen(
        ["curl", "-s", "-N", "-i", f"http://127.0.0.1:{emulator.gateway_port}/stream"],
        stdout=subprocess.PIPE, text=True)
    lines = []
    for line in curl.stdout:
        lines.append((time.monotonic(), line.rstrip("\r\n")))
    assert curl.wait(timeout=10) == 0
    texts = [text for _, text in lines]
    assert texts[0].startswith("HTTP/1.1 201")
    assert "x-streamed: yes" in texts and "set-cookie: a=1" in texts
    first_at = next(at for at, text in lines if text == "first")
    second_at = next(at for at, text in lines if text == "second")
    # curl printed the first line a second before the function produced the second.
    assert second_at - first_at > 0.5


def test_buffered_function_url_collects_a_streaming_function(start_emulator, tmp_path, aws_env):
    spec = streaming_function(tmp_path, "streamer")
    variables = {"CONTENT_TYPE": "application/vnd.awslambda.http-integration-response",
                 "PRELUDE": json.dumps({"statusCode": 202})}
    emulator = start_emulator(
        [spec], extra=["--env-vars", env_file(tmp_path, {"streamer": variables}), "--gateway-function", "streamer",
                       "--gateway-port", "0"])
    out = subprocess.run(
        ["curl", "-s", "-i", f"http://127.0.0.1:{emulator.gateway_port}/"], capture_output=True, text=True, timeout=10)
    assert out.stdout.startswith("HTTP/1.1 202")
    assert out.stdout.endswith("first\nsecond\n")


def swift_streaming_function(swift_bin, root, name="swiftstream"):
    """The sample Swift streaming function (`Sources/streaming-bootstrap`) laid out as `NAME=DIR`."""
    code = root / name
    code.mkdir(parents=True, exist_ok=True)
    (code / "bootstrap").symlink_to(swift_bin / "streaming-bootstrap")
    return f"{name}={code}"


def test_swift_streaming_handler_through_boto3(start_emulator, swift_bin, tmp_path, aws_env):
    client = start_emulator([swift_streaming_function(swift_bin, tmp_path)]).client()
    response = client.invoke_with_response_stream(
        FunctionName="swiftstream", Payload=json.dumps({"parts": 3, "delayMilliseconds": 600}).encode())
    arrivals = [(time.monotonic(), event) for event in response["EventStream"]]
    chunks = [(at, event["PayloadChunk"]["Payload"]) for at, event in arrivals if "PayloadChunk" in event]
    assert b"".join(payload for _, payload in chunks) == b"part 0\npart 1\npart 2\n"
    assert arrivals[-1][1] == {"InvokeComplete": {}}
    assert arrivals[-1][0] - chunks[0][0] > 1.0

    buffered = client.invoke(FunctionName="swiftstream", Payload=json.dumps({"delayMilliseconds": 10}).encode())
    assert "FunctionError" not in buffered
    assert buffered["Payload"].read() == b"part 0\npart 1\npart 2\n"


def test_swift_streaming_handler_error_before_and_after_the_first_byte(start_emulator, swift_bin, tmp_path, aws_env):
    client = start_emulator([swift_streaming_function(swift_bin, tmp_path)]).client()
    early = client.invoke(FunctionName="swiftstream", Payload=json.dumps({"failAfter": 0}).encode())
    assert early["FunctionError"] == "Unhandled"
    assert json.loads(early["Payload"].read())["errorType"] == "SampleFailure"
    late = client.invoke_with_response_stream(
        FunctionName="swiftstream", Payload=json.dumps({"failAfter": 1, "delayMilliseconds": 10}).encode())
    events = list(late["EventStream"])
    assert b"".join(event["PayloadChunk"]["Payload"] for event in events if "PayloadChunk" in event) == b"part 0\n"
    assert "InvokeComplete" in events[-1]
    # The environment carries on after a failed stream.
    again = client.invoke(FunctionName="swiftstream", Payload=json.dumps({"parts": 1}).encode())
    assert again["Payload"].read() == b"part 0\n"


def test_swift_streaming_handler_through_a_response_stream_function_url(start_emulator, swift_bin, tmp_path, aws_env):
    emulator = start_emulator(
        [swift_streaming_function(swift_bin, tmp_path)],
        extra=["--gateway-function", "swiftstream", "--gateway-port", "0", "--gateway-invoke-mode", "RESPONSE_STREAM"])
    curl = subprocess.Popen(
        ["curl", "-s", "-N", "-i", f"http://127.0.0.1:{emulator.gateway_port}/"], stdout=subprocess.PIPE, text=True)
    lines = [(time.monotonic(), line.rstrip("\r\n")) for line in curl.stdout]
    assert curl.wait(timeout=10) == 0
    texts = [text for _, text in lines]
    assert texts[0].startswith("HTTP/1.1 200")
    assert "content-type: text/plain" in texts
    times = {text: at for at, text in lines if text.startswith("part ")}
    assert list(times) == ["part 0", "part 1", "part 2"]
    assert times["part 2"] - times["part 0"] > 0.5


def test_a_busy_function_refuses_a_stream_with_an_ordinary_429(start_emulator, swift_bin, tmp_path, aws_env):
    client = start_emulator(
        [swift_streaming_function(swift_bin, tmp_path)], extra=["--concurrency", "1", "--queue-limit", "0"]).client()
    busy = client.invoke_with_response_stream(
        FunctionName="swiftstream", Payload=json.dumps({"parts": 2, "delayMilliseconds": 2000}).encode())
    events = iter(busy["EventStream"])
    assert "PayloadChunk" in next(events)  # the only environment is now streaming
    with pytest.raises(client.exceptions.TooManyRequestsException):
        client.invoke_with_response_stream(FunctionName="swiftstream", Payload=b"{}")
    assert "InvokeComplete" in list(events)[-1]


def test_streams_slow_to_two_megabytes_a_second_after_the_first_six(start_emulator, tmp_path, aws_env):
    spec = streaming_function(tmp_path, "streamer")
    variables = {"CONTENT_TYPE": "application/octet-stream", "BIG": str(8 * 1024 * 1024)}
    client = start_emulator([spec], extra=["--env-vars", env_file(tmp_path, {"streamer": variables})]).client()
    started = time.monotonic()
    response = client.invoke_with_response_stream(FunctionName="streamer", Payload=b"{}")
    total = sum(len(event["PayloadChunk"]["Payload"]) for event in response["EventStream"] if "PayloadChunk" in event)
    assert total == 8 * 1024 * 1024
    # 2 MB past the uncapped 6 MB take at least a second at 2 MB/s.
    assert time.monotonic() - started >= 0.95
