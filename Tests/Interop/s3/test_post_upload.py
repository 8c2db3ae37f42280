"""Browser-form POST uploads: boto3's generate_presigned_post sent with requests (SigV4 and SigV2 policies),
conditions, success_action_status/redirect, and a body streamed to disk."""

import hashlib

import pytest
import requests

from locals3_support import client


@pytest.fixture
def s3(server):
    s3 = client(server.endpoint, signature_version="s3v4")
    s3.create_bucket(Bucket="bkt")
    return s3


def test_presigned_post_uploads_with_filename_and_status(s3):
    post = s3.generate_presigned_post(
        Bucket="bkt", Key="uploads/${filename}",
        Fields={"Content-Type": "text/plain", "success_action_status": "201", "x-amz-meta-user": "42"},
        Conditions=[
            ["starts-with", "$key", "uploads/"], {"Content-Type": "text/plain"}, {"success_action_status": "201"},
            {"x-amz-meta-user": "42"}, ["content-length-range", 1, 1024],
        ],
        ExpiresIn=600)
    response = requests.post(post["url"], data=post["fields"], files={"file": ("cv.txt", b"hello form")})
    assert response.status_code == 201, response.text
    assert "<Key>uploads/cv.txt</Key>" in response.text
    got = s3.get_object(Bucket="bkt", Key="uploads/cv.txt")
    assert got["Body"].read() == b"hello form"
    assert got["ContentType"] == "text/plain"
    assert got["Metadata"] == {"user": "42"}
    assert response.headers["ETag"] == '"%s"' % hashlib.md5(b"hello form").hexdigest()


def test_sigv2_policy_and_default_204(server):
    s3 = client(server.endpoint)
    s3.create_bucket(Bucket="bkt")
    post = s3.generate_presigned_post(Bucket="bkt", Key="v2.bin")
    assert "AWSAccessKeyId" in post["fields"]
    response = requests.post(post["url"], data=post["fields"], files={"file": ("x", b"\x00\x01")})
    assert response.status_code == 204, response.text
    assert s3.get_object(Bucket="bkt", Key="v2.bin")["Body"].read() == b"\x00\x01"


def test_policy_violations_are_refused(s3):
    post = s3.generate_presigned_post(
        Bucket="bkt", Key="a.txt", Conditions=[["content-length-range", 1, 4]], ExpiresIn=600)
    too_big = requests.post(post["url"], data=post["fields"], files={"file": ("a", b"12345")})
    assert too_big.status_code == 400 and "<Code>EntityTooLarge</Code>" in too_big.text
    extra = dict(post["fields"], Extra="field")
    refused = requests.post(post["url"], data=extra, files={"file": ("a", b"1")})
    assert refused.status_code == 403 and "Extra input fields: extra" in refused.text
    other_key = dict(post["fields"], key="b.txt")
    refused = requests.post(post["url"], data=other_key, files={"file": ("a", b"1")})
    assert refused.status_code == 403 and "Policy Condition failed" in refused.text
    tampered = dict(post["fields"], **{"x-amz-signature": "0" * 64})
    refused = requests.post(post["url"], data=tampered, files={"file": ("a", b"1")})
    assert refused.status_code == 403 and "<Code>SignatureDoesNotMatch</Code>" in refused.text
    expired = s3.generate_presigned_post(Bucket="bkt", Key="a.txt", ExpiresIn=-10)
    refused = requests.post(post["url"], data=expired["fields"], files={"file": ("a", b"1")})
    assert refused.status_code == 403 and "Policy expired" in refused.text
    not_a_form = requests.post(post["url"], data=post["fields"])
    assert not_a_form.status_code == 412 and "multipart/form-data" in not_a_form.text
    covered = s3.generate_presigned_post(
        Bucket="bkt", Key="a.txt", Conditions=[["starts-with", "$notfile", ""]], ExpiresIn=600)
    no_file = requests.post(post["url"], data=covered["fields"], files={"notfile": ("n", b"x")})
    assert no_file.status_code == 400 and "<Code>InvalidArgument</Code>" in no_file.text


def test_redirect_and_large_streamed_file(server, s3):
    post = s3.generate_presigned_post(
        Bucket="bkt", Key="big.bin", Fields={"success_action_redirect": "http://example.test/done"},
        Conditions=[{"success_action_redirect": "http://example.test/done"}], ExpiresIn=600)
    body = bytes(range(256)) * (64 * 1024)  # 16 MiB, boundary-like bytes included
    response = requests.post(
        post["url"], data=post["fields"], files={"file": ("big.bin", body)}, allow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["Location"].startswith("http://example.test/done?bucket=bkt&key=big.bin&etag=")
    got = s3.get_object(Bucket="bkt", Key="big.bin")["Body"].read()
    assert hashlib.sha256(got).digest() == hashlib.sha256(body).digest()
    assert server.peak_rss_kb() < 200 * 1024
