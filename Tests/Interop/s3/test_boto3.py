"""boto3 against LocalS3, with the default config and with s3v4."""

import hashlib
import io
import socket
import urllib.request

import pytest
from botocore.exceptions import ClientError


def error_code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def test_bucket_lifecycle(s3):
    s3.create_bucket(Bucket="bkt")
    assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == ["bkt"]
    s3.head_bucket(Bucket="bkt")
    s3.put_object(Bucket="bkt", Key="k", Body=b"v")
    with pytest.raises(ClientError) as excinfo:
        s3.delete_bucket(Bucket="bkt")
    assert error_code(excinfo) == "BucketNotEmpty"
    s3.delete_object(Bucket="bkt", Key="k")
    s3.delete_bucket(Bucket="bkt")
    with pytest.raises(ClientError) as excinfo:
        s3.head_bucket(Bucket="bkt")
    assert error_code(excinfo) == "404"
    with pytest.raises(ClientError) as excinfo:
        s3.list_objects_v2(Bucket="bkt")
    assert error_code(excinfo) == "NoSuchBucket"


def test_put_get_with_checksums_metadata_and_ranges(s3):
    s3.create_bucket(Bucket="bkt")
    body = b"hello world"
    put = s3.put_object(
        Bucket="bkt", Key="job-42/Cover Letter (final).docx", Body=body, ContentType="text/plain",
        Metadata={"job-id": "42"}, CacheControl="no-cache",
    )
    assert put["ETag"] == '"%s"' % hashlib.md5(body).hexdigest()
    assert put["ChecksumCRC32"] == "DUoRhQ=="
    got = s3.get_object(Bucket="bkt", Key="job-42/Cover Letter (final).docx", ChecksumMode="ENABLED")
    assert got["Body"].read() == body
    assert got["ContentType"] == "text/plain"
    assert got["Metadata"] == {"job-id": "42"}
    assert got["CacheControl"] == "no-cache"
    assert got["ChecksumCRC32"] == "DUoRhQ=="
    ranged = s3.get_object(Bucket="bkt", Key="job-42/Cover Letter (final).docx", Range="bytes=-5")
    assert ranged["Body"].read() == b"world"
    assert ranged["ContentRange"] == "bytes 6-10/11"
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket="bkt", Key="job-42/Cover Letter (final).docx", Range="bytes=50-")
    assert error_code(excinfo) == "InvalidRange"
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket="bkt", Key="missing")
    assert error_code(excinfo) == "NoSuchKey"
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket="bkt", Key="job-42/Cover Letter (final).docx", IfNoneMatch=put["ETag"])
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 304


def test_listing_pagination_and_delimiters(s3):
    s3.create_bucket(Bucket="bkt")
    keys = ["a/1", "a/2", "b", "c d", "c+e", "caf\u00e9", "cafe\u0301", "z/x/y"]
    for key in keys:
        s3.put_object(Bucket="bkt", Key=key, Body=b"x")
    paginator = s3.get_paginator("list_objects_v2")
    listed = [o["Key"] for page in paginator.paginate(Bucket="bkt", PaginationConfig={"PageSize": 3}) for o in page.get("Contents", [])]
    assert listed == sorted(keys, key=lambda k: k.encode())
    pages = list(paginator.paginate(Bucket="bkt", Delimiter="/", PaginationConfig={"PageSize": 2}))
    prefixes = [p["Prefix"] for page in pages for p in page.get("CommonPrefixes", [])]
    contents = [o["Key"] for page in pages for o in page.get("Contents", [])]
    assert prefixes == ["a/", "z/"]
    assert contents == sorted(["b", "c d", "c+e", "caf\u00e9", "cafe\u0301"], key=lambda k: k.encode())
    v1 = [o["Key"] for page in s3.get_paginator("list_objects").paginate(Bucket="bkt", PaginationConfig={"PageSize": 3}) for o in page.get("Contents", [])]
    assert v1 == listed
    versions = s3.list_object_versions(Bucket="bkt")
    assert {v["VersionId"] for v in versions["Versions"]} == {"null"}


def test_multipart_upload_file_copy_and_delete_objects(s3):
    s3.create_bucket(Bucket="bkt")
    data = bytes(range(256)) * (40 * 1024 + 3)  # ~10 MiB: two parts with s3transfer's 8 MiB default
    s3.upload_fileobj(io.BytesIO(data), "bkt", "big.bin")
    head = s3.head_object(Bucket="bkt", Key="big.bin")
    assert head["ContentLength"] == len(data)
    assert head["ETag"].endswith('-2"')
    out = io.BytesIO()
    s3.download_fileobj("bkt", "big.bin", out)
    assert out.getvalue() == data
    s3.copy_object(Bucket="bkt", Key="copy.bin", CopySource={"Bucket": "bkt", "Key": "big.bin"}, MetadataDirective="REPLACE", ContentType="application/x-copy")
    assert s3.head_object(Bucket="bkt", Key="copy.bin")["ContentType"] == "application/x-copy"
    created = s3.create_multipart_upload(Bucket="bkt", Key="aborted")
    s3.upload_part(Bucket="bkt", Key="aborted", UploadId=created["UploadId"], PartNumber=1, Body=b"x")
    assert [p["PartNumber"] for p in s3.list_parts(Bucket="bkt", Key="aborted", UploadId=created["UploadId"])["Parts"]] == [1]
    s3.abort_multipart_upload(Bucket="bkt", Key="aborted", UploadId=created["UploadId"])
    result = s3.delete_objects(Bucket="bkt", Delete={"Objects": [{"Key": "big.bin"}, {"Key": "copy.bin"}, {"Key": "never"}]})
    assert sorted(d["Key"] for d in result["Deleted"]) == ["big.bin", "copy.bin", "never"]
    assert s3.list_objects_v2(Bucket="bkt")["KeyCount"] == 0


