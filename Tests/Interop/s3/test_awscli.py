"""The aws CLI (v1, from the .venv) against LocalS3: s3 cp|sync|ls|rm|presign, s3api calls."""

import json
import subprocess
import sys
from pathlib import Path

AWS = str(Path(sys.executable).parent / "aws")


def aws(env, *args, check=True):
    result = subprocess.run([AWS, *args], env=env, capture_output=True, text=True, timeout=120)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_s3_commands(cli_env, tmp_path):
    aws(cli_env, "s3", "mb", "s3://frontend")
    site = tmp_path / "dist"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<h1>JobsAI</h1>")
    (site / "assets" / "app.js").write_text("console.log('hi')")
    (site / "big.bin").write_bytes(b"\x01" * (9 * 1024 * 1024))  # above the CLI's multipart threshold
    aws(cli_env, "s3", "sync", str(site), "s3://frontend")
    listing = aws(cli_env, "s3", "ls", "--recursive", "s3://frontend").stdout
    for name in ["index.html", "assets/app.js", "big.bin"]:
        assert name in listing
    again = aws(cli_env, "s3", "sync", str(site), "s3://frontend").stdout
    assert again.strip() == "", "an unchanged tree uploads nothing"
    aws(cli_env, "s3", "cp", "s3://frontend/big.bin", str(tmp_path / "back.bin"))
    assert (tmp_path / "back.bin").read_bytes() == (site / "big.bin").read_bytes()
    aws(cli_env, "s3", "website", "s3://frontend", "--index-document", "index.html", "--error-document", "index.html")
    website = json.loads(aws(cli_env, "s3api", "get-bucket-website", "--bucket", "frontend").stdout)
    assert website["IndexDocument"]["Suffix"] == "index.html"
    presigned = aws(cli_env, "s3", "presign", "s3://frontend/index.html", "--expires-in", "60").stdout.strip()
    fetched = subprocess.run(["curl", "-s", "-o", "-", "-w", "%{http_code}", presigned], capture_output=True, text=True)
    assert fetched.stdout == "<h1>JobsAI</h1>200"
    aws(cli_env, "s3", "rm", "--recursive", "s3://frontend")
    assert aws(cli_env, "s3", "ls", "s3://frontend").stdout.strip() == ""
    aws(cli_env, "s3", "rb", "s3://frontend")


def test_s3api_calls(cli_env, tmp_path):
    aws(cli_env, "s3api", "create-bucket", "--bucket", "documents")
    body = tmp_path / "letter.docx"
    body.write_bytes(b"PK\x03\x04 fake docx")
    put = json.loads(aws(
        cli_env, "s3api", "put-object", "--bucket", "documents", "--key", "job-1/letter.docx", "--body", str(body),
        "--content-type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "--metadata", "job-id=1",
    ).stdout)
    assert put["ETag"].startswith('"')
    head = json.loads(aws(cli_env, "s3api", "head-object", "--bucket", "documents", "--key", "job-1/letter.docx").stdout)
    assert head["Metadata"] == {"job-id": "1"}
    assert head["ContentLength"] == len(body.read_bytes())
    listed = json.loads(aws(cli_env, "s3api", "list-objects-v2", "--bucket", "documents", "--prefix", "job-1/").stdout)
    assert [o["Key"] for o in listed["Contents"]] == ["job-1/letter.docx"]
    missing = aws(cli_env, "s3api", "get-object", "--bucket", "documents", "--key", "nope", str(tmp_path / "out"), check=False)
    assert missing.returncode != 0 and "NoSuchKey" in missing.stderr
    occupied = aws(cli_env, "s3api", "delete-bucket", "--bucket", "documents", check=False)
    assert "BucketNotEmpty" in occupied.stderr
