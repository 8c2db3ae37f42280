"""Helpers every benchmark shares: free loopback ports, waiting for a server to listen, and wrk runs."""

import re
import socket
import subprocess
import time


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