def test_presigned_urls_with_override(s3):
    s3.create_bucket(Bucket="documents")
    s3.put_object(Bucket="documents", Key="job-42/cover.docx", Body=b"docx bytes")
    url = s3.generate_presigned_url(
        "get_object", ExpiresIn=3600,
        Params={"Bucket": "documents", "Key": "job-42/cover.docx", "ResponseContentDisposition": 'attachment; filename="cover.docx"'},
    )
    with urllib.request.urlopen(url) as response:
        assert response.status == 200
        assert response.headers["Content-Disposition"] == 'attachment; filename="cover.docx"'
        assert response.read() == b"docx bytes"
    put_url = s3.generate_presigned_url("put_object", Params={"Bucket": "documents", "Key": "up.txt", "ContentType": "text/plain"})
    request = urllib.request.Request(put_url, data=b"uploaded", method="PUT", headers={"Content-Type": "text/plain"})
    with urllib.request.urlopen(request) as response:
        assert response.status == 200
    assert s3.get_object(Bucket="documents", Key="up.txt")["Body"].read() == b"uploaded"


def test_cors_and_website_configuration(s3, server):
    s3.create_bucket(Bucket="site")
    s3.put_bucket_cors(Bucket="site", CORSConfiguration={"CORSRules": [{"AllowedOrigins": ["http://localhost:3000"], "AllowedMethods": ["GET"], "ExposeHeaders": ["Content-Disposition"]}]})
    assert s3.get_bucket_cors(Bucket="site")["CORSRules"][0]["AllowedOrigins"] == ["http://localhost:3000"]
    s3.put_object(Bucket="site", Key="index.html", Body=b"<h1>home</h1>", ContentType="text/html")
    s3.put_bucket_website(Bucket="site", WebsiteConfiguration={"IndexDocument": {"Suffix": "index.html"}, "ErrorDocument": {"Key": "index.html"}})
    assert s3.get_bucket_website(Bucket="site")["IndexDocument"]["Suffix"] == "index.html"
    request = urllib.request.Request(f"http://127.0.0.1:{server.port}/", headers={"Host": f"site.s3-website.localhost:{server.port}"})
    with urllib.request.urlopen(request) as response:
        assert response.read() == b"<h1>home</h1>"
    preflight = urllib.request.Request(
        f"{server.endpoint}/site/index.html", method="OPTIONS",
        headers={"Origin": "http://localhost:3000", "Access-Control-Request-Method": "GET"},
    )
    with urllib.request.urlopen(preflight) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "http://localhost:3000"
    s3.put_bucket_lifecycle_configuration(Bucket="site", LifecycleConfiguration={"Rules": [{"ID": "docs", "Filter": {"Prefix": "documents/"}, "Status": "Enabled", "Expiration": {"Days": 7}}]})
    assert s3.get_bucket_lifecycle_configuration(Bucket="site")["Rules"][0]["Expiration"]["Days"] == 7


def test_expect_100_continue_is_answered_before_the_body(server, s3):
    s3.create_bucket(Bucket="bkt")
    body = b"x" * 1000
    url = s3.generate_presigned_url("put_object", Params={"Bucket": "bkt", "Key": "continued"})
    target = url.split(str(server.port), 1)[1]
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        head = (
            f"PUT {target} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nContent-Length: {len(body)}\r\n"
            "Expect: 100-continue\r\n\r\n"
        )
        sock.sendall(head.encode())
        interim = sock.recv(1024)
        assert interim.startswith(b"HTTP/1.1 100 Continue")
        sock.sendall(body)
        final = b""
        while b"\r\n\r\n" not in final:
            final += sock.recv(4096)
        assert final.startswith(b"HTTP/1.1 200")
    assert s3.get_object(Bucket="bkt", Key="continued")["Body"].read() == body


def test_keep_alive_reuses_one_connection(server, s3):
    s3.create_bucket(Bucket="bkt")
    s3.put_object(Bucket="bkt", Key="k", Body=b"v")
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "bkt", "Key": "k"})
    path = url.split(str(server.port), 1)[1]
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    for _ in range(3):
        connection.request("GET", path)
        response = connection.getresponse()
        assert response.status == 200 and response.read() == b"v"
    connection.close()
