"""`serve` with LocalDynamo and LocalS3 stops cleanly on Ctrl-C and on SIGTERM, exiting 0."""

import json
import signal
import subprocess

import pytest


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_serve_exits_zero_on_signal(swift_bin, tmp_path, stop_signal):
    process = subprocess.Popen(
        [
            str(swift_bin / "lambda-emulator"), "serve", "--port", "0", "--gateway-port", "0",
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
