"""Response streaming: a runtime streaming its answer reaches boto3's invoke_with_response_stream chunk by chunk."""

import json
import time

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
