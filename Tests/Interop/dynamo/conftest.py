"""Fixtures for LocalDynamo interop tests: a server from the debug build on a free port in a tmp dir."""

import json
import os
import signal
import subprocess
import uuid

import boto3
import pytest
from dynamo_helpers import make_client
from interop_support import stop_process


class DynamoServer:
    """A running `lambda-emulator dynamo` process and the endpoint it printed."""

    def __init__(self, binary, data_dir, extra=()):
        self.binary = binary
        self.data_dir = data_dir
        self.extra = list(extra)
        self.process = None
        self.endpoint = None

    def start(self):
        args = [str(self.binary), "dynamo", "--port", "0", "--data-dir", str(self.data_dir), *self.extra]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        # The server prints one JSON line {"dynamodb": "http://127.0.0.1:PORT"} once it listens.
        for line in self.process.stdout:
            if line.startswith('{"dynamodb"'):
                self.endpoint = json.loads(line)["dynamodb"]
                break
        if self.endpoint is None:
            raise RuntimeError(f"LocalDynamo exited with {self.process.wait()} before printing its endpoint")
        return self

    def kill9(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        stop_process(self.process, grace=10)


@pytest.fixture(scope="session")
def emulator_binary(swift_bin):
    return swift_bin / "lambda-emulator"


@pytest.fixture(scope="session")
def dynamo_server(emulator_binary, tmp_path_factory):
    server = DynamoServer(emulator_binary, tmp_path_factory.mktemp("localdynamo"), ["--ttl-period", "0.2"]).start()
    yield server
    server.stop()


@pytest.fixture
def start_server(emulator_binary, tmp_path):
    """Starts extra servers (for kill -9 tests); stops whatever is left at the end."""
    started = []

    def start(data_dir=None, extra=()):
        server = DynamoServer(emulator_binary, data_dir or tmp_path, extra).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def ddb(dynamo_server, aws_env):
    return make_client(dynamo_server.endpoint)


@pytest.fixture
def ddb_resource(dynamo_server, aws_env):
    return boto3.resource(
        "dynamodb",
        endpoint_url=dynamo_server.endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


@pytest.fixture
def table_name():
    return f"t_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def jobs_table(ddb, table_name):
    """A hash-only table `pk` (S), deleted afterwards."""
    ddb.create_table(
        TableName=table_name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    yield table_name
    ddb.delete_table(TableName=table_name)


@pytest.fixture
def range_table(ddb, table_name):
    """A table with `pk` (S) and numeric sort key `sk` (N)."""
    ddb.create_table(
        TableName=table_name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "N"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    yield table_name
    ddb.delete_table(TableName=table_name)
