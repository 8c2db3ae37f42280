"""Benchmark LocalS3 against moto_server: 10 KiB PUT/GET at concurrency 1 and 16, and 1 GiB PUT/GET.

Load comes from wrk (small objects) and curl (large objects) fetching presigned URLs, so the client is
not the bottleneck (a boto3 loop tops out near 1,000 ops/s). Both servers get the same requests in the
same run. LocalS3 verifies every presigned signature; moto does not check them at all. The server's
peak resident memory is read from /proc/<pid>/status (VmHWM) after the large transfers.

Usage: BENCH_BIN=<release bin dir> python bench/locals3.py docs/benchmarks/locals3.md
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import boto3
from botocore.config import Config

from common import free_port, run_wrk, wait_for_port

VENV_BIN = Path(sys.executable).parent
DURATION = os.environ.get("BENCH_DURATION", "5s")
LARGE_MB = int(os.environ.get("BENCH_LARGE_MB", "1024"))
SMALL = 10 * 1024


def start_locals3(data_dir, *flags):
    binary = Path(os.environ["BENCH_BIN"]) / "lambda-emulator"
    process = subprocess.Popen(
        [str(binary), "s3", "--port", "0", "--data-dir", str(data_dir), *flags], stdout=subprocess.PIPE, text=True)
    for line in process.stdout:
        if line.startswith("{"):
            return process, json.loads(line)["s3"]
    raise RuntimeError("LocalS3 did not print its endpoint")


def start_moto():
    port = free_port()
    process = subprocess.Popen(
        [str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port, process)
    return process, f"http://127.0.0.1:{port}"


def peak_rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def client(endpoint):
    return boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test",
        region_name="us-east-1", config=Config(signature_version="s3v4"))


def wrk(url, connections, script=None):
    result = run_wrk(url, connections, DURATION, script)
    # Only successful answers count; failures are reported beside the rate.
    return {
        "ops": (result["requests"] - result["non2xx"]) / result["seconds"], "errors": result["non2xx"],
        "p50": result["p50"], "p99": result["p99"],
    }


SMALL_ROWS = ("PUT c=1", "GET c=1", "PUT c=16", "GET c=16")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def small_object_urls(endpoint, workdir):
    """A bucket with one 10 KiB object to GET and presigned GET and PUT URLs, plus the wrk script for the PUTs."""
    s3 = client(endpoint)
    s3.create_bucket(Bucket="bench")
    body = os.urandom(SMALL)
    s3.put_object(Bucket="bench", Key="small-get", Body=body)
    get_url = s3.generate_presigned_url("get_object", Params={"Bucket": "bench", "Key": "small-get"}, ExpiresIn=3600)
    put_url = s3.generate_presigned_url("put_object", Params={"Bucket": "bench", "Key": "small-put"}, ExpiresIn=3600)
    script = workdir / "put.lua"
    script.write_text(
        'wrk.method = "PUT"\nwrk.body = string.rep("x", %d)\n'
        'local shown = false\n'
        'response = function(status, headers, body)\n'
        '  if status >= 300 and not shown then shown = true; io.write("first error: " .. status .. " " .. body .. "\\n") end\n'
        'end\n' % SMALL)
    return {"PUT": (put_url, str(script)), "GET": (get_url, None)}


def small_objects(servers, workdir):
    """Every small-object row against every server, the servers interleaved row by row over `ROUNDS` rounds so
    that the machine's drift hits them alike; per server and row the median round by rate, and its server CPU
    time per answered request."""
    urls = {name: small_object_urls(endpoint, workdir) for name, (_, endpoint) in servers.items()}
    measured = {name: {row: [] for row in SMALL_ROWS} for name in servers}
    for _ in range(ROUNDS):
        for row in SMALL_ROWS:
            method, connections = row.split(" c=")
            for name, (process, _) in servers.items():
                url, script = urls[name][method]
                before = cpu_seconds(process.pid)
                result = wrk(url, int(connections), script)
                answered = result["ops"] * float(DURATION.rstrip("s"))
                result["cpu_us"] = (cpu_seconds(process.pid) - before) / max(answered, 1) * 1e6
                measured[name][row].append(result)
    summary = {}
    for name, rows in measured.items():
        summary[name] = {}
        for row, results in rows.items():
            median = sorted(results, key=lambda r: r["ops"])[len(results) // 2]
            median["rounds"] = [r["ops"] for r in results]
            median["cpu_us"] = statistics.median(r["cpu_us"] for r in results)
            summary[name][row] = median
    return summary


POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "PartnerReads", "Effect": "Allow", "Principal": {"AWS": "210987654321"}, "Action": "s3:GetObject",
         "Resource": "arn:aws:s3:::bench-policy/shared/*"},
        {"Sid": "NoDeletes", "Effect": "Deny", "Principal": "*", "Action": ["s3:DeleteObject", "s3:PutObjectAcl"],
         "Resource": "arn:aws:s3:::bench-policy/*"},
        {"Sid": "OfficeOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
         "Resource": ["arn:aws:s3:::bench-policy", "arn:aws:s3:::bench-policy/*"],
         "Condition": {"NotIpAddress": {"aws:SourceIp": ["127.0.0.0/8", "::1/128"]}}},
    ],
}


def cpu_seconds(pid):
    """The process's user + system CPU time so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def policy_cost(endpoint, pid):
    """10 KiB GETs from a bucket without and with a three-statement policy (conditions included), interleaved
    so that the machine's drift hits both alike; medians of three rounds each. Besides the rate, the server's
    CPU time per answered GET, which other load on the machine disturbs far less."""
    s3 = client(endpoint)
    body = os.urandom(SMALL)
    urls = {}
    for bucket in ("bench-plain", "bench-policy"):
        s3.create_bucket(Bucket=bucket)
        s3.put_object(Bucket=bucket, Key="small-get", Body=body)
        urls[bucket] = s3.generate_presigned_url(
            "get_object", Params={"Bucket": bucket, "Key": "small-get"}, ExpiresIn=3600)
    s3.put_bucket_policy(Bucket="bench-policy", Policy=json.dumps(POLICY))
    results = {}
    for connections in (1, 16):
        rounds = {"plain": [], "policy": []}
        for _ in range(3):
            for name, bucket in (("plain", "bench-plain"), ("policy", "bench-policy")):
                before = cpu_seconds(pid)
                result = wrk(urls[bucket], connections)
                answered = result["ops"] * float(DURATION.rstrip("s"))
                result["cpu_us"] = (cpu_seconds(pid) - before) / max(answered, 1) * 1e6
                rounds[name].append(result)
        for name, measured in rounds.items():
            median = sorted(measured, key=lambda r: r["ops"])[1]
            median["cpu_us"] = statistics.median(r["cpu_us"] for r in measured)
            results[(name, connections)] = median
    return results


