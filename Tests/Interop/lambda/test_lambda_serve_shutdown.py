"""`serve` with LocalDynamo and LocalS3 stops cleanly on Ctrl-C and on SIGTERM, exiting 0."""

import json
import signal
import subprocess
import time

import pytest


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_serve_exits_zero_on_signal(swift_bin, tmp_path, stop_signal):
    process = subprocess.Popen(
        [
            str(swift_bin / "lambda-emulator"), "serve", "--port", "0", "--gateway-port", "0", "--console-port", "0",
            "--dynamo-port", "0", "--s3-port", "0", "--boards-port", "0", "--data-dir", str(tmp_path),
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        ports = json.loads(process.stdout.readline())
        assert {"invoke", "dynamo", "s3"} <= set(ports)
        process.send_signal(stop_signal)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_stopping_serve_logs_only_info_and_keeps_queued_events(start_emulator, swift_bin, tmp_path, aws_env):
    from lambda_helpers import python_function

    record = tmp_path / "record.jsonl"
    data = tmp_path / "data"
    env = tmp_path / "env.json"
    env.write_text(json.dumps({"sleeper": {"RECORD_FILE": str(record)}}))
    spec = python_function(tmp_path, "sleeper", "app.timed")
    extra = ["--concurrency", "1", "--timeout", "30", "--env-vars", str(env)]
    first = start_emulator([spec], data_dir=data, extra=extra)
    client = first.client()
    for n in range(3):
        client.invoke(FunctionName="sleeper", InvocationType="Event", Payload=json.dumps({"n": n, "seconds": 5}).encode())
    first.process.send_signal(signal.SIGTERM)
    assert first.process.wait(timeout=10) == 0
    emulator_lines = [json.loads(line) for line in first.process.stderr.read().splitlines() if line.startswith("{")]
    assert [line["message"] for line in emulator_lines if line["level"] != "info"] == []
    assert "stopped" in [line["message"] for line in emulator_lines]
    # Nothing finished before the stop; every event runs after the next start.
    assert not record.exists()
    start_emulator([spec], data_dir=data, extra=["--concurrency", "3", "--timeout", "30", "--env-vars", str(env)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (record.exists() and len(record.read_text().splitlines()) == 3):
        time.sleep(0.1)
    assert sorted(json.loads(line)["n"] for line in record.read_text().splitlines()) == [0, 1, 2]
