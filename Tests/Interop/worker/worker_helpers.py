"""Helpers for the worker interop suite: `serve` with APIFunction, WorkerFunction and the fixture boards."""

import json
import os
import subprocess
import time
from datetime import datetime, timedelta, timezone

import boto3
import requests
from botocore.config import Config
from interop_support import stop_process

TABLE = "jobsai-jobs"
BUCKET = "jobsai-documents"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1"}
FINAL = {"cancelled", "complete", "error", "timed_out"}

ANSWERS = {
    "general": [
        {"job-level": ["Expert-level", "Intermediate"]},
        {"job-boards": ["Duunitori", "Jobly"]},
        {"deep-mode": "Yes"},
        {"cover-letter-num": 3},
        {"cover-letter-style": ["Professional", "Friendly"]},
    ],
    "languages": [{"python": 7}, {"javascript": 5}, {"sql": 6}],
    "web-frameworks": [{"django": 5}, {"react": 4}],
    "databases": [{"postgresql": 6}],
    "cloud-development": [{"docker": 5}],
    "additional-info": [{"additional-info": "I build reliable web services. I enjoy mentoring and clean code."}],
    "about-you": [{"name": "Aino Virtanen"}, {"email": "aino@example.com"}, {"city": "Tampere"}],
}


class WorkerStack:
    """`lambda-emulator serve` hosting both functions (offline writer) beside LocalDynamo, LocalS3 and the
    fixture boards, with the jobs table and the documents bucket created."""

    def __init__(self, swift_bin, root):
        functions = []
        for name in ("APIFunction", "WorkerFunction"):
            code = root / name
            code.mkdir(parents=True)
            (code / "bootstrap").symlink_to(swift_bin / name)
            functions += ["--function", f"{name}={code}"]
        env_file = root / "env.json"
        env_file.write_text(json.dumps({"Parameters": {
            "DYNAMODB_TABLE_NAME": TABLE, "S3_DOCUMENTS_BUCKET": BUCKET, "WORKER_LAMBDA_FUNCTION_NAME": "WorkerFunction",
            "LLM_PROVIDER": "offline", "LOG_LEVEL": "info",
        }}))
        args = [
            str(swift_bin / "lambda-emulator"), "serve", "--port", "0", "--console-port", "0", "--gateway-port", "0", "--dynamo-port", "0",
            "--s3-port", "0", "--boards-port", "0", "--data-dir", str(root / "data"), "--timeout", "120",
            "--gateway-function", "APIFunction", "--env-vars", str(env_file), "--retry-delays", "0.1,0.1", *functions,
        ]
        self.log_path = root / "serve.log"
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=self.log, text=True, env={**os.environ, **CREDENTIALS}
        )
        line = self.process.stdout.readline()
        if not line:
            self.process.wait(timeout=10)
            raise RuntimeError("serve exited: " + self.log_path.read_text())
        ports = json.loads(line)
        self.url = f"http://127.0.0.1:{ports['gateway']}"
        self.boards = f"http://127.0.0.1:{ports['boards']}"
        self.lambda_client = self._client("lambda", ports["invoke"], read_timeout=150)
        self.dynamo = self._client("dynamodb", ports["dynamo"])
        self.s3 = self._client("s3", ports["s3"])
        self.dynamo.create_table(
            TableName=TABLE,
            KeySchema=[{"AttributeName": "job_id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "job_id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        self.s3.create_bucket(Bucket=BUCKET)

    @staticmethod
    def _client(service, port, read_timeout=60):
        return boto3.client(
            service, endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
            aws_access_key_id="test", aws_secret_access_key="test",
            config=Config(retries={"max_attempts": 1}, read_timeout=read_timeout, s3={"addressing_style": "path"}),
        )

    def create_job(self, job_id, deadline_seconds=900):
        """The item the API writes for a new job (contract attributes)."""
        now = datetime.now(timezone.utc)
        stamp = lambda moment: moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")  # noqa: E731
        self.dynamo.put_item(TableName=TABLE, Item={
            "job_id": {"S": job_id}, "status": {"S": "queued"}, "created_at": {"S": stamp(now)},
            "deadline_at": {"S": stamp(now + timedelta(seconds=deadline_seconds))}, "updated_at": {"S": stamp(now)},
            "ttl": {"N": str(int(now.timestamp()) + 86400)},
        })

    def job(self, job_id):
        return self.dynamo.get_item(TableName=TABLE, Key={"job_id": {"S": job_id}}, ConsistentRead=True)["Item"]

    def progress(self, job_id):
        return requests.get(f"{self.url}/api/progress/{job_id}", timeout=30).json()

    def wait_until_final(self, job_id, limit=90.0):
        deadline = time.monotonic() + limit
        while True:
            body = self.progress(job_id)
            if body["status"] in FINAL or time.monotonic() > deadline:
                return body
            time.sleep(0.1)

    def stop(self):
        stop_process(self.process, grace=15)
        self.process.stdout.close()
        self.log.close()