def large_object(endpoint, pid, workdir):
    s3 = client(endpoint)
    put_url = s3.generate_presigned_url("put_object", Params={"Bucket": "bench", "Key": "large"}, ExpiresIn=3600)
    get_url = s3.generate_presigned_url("get_object", Params={"Bucket": "bench", "Key": "large"}, ExpiresIn=3600)
    size = LARGE_MB * 1024 * 1024
    source = workdir / "large.bin"
    if not source.exists():
        with open(source, "wb") as out:
            chunk = os.urandom(1024 * 1024)
            for _ in range(LARGE_MB):
                out.write(chunk)
    started = time.monotonic()
    subprocess.run(["curl", "-sf", "-o", "/dev/null", "-H", "Expect:", "-T", str(source), put_url], check=True, timeout=600)
    put_seconds = time.monotonic() - started
    get_rates = []
    for _ in range(3):
        started = time.monotonic()
        out = subprocess.run(
            ["curl", "-sf", "-o", "/dev/null", "-w", "%{size_download}", get_url], capture_output=True, text=True,
            check=True, timeout=600)
        get_rates.append(size / (time.monotonic() - started) / 1e6)
        assert int(out.stdout) == size, out.stdout
    return {
        "put": size / put_seconds / 1e6, "get": statistics.median(get_rates), "get_best": max(get_rates),
        "rss": peak_rss_mb(pid),
    }


