"""Lambda emulator benchmark: warm invoke round trip and cold start, beside baselines from the same run.

Writes the section given as argv[1] (docs/benchmarks/emulator.md). Binaries come from BENCH_BIN (the release
build, as scripts/bench.sh sets it) or the debug build. Figures:
- warm invoke round trip through the Invoke API for a no-op Swift bootstrap (echo-bootstrap) and a no-op
  awslambdaric function, at concurrency 1 and 8, over kept-alive HTTP connections;
- baseline: the same client against the same server answering without running a function (404 for an
  unknown name), so `Swift p50 - baseline p50` is the emulator's own cost per invoke;
- cold start: spawn of the bootstrap to its first `/next` (the REPORT line's Init Duration).
"""

import base64
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import run_wrk

ROOT = Path(__file__).resolve().parents[1]
VENV_PYTHON = ROOT / ".venv/bin/python"
WARM_SECONDS = float(os.environ.get("BENCH_SECONDS", "4"))
COLD_STARTS = int(os.environ.get("BENCH_COLD_STARTS", "20"))
WRK_ROUNDS = int(os.environ.get("BENCH_WRK_ROUNDS", "3"))


def binaries() -> Path:
    if os.environ.get("BENCH_BIN"):
        return Path(os.environ["BENCH_BIN"])
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True)
    return Path(out.stdout.strip())


def layout(root: Path, bin_dir: Path, count: int) -> list:
    specs = []
    swift = root / "swift"
    swift.mkdir()
    (swift / "bootstrap").symlink_to(bin_dir / "echo-bootstrap")
    specs.append(f"swift={swift}")
    python = root / "python"
    python.mkdir()
    (python / "app.py").write_text("def noop(event, context):\n    return event\n")
    (python / "bootstrap").write_text(
        f"#!/bin/sh\nexport LAMBDA_DISABLE_PREVIEW_WARN=1\nexec {VENV_PYTHON} -m awslambdaric app.noop\n"
    )
    (python / "bootstrap").chmod(0o755)
    specs.append(f"python={python}")
    for index in range(count):
        specs.append(f"cold{index}={swift}")
    return specs


def start(bin_dir: Path, specs: list, data: Path):
    args = [str(bin_dir / "lambda-emulator"), "serve", "--port", "0", "--data-dir", str(data), "--concurrency", "8"]
    args += ["--no-local-services", "--boards-port", "0"]
    for spec in specs:
        args += ["--function", spec]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    port = json.loads(process.stdout.readline())["invoke"]
    return process, port


