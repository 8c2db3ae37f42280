"""curl fetching presigned URLs: valid, tampered, expired, and over the 7-day cap (200 or 403 XML)."""

import datetime
import subprocess

import botocore.auth
import pytest

from locals3_support import client


def curl(url):
    out = subprocess.run(["curl", "-s", "-w", "\n%{http_code}", url], capture_output=True, text=True, timeout=30)
    body, status = out.stdout.rsplit("\n", 1)
    return int(status), body


@pytest.fixture(params=["default", "s3v4"])
def signer(request, server):
    s3 = client(server.endpoint) if request.param == "default" else client(server.endpoint, signature_version="s3v4")
    s3.create_bucket(Bucket="documents")
    s3.put_object(Bucket="documents", Key="job-42/cover letter.docx", Body=b"the letter")
    return s3


def presign(s3, expires=3600):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "documents", "Key": "job-42/cover letter.docx"}, ExpiresIn=expires)


def test_valid_url(signer):
    assert curl(presign(signer)) == (200, "the letter")


def test_tampered_url(signer):
    url = presign(signer)
    tampered = url.replace("cover%20letter", "cover%20letteR")
    status, body = curl(tampered)
    assert status == 403 and "<Code>SignatureDoesNotMatch</Code>" in body
    name = "X-Amz-Signature=" if "X-Amz-Signature=" in url else "Signature="
    start = url.index(name) + len(name)
    while not url[start].isalnum() or url[start - 1] == "%" or url[start - 2] == "%":
        start += 1  # a character of the signature itself, not of a %XX escape
    flipped = url[:start] + ("b" if url[start] != "b" else "c") + url[start + 1:]
    status, body = curl(flipped)
    assert status == 403 and "<Code>SignatureDoesNotMatch</Code>" in body


def test_expired_url(signer, monkeypatch):
    two_hours_ago = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - datetime.timedelta(hours=2)
    monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda *args, **kwargs: two_hours_ago)
    real_time = botocore.auth.time.time

    class PastTime:
        @staticmethod
        def time():
            return real_time() - 7200

    monkeypatch.setattr(botocore.auth, "time", PastTime)
    status, body = curl(presign(signer, expires=60))
    assert status == 403
    assert "<Code>AccessDenied</Code>" in body and "Request has expired" in body


def test_over_seven_days(signer):
    status, body = curl(presign(signer, expires=604801))
    if "X-Amz-Expires" in presign(signer, expires=604801):
        assert status == 403 and "AuthorizationQueryParametersError" in body
    else:
        assert status == 200, "SigV2 URLs have no 7-day cap"
