"""boto3's TLS upload shape (aws-chunked, STREAMING-UNSIGNED-PAYLOAD-TRAILER, CRC32 trailer, HTTP chunked
transfer encoding) sent over plain http: botocore picks trailers only for https URLs, so the test makes
that one decision see https while the bytes still go to LocalS3's http port."""

import io
import urllib.parse

import botocore.httpchecksum
import pytest

from locals3_support import client


@pytest.fixture
def tls_shaped(monkeypatch):
    def as_https(url, *args, **kwargs):
        return urllib.parse.urlparse(url.replace("http://", "https://", 1), *args, **kwargs)

    monkeypatch.setattr(botocore.httpchecksum, "urlparse", as_https)


def test_put_object_with_trailer_checksum(server, tls_shaped):
    s3 = client(server.endpoint)
    s3.create_bucket(Bucket="bkt")
    seen = {}

    def capture(request, **kwargs):
        seen.update({name: value.decode() if isinstance(value, bytes) else value for name, value in request.headers.items()})

    s3.meta.events.register("before-send.s3.PutObject", capture)
    s3.put_object(Bucket="bkt", Key="trailer.txt", Body=b"hello world")
    assert seen.get("X-Amz-Content-SHA256") == "STREAMING-UNSIGNED-PAYLOAD-TRAILER"
    assert seen.get("Content-Encoding") == "aws-chunked"
    assert seen.get("Transfer-Encoding") == "chunked"
    got = s3.get_object(Bucket="bkt", Key="trailer.txt", ChecksumMode="ENABLED")
    assert got["Body"].read() == b"hello world", "no aws-chunked framing stored in the object"
    assert got["ChecksumCRC32"] == "DUoRhQ=="
    assert "ContentEncoding" not in got


def test_multipart_parts_with_trailer_checksums(server, tls_shaped):
    s3 = client(server.endpoint)
    s3.create_bucket(Bucket="bkt")
    data = b"0123456789abcdef" * (600 * 1024)  # ~9.4 MiB: two parts
    s3.upload_fileobj(io.BytesIO(data), "bkt", "parts.bin")
    out = io.BytesIO()
    s3.download_fileobj("bkt", "parts.bin", out)
    assert out.getvalue() == data
