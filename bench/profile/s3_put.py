"""Profiles LocalS3's presigned 10 KiB PUT by instruction counts, which stay repeatable on a loaded machine.

Not run by `make bench` (it lives below bench/, not in it): it needs valgrind and takes minutes. One LocalS3
server (release build, under callgrind) takes presigned PUTs of 10 KiB to one key from one keep-alive
connection (`http.client`, the headers wrk sends: Host and Content-Length). Instructions (Ir) are counted in
the server between two `callgrind_control --dump`s around PUTS PUTs, after 200 warm-up PUTs; the report is
`warm_invoke.py`'s (inclusive and self instructions per PUT). The same valgrind work-arounds apply.

Usage: BENCH_BIN=<release bin dir> python bench/profile/s3_put.py [PUTS]
"""

import http.client
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import boto3
from botocore.config import Config

from warm_invoke import ROOT, report_callgrind

SMALL = 10 * 1024


def valgrind_ready(root, bin_dir):
    """A copy of the emulator without DWARF and the sigsuspend shim (see `warm_invoke.valgrind_ready`)."""
    binary = root / "lambda-emulator"
    subprocess.run(["strip", "--strip-debug", "-o", str(binary), str(bin_dir / "lambda-emulator")], check=True)
    shim = root / "sigsuspend_shim.so"
    source = Path(__file__).with_name("sigsuspend_shim.c")
    subprocess.run(["cc", "-shared", "-fPIC", "-O2", "-o", str(shim), str(source)], check=True)
    return binary, f"LD_PRELOAD={shim}"


def put(connection, target, body):
    connection.putrequest("PUT", target, skip_accept_encoding=True)
    connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body)
    response = connection.getresponse()
    answer = response.read()
    if response.status != 200:
        raise RuntimeError(f"PUT answered {response.status}: {answer!r}")


def main(count):
    bin_dir = Path(os.environ.get("BENCH_BIN", ROOT / ".build/release"))
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        binary, preload = valgrind_ready(root, bin_dir)
        out = root / "callgrind.out"
        args = ["env", preload, "valgrind", "--tool=callgrind", "--fair-sched=yes", f"--callgrind-out-file={out}",
                "--dump-instr=no", str(binary), "s3", "--port", "0", "--data-dir", str(root / "data")]
        server = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=open(root / "server.log", "w"), text=True)
        try:
            endpoint = next(json.loads(line)["s3"] for line in server.stdout if line.startswith("{"))
            s3 = boto3.client(
                "s3", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test",
                region_name="us-east-1", config=Config(signature_version="s3v4"))
            s3.create_bucket(Bucket="bench")
            url = urlsplit(s3.generate_presigned_url(
                "put_object", Params={"Bucket": "bench", "Key": "small-put"}, ExpiresIn=3600))
            target = f"{url.path}?{url.query}"
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
            body = os.urandom(SMALL)
            for _ in range(200):
                put(connection, target, body)
            subprocess.run(["callgrind_control", "--dump", str(server.pid)], check=True, capture_output=True)
            for _ in range(count):
                put(connection, target, body)
            subprocess.run(["callgrind_control", "--dump", str(server.pid)], check=True, capture_output=True)
            report_callgrind(out, count)
        finally:
            server.terminate()
            server.wait(timeout=60)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
