"""`serve --site`: the page and `/api` share the gateway's origin; the site comes from LocalS3's website bucket."""

import json
import subprocess
import sys
import urllib.error
import urllib.request

import boto3

from web_support import ROOT, Stack

STUB = """
import json

def handler(event, context):
    return {"statusCode": 200, "headers": {"content-type": "application/json"},
            "body": json.dumps({"path": event["rawPath"], "method": event["requestContext"]["http"]["method"]})}
"""


def fetch(url, method="GET"):
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def stub_api(folder):
    """An awslambdaric function answering with the path it was invoked for."""
    folder.mkdir()
    (folder / "app.py").write_text(STUB)
    bootstrap = folder / "bootstrap"
    bootstrap.write_text(f"#!/bin/sh\nexport LAMBDA_DISABLE_PREVIEW_WARN=1\nexec {sys.executable} -m awslambdaric app.handler\n")
    bootstrap.chmod(0o755)
    return folder


def test_site_and_api_share_the_gateway(swift_bin, tmp_path):
    stack = Stack(swift_bin / "lambda-emulator", {"APIFunction": stub_api(tmp_path / "api")}, {}, tmp_path / "stack",
                  ROOT / "frontend")
    try:
        status, headers, body = fetch(stack.url + "/")
        assert status == 200
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert body == (ROOT / "frontend" / "index.html").read_bytes()

        for path, content_type in [("/js/main.js", "text/javascript; charset=utf-8"),
                                   ("/css/app.css", "text/css; charset=utf-8")]:
            status, headers, body = fetch(stack.url + path)
            assert (status, headers["Content-Type"]) == (200, content_type)
            assert body == (ROOT / "frontend" / path.lstrip("/")).read_bytes()

        status, headers, body = fetch(stack.url + "/no/such/page")
        assert status == 404
        assert b"Page not found" in body

        status, headers, body = fetch(stack.url + "/index.html", method="HEAD")
        assert status == 200 and body == b""
        assert int(headers["Content-Length"]) == (ROOT / "frontend" / "index.html").stat().st_size

        status, _, body = fetch(stack.url + "/api/health")
        assert status == 200
        assert json.loads(body) == {"path": "/api/health", "method": "GET"}

        # The bucket is a real LocalS3 website bucket: boto3 sees the uploaded files and the configuration.
        s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{stack.ports['s3']}", region_name="us-east-1",
                          aws_access_key_id="test", aws_secret_access_key="test")
        keys = {item["Key"] for item in s3.list_objects_v2(Bucket="jobsai-site")["Contents"]}
        assert {"index.html", "error.html", "css/app.css", "js/main.js"} <= keys
        assert s3.get_bucket_website(Bucket="jobsai-site")["IndexDocument"] == {"Suffix": "index.html"}
    finally:
        stack.stop()


def test_template_website_bucket_names_the_site_bucket(swift_bin, tmp_path):
    api = stub_api(tmp_path / "api")
    template = tmp_path / "template.yaml"
    template.write_text(f"""
Resources:
  APIFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: {api}
      Handler: bootstrap
      Runtime: provided.al2023
      FunctionUrlConfig:
        AuthType: NONE
  SiteBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "${{AWS::StackName}}-web"
      WebsiteConfiguration:
        IndexDocument: index.html
""")
    env_file = tmp_path / "env.json"
    env_file.write_text("{}")
    process = subprocess.Popen(
        [str(swift_bin / "lambda-emulator"), "serve", "--template", str(template), "--port", "0", "--gateway-port", "0", "--console-port", "0",
         "--dynamo-port", "0", "--s3-port", "0", "--data-dir", str(tmp_path / "data"), "--site", str(ROOT / "frontend")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        ports = json.loads(process.stdout.readline())
        s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{ports['s3']}", region_name="us-east-1",
                          aws_access_key_id="test", aws_secret_access_key="test")
        assert "local-web" in {bucket["Name"] for bucket in s3.list_buckets()["Buckets"]}
        status, _, body = fetch(f"http://127.0.0.1:{ports['gateway']}/")
        assert status == 200 and b"JobsAI" in body
    finally:
        process.terminate()
        process.wait(timeout=15)
