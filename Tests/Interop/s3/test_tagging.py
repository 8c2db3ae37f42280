"""Object and bucket tagging and GetObjectAttributes with boto3."""

import pytest
from botocore.exceptions import ClientError

from locals3_support import client


def status_and_code(excinfo):
    response = excinfo.value.response
    return response["ResponseMetadata"]["HTTPStatusCode"], response["Error"]["Code"]


@pytest.fixture
def s3(server):
    s3 = client(server.endpoint, signature_version="s3v4")
    s3.create_bucket(Bucket="bkt")
    return s3


def test_object_tags_on_put_copy_and_subresource(s3):
    s3.put_object(Bucket="bkt", Key="k", Body=b"v", Tagging="team=s3&stage=dev%20one")
    assert s3.get_object(Bucket="bkt", Key="k")["TagCount"] == 2
    tags = s3.get_object_tagging(Bucket="bkt", Key="k")["TagSet"]
    assert tags == [{"Key": "team", "Value": "s3"}, {"Key": "stage", "Value": "dev one"}]
    s3.copy_object(Bucket="bkt", Key="copied", CopySource="bkt/k")
    assert s3.get_object_tagging(Bucket="bkt", Key="copied")["TagSet"] == tags
    s3.copy_object(Bucket="bkt", Key="replaced", CopySource="bkt/k", TaggingDirective="REPLACE", Tagging="x=1")
    assert s3.get_object_tagging(Bucket="bkt", Key="replaced")["TagSet"] == [{"Key": "x", "Value": "1"}]

    s3.put_object_tagging(Bucket="bkt", Key="k", Tagging={"TagSet": [{"Key": "only", "Value": "one"}]})
    assert s3.head_object(Bucket="bkt", Key="k")["ResponseMetadata"]["HTTPHeaders"]["x-amz-tagging-count"] == "1"
    assert s3.get_object(Bucket="bkt", Key="k")["Body"].read() == b"v"
    too_many = [{"Key": f"k{i}", "Value": "v"} for i in range(11)]
    with pytest.raises(ClientError) as excinfo:
        s3.put_object_tagging(Bucket="bkt", Key="k", Tagging={"TagSet": too_many})
    assert status_and_code(excinfo) == (400, "BadRequest")
    with pytest.raises(ClientError) as excinfo:
        s3.put_object_tagging(Bucket="bkt", Key="k", Tagging={"TagSet": [{"Key": "aws:x", "Value": "v"}]})
    assert status_and_code(excinfo) == (400, "InvalidTag")
    s3.delete_object_tagging(Bucket="bkt", Key="k")
    assert s3.get_object_tagging(Bucket="bkt", Key="k")["TagSet"] == []
    assert "TagCount" not in s3.get_object(Bucket="bkt", Key="k")


def test_multipart_upload_tags(s3):
    upload = s3.create_multipart_upload(Bucket="bkt", Key="mpu", Tagging="a=b")["UploadId"]
    part = s3.upload_part(Bucket="bkt", Key="mpu", UploadId=upload, PartNumber=1, Body=b"x")
    s3.complete_multipart_upload(
        Bucket="bkt", Key="mpu", UploadId=upload,
        MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": part["ETag"]}]})
    assert s3.get_object_tagging(Bucket="bkt", Key="mpu")["TagSet"] == [{"Key": "a", "Value": "b"}]


def test_bucket_tags(s3):
    with pytest.raises(ClientError) as excinfo:
        s3.get_bucket_tagging(Bucket="bkt")
    assert status_and_code(excinfo) == (404, "NoSuchTagSet")
    s3.put_bucket_tagging(Bucket="bkt", Tagging={"TagSet": [{"Key": "owner", "Value": "jobsai"}]})
    assert s3.get_bucket_tagging(Bucket="bkt")["TagSet"] == [{"Key": "owner", "Value": "jobsai"}]
    s3.delete_bucket_tagging(Bucket="bkt")
    with pytest.raises(ClientError) as excinfo:
        s3.get_bucket_tagging(Bucket="bkt")
    assert status_and_code(excinfo) == (404, "NoSuchTagSet")


def test_object_attributes_of_a_simple_object(s3):
    put = s3.put_object(Bucket="bkt", Key="k", Body=b"hello", ChecksumAlgorithm="SHA256")
    got = s3.get_object_attributes(Bucket="bkt", Key="k", ObjectAttributes=["ETag", "Checksum", "ObjectSize"])
    assert got["ETag"] == put["ETag"].strip('"')
    assert got["Checksum"]["ChecksumSHA256"] == put["ChecksumSHA256"]
    assert got["ObjectSize"] == 5
    assert "ObjectParts" not in got
    with pytest.raises(ClientError) as excinfo:
        s3.get_object_attributes(Bucket="bkt", Key="missing", ObjectAttributes=["ETag"])
    assert status_and_code(excinfo) == (404, "NoSuchKey")