def invoke(connection, name: str, headers=None):
    connection.request("POST", f"/2015-03-31/functions/{name}/invocations", body=b'{"n":1}', headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    return response, body


def measure(port: int, name: str, concurrency: int, seconds: float, expect: int):
    latencies = [[] for _ in range(concurrency)]
    failures = []
    stop_at = [0.0]
    ready = threading.Barrier(concurrency + 1)

    def worker(index):
        connection = http.client.HTTPConnection("127.0.0.1", port)
        for _ in range(20):  # warm every environment and connection
            invoke(connection, name)
        ready.wait()
        while time.perf_counter() < stop_at[0]:
            begin = time.perf_counter()
            response, _ = invoke(connection, name)
            latencies[index].append(time.perf_counter() - begin)
            if response.status != expect:
                failures.append(response.status)
        connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    stop_at[0] = time.perf_counter() + 600
    ready.wait()
    began = time.perf_counter()
    stop_at[0] = began + seconds
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    flat = sorted(value for values in latencies for value in values)
    if failures:
        raise RuntimeError(f"{name}: {len(failures)} unexpected statuses, e.g. {failures[:3]}")
    return {
        "p50": statistics.median(flat) * 1000,
        "p99": flat[int(len(flat) * 0.99) - 1] * 1000,
        "rate": len(flat) / elapsed,
        "count": len(flat),
    }


WRK_SCRIPT = 'wrk.method = "POST"\nwrk.body = \'{"n":1}\'\n'


def measure_wrk(port: int, name: str, concurrency: int, seconds: float, scratch: Path) -> dict:
    """The same invoke driven by wrk (C, two threads), a load generator that costs far less CPU than the
    Python client on a 2-core machine; non-200 answers are counted apart."""
    script = scratch / "invoke.lua"
    script.write_text(WRK_SCRIPT)
    url = f"http://127.0.0.1:{port}/2015-03-31/functions/{name}/invocations"
    result = run_wrk(url, concurrency, f"{seconds:g}s", script)
    return {"p50": result["p50"], "p99": result["p99"], "rate": result["requests"] / result["seconds"],
            "non200": result["non2xx"]}


def tree_cpu_seconds(root_pid: int) -> float:
    """User + system CPU time so far of a process and all its descendants (the emulator and its runtimes)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # exited meanwhile
            parents[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])))
    total, frontier = 0, [root_pid]
    while frontier:
        pid = frontier.pop()
        total += parents.get(pid, (0, 0))[1]
        frontier += [child for child, (parent, _) in parents.items() if parent == pid]
    return total / os.sysconf("SC_CLK_TCK")


def measure_wrk_rounds(pid: int, port: int, names: list, rounds: int, scratch: Path) -> dict:
    """wrk rows for each name, interleaved over `rounds` rounds so that the machine's drift hits all alike: the
    median round by rate, and the median CPU time (emulator + runtimes) per answered invoke."""
    measured = {name: [] for name in names}
    for _ in range(rounds):
        for name in names:
            before = tree_cpu_seconds(pid)
            result = measure_wrk(port, name, 8, WARM_SECONDS, scratch)
            answered = max(result["rate"] * WARM_SECONDS - result["non200"] * (name != "missing"), 1)
            result["cpu_ms"] = (tree_cpu_seconds(pid) - before) / answered * 1000
            measured[name].append(result)
    summary = {}
    for name, results in measured.items():
        median = sorted(results, key=lambda r: r["rate"])[len(results) // 2]
        median["cpu_ms"] = statistics.median(r["cpu_ms"] for r in results)
        median["rates"] = [r["rate"] for r in results]
        summary[name] = median
    return summary


def cold_starts(port: int, count: int) -> list:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    durations = []
    for index in range(count):
        response, _ = invoke(connection, f"cold{index}", headers={"X-Amz-Log-Type": "Tail"})
        log = base64.b64decode(response.getheader("X-Amz-Log-Result")).decode()
        match = re.search(r"Init Duration: ([0-9.]+) ms", log)
        if not match:
            raise RuntimeError(f"no Init Duration in the cold invoke log: {log}")
        durations.append(float(match.group(1)))
    return durations


def main(output: str) -> None:
    bin_dir = binaries()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        process, port = start(bin_dir, layout(root, bin_dir, COLD_STARTS), root / "data")
        try:
            colds = cold_starts(port, COLD_STARTS)
            rows = []
            for concurrency in (1, 8):
                baseline = measure(port, "missing", concurrency, WARM_SECONDS, 404)
                swift = measure(port, "swift", concurrency, WARM_SECONDS, 200)
                python = measure(port, "python", concurrency, WARM_SECONDS, 200)
                rows.append((concurrency, baseline, swift, python))
            wrk_targets = (
                ("baseline: no function (404, every answer non-200 by design)", "missing"),
                ("no-op Swift bootstrap", "swift"),
                ("no-op awslambdaric function", "python"),
            )
            by_name = measure_wrk_rounds(process.pid, port, [name for _, name in wrk_targets], WRK_ROUNDS, root)
            wrk_rows = [(label, by_name[name]) for label, name in wrk_targets]
        finally:
            process.terminate()
            process.wait(timeout=10)

    load_after = os.getloadavg()[0]
    lines = [
        "## Lambda emulator",
        "",
        f"Load average on {os.cpu_count()} cores: {load_before:.1f} before, {load_after:.1f} after; "
        "other processes share the machine, so read the figures against the baseline row of the same run.",
        "",
        f"Build: `{Path(bin_dir).name}`. Client: Python `http.client`, one kept-alive connection per worker thread, "
        f"{WARM_SECONDS:g} s per row after warm-up. Function concurrency 8 (ReservedConcurrentExecutions).",
        "",
        "| concurrency | target | p50 ms | p99 ms | invokes/s |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for concurrency, baseline, swift, python in rows:
        for label, figures in (
            ("baseline: Invoke API answer without a function (404)", baseline),
            ("no-op Swift bootstrap (echo-bootstrap, LambdaRuntime over libcurl)", swift),
            ("no-op awslambdaric function (Python)", python),
        ):
            lines.append(
                f"| {concurrency} | {label} | {figures['p50']:.3f} | {figures['p99']:.3f} | {figures['rate']:.0f} |"
            )
    single = rows[0]
    eight = rows[1]
    lines += [
        "",
        f"Emulator overhead per warm invoke at concurrency 1 (Swift p50 - baseline p50): "
        f"{single[2]['p50'] - single[1]['p50']:.3f} ms (target < 0.3 ms). "
        f"Swift p50 / awslambdaric p50 at concurrency 1: {single[2]['p50'] / single[3]['p50']:.2f} (target < 1).",
        f"Throughput at concurrency 8, Swift: {eight[2]['rate']:.0f} invokes/s (target >= 2,000), "
        f"{eight[2]['rate'] / eight[3]['rate']:.2f}x awslambdaric's; the client itself manages "
        f"{eight[1]['rate']:.0f} requests/s against the baseline route, so its own CPU, on the same 2 cores, bounds "
        "this row (the 1.2x target is judged on the wrk rows below, as the goal was first measured).",
        f"Cold start of the Swift bootstrap (spawn to first `/next`, {len(colds)} starts): "
        f"median {statistics.median(colds):.1f} ms, max {max(colds):.1f} ms (target < 50 ms).",
        "",
        f"The same concurrency-8 invokes driven by `wrk` (2 threads, 8 connections, {WARM_SECONDS:g} s), whose own "
        "CPU cost is far below the Python client's on these 2 cores, so that the emulator and the runtimes, not the "
        f"client, are what the two cores spend their time on. {WRK_ROUNDS} rounds, the three targets interleaved in "
        "each; the median round by rate, all rounds' rates beside it, and the median CPU time of the emulator and "
        "its runtime processes per answered invoke (which other load on the machine disturbs far less):",
        "",
        "| concurrency | target | p50 ms | p99 ms | invokes/s (median) | rounds | CPU ms per invoke | non-200 |",
        "| --- | --- | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for label, figures in wrk_rows:
        rounds = ", ".join(f"{rate:.0f}" for rate in figures["rates"])
        lines.append(
            f"| 8 | {label} | {figures['p50']:.3f} | {figures['p99']:.3f} | {figures['rate']:.0f} | {rounds} | "
            f"{figures['cpu_ms']:.3f} | {figures['non200']} |"
        )
    swift_wrk, python_wrk = wrk_rows[1][1], wrk_rows[2][1]
    lines += [
        "",
        f"Throughput at concurrency 8 under wrk, Swift: {swift_wrk['rate']:.0f} invokes/s (target >= 2,000), "
        f"{swift_wrk['rate'] / python_wrk['rate']:.2f}x awslambdaric's (target >= 1.2x). CPU per invoke, "
        f"awslambdaric / Swift: {python_wrk['cpu_ms'] / swift_wrk['cpu_ms']:.2f}x.",
        "",
    ]
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "docs/benchmarks/emulator.md"))
