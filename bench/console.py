"""What the console's invocation history costs: warm invoke throughput of the no-op Swift bootstrap with the
console off (`--no-console`: nothing is recorded), on (every invocation recorded in the ring), and on with a
browser's live stream attached (every change also signalled to a server-sent-events reader); and, in-process,
the nanoseconds one recording takes (`ConsoleRecordingBenchmark`, release build with testing enabled), which no
load on the machine can hide in noise.

Writes the section given as argv[1] (docs/benchmarks/console.md). Binaries come from BENCH_BIN (the release
build, as scripts/bench.sh sets it) or the debug build. The three stacks run side by side and are measured in
turns (A B C, A B C, ...) with `wrk` at concurrency 8, so a change in the machine's load hits each alike; the
figure is the median of the rounds.
"""

import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import run_wrk, swift_test_json

ROOT = Path(__file__).resolve().parents[1]
SECONDS = float(os.environ.get("BENCH_SECONDS", "4"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
WRK_SCRIPT = 'wrk.method = "POST"\nwrk.body = \'{"n":1}\'\n'


def binaries() -> Path:
    if os.environ.get("BENCH_BIN"):
        return Path(os.environ["BENCH_BIN"])
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True)
    return Path(out.stdout.strip())


def start(bin_dir: Path, function: Path, data: Path, console: bool):
    args = [str(bin_dir / "lambda-emulator"), "serve", "--port", "0", "--data-dir", str(data), "--concurrency", "8",
            "--no-local-services", "--boards-port", "0", "--function", f"swift={function}"]
    args += ["--console-port", "0", "--console-dir", str(ROOT / "console")] if console else ["--no-console"]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return process, json.loads(process.stdout.readline())


class StreamReader:
    """A browser's live stream: reads the console's server-sent events until stopped, counting batches."""

    def __init__(self, port: int):
        self.batches = 0
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.connection.request("GET", "/_console/api/stream", headers={"Host": f"127.0.0.1:{port}"})
        self.response = self.connection.getresponse()
        if self.response.status != 200:
            raise RuntimeError(f"the console's stream answered {self.response.status}")
        self.thread = threading.Thread(target=self.read, daemon=True)
        self.thread.start()

    def read(self):
        try:
            while line := self.response.fp.readline():
                if line.startswith(b"event: invocations"):
                    self.batches += 1
        except (OSError, ValueError):
            return  # closed by stop()

    def stop(self):
        self.connection.sock.shutdown(2)
        self.connection.close()


TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of one process so far (from /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def children(pid: int) -> list:
    """The processes `pid` started (the function's bootstraps)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue  # a process that ended while the folder was read
    return found


def measure(process, port: int, scratch: Path) -> dict:
    """One wrk run: invokes per second, and CPU microseconds per invoke of the emulator alone and of the
    emulator with its bootstraps (what an invoke costs the machine, whatever else runs on it)."""
    script = scratch / "invoke.lua"
    script.write_text(WRK_SCRIPT)
    url = f"http://127.0.0.1:{port}/2015-03-31/functions/swift/invocations"
    bootstraps = children(process.pid)
    emulator_before = cpu_seconds(process.pid)
    bootstraps_before = sum(cpu_seconds(pid) for pid in bootstraps)
    result = run_wrk(url, 8, f"{SECONDS:g}s", script)
    emulator = cpu_seconds(process.pid) - emulator_before
    total = emulator + sum(cpu_seconds(pid) for pid in bootstraps) - bootstraps_before
    if result["non2xx"]:
        raise RuntimeError(f"{result['non2xx']} invokes were not answered 200")
    count = result["requests"]
    return {"rate": count / result["seconds"], "emulator_us": emulator / count * 1e6, "total_us": total / count * 1e6}


def main(output: str) -> None:
    bin_dir = binaries()
    micro = swift_test_json(ROOT, "measureRecording", "CONSOLE_BENCH_OUT")
    load_before = os.getloadavg()[0]
    runs = {"off": [], "recording": [], "streaming": []}
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        function = root / "swift"
        function.mkdir()
        (function / "bootstrap").symlink_to(bin_dir / "echo-bootstrap")
        stacks = {
            "off": start(bin_dir, function, root / "off", console=False),
            "recording": start(bin_dir, function, root / "recording", console=True),
            "streaming": start(bin_dir, function, root / "streaming", console=True),
        }
        reader = StreamReader(stacks["streaming"][1]["console"])
        try:
            for _ in range(2):  # warm every environment and connection
                for process, ports in stacks.values():
                    measure(process, ports["invoke"], root)
            modes = list(stacks)
            for round_number in range(ROUNDS):
                # Each round starts with another stack, so none is always measured first or last.
                for mode in modes[round_number % 3:] + modes[:round_number % 3]:
                    process, ports = stacks[mode]
                    runs[mode].append(measure(process, ports["invoke"], root))
            recorded = json.loads(http_get(stacks["recording"][1]["console"], "/_console/api/invocations?limit=1"))
        finally:
            reader.stop()
            for process, _ in stacks.values():
                process.terminate()
                process.wait(timeout=10)
    load_after = os.getloadavg()[0]
    rates = {mode: [run["rate"] for run in values] for mode, values in runs.items()}
    median = {mode: statistics.median(values) for mode, values in rates.items()}
    cpu = {mode: statistics.median(run["emulator_us"] for run in values) for mode, values in runs.items()}
    total = {mode: statistics.median(run["total_us"] for run in values) for mode, values in runs.items()}
    cost = {mode: (cpu[mode] - cpu["off"]) / total["off"] * 100 for mode in ("recording", "streaming")}
    spread = (max(rates["off"]) - min(rates["off"])) / median["off"] * 100

    def row(mode, label):
        share = "–" if mode == "off" else f"{cost[mode]:+.1f} %"
        return (f"| {label} | {median[mode]:.0f} | {', '.join(f'{r:.0f}' for r in rates[mode])} | "
                f"{cpu[mode]:.1f} | {total[mode]:.1f} | {share} |")

    lines = [
        "## Console: the cost of recording invocations",
        "",
        f"Load average on {os.cpu_count()} cores: {load_before:.1f} before, {load_after:.1f} after. Build: "
        f"`{Path(bin_dir).name}`. Warm invokes of the no-op Swift bootstrap (echo-bootstrap), `wrk` with 8 "
        f"connections, function concurrency 8, {SECONDS:g} s per run; the three stacks run side by side and are "
        f"measured in turns, {ROUNDS} rounds; medians. CPU is the user and system time the emulator process (and "
        "with its bootstraps) spent per invoke during the run, read from `/proc`: unlike invokes per second, it "
        "does not move with whatever else the machine runs.",
        "",
        "| console | invokes/s | runs | emulator CPU µs/invoke | with bootstraps µs/invoke | recording's share of an invoke's CPU |",
        "| --- | ---: | --- | ---: | ---: | ---: |",
        row("off", "off (`--no-console`, nothing recorded)"),
        row("recording", "on, every invocation recorded"),
        row("streaming", "on, recorded and a live stream reading"),
        "",
        f"Emulator CPU per invoke: {cpu['off']:.1f} µs with the console off, {cpu['recording']:.1f} µs recording every "
        f"invocation ({cpu['recording'] - cpu['off']:+.1f} µs, {cost['recording']:+.1f} % of the {total['off']:.1f} µs "
        f"an invoke costs in all, emulator and bootstrap: the share of a CPU-bound machine's throughput; target under "
        f"5 %), {cpu['streaming']:.1f} µs with a browser's live stream attached as well ({cost['streaming']:+.1f} %; "
        f"{reader.batches} batches streamed: changes go out at most four times a second, however many invocations "
        f"ran). Invokes per second in the same turns: {median['recording'] / median['off'] * 100:.0f} % and "
        f"{median['streaming'] / median['off'] * 100:.0f} % of the console-off figure, but runs of one stack differ "
        f"by up to {spread:.0f} % here: differences this small are noise, which the in-process figure below is free of. "
        f"The history kept the last "
        f"{recorded['capacity']} invocations.",
        "",
        f"In-process (`ConsoleRecordingBenchmark`, {micro['count']:.0f} invocations on a full ring of 1,000, best of "
        f"five passes): recording one invocation, its start and its end, takes {micro['recordingNanoseconds']:.0f} ns, "
        f"{micro['streamingNanoseconds']:.0f} ns with a live stream listening: "
        f"{micro['recordingNanoseconds'] / 10 / total['off']:.2f} % of the {total['off']:.0f} µs of CPU an invoke "
        "costs above.",
        "",
    ]
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text("\n".join(lines))
    print("\n".join(lines))


def http_get(port: int, path: str) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
    body = connection.getresponse().read()
    connection.close()
    return body


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "docs/benchmarks/console.md"))
