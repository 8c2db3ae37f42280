"""Users, bucket policies, ACLs, ownership controls and public access blocks, driven by boto3, the aws CLI
and curl against a LocalS3 started with a credentials file of two users in two accounts (alice owns the
buckets; bob is the other account) plus unsigned (anonymous) requests."""

import json
import os
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
import requests
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError

BOB_ACCOUNT = "210987654321"
BOB_ARN = f"arn:aws:iam::{BOB_ACCOUNT}:user/bob"


def status_and_code(excinfo):
    response = excinfo.value.response
    return response["ResponseMetadata"]["HTTPStatusCode"], response["Error"]["Code"]


def s3_client(endpoint, key=None, secret=None, **config):
    if key is None:
        config["signature_version"] = UNSIGNED
    return boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id=key or "x", aws_secret_access_key=secret or "x",
        region_name="us-east-1", config=Config(**config))


class People:
    """alice (the first key: account 123456789012, owner of the buckets), bob (account 210987654321) and anonymous."""

    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.alice = s3_client(endpoint, "alice-key", "alice-secret", signature_version="s3v4")
        self.bob = s3_client(endpoint, "bob-key", "bob-secret", signature_version="s3v4")
        self.anonymous = s3_client(endpoint)

    def denied(self, call, code="AccessDenied", status=403):
        with pytest.raises(ClientError) as excinfo:
            call()
        assert status_and_code(excinfo) == (status, code)
        return excinfo.value.response["Error"]

    def open_bucket(self, name="bkt", ownership="ObjectWriter"):
        """A bucket whose ACLs count and whose public access is not blocked (S3 before April 2023)."""
        self.alice.create_bucket(Bucket=name, ObjectOwnership=ownership)
        self.alice.delete_public_access_block(Bucket=name)


@pytest.fixture
def credentials_file(tmp_path):
    path = tmp_path / "credentials"
    path.write_text(
        "[alice]\naws_access_key_id = alice-key\naws_secret_access_key = alice-secret\n"
        f"[bob]\naws_access_key_id = bob-key\naws_secret_access_key = bob-secret\naws_account_id = {BOB_ACCOUNT}\n")
    return path


@pytest.fixture
def people(make_server, credentials_file):
    return People(make_server(credentials=credentials_file).endpoint)


def policy(*statements):
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def test_user_b_cannot_read_a_private_bucket_until_a_policy_grants_a_prefix(people):
    alice, bob = people.alice, people.bob
    alice.create_bucket(Bucket="bkt")
    alice.put_object(Bucket="bkt", Key="shared/report.txt", Body=b"shared")
    alice.put_object(Bucket="bkt", Key="private/salary.txt", Body=b"private")
    people.denied(lambda: bob.get_object(Bucket="bkt", Key="shared/report.txt"))
    people.denied(lambda: bob.list_objects_v2(Bucket="bkt"))
    people.denied(lambda: bob.put_object(Bucket="bkt", Key="x", Body=b"x"))
    people.denied(lambda: bob.head_bucket(Bucket="bkt"), "403")  # a HEAD error has no body to name its code
    assert [entry["Name"] for entry in bob.list_buckets()["Buckets"]] == []
    assert [entry["Name"] for entry in alice.list_buckets()["Buckets"]] == ["bkt"]

    alice.put_bucket_policy(Bucket="bkt", Policy=policy(
        {"Sid": "ReadShared", "Effect": "Allow", "Principal": {"AWS": BOB_ARN}, "Action": "s3:GetObject",
         "Resource": "arn:aws:s3:::bkt/shared/*"},
        {"Sid": "ListShared", "Effect": "Allow", "Principal": {"AWS": BOB_ACCOUNT}, "Action": "s3:ListBucket",
         "Resource": "arn:aws:s3:::bkt", "Condition": {"StringLike": {"s3:prefix": "shared/*"}}}))
    assert bob.get_object(Bucket="bkt", Key="shared/report.txt")["Body"].read() == b"shared"
    people.denied(lambda: bob.get_object(Bucket="bkt", Key="private/salary.txt"))
    assert [o["Key"] for o in bob.list_objects_v2(Bucket="bkt", Prefix="shared/")["Contents"]] == ["shared/report.txt"]
    people.denied(lambda: bob.list_objects_v2(Bucket="bkt", Prefix="private/"))
    people.denied(lambda: people.anonymous.get_object(Bucket="bkt", Key="shared/report.txt"))
    # Copying reads the source: bob may copy what he may read, into his own bucket.
    bob.create_bucket(Bucket="bob-bucket")
    bob.copy_object(Bucket="bob-bucket", Key="copy", CopySource={"Bucket": "bkt", "Key": "shared/report.txt"})
    assert bob.get_object(Bucket="bob-bucket", Key="copy")["Body"].read() == b"shared"
    people.denied(lambda: bob.copy_object(
        Bucket="bob-bucket", Key="copy2", CopySource={"Bucket": "bkt", "Key": "private/salary.txt"}))
    people.denied(lambda: alice.get_object(Bucket="bob-bucket", Key="copy"))
    # DeleteObjects answers per key.
    result = bob.delete_objects(Bucket="bkt", Delete={"Objects": [{"Key": "shared/report.txt"}]})
    assert result["Errors"][0]["Code"] == "AccessDenied"
    assert alice.get_bucket_policy(Bucket="bkt")["Policy"].startswith('{"Version"')


