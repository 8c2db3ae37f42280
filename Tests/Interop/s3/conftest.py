"""Fixtures for LocalS3 interop tests: a `lambda-emulator s3` server on an ephemeral port."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from locals3_support import ACCESS_KEY, SECRET_KEY, client
from interop_support import stop_process


class LocalS3Server:
    """One running `lambda-emulator s3 --port 0` process and its data directory."""

    def __init__(self, binary: Path, data_dir: Path, extra_args=()):
        self.binary = binary
        self.data_dir = data_dir
        self.extra_args = list(extra_args)
        self.process = None
        self.endpoint = None

    def start(self):
        self.process = subprocess.Popen(
            [str(self.binary), "s3", "--port", "0", "--data-dir", str(self.data_dir), *self.extra_args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for line in self.process.stdout:
            line = line.strip()
            if line.startswith("{"):
                self.endpoint = json.loads(line)["s3"]
                break
        if self.endpoint is None:
            raise RuntimeError(f"LocalS3 did not print its endpoint: {self.process.stderr.read()}")
        return self

    @property
    def port(self) -> int:
        return int(self.endpoint.rsplit(":", 1)[1])

    def stop(self):
        stop_process(self.process, grace=10)

    def kill(self):
        self.process.kill()
        self.process.wait(timeout=10)

    def peak_rss_kb(self) -> int:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        raise RuntimeError("VmHWM not found")


@pytest.fixture
def make_server(swift_bin, tmp_path):
    """Starts servers on demand (each test may restart on the same data directory); stops them after."""
    servers = []

    def start(data_dir: Path | None = None, credentials: Path | None = None) -> LocalS3Server:
        directory = data_dir or (tmp_path / "data")
        directory.mkdir(parents=True, exist_ok=True)
        extra = ["--credentials", str(credentials)] if credentials else []
        server = LocalS3Server(swift_bin / "lambda-emulator", directory, extra).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def server(make_server):
    return make_server()


@pytest.fixture(params=["default", "s3v4"])
def s3(request, server):
    """A boto3 client with its default config (SigV2 presign) and one with `s3v4`."""
    if request.param == "default":
        return client(server.endpoint)
    return client(server.endpoint, signature_version="s3v4")


@pytest.fixture
def cli_env(server):
    """Environment for `.venv/bin/aws` pointed at the server."""
    env = dict(os.environ)
    env.update(
        AWS_ACCESS_KEY_ID=ACCESS_KEY,
        AWS_SECRET_ACCESS_KEY=SECRET_KEY,
        AWS_DEFAULT_REGION="us-east-1",
        AWS_ENDPOINT_URL=server.endpoint,
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
    )
    env.pop("AWS_PROFILE", None)
    return env