def main(output):
    with tempfile.TemporaryDirectory(prefix="locals3-bench-") as temp:
        workdir = Path(temp)
        servers = {
            "LocalS3": start_locals3(workdir / "data"),
            "LocalS3 --no-fsync": start_locals3(workdir / "data-nofsync", "--no-fsync"),
            "moto": start_moto(),
        }
        try:
            small = small_objects(servers, workdir)
            local_process, local_endpoint = servers["LocalS3"]
            policy = policy_cost(local_endpoint, local_process.pid)
            nofsync, _ = servers.pop("LocalS3 --no-fsync")
            nofsync.terminate()
            nofsync.wait(timeout=30)
            local_large = large_object(local_endpoint, local_process.pid, workdir)
            moto_large = large_object(servers["moto"][1], servers["moto"][0].pid, workdir)
        finally:
            for process, _ in servers.values():
                process.terminate()
                process.wait(timeout=30)
    local_small, nofsync_small, moto_small = small["LocalS3"], small["LocalS3 --no-fsync"], small["moto"]
    rows = []

    def cell(result):
        text = f"{result['ops']:,.0f} ops/s (p50 {result['p50']:.2f} ms, p99 {result['p99']:.2f} ms)"
        if "rounds" in result:
            text += f"; rounds {', '.join(f'{ops:,.0f}' for ops in result['rounds'])}; {result['cpu_us']:.0f} µs CPU"
        return text + (f", {result['errors']} failed" if result["errors"] else "")

    for name in local_small:
        l, m = local_small[name], moto_small[name]
        rows.append(f"| {name} 10 KiB | {cell(l)} | {cell(m)} | {l['ops'] / m['ops']:.1f}x |")
    for name in nofsync_small:
        if name.startswith("PUT"):
            n, m = nofsync_small[name], moto_small[name]
            rows.append(f"| {name} 10 KiB, `--no-fsync` | {cell(n)} | {cell(m)} | {n['ops'] / m['ops']:.1f}x |")
    costs = []
    for connections in (1, 16):
        plain, with_policy = policy[("plain", connections)], policy[("policy", connections)]
        m = moto_small[f"GET c={connections}"]
        rows.append(
            f"| GET c={connections} 10 KiB, bucket with a 3-statement policy | {cell(with_policy)} | {cell(m)} "
            f"| {with_policy['ops'] / m['ops']:.1f}x |")
        costs.append(
            f"c={connections}: {plain['ops']:,.0f} -> {with_policy['ops']:,.0f} ops/s "
            f"({(with_policy['ops'] / plain['ops'] - 1) * 100:+.1f}%), server CPU per GET {plain['cpu_us']:.0f} -> "
            f"{with_policy['cpu_us']:.0f} µs ({(with_policy['cpu_us'] / plain['cpu_us'] - 1) * 100:+.1f}%)")
    rows.append(
        f"| PUT {LARGE_MB} MiB (one request) | {local_large['put']:,.0f} MB/s | {moto_large['put']:,.0f} MB/s "
        f"| {local_large['put'] / moto_large['put']:.1f}x |")
    rows.append(
        f"| GET {LARGE_MB} MiB (median of 3; best) | {local_large['get']:,.0f} MB/s ({local_large['get_best']:,.0f}) "
        f"| {moto_large['get']:,.0f} MB/s ({moto_large['get_best']:,.0f}) "
        f"| {local_large['get'] / moto_large['get']:.1f}x |")
    rows.append(
        f"| server peak RSS (VmHWM) after all of the above | {local_large['rss']:,.0f} MB | {moto_large['rss']:,.0f} MB "
        f"| {local_large['rss'] / moto_large['rss']:.2f}x |")
    text = "\n".join([
        "## LocalS3",
        "",
        f"`bench/locals3.py`: LocalS3 (release build, filesystem store, every write fsynced, every presigned "
        f"signature verified) beside moto_server (in memory, no signature checks), same run, same machine "
        f"({os.cpu_count()} cores shared by client and server). Small objects: wrk for {DURATION} per row "
        f"against SigV4 presigned URLs (PUT overwrites one key); the three servers (LocalS3, LocalS3 `--no-fsync`, "
        f"moto) run side by side and are measured in turn, row by row, over {ROUNDS} rounds; each cell is the "
        f"median round by rate, with every round's rate and the server's median CPU time per answered request. Large object: curl uploading a {LARGE_MB} MiB "
        f"file in one PUT, then downloading it to /dev/null. Targets: >= 10x moto on small objects, "
        f">= 1 GB/s for the large GET, flat memory. Rates count successful answers only; failures are listed "
        f"(moto answers some concurrent PUTs to one key with 500). Small PUTs are bounded by the disk's fsync "
        f"latency (object and directory are both fsynced before the 200); the `--no-fsync` rows show the same "
        f"server leaving flushing to the kernel.",
        "",
        "| measure | LocalS3 | moto | LocalS3 / moto |",
        "|---|---|---|---|",
        *rows,
        "",
        "Policy rows: the same 10 KiB GET from a bucket without and with a bucket policy of three statements (an "
        "Allow for another account, two Denies, one with a `NotIpAddress` condition), interleaved, median of three "
        "rounds each; moto does not evaluate policies, so its column is its plain GET. Without -> with the "
        "policy: " + "; ".join(costs) + ".",
        "",
    ])
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(text)
    print(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/benchmarks/locals3.md")
