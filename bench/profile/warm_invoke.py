"""Profiles warm invokes by instruction counts and syscalls, which stay repeatable on a loaded machine.

Not run by `make bench` (it lives below bench/, not in it): it needs valgrind and strace and takes minutes.
One emulator serves a no-op Swift bootstrap (echo-bootstrap) and a no-op awslambdaric function; a Python
client sends warm invokes one at a time. For each side it reports what one invoke costs:
- `callgrind`: instructions executed (Ir) per invoke in the emulator or in the runtime process, counted between
  `callgrind_control --zero` and `--dump` around INVOKES invokes, with the functions that cost the most
  (inclusive, per invoke);
- `strace`: system calls per invoke (`strace -c -f` attached for the same invokes).

Usage: BENCH_BIN=<release bin dir> python bench/profile/warm_invoke.py SIDE TOOL [INVOKES]
  SIDE: emulator | swift | python    TOOL: callgrind | strace
"""

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_PYTHON = ROOT / ".venv/bin/python"


def invoke(connection, name):
    connection.request("POST", f"/2015-03-31/functions/{name}/invocations", body=b'{"n":1}')
    response = connection.getresponse()
    body = response.read()
    if response.status != 200 or response.getheader("X-Amz-Function-Error"):
        raise RuntimeError(f"{name}: {response.status} {body!r}")


def valgrind_ready(root, bin_dir):
    """Copies of the binaries without DWARF (valgrind 3.19 cannot read Swift 6's; symbols stay) and the
    sigsuspend shim, built here; returns the folder and the LD_PRELOAD setting."""
    stripped = root / "bin"
    stripped.mkdir()
    for name in ("lambda-emulator", "echo-bootstrap"):
        subprocess.run(["strip", "--strip-debug", "-o", str(stripped / name), str(bin_dir / name)], check=True)
    shim = root / "sigsuspend_shim.so"
    source = Path(__file__).with_name("sigsuspend_shim.c")
    subprocess.run(["cc", "-shared", "-fPIC", "-O2", "-o", str(shim), str(source)], check=True)
    return stripped, f"LD_PRELOAD={shim}"


def first_answer(connection, name, patience=300.0):
    """The first invoke, retried: under valgrind a loaded machine can take longer than Lambda's 10 s init limit
    to reach the first `/next`, and the emulator then kills the process (and backs off before the next)."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return invoke(connection, name)
        except RuntimeError:
            if time.monotonic() > deadline:
                raise
            time.sleep(2)


def layout(root, bin_dir, side, tool, out, preload):
    """Function directories; the profiled runtime's bootstrap runs under the tool."""
    wrap = ""
    if tool == "callgrind" and side in ("swift", "python"):
        wrap = f"env {preload} valgrind --tool=callgrind --fair-sched=yes --callgrind-out-file={out} --dump-instr=no "
    swift = root / "swift"
    swift.mkdir()
    (swift / "bootstrap").write_text(f"#!/bin/sh\nexec {wrap}{bin_dir / 'echo-bootstrap'}\n")
    python = root / "python"
    python.mkdir()
    (python / "app.py").write_text("def noop(event, context):\n    return event\n")
    (python / "bootstrap").write_text(
        f"#!/bin/sh\nexport LAMBDA_DISABLE_PREVIEW_WARN=1\nexec {wrap}{VENV_PYTHON} -m awslambdaric app.noop\n")
    for directory in (swift, python):
        (directory / "bootstrap").chmod(0o755)
    return [f"swift={swift}", f"python={python}"]


def runtime_pid(emulator_pid, directory):
    """The pid of the emulator's child working in the function's directory (its bootstrap)."""
    for child in Path("/proc").iterdir():
        if not child.name.isdigit():
            continue
        try:
            status = (child / "status").read_text()
            cwd = os.readlink(child / "cwd")
        except OSError:
            continue
        parent = re.search(r"^PPid:\s+(\d+)", status, re.M)
        if parent and int(parent.group(1)) == emulator_pid and cwd == str(directory):
            return int(child.name)
    raise RuntimeError(f"no runtime process in {directory}")


