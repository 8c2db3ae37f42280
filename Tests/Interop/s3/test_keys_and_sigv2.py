"""Several access keys from a credentials file (JSON and the AWS format) and SigV2 header signing."""

import json

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError


def s3_client(endpoint, key, secret, **config):
    return boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id=key, aws_secret_access_key=secret, region_name="us-east-1",
        config=Config(**config))


@pytest.fixture
def start_with(make_server):
    return lambda credentials_file: make_server(credentials=credentials_file)


def test_json_credentials_file_accepts_every_pair(start_with, tmp_path):
    # Two users of one account share its buckets (users of other accounts: test_access_control.py).
    path = tmp_path / "keys.json"
    path.write_text(json.dumps([
        {"accessKey": "alice", "secretKey": "alice-secret"},
        {"AccessKeyId": "bob", "SecretAccessKey": "bob-secret", "AccountId": "123456789012"},
    ]))
    server = start_with(path)
    alice = s3_client(server.endpoint, "alice", "alice-secret", signature_version="s3v4")
    bob = s3_client(server.endpoint, "bob", "bob-secret", signature_version="s3v4")
    alice.create_bucket(Bucket="bkt")
    alice.put_object(Bucket="bkt", Key="k", Body=b"shared")
    assert bob.get_object(Bucket="bkt", Key="k")["Body"].read() == b"shared"
    for key, secret, code in (("test", "test", "InvalidAccessKeyId"), ("bob", "alice-secret", "SignatureDoesNotMatch")):
        with pytest.raises(ClientError) as excinfo:
            s3_client(server.endpoint, key, secret, signature_version="s3v4").list_buckets()
        assert excinfo.value.response["Error"]["Code"] == code


def test_aws_credentials_file_and_sigv2_header_auth(start_with, tmp_path):
    path = tmp_path / "credentials"
    path.write_text("[default]\naws_access_key_id = carol\naws_secret_access_key = carol/secret+key\n"
                    "[other]\naws_access_key_id=dave\naws_secret_access_key=dave-secret\naws_account_id=123456789012\n")
    server = start_with(path)
    v2 = s3_client(server.endpoint, "carol", "carol/secret+key", signature_version="s3")
    v2.create_bucket(Bucket="bkt")
    v2.put_object(Bucket="bkt", Key="dir/a b+c.txt", Body=b"v2 body", ContentType="text/plain", Metadata={"m": "1"})
    got = v2.get_object(Bucket="bkt", Key="dir/a b+c.txt", ResponseContentType="application/x-test")
    assert got["Body"].read() == b"v2 body"
    assert got["ContentType"] == "application/x-test"
    assert v2.list_objects(Bucket="bkt")["Contents"][0]["Key"] == "dir/a b+c.txt"
    v2.put_object_tagging(Bucket="bkt", Key="dir/a b+c.txt", Tagging={"TagSet": [{"Key": "t", "Value": "v"}]})
    dave = s3_client(server.endpoint, "dave", "dave-secret", signature_version="s3")
    assert dave.get_object_tagging(Bucket="bkt", Key="dir/a b+c.txt")["TagSet"] == [{"Key": "t", "Value": "v"}]
    with pytest.raises(ClientError) as excinfo:
        s3_client(server.endpoint, "dave", "wrong", signature_version="s3").list_buckets()
    assert excinfo.value.response["Error"]["Code"] == "SignatureDoesNotMatch"
