"""The aws CLI and curl on the newer features: conditional writes, versioning, tagging, a POST form upload."""

import json
import subprocess
import sys
from pathlib import Path

from locals3_support import client

AWS = str(Path(sys.executable).parent / "aws")


def aws(env, *args, check=True):
    result = subprocess.run([AWS, *args], env=env, capture_output=True, text=True, timeout=120)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_cli_conditional_put_versions_and_tags(cli_env, tmp_path):
    body = tmp_path / "body.txt"
    body.write_text("first")
    aws(cli_env, "s3api", "create-bucket", "--bucket", "bkt")
    aws(cli_env, "s3api", "put-object", "--bucket", "bkt", "--key", "k", "--body", str(body), "--if-none-match", "*")
    refused = aws(cli_env, "s3api", "put-object", "--bucket", "bkt", "--key", "k", "--body", str(body),
                  "--if-none-match", "*", check=False)
    assert refused.returncode != 0 and "PreconditionFailed" in refused.stderr
    aws(cli_env, "s3api", "put-bucket-versioning", "--bucket", "bkt", "--versioning-configuration", "Status=Enabled")
    aws(cli_env, "s3api", "put-object", "--bucket", "bkt", "--key", "k", "--body", str(body), "--tagging", "a=1")
    versions = json.loads(aws(cli_env, "s3api", "list-object-versions", "--bucket", "bkt").stdout)["Versions"]
    assert [v["IsLatest"] for v in versions] == [True, False]
    assert versions[1]["VersionId"] == "null"
    tags = json.loads(aws(cli_env, "s3api", "get-object-tagging", "--bucket", "bkt", "--key", "k").stdout)
    assert tags["TagSet"] == [{"Key": "a", "Value": "1"}]


def test_curl_post_form_upload(server):
    s3 = client(server.endpoint, signature_version="s3v4")
    s3.create_bucket(Bucket="bkt")
    post = s3.generate_presigned_post(Bucket="bkt", Key="from-curl/${filename}", ExpiresIn=300,
                                      Conditions=[["starts-with", "$key", "from-curl/"]])
    args = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}"]
    for name, value in post["fields"].items():
        args += ["-F", f"{name}={value}"]
    args += ["-F", "file=@-;filename=note.txt", post["url"]]
    result = subprocess.run(args, input=b"sent by curl", capture_output=True, timeout=60)
    assert result.stdout == b"204", result.stderr
    assert s3.get_object(Bucket="bkt", Key="from-curl/note.txt")["Body"].read() == b"sent by curl"
