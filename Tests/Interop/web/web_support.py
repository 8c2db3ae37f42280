"""Helpers for the web journeys: a running `lambda-emulator serve` with the JobsAI functions and the site,
and a headless Chromium that keeps its console log and saves artifacts under .build/test-artifacts/web/."""

import base64
import json
import os
import subprocess
from pathlib import Path

import boto3
from botocore.config import Config
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from browser_support import Browser as SharedBrowser
from interop_support import stop_process

ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = ROOT / ".build" / "test-artifacts" / "web"
TABLE = "jobsai-jobs"
BUCKET = "jobsai-documents"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1"}


class Stack:
    """`lambda-emulator serve` on ephemeral ports: gateway (site + /api), LocalDynamo, LocalS3."""

    def __init__(self, binary: Path, functions: dict, environment: dict, work: Path, site: Path):
        work.mkdir(parents=True, exist_ok=True)
        env_file = work / "env.json"
        env_file.write_text(json.dumps({"Parameters": environment}))
        args = [
            str(binary), "serve", "--port", "0", "--console-port", "0", "--gateway-port", "0", "--dynamo-port", "0", "--s3-port", "0",
            "--data-dir", str(work / "data"), "--site", str(site), "--env-vars", str(env_file),
            "--gateway-function", "APIFunction", "--timeout", "120",
        ]
        for name, code in functions.items():
            args += ["--function", f"{name}={code}"]
        args += ["--boards-port", "0"]
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

    def client(self, service):
        port = self.ports[{"dynamodb": "dynamo", "s3": "s3", "lambda": "invoke"}[service]]
        return boto3.client(service, endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                            aws_access_key_id="test", aws_secret_access_key="test",
                            config=Config(retries={"max_attempts": 2}, s3={"addressing_style": "path"}))

    def create_storage(self, table=TABLE, bucket=BUCKET):
        """The jobs table (TTL on `ttl`) and the documents bucket, as the template declares them."""
        dynamo = self.client("dynamodb")
        if table not in dynamo.list_tables()["TableNames"]:
            dynamo.create_table(
                TableName=table, KeySchema=[{"AttributeName": "job_id", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "job_id", "AttributeType": "S"}],
                BillingMode="PAY_PER_REQUEST")
            dynamo.update_time_to_live(
                TableName=table, TimeToLiveSpecification={"Enabled": True, "AttributeName": "ttl"})
        s3 = self.client("s3")
        if bucket not in {entry["Name"] for entry in s3.list_buckets()["Buckets"]}:
            s3.create_bucket(Bucket=bucket)

    def stop(self):
        stop_process(self.process, grace=15)
        self.log.close()


class Browser(SharedBrowser):
    """The shared headless Chromium, saving under .build/test-artifacts/web/, with the questionnaire page's views."""

    def __init__(self, downloads: Path, width=1280, height=1000):
        super().__init__(downloads, ARTIFACTS, width, height)

    def open(self, url):
        self.driver.get(url)
        self.wait(20).until(EC.visibility_of_element_located((By.ID, "view-form")))

    def view(self):
        return self.driver.execute_script("return document.body.dataset.view")

    def wait_view(self, name, seconds=10):
        self.wait(seconds).until(lambda _: self.view() == name)

    def save_page(self, name, part_height=1000):
        """A screenshot of the whole page, not only the window (for looking at a layout from top to bottom); a
        page taller than two parts is also saved in parts of `part_height` pixels (`name-part1.png`, ...), which
        stay legible when a narrow page is long."""
        self.artifacts.mkdir(parents=True, exist_ok=True)
        size = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        # While it captures beyond the window, Chromium drops the scroll bar: the page is as wide as the window.
        size["width"] = self.driver.execute_script("return window.innerWidth")

        def capture(top, height):
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": top, "width": size["width"], "height": height, "scale": 1}})
            return base64.b64decode(shot["data"])

        (self.artifacts / f"{name}.png").write_bytes(capture(0, size["height"]))
        if size["height"] > 2 * part_height:
            for number, top in enumerate(range(0, int(size["height"]), part_height), start=1):
                (self.artifacts / f"{name}-part{number}.png").write_bytes(
                    capture(top, min(part_height, size["height"] - top)))

    def accessibility_problems(self):
        """Checks in the spirit of axe on what is shown now: every control (buttons, links, fields, tabs, sliders)
        has an accessible name as Chromium computes it; ids are unique; every id an ARIA attribute or a label's
        `for` names exists. Returns the problems found, as text."""
        problems = []
        self.driver.execute_cdp_cmd("Accessibility.enable", {})
        nodes = self.driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
        controls = {"button", "link", "textbox", "checkbox", "radio", "slider", "tab", "combobox", "spinbutton",
                    "searchbox", "menuitem", "switch", "listbox"}
        for node in nodes:
            role = node.get("role", {}).get("value")
            if node.get("ignored") or role not in controls:
                continue
            name = (node.get("name") or {}).get("value", "")
            if not str(name).strip():
                problems.append(f"a {role} without an accessible name (DOM node {node.get('backendDOMNodeId')})")
        problems += self.driver.execute_script(r"""
            const found = [];
            const seen = new Map();
            for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
            for (const [id, count] of seen) if (count > 1) found.push(`id "${id}" is used ${count} times`);
            const refs = ['aria-controls', 'aria-labelledby', 'aria-describedby', 'for'];
            for (const attribute of refs) {
              for (const element of document.querySelectorAll(`[${attribute}]`)) {
                for (const id of element.getAttribute(attribute).split(/\s+/).filter(Boolean)) {
                  if (!document.getElementById(id)) found.push(`${attribute}="${id}" on <${element.tagName.toLowerCase()}> names no element`);
                }
              }
            }
            if (!document.documentElement.lang) found.push('the page has no lang');
            return found;
        """)
        return problems
