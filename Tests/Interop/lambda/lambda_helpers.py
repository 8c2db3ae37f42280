"""Helpers for the Lambda emulator interop suite: Python functions on awslambdaric, a running `serve`."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import boto3
from botocore.config import Config
from interop_support import stop_process

VENV_PYTHON = Path(sys.executable)

APP = textwrap.dedent(
    '''
    import json, os, sys, time

    def ok(event, context):
        return {"echo": event, "function": context.function_name,
                "remaining": context.get_remaining_time_in_millis(), "pid": os.getpid()}

    def boom(event, context):
        raise ValueError("something broke")

    def slow(event, context):
        time.sleep(event.get("seconds", 5))
        return "done"

    def crash(event, context):
        os._exit(3)

    def ctx(event, context):
        client_context = context.client_context
        return {"custom": client_context.custom if client_context else None,
                "trace": os.environ.get("_X_AMZN_TRACE_ID"), "request_id": context.aws_request_id}

    def noisy(event, context):
        print("hello from python", flush=True)
        return "ok"

    def noop(event, context):
        return event

    def services(event, context):
        import boto3
        dynamo = boto3.client("dynamodb")
        dynamo.create_table(TableName="jobs", KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
                            AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
                            BillingMode="PAY_PER_REQUEST")
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket="letters")
        s3.put_object(Bucket="letters", Key="a.txt", Body=b"hello")
        return {"tables": dynamo.list_tables()["TableNames"],
                "object": s3.get_object(Bucket="letters", Key="a.txt")["Body"].read().decode(),
                "endpoints": [os.environ.get("AWS_ENDPOINT_URL_DYNAMODB"), os.environ.get("AWS_ENDPOINT_URL_S3")]}

    def timed(event, context):
        started = time.time()
        if event.get("fail"):
            with open(os.environ["RECORD_FILE"], "a") as out:
                out.write(json.dumps({"n": event.get("n"), "start": started, "end": started, "failed": True}) + "\\n")
            raise RuntimeError("asked to fail")
        time.sleep(event.get("seconds", 1))
        with open(os.environ["RECORD_FILE"], "a") as out:
            out.write(json.dumps({"n": event.get("n"), "start": started, "end": time.time(), "pid": os.getpid()}) + "\\n")
        return "done"

    def exit_soon(event, context):
        import threading
        threading.Timer(0.2, lambda: os._exit(0)).start()
        return {"pid": os.getpid()}

    def maybe_big(event, context):
        if event.get("big"):
            return "a" * 7_000_000
        return {"pid": os.getpid()}

    def record(event, context):
        with open(os.environ["RECORD_FILE"], "a") as out:
            out.write(json.dumps({"run": os.environ.get("RUN"), "event": event}) + "\\n")
        if event.get("fail"):
            raise RuntimeError("asked to fail")
        return "recorded"
    '''
)

BROKEN = "raise RuntimeError('import-time failure')\n"


def python_function(root: Path, name: str, handler: str, delay: float = 0) -> str:
    """Lays out a function whose bootstrap runs `handler` under awslambdaric; returns `NAME=DIR`."""
    code = root / name
    code.mkdir(parents=True, exist_ok=True)
    (code / "app.py").write_text(APP)
    (code / "broken.py").write_text(BROKEN)
    pause = f"sleep {delay}\n" if delay else ""
    bootstrap = code / "bootstrap"
    bootstrap.write_text(
        f"#!/bin/sh\n{pause}export LAMBDA_DISABLE_PREVIEW_WARN=1\nexec {VENV_PYTHON} -m awslambdaric {handler}\n"
    )
    bootstrap.chmod(0o755)
    return f"{name}={code}"


class Emulator:
    """A running `lambda-emulator serve`, stopped by `stop()` or `kill()`."""

    def __init__(self, binary: Path, functions: list, data_dir: Path, extra: list, local_services: bool = False):
        args = [str(binary), "serve", "--port", "0", "--console-port", "0", "--data-dir", str(data_dir), "--retry-delays", "0.1,0.1"]
        args += ["--boards-port", "0"]
        args += ["--dynamo-port", "0", "--s3-port", "0"] if local_services else ["--no-local-services"]
        for spec in functions:
            args += ["--function", spec]
        self.process = subprocess.Popen(args + extra, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("serve exited: " + self.process.stderr.read())
        ports = json.loads(line)
        self.port = ports["invoke"]
        self.gateway_port = ports.get("gateway")
        self.dynamo_port = ports.get("dynamo")
        self.s3_port = ports.get("s3")
        self.endpoint = f"http://127.0.0.1:{self.port}"

    def client(self, **config):
        return boto3.client(
            "lambda",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            config=Config(read_timeout=60, retries={"max_attempts": 1}, **config),
        )

    def stop(self):
        stop_process(self.process, grace=10)

    def kill(self):
        self.process.kill()
        self.process.wait()


STREAMING_BOOTSTRAP = """#!/bin/sh
API="http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime"
while true; do
  ID=$(curl -s -D - -o /dev/null "$API/invocation/next" | tr -d '\\r' \\
       | awk 'tolower($1) == "lambda-runtime-aws-request-id:" { print $2 }')
  (if [ -n "$BIG" ]; then head -c "$BIG" /dev/zero; exit; fi
   if [ -n "$PRELUDE" ]; then printf '%s' "$PRELUDE"; printf '\\000\\000\\000\\000\\000\\000\\000\\000'; fi
   printf 'first\\n'; sleep 1; printf 'second\\n') | curl -s -o /dev/null -X POST -T - -H "Expect:" \\
    -H "Lambda-Runtime-Function-Response-Mode: streaming" -H "Content-Type: $CONTENT_TYPE" \\
    "$API/invocation/$ID/response"
done
"""


def streaming_function(root: Path, name: str) -> str:
    """A runtime (shell and curl) that streams `first`, waits a second, then streams `second` (after the
    HTTP-integration prelude `$PRELUDE` and its 8 NUL bytes, when set), or `$BIG` zero bytes at once; `NAME=DIR`."""
    code = root / name
    code.mkdir(parents=True, exist_ok=True)
    bootstrap = code / "bootstrap"
    bootstrap.write_text(STREAMING_BOOTSTRAP)
    bootstrap.chmod(0o755)
    return f"{name}={code}"