def main(side, tool, count):
    bin_dir = Path(os.environ.get("BENCH_BIN", ROOT / ".build/release"))
    function = "swift" if side == "emulator" else side
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        out = root / "callgrind.out"
        preload = ""
        if tool == "callgrind":
            bin_dir, preload = valgrind_ready(root, bin_dir)
        specs = layout(root, bin_dir, side, tool, out, preload)
        args = [str(bin_dir / "lambda-emulator"), "serve", "--port", "0", "--data-dir", str(root / "data")]
        args += ["--no-local-services", "--boards-port", "0", "--concurrency", "1", "--timeout", "20"]
        if tool == "callgrind" and side == "emulator":
            args = ["env", preload, "valgrind", "--tool=callgrind", "--fair-sched=yes", f"--callgrind-out-file={out}", "--dump-instr=no"] + args
        for spec in specs:
            args += ["--function", spec]
        emulator = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=open(root / "emulator.log", "w"), text=True)
        try:
            port = json.loads(emulator.stdout.readline())["invoke"]
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
            first_answer(connection, function)
            for _ in range(200):
                invoke(connection, function)
            pid = emulator.pid if side == "emulator" else runtime_pid(emulator.pid, root / function)
            if tool == "callgrind":
                subprocess.run(["callgrind_control", "--dump", str(pid)], check=True, capture_output=True)
                for _ in range(count):
                    invoke(connection, function)
                subprocess.run(["callgrind_control", "--dump", str(pid)], check=True, capture_output=True)
                report_callgrind(out, count)
            else:
                summary = root / "strace.txt"
                tracer = subprocess.Popen(
                    ["strace", "-c", "-f", "-o", str(summary), "-p", str(pid)] + os.environ.get("STRACE_ARGS", "").split())
                time.sleep(1)  # strace attaches to every thread before the counted invokes
                for _ in range(count):
                    invoke(connection, function)
                tracer.send_signal(signal.SIGINT)
                tracer.wait(timeout=60)
                report_strace(summary.read_text(), count)
        finally:
            emulator.terminate()
            emulator.wait(timeout=30)
            print((root / "emulator.log").read_text()[:6000], file=sys.stderr) if os.environ.get("PROFILE_LOG") else None


def report_callgrind(out, count):
    dumps = sorted(out.parent.glob(out.name + "*"), key=lambda path: path.stat().st_mtime)
    dump = dumps[-1]
    text = dump.read_text()
    totals = re.search(r"^(?:summary|totals):\s+(\d+)", text, re.M)
    print(f"instructions per invoke: {int(totals.group(1)) / count:,.0f} ({count} invokes, {dump.name})")
    if os.environ.get("PROFILE_KEEP"):
        shutil.copy(dump, os.environ["PROFILE_KEEP"])
    print("\ninclusive instructions per invoke:")
    annotate = subprocess.run(
        ["callgrind_annotate", "--inclusive=yes", "--threshold=99.9", str(dump)], capture_output=True, text=True)
    lines = []
    for line in annotate.stdout.splitlines():
        match = re.match(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(?:\?\?\?:)?(.*?)(?: \[(.*)\])?$", line)
        if match and "PROGRAM TOTALS" not in line:
            lines.append((int(match.group(1).replace(",", "")), match.group(2), Path(match.group(3) or "").name))
        if len(lines) >= ROWS_INCLUSIVE:
            break
    print_rows(lines, count)
    # callgrind_annotate 3.19 puts every self cost of a mid-run dump on `clone`; the file itself is right.
    print("\nself instructions per invoke:")
    selfs = sorted(self_costs(text).items(), key=lambda item: -item[1])[:ROWS_SELF]
    print_rows([(value, name, library) for (name, library), value in selfs], count)


def self_costs(text):
    """Exclusive Ir per (function, object) from a callgrind file (name compression and call lines handled)."""
    names, objects, costs = {}, {}, {}
    function, library, skip_next = None, "", False

    def resolve(table, value):
        match = re.match(r"\((\d+)\)(?: (.*))?", value)
        if not match:
            return value
        if match.group(2) is not None:
            table[match.group(1)] = match.group(2)
        return table.get(match.group(1), value)

    for line in text.splitlines():
        if line.startswith("ob="):
            library = Path(resolve(objects, line[3:])).name
        elif line.startswith("fn="):
            function = (resolve(names, line[3:]), library)
        elif line.startswith(("cob=", "cfn=", "cfi=", "cfl=")):
            table = objects if line.startswith("cob=") else names if line.startswith("cfn=") else {}
            resolve(table, line[4:])
        elif line.startswith("calls="):
            skip_next = True
        elif line[:1].isdigit() or line[:1] in "+-*":
            if skip_next:
                skip_next = False
            elif function:
                fields = line.split()
                if len(fields) >= 2:
                    costs[function] = costs.get(function, 0) + int(fields[1])
    return costs


def print_rows(rows, count):
    names = demangle([name for _, name, _ in rows])
    total = None
    for (value, _, library), name in zip(rows, names):
        print(f"{value / count:>10,.0f}  {name[:150]}  [{library}]")


ROWS_INCLUSIVE = 80
ROWS_SELF = 40


def demangle(names):
    """Swift symbols in readable form (`swift demangle --simplified`); others unchanged."""
    result = subprocess.run(
        ["swift", "demangle", "--simplified", "--compact"], input="\n".join(names), capture_output=True, text=True)
    readable = result.stdout.splitlines()
    return readable if len(readable) == len(names) else names


def report_strace(text, count):
    print(f"system calls per invoke ({count} invokes):")
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 5 and fields[3].isdigit():
            print(f"  {fields[-1]:<20} {int(fields[3]) / count:6.2f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 500)
