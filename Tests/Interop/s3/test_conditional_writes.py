"""Conditional writes with boto3: If-None-Match: * and If-Match on PutObject, CopyObject (destination),
CompleteMultipartUpload and DeleteObject, and racing create-only uploads."""

import threading

import pytest
from botocore.exceptions import ClientError

from locals3_support import client


def status_and_code(excinfo):
    response = excinfo.value.response
    return response["ResponseMetadata"]["HTTPStatusCode"], response["Error"]["Code"]


@pytest.fixture
def s3v4(server):
    s3 = client(server.endpoint, signature_version="s3v4")
    s3.create_bucket(Bucket="bkt")
    return s3


def test_put_if_none_match_creates_only(s3v4):
    first = s3v4.put_object(Bucket="bkt", Key="k", Body=b"one", IfNoneMatch="*")
    with pytest.raises(ClientError) as excinfo:
        s3v4.put_object(Bucket="bkt", Key="k", Body=b"two", IfNoneMatch="*")
    assert status_and_code(excinfo) == (412, "PreconditionFailed")
    assert s3v4.get_object(Bucket="bkt", Key="k")["Body"].read() == b"one"
    with pytest.raises(ClientError) as excinfo:
        s3v4.put_object(Bucket="bkt", Key="k", Body=b"three", IfMatch='"00000000000000000000000000000000"')
    assert status_and_code(excinfo) == (412, "PreconditionFailed")
    s3v4.put_object(Bucket="bkt", Key="k", Body=b"four", IfMatch=first["ETag"])
    assert s3v4.get_object(Bucket="bkt", Key="k")["Body"].read() == b"four"
    with pytest.raises(ClientError) as excinfo:
        s3v4.put_object(Bucket="bkt", Key="missing", Body=b"x", IfMatch=first["ETag"])
    assert status_and_code(excinfo) == (404, "NoSuchKey")


def test_racing_create_only_puts_exactly_one_wins(server, s3v4):
    racers = 8
    results = [None] * racers
    barrier = threading.Barrier(racers)
    body = [bytes([i]) * (256 * 1024) for i in range(racers)]

    def race(i):
        s3 = client(server.endpoint, signature_version="s3v4")
        barrier.wait()
        try:
            s3.put_object(Bucket="bkt", Key="race", Body=body[i], IfNoneMatch="*")
            results[i] = 200
        except ClientError as error:
            results[i] = error.response["ResponseMetadata"]["HTTPStatusCode"]

    threads = [threading.Thread(target=race, args=(i,)) for i in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [200] + [412] * (racers - 1)
    winner = results.index(200)
    assert s3v4.get_object(Bucket="bkt", Key="race")["Body"].read() == body[winner]


def test_copy_destination_conditions(s3v4):
    s3v4.put_object(Bucket="bkt", Key="src", Body=b"source")
    old = s3v4.put_object(Bucket="bkt", Key="dst", Body=b"old")
    with pytest.raises(ClientError) as excinfo:
        s3v4.copy_object(Bucket="bkt", Key="dst", CopySource="bkt/src", IfNoneMatch="*")
    assert status_and_code(excinfo) == (412, "PreconditionFailed")
    s3v4.copy_object(Bucket="bkt", Key="fresh", CopySource="bkt/src", IfNoneMatch="*")
    s3v4.copy_object(Bucket="bkt", Key="dst", CopySource="bkt/src", IfMatch=old["ETag"])
    assert s3v4.get_object(Bucket="bkt", Key="dst")["Body"].read() == b"source"


def test_complete_multipart_conditions(s3v4):
    s3v4.put_object(Bucket="bkt", Key="mpu", Body=b"existing")
    upload = s3v4.create_multipart_upload(Bucket="bkt", Key="mpu")["UploadId"]
    part = s3v4.upload_part(Bucket="bkt", Key="mpu", UploadId=upload, PartNumber=1, Body=b"joined")
    parts = {"Parts": [{"PartNumber": 1, "ETag": part["ETag"]}]}
    with pytest.raises(ClientError) as excinfo:
        s3v4.complete_multipart_upload(
            Bucket="bkt", Key="mpu", UploadId=upload, MultipartUpload=parts, IfNoneMatch="*")
    assert status_and_code(excinfo) == (412, "PreconditionFailed")
    s3v4.delete_object(Bucket="bkt", Key="mpu")
    s3v4.complete_multipart_upload(Bucket="bkt", Key="mpu", UploadId=upload, MultipartUpload=parts, IfNoneMatch="*")
    assert s3v4.get_object(Bucket="bkt", Key="mpu")["Body"].read() == b"joined"


def test_delete_if_match(s3v4):
    put = s3v4.put_object(Bucket="bkt", Key="d", Body=b"x")
    with pytest.raises(ClientError) as excinfo:
        s3v4.delete_object(Bucket="bkt", Key="d", IfMatch='"00000000000000000000000000000000"')
    assert status_and_code(excinfo) == (412, "PreconditionFailed")
    s3v4.delete_object(Bucket="bkt", Key="d", IfMatch=put["ETag"])
    with pytest.raises(ClientError) as excinfo:
        s3v4.delete_object(Bucket="bkt", Key="d", IfMatch=put["ETag"])
    assert status_and_code(excinfo) == (404, "NoSuchKey")
