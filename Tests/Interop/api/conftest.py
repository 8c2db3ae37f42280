"""Fixtures for the API interop suite: `lambda-emulator serve` hosting APIFunction and WorkerFunction."""

import json
import os
import subprocess

import boto3
import pytest
from botocore.config import Config
from interop_support import stop_process

TABLE = "jobsai-jobs"
BUCKET = "jobsai-documents"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1"}


class Stack:
    """A running `serve` with LocalDynamo and LocalS3, the jobs table and the documents bucket created."""

    def __init__(self, swift_bin, root, settings):
        self.root = root
        functions = []
        for name in ("APIFunction", "WorkerFunction"):
            code = root / name
            code.mkdir(parents=True)
            (code / "bootstrap").symlink_to(swift_bin / name)
            functions += ["--function", f"{name}={code}"]
        parameters = {
            "DYNAMODB_TABLE_NAME": TABLE,
            "S3_DOCUMENTS_BUCKET": BUCKET,
            "WORKER_LAMBDA_FUNCTION_NAME": "WorkerFunction",
            "LLM_PROVIDER": "offline",
            # Boards nobody listens on: a real worker fails fast instead of reaching the internet.
            "DUUNITORI_BASE_URL": "http://127.0.0.1:9/duunitori",
            "JOBLY_BASE_URL": "http://127.0.0.1:9/jobly",
            "SCRAPER_DELAY_SECONDS": "0",
            "LOG_LEVEL": "info",
        }
        parameters.update(settings)
        env_file = root / "env.json"
        env_file.write_text(json.dumps({"Parameters": parameters}))
        args = [
            str(swift_bin / "lambda-emulator"), "serve", "--port", "0", "--console-port", "0", "--gateway-port", "0", "--dynamo-port", "0",
            "--s3-port", "0", "--data-dir", str(root / "data"), "--gateway-function", "APIFunction",
            "--env-vars", str(env_file), "--retry-delays", "0.1,0.1", *functions,
        ]
        self.log = open(root / "serve.log", "w")
        self.process = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=self.log, text=True, env={**os.environ, **CREDENTIALS}
        )
        line = self.process.stdout.readline()
        if not line:
            self.process.wait(timeout=10)
            raise RuntimeError("serve exited: " + (root / "serve.log").read_text())
        ports = json.loads(line)
        self.url = f"http://127.0.0.1:{ports['gateway']}"
        self.lambda_client = self._client("lambda", ports["invoke"])
        self.dynamo = self._client("dynamodb", ports["dynamo"])
        self.s3 = self._client("s3", ports["s3"])
        self.dynamo.create_table(
            TableName=TABLE,
            KeySchema=[{"AttributeName": "job_id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "job_id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        self.dynamo.update_time_to_live(
            TableName=TABLE, TimeToLiveSpecification={"Enabled": True, "AttributeName": "ttl"}
        )
        self.s3.create_bucket(Bucket=BUCKET)

    @staticmethod
    def _client(service, port):
        return boto3.client(
            service,
            endpoint_url=f"http://127.0.0.1:{port}",
            region_name="us-east-1",
            aws_access_key_id="test",
            aws_secret_access_key="test",
            config=Config(retries={"max_attempts": 1}, s3={"addressing_style": "path"}),
        )

    def stop(self):
        stop_process(self.process, grace=15)
        self.process.stdout.close()
        self.log.close()


@pytest.fixture
def start_stack(swift_bin, tmp_path):
    """Starts a stack with the given environment overrides; every stack is stopped at teardown."""
    stacks = []

    def start(**settings):
        stack = Stack(swift_bin, tmp_path / f"stack{len(stacks)}", {k: str(v) for k, v in settings.items()})
        stacks.append(stack)
        return stack

    yield start
    for stack in stacks:
        stack.stop()
