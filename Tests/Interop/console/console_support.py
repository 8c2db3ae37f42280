"""Helpers for the console journeys: `lambda-emulator serve` with the JobsAI functions, a function that fails
until it is fixed, LocalDynamo, LocalS3, the fixture boards and the console; a headless Chromium that saves its
screenshots under .build/test-artifacts/console/."""

import http.client
import json
import os
import subprocess
import time
from pathlib import Path

import boto3
import requests
from botocore.config import Config
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from browser_support import Browser
from interop_support import stop_process

ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = ROOT / ".build" / "test-artifacts" / "console"
TABLE = "jobsai-jobs"
BUCKET = "jobsai-documents"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1"}
FINAL = {"cancelled", "complete", "error", "timed_out"}


def fixable_function(folder: Path, echo_bootstrap: Path) -> Path:
    """A function whose runtime fails its init while `broken` exists in its code folder (the file's text is the
    error); deleting the file is the fix, taken up by the next process the emulator starts."""
    folder.mkdir(parents=True, exist_ok=True)
    bootstrap = folder / "bootstrap"
    bootstrap.write_text(
        "#!/bin/sh\n"
        'if [ -f "$LAMBDA_TASK_ROOT/broken" ]; then export ECHO_INIT_FAIL="$(cat "$LAMBDA_TASK_ROOT/broken")"; fi\n'
        f'exec "{echo_bootstrap}"\n')
    bootstrap.chmod(0o755)
    return folder


class ConsoleStack:
    """`serve` on ephemeral ports (gateway with the site and /api, LocalDynamo, LocalS3, boards, console)."""

    def __init__(self, binary: Path, functions: dict, environment: dict, work: Path, extra=()):
        work.mkdir(parents=True, exist_ok=True)
        env_file = work / "env.json"
        env_file.write_text(json.dumps({"Parameters": environment}))
        args = [
            str(binary), "serve", "--port", "0", "--gateway-port", "0", "--dynamo-port", "0", "--s3-port", "0",
            "--boards-port", "0", "--console-port", "0", "--data-dir", str(work / "data"),
            "--site", str(ROOT / "frontend"), "--env-vars", str(env_file), "--gateway-function", "APIFunction",
            "--timeout", "120", "--retry-delays", "0.2", "--console-dir", str(ROOT / "console"),
            "--events-dir", str(ROOT / "events"), *extra,
        ]
        for name, code in functions.items():
            args += ["--function", f"{name}={code}"]
        self.log_path = work / "serve.log"
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log, text=True, cwd=work,
                                        env={**os.environ, **CREDENTIALS})
        line = self.process.stdout.readline()
        if not line:
            self.process.wait(timeout=10)
            raise RuntimeError("serve exited: " + self.log_path.read_text()[-4000:])
        self.ports = json.loads(line)
        self.url = f"http://127.0.0.1:{self.ports['gateway']}"
        self.console = f"http://127.0.0.1:{self.ports['console']}" if "console" in self.ports else None

    def client(self, service):
        port = self.ports[{"dynamodb": "dynamo", "s3": "s3", "lambda": "invoke"}[service]]
        return boto3.client(service, endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                            aws_access_key_id="test", aws_secret_access_key="test",
                            config=Config(retries={"max_attempts": 2}, s3={"addressing_style": "path"}))

    def create_storage(self):
        """The jobs table (TTL on `ttl`) and the documents bucket with the template's CORS and lifecycle."""
        dynamo = self.client("dynamodb")
        dynamo.create_table(
            TableName=TABLE, KeySchema=[{"AttributeName": "job_id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "job_id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
        dynamo.update_time_to_live(TableName=TABLE, TimeToLiveSpecification={"Enabled": True, "AttributeName": "ttl"})
        s3 = self.client("s3")
        s3.create_bucket(Bucket=BUCKET)
        s3.put_bucket_cors(Bucket=BUCKET, CORSConfiguration={"CORSRules": [{
            "AllowedOrigins": [self.url], "AllowedMethods": ["GET", "HEAD"], "AllowedHeaders": ["*"], "MaxAgeSeconds": 3000}]})
        s3.put_bucket_lifecycle_configuration(Bucket=BUCKET, LifecycleConfiguration={"Rules": [{
            "ID": "expire-letters", "Status": "Enabled", "Filter": {"Prefix": "documents/"}, "Expiration": {"Days": 1}}]})

    def api(self, path, method="GET", headers=None, body=None):
        """A raw request to the console with exactly these headers (`Host` included, when given)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.ports["console"], timeout=30)
        headers = dict(headers or {})
        connection.putrequest(method, path, skip_host="Host" in headers, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        data = body.encode() if isinstance(body, str) else body
        if data is not None:
            connection.putheader("Content-Length", str(len(data)))
        connection.endheaders(data)
        response = connection.getresponse()
        payload = response.read()
        connection.close()
        return response.status, payload

    def start_job(self, body):
        started = requests.post(f"{self.url}/api/start", data=body, headers={"content-type": "application/json"},
                                timeout=30)
        assert started.status_code == 202, started.text
        job_id = started.json()["job_id"]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            progress = requests.get(f"{self.url}/api/progress/{job_id}", timeout=30).json()
            if progress["status"] in FINAL:
                return job_id, progress
            time.sleep(0.2)
        raise AssertionError(f"job {job_id} did not finish; last progress {progress}")

    def stop(self):
        stop_process(self.process, grace=15)
        self.log.close()


class ConsoleBrowser(Browser):
    """The shared headless Chromium on the console: opens a section and waits for it to be drawn."""

    def __init__(self, downloads: Path, width=1280, height=900):
        super().__init__(downloads, ARTIFACTS, width, height)

    def open(self, url):
        self.driver.get(url)
        self.wait_ready()

    def go(self, console, route):
        """Shows `#/route` and waits for the view; a changed hash re-renders without a reload."""
        self.driver.get(f"{console}/#/{route}")
        self.wait_ready()

    def wait_ready(self, seconds=20):
        self.wait(seconds).until(lambda driver: driver.execute_script("return document.body.dataset.ready") == "true")

    def text(self, selector):
        """The element's text; read again when a live redraw replaced the element in between."""
        for _ in range(5):
            try:
                return self.css(selector).text
            except StaleElementReferenceException:
                continue
        return self.css(selector).text

    def wait_text(self, selector, expected, seconds=20):
        """Waits until the element's text contains `expected`; returns the text."""
        self.wait(seconds).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, selector), expected))
        return self.css(selector).text

    def shoot(self, name, widths=(1280, 768), height=900):
        """Screenshots of the current screen at each width (the layout reflows; the page is not reloaded)."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        paths = []
        for width in widths:
            self.driver.set_window_size(width, height)
            self.driver.execute_script("return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
            path = ARTIFACTS / f"{name}-{width}.png"
            self.driver.save_screenshot(str(path))
            paths.append(path)
        self.driver.set_window_size(widths[0], height)
        return paths
