"""Lambda packages: zip sizes and cold starts of the packaged functions, beside the unpackaged binaries.

Writes the section given as argv[1] (docs/benchmarks/packages.md). `lambda-emulator package` builds the
packages (release, static Swift runtime, its own build folder) into a temporary directory. Cold start is the
REPORT line's Init Duration: spawn of the bootstrap to its first `/next`, measured three ways for echo-bootstrap,
APIFunction and WorkerFunction:
- baseline: the unpackaged release binary of the development build (dynamic Swift runtime, host libraries);
- package: the unzipped package, started through its launcher and bundled loader;
- jail: the same package inside a chroot holding only it and busybox, with an empty environment but for
  Lambda's variables (the shape of provided.al2023), as the deploy tests run it.
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
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "Tests/Interop"), str(ROOT / "Tests/Interop/deploy")]
from deploy_helpers import build_jail, jail_launcher  # noqa: E402

PRODUCTS = ["echo-bootstrap", "APIFunction", "WorkerFunction"]
COLD_STARTS = int(os.environ.get("BENCH_COLD_STARTS", "10"))
PROBE = b'{"packageStartCheck":true}'


def binaries() -> Path:
    if os.environ.get("BENCH_BIN"):
        return Path(os.environ["BENCH_BIN"])
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True)
    return Path(out.stdout.strip())


def package(bin_dir: Path, output: Path) -> str:
    args = [str(bin_dir / "lambda-emulator"), "package", "--output", str(output)]
    for product in PRODUCTS:
        args += ["--product", product]
    return subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True, timeout=7200).stdout


def layouts(root: Path, bin_dir: Path, packages: Path) -> dict:
    """Function folders: {(product, way): folder}."""
    folders = {}
    for product in PRODUCTS:
        plain = root / f"plain-{product}"
        plain.mkdir()
        (plain / "bootstrap").symlink_to(bin_dir / product)
        folders[(product, "baseline")] = plain
        folders[(product, "package")] = packages / product
        jail = root / f"jail-{product}"
        build_jail(jail, packages / product)
        outside = root / f"jailed-{product}"
        outside.mkdir()
        jail_launcher(outside / "bootstrap", jail, ":UTC")
        folders[(product, "jail")] = outside
    return folders


def cold_starts(bin_dir: Path, folders: dict, data: Path) -> dict:
    """Init durations per (product, way): each start is a function of its own, so every invoke is cold."""
    specs = []
    for (product, way), folder in folders.items():
        for index in range(COLD_STARTS):
            specs += ["--function", f"{product}-{way}-{index}={folder}"]
    args = [str(bin_dir / "lambda-emulator"), "serve", "--port", "0", "--gateway-port", "0", "--dynamo-port", "0",
            "--s3-port", "0", "--boards-port", "0", "--data-dir", str(data), "--timeout", "30", *specs]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = json.loads(process.stdout.readline())["invoke"]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        durations = {key: [] for key in folders}
        for index in range(COLD_STARTS):
            # Interleaved, so load on the machine falls on every way alike.
            for product, way in folders:
                name = f"{product}-{way}-{index}"
                connection.request("POST", f"/2015-03-31/functions/{name}/invocations", body=PROBE,
                                   headers={"X-Amz-Log-Type": "Tail"})
                response = connection.getresponse()
                response.read()
                log = base64.b64decode(response.getheader("X-Amz-Log-Result") or b"").decode(errors="replace")
                match = re.search(r"Init Duration: ([0-9.]+) ms", log)
                if not match:
                    raise RuntimeError(f"{name}: no Init Duration in the cold invoke log: {log}")
                durations[(product, way)].append(float(match.group(1)))
        return durations
    finally:
        process.terminate()
        process.wait(timeout=30)


def main(output: str) -> None:
    bin_dir = binaries()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        packages = root / "packages"
        package(bin_dir, packages)
        sizes = {}
        for product in PRODUCTS:
            with zipfile.ZipFile(packages / f"{product}.zip") as archive:
                entries = {info.filename: info.file_size for info in archive.infolist()}
            sizes[product] = {"zip": (packages / f"{product}.zip").stat().st_size, "entries": entries}
        durations = cold_starts(bin_dir, layouts(root, bin_dir, packages), root / "data")
    lines = [
        "## Lambda packages",
        "",
        f"`lambda-emulator package` output, and cold starts (Init Duration, spawn to first `/next`; median of "
        f"{COLD_STARTS} starts per row, interleaved). Baseline: the unpackaged release binary. Jail: the package in a "
        "chroot with only busybox and an environment of Lambda's variables (provided.al2023's shape).",
        "",
        "| function | zip MB | unzipped MB | binary MB | libraries | baseline ms | package ms | jail ms | jail max ms |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for product in PRODUCTS:
        entries = sizes[product]["entries"]
        libraries = [name for name in entries if name.startswith("lib/") and ".so" in name]
        lines.append(
            f"| {product} | {sizes[product]['zip'] / 1e6:.1f} | {sum(entries.values()) / 1e6:.1f} | "
            f"{entries.get(f'bin/{product}', 0) / 1e6:.1f} | {len(libraries)} | "
            f"{statistics.median(durations[(product, 'baseline')]):.1f} | "
            f"{statistics.median(durations[(product, 'package')]):.1f} | "
            f"{statistics.median(durations[(product, 'jail')]):.1f} | {max(durations[(product, 'jail')]):.1f} |"
        )
    lines += ["", "Largest entries of each package (MB, uncompressed):", ""]
    for product in PRODUCTS:
        top = sorted(sizes[product]["entries"].items(), key=lambda item: -item[1])[:6]
        lines.append(f"- {product}: " + ", ".join(f"`{name}` {size / 1e6:.1f}" for name, size in top))
    Path(output).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/benchmarks/packages.md")
