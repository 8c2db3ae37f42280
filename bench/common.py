"""Helpers every benchmark shares: free loopback ports, waiting for a server to listen, and wrk runs."""

import json
import os
import re
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def free_port():
    """A port the kernel just handed out on 127.0.0.1 (for servers that cannot take --port 0)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, timeout=60.0):
    """Waits until something accepts on the port, failing early if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listened on {port}")


def parse_latency(text, label):
    """A percentile of wrk's `--latency` table, in milliseconds (nan when absent)."""
    match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if not match:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def run_wrk(url, connections, duration, script=None):
    """One wrk run (at most 2 threads, `--latency`): requests, seconds, non-2xx/3xx answers, p50 and p99 in ms."""
    command = ["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", duration, "--latency"]
    if script:
        command += ["-s", str(script)]
    out = subprocess.run(command + [url], capture_output=True, text=True, timeout=120).stdout
    total = re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": int(total.group(1)),
        "seconds": float(total.group(2)) * {"ms": 0.001, "s": 1, "m": 60}[total.group(3)],
        "non2xx": int(errors.group(1)) if errors else 0,
        "p50": parse_latency(out, "50"), "p99": parse_latency(out, "99"),
    }


# A scratch folder of its own for benches that run Swift tests: they need -enable-testing, which would
# otherwise rebuild the release binaries that `make bench` and `make package` use.
SWIFT_TEST_SCRATCH = ["-c", "release", "-Xswiftc", "-enable-testing", "--scratch-path", ".build/jobsai-bench"]


def swift_test_json(root, test_filter, env_variable):
    """Builds the tests in the bench's scratch folder, runs the tests matching `test_filter` with
    `env_variable` naming a file, and returns the JSON the test wrote there."""
    subprocess.run(["swift", "build", "--build-tests", *SWIFT_TEST_SCRATCH], cwd=root, check=True)
    with tempfile.TemporaryDirectory() as folder:
        result_path = Path(folder) / "result.json"
        subprocess.run(
            ["swift", "test", "--skip-build", *SWIFT_TEST_SCRATCH, "--filter", test_filter],
            cwd=root, env=dict(os.environ, **{env_variable: str(result_path)}), check=True, capture_output=True,
        )
        return json.loads(result_path.read_text())