def test_deny_on_plain_http_refuses_every_request(people):
    alice = people.alice
    alice.create_bucket(Bucket="bkt")
    alice.put_object(Bucket="bkt", Key="k", Body=b"v")
    url = alice.generate_presigned_url("get_object", Params={"Bucket": "bkt", "Key": "k"})
    assert subprocess.run(["curl", "-sf", url], capture_output=True).stdout == b"v"
    alice.put_bucket_policy(Bucket="bkt", Policy=policy(
        {"Sid": "TLSOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
         "Resource": ["arn:aws:s3:::bkt", "arn:aws:s3:::bkt/*"],
         "Condition": {"Bool": {"aws:SecureTransport": "false"}}}))
    people.denied(lambda: alice.get_object(Bucket="bkt", Key="k"))
    people.denied(lambda: alice.put_object(Bucket="bkt", Key="k2", Body=b"x"))
    curl = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", url], capture_output=True, text=True)
    assert curl.stdout == "403"
    # The owner keeps the policy itself (it could not otherwise undo the lock-out).
    alice.delete_bucket_policy(Bucket="bkt")
    assert alice.get_object(Bucket="bkt", Key="k")["Body"].read() == b"v"


def test_policy_validation_status_and_public_access_block(people):
    alice, anonymous = people.alice, people.anonymous
    alice.create_bucket(Bucket="bkt")
    alice.put_object(Bucket="bkt", Key="index.html", Body=b"<h1>hi</h1>")
    error = people.denied(lambda: alice.put_bucket_policy(Bucket="bkt", Policy=policy(
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::elsewhere/*"})),
        "MalformedPolicy", 400)
    assert error["Message"] == "Policy has invalid resource"
    error = people.denied(lambda: alice.put_bucket_policy(Bucket="bkt", Policy=policy(
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bkt"})),
        "MalformedPolicy", 400)
    assert error["Message"] == "Action does not apply to any resource(s) in statement"
    people.denied(lambda: alice.get_bucket_policy_status(Bucket="bkt"), "NoSuchBucketPolicy", 404)
    public = policy({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bkt/*"})
    # New buckets block public policies (S3's default since 2023).
    block = alice.get_public_access_block(Bucket="bkt")["PublicAccessBlockConfiguration"]
    assert block == {"BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True,
                     "RestrictPublicBuckets": True}
    people.denied(lambda: alice.put_bucket_policy(Bucket="bkt", Policy=public))
    alice.put_public_access_block(Bucket="bkt", PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": False, "RestrictPublicBuckets": False})
    alice.put_bucket_policy(Bucket="bkt", Policy=public)
    assert alice.get_bucket_policy_status(Bucket="bkt")["PolicyStatus"]["IsPublic"] is True
    assert anonymous.get_object(Bucket="bkt", Key="index.html")["Body"].read() == b"<h1>hi</h1>"
    assert requests.get(f"{people.endpoint}/bkt/index.html").content == b"<h1>hi</h1>"
    people.denied(lambda: anonymous.put_object(Bucket="bkt", Key="x", Body=b"x"))
    people.denied(lambda: anonymous.list_objects_v2(Bucket="bkt"))
    alice.put_public_access_block(Bucket="bkt", PublicAccessBlockConfiguration={"RestrictPublicBuckets": True})
    people.denied(lambda: anonymous.get_object(Bucket="bkt", Key="index.html"))
    people.denied(lambda: people.bob.get_object(Bucket="bkt", Key="index.html"))
    alice.delete_public_access_block(Bucket="bkt")
    people.denied(lambda: alice.get_public_access_block(Bucket="bkt"), "NoSuchPublicAccessBlockConfiguration", 404)
    assert anonymous.get_object(Bucket="bkt", Key="index.html")["ContentLength"] == 11


def test_acls_canned_grants_and_ownership(people):
    alice, bob, anonymous = people.alice, people.bob, people.anonymous
    alice.create_bucket(Bucket="strict")
    assert alice.get_bucket_ownership_controls(Bucket="strict")["OwnershipControls"]["Rules"] == [
        {"ObjectOwnership": "BucketOwnerEnforced"}]
    people.denied(lambda: alice.put_object(Bucket="strict", Key="k", Body=b"v", ACL="public-read"),
                  "AccessControlListNotSupported", 400)
    alice.put_object(Bucket="strict", Key="k", Body=b"v", ACL="bucket-owner-full-control")
    grants = alice.get_object_acl(Bucket="strict", Key="k")["Grants"]
    assert [(g["Grantee"]["Type"], g["Permission"]) for g in grants] == [("CanonicalUser", "FULL_CONTROL")]

    people.open_bucket("bkt")
    alice_id = alice.get_bucket_acl(Bucket="bkt")["Owner"]["ID"]
    bob_id = bob.list_buckets()["Owner"]["ID"]
    assert alice_id != bob_id and len(bob_id) == 64
    alice.put_bucket_acl(Bucket="bkt", ACL="public-read")
    alice.put_object(Bucket="bkt", Key="private", Body=b"secret")
    alice.put_object(Bucket="bkt", Key="public", Body=b"shared", ACL="public-read")
    people.denied(lambda: anonymous.get_object(Bucket="bkt", Key="private"))
    assert anonymous.get_object(Bucket="bkt", Key="public")["Body"].read() == b"shared"
    assert [o["Key"] for o in anonymous.list_objects(Bucket="bkt")["Contents"]] == ["private", "public"]
    acl = alice.get_object_acl(Bucket="bkt", Key="public")
    assert {"Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"},
            "Permission": "READ"} in acl["Grants"]

    # A grant to bob's account, by header and by AccessControlPolicy document.
    alice.put_object(Bucket="bkt", Key="for-bob", Body=b"hi", GrantRead=f'id="{bob_id}"')
    assert bob.get_object(Bucket="bkt", Key="for-bob")["Body"].read() == b"hi"
    people.denied(lambda: bob.put_object(Bucket="bkt", Key="bob.txt", Body=b"b"))
    alice.put_bucket_acl(Bucket="bkt", AccessControlPolicy={
        "Owner": {"ID": alice_id},
        "Grants": [
            {"Grantee": {"Type": "CanonicalUser", "ID": alice_id}, "Permission": "FULL_CONTROL"},
            {"Grantee": {"Type": "CanonicalUser", "ID": bob_id}, "Permission": "WRITE"},
        ]})
    bob.put_object(Bucket="bkt", Key="bob.txt", Body=b"b")
    # ObjectWriter: bob owns his object; the bucket's owner cannot read it, but may delete it.
    people.denied(lambda: alice.get_object(Bucket="bkt", Key="bob.txt"))
    assert alice.get_object_acl(Bucket="bkt", Key="for-bob")["Owner"]["ID"] == alice_id
    bob.put_object_acl(Bucket="bkt", Key="bob.txt", ACL="bucket-owner-read")
    assert alice.get_object(Bucket="bkt", Key="bob.txt")["Body"].read() == b"b"
    alice.delete_object(Bucket="bkt", Key="bob.txt")
    people.denied(lambda: alice.put_object(Bucket="bkt", Key="x", Body=b"x", GrantRead='emailAddress="a@b.c"'),
                  "UnresolvableGrantByEmailAddress", 400)
    people.denied(lambda: alice.put_object(Bucket="bkt", Key="x", Body=b"x", GrantRead='id="nobody"'),
                  "InvalidArgument", 400)

    # Ownership controls: BucketOwnerPreferred, then enforcing (which needs an owner-only bucket ACL).
    alice.put_bucket_ownership_controls(
        Bucket="bkt", OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerPreferred"}]})
    bob.put_object(Bucket="bkt", Key="handed-over", Body=b"h", ACL="bucket-owner-full-control")
    assert alice.get_object(Bucket="bkt", Key="handed-over")["Body"].read() == b"h"
    people.denied(lambda: alice.put_bucket_ownership_controls(
        Bucket="bkt", OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}),
        "InvalidBucketAclWithObjectOwnership", 400)
    alice.put_bucket_acl(Bucket="bkt", ACL="private")
    alice.put_bucket_ownership_controls(
        Bucket="bkt", OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]})
    people.denied(lambda: anonymous.get_object(Bucket="bkt", Key="public"))
    alice.delete_bucket_ownership_controls(Bucket="bkt")
    people.denied(lambda: alice.get_bucket_ownership_controls(Bucket="bkt"), "OwnershipControlsNotFoundError", 404)
    # BlockPublicAcls refuses public ACLs from now on.
    alice.put_public_access_block(Bucket="bkt", PublicAccessBlockConfiguration={"BlockPublicAcls": True})
    people.denied(lambda: alice.put_object(Bucket="bkt", Key="x", Body=b"x", ACL="public-read"))
    people.denied(lambda: alice.put_bucket_acl(Bucket="bkt", ACL="public-read-write"))


def test_other_accounts_and_anonymous_callers(people):
    alice, bob, anonymous = people.alice, people.bob, people.anonymous
    alice.create_bucket(Bucket="taken")
    people.denied(lambda: bob.create_bucket(Bucket="taken"), "BucketAlreadyExists", 409)
    people.denied(lambda: anonymous.create_bucket(Bucket="anon"))
    people.denied(lambda: anonymous.list_buckets())
    people.denied(lambda: anonymous.delete_object(Bucket="missing", Key="k"), "NoSuchBucket", 404)
    alice.put_bucket_policy(Bucket="taken", Policy=policy(
        {"Effect": "Allow", "Principal": {"AWS": BOB_ACCOUNT}, "Action": ["s3:GetBucketPolicy", "s3:PutObject"],
         "Resource": ["arn:aws:s3:::taken", "arn:aws:s3:::taken/*"]}))
    people.denied(lambda: bob.get_bucket_policy(Bucket="taken"), "MethodNotAllowed", 405)
    people.denied(lambda: bob.delete_bucket_policy(Bucket="taken"))
    bob.put_object(Bucket="taken", Key="drop", Body=b"d")
    assert alice.get_object(Bucket="taken", Key="drop")["Body"].read() == b"d"
    people.denied(lambda: bob.get_object(Bucket="taken", Key="drop"))
    post = bob.generate_presigned_post(Bucket="taken", Key="posted")
    assert requests.post(post["url"], data=post["fields"], files={"file": ("f", b"p")}).status_code == 204
    people.denied(lambda: alice.list_objects_v2(Bucket="taken", ExpectedBucketOwner=BOB_ACCOUNT))
    assert alice.list_objects_v2(Bucket="taken", ExpectedBucketOwner="123456789012")["KeyCount"] == 2


def test_aws_cli_reads_and_writes_access_settings(people, credentials_file):
    people.alice.create_bucket(Bucket="bkt")
    env = dict(os.environ, AWS_SHARED_CREDENTIALS_FILE=str(credentials_file), AWS_CONFIG_FILE=os.devnull,
               AWS_PROFILE="alice", AWS_DEFAULT_REGION="us-east-1", AWS_ENDPOINT_URL=people.endpoint)
    aws = [str(Path(sys.executable).parent / "aws"), "s3api"]

    def run(*args):
        done = subprocess.run([*aws, *args], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout) if done.stdout.strip() else None

    text = policy({"Effect": "Allow", "Principal": {"AWS": BOB_ARN}, "Action": "s3:GetObject",
                   "Resource": "arn:aws:s3:::bkt/*"})
    run("put-bucket-policy", "--bucket", "bkt", "--policy", text)
    assert json.loads(run("get-bucket-policy", "--bucket", "bkt")["Policy"]) == json.loads(text)
    assert run("get-bucket-policy-status", "--bucket", "bkt")["PolicyStatus"]["IsPublic"] is False
    assert run("get-bucket-ownership-controls", "--bucket", "bkt")["OwnershipControls"]["Rules"][0] == {
        "ObjectOwnership": "BucketOwnerEnforced"}
    assert run("get-bucket-acl", "--bucket", "bkt")["Grants"][0]["Permission"] == "FULL_CONTROL"
    run("delete-public-access-block", "--bucket", "bkt")
    run("delete-bucket-policy", "--bucket", "bkt")
