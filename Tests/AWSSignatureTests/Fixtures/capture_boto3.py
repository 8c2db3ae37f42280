"""Captures what boto3 puts on the wire, for AWSSignature's cross-check test (Boto3CapturedTests).

Every request is stopped in botocore's `before-send` hook, so nothing is sent anywhere. Output: a JSON
list of {kind, method, target, headers, bodySha256} where kind is `header` (SigV4 Authorization header),
`presign-s3v4` or `presign-v2`. Regenerate with:

    .venv/bin/python Tests/AWSSignatureTests/Fixtures/capture_boto3.py > Tests/AWSSignatureTests/Fixtures/boto3-captured.json
"""

import hashlib
import json
import random
import sys
from urllib.parse import urlsplit

import boto3
from botocore.config import Config

random.seed(20261126)
ENDPOINT = "http://127.0.0.1:9000"
KEYS = {
    "AKIDEXAMPLE": ("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None),
    "ASIAEXAMPLE": ("secret/with+chars", "tok/en+=="),
}
ALPHABET = list("abcXYZ019 -_.~+=&?#%*'!$()[]@:;,/\"<>^`{}|\\") + ["ä", "ሴ", "😀", "é"]
captured = []


class Stop(Exception):
    """Raised by the hook so the request never leaves the process."""


def body_bytes(body):
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode()
    if hasattr(body, "read"):
        position = body.tell()
        body.seek(0)
        raw = body.read()
        body.seek(position)
        return raw
    return bytes(body)


def capture(request, **_):
    parts = urlsplit(request.url)
    target = parts.path + ("?" + parts.query if parts.query else "")
    headers = [
        [name, value.decode() if isinstance(value, bytes) else value]
        for name, value in request.headers.items()
        if name.lower() != "user-agent"
    ]
    if not any(name.lower() == "host" for name, _ in headers):
        headers.insert(0, ["Host", parts.netloc])
    captured.append(
        {
            "kind": "header",
            "method": request.method,
            "target": target,
            "headers": headers,
            "bodySha256": hashlib.sha256(body_bytes(request.body)).hexdigest(),
        }
    )
    raise Stop()


def text(length):
    return "".join(random.choice(ALPHABET) for _ in range(length))


def key():
    return text(random.randint(1, 16)).lstrip("/") or "k"


def client(service, access_key="AKIDEXAMPLE", region=None, **config):
    secret, token = KEYS[access_key]
    made = boto3.client(
        service,
        endpoint_url=ENDPOINT,
        region_name=region or random.choice(["us-east-1", "eu-north-1"]),
        aws_access_key_id=access_key,
        aws_secret_access_key=secret,
        aws_session_token=token,
        config=Config(**config),
    )
    made.meta.events.register("before-send", capture)
    return made


def call(operation, **params):
    try:
        operation(**params)
    except Stop:
        pass


def s3_header_requests():
    clients = [client("s3", name, s3={"addressing_style": "path"}) for name in KEYS]
    for _ in range(36):
        s3 = random.choice(clients)
        operation = random.choice(["put", "get", "list", "delete", "mpu", "part", "head", "copy"])
        if operation == "put":
            call(
                s3.put_object,
                Bucket="bkt",
                Key=key(),
                Body=text(30).encode(),
                ContentType="text/plain; charset=utf-8",
                Metadata={"m": "  spaced   value  "},
            )
        elif operation == "get":
            call(
                s3.get_object,
                Bucket="bkt",
                Key=key(),
                Range="bytes=0-9",
                ResponseContentDisposition='attachment; filename="' + text(5) + '"',
            )
        elif operation == "list":
            call(s3.list_objects_v2, Bucket="bkt", Prefix=text(6), Delimiter="/", StartAfter=text(4), MaxKeys=7)
        elif operation == "delete":
            call(s3.delete_objects, Bucket="bkt", Delete={"Objects": [{"Key": key()}]})
        elif operation == "mpu":
            call(s3.create_multipart_upload, Bucket="bkt", Key=key())
        elif operation == "part":
            call(s3.upload_part, Bucket="bkt", Key=key(), UploadId="u/p+id=", PartNumber=3, Body=b"x" * 100)
        elif operation == "head":
            call(s3.head_object, Bucket="bkt", Key=key(), VersionId="v+1/2")
        else:
            call(s3.copy_object, Bucket="bkt", Key=key(), CopySource={"Bucket": "src", "Key": text(8)})


def other_services():
    dynamodb = client("dynamodb")
    for _ in range(4):
        call(dynamodb.get_item, TableName="jobs", Key={"pk": {"S": text(10)}})
    lambda_client = client("lambda")
    for name in ["fn", "arn:aws:lambda:us-east-1:123456789012:function:fn"]:
        call(lambda_client.invoke, FunctionName=name, InvocationType="Event", Payload=json.dumps({"a": text(5)}).encode())
        call(lambda_client.get_function, FunctionName=name, Qualifier="$LATEST")


def presigned_urls():
    for version in ["s3v4", "v2"]:
        config = {"s3": {"addressing_style": "path"}}
        if version == "s3v4":
            config["signature_version"] = "s3v4"
        # us-east-1: boto3's default presign there is SigV2. Temporary credentials add x-amz-security-token.
        clients = [client("s3", name, region="us-east-1", **config) for name in KEYS]
        for _ in range(10):
            s3 = random.choice(clients)
            params = {"Bucket": "bkt", "Key": key()}
            operation = random.choice(["get_object", "put_object"])
            if operation == "get_object" and random.random() < 0.5:
                params["ResponseContentDisposition"] = 'attachment; filename="' + text(5) + '"'
            if operation == "put_object" and random.random() < 0.5:
                params["ContentType"] = "application/x-" + text(3)
            url = s3.generate_presigned_url(operation, Params=params, ExpiresIn=random.randint(1, 604800))
            parts = urlsplit(url)
            headers = [["Host", parts.netloc]]
            if "ContentType" in params:
                headers.append(["Content-Type", params["ContentType"]])
            captured.append(
                {
                    "kind": "presign-" + version,
                    "method": "GET" if operation == "get_object" else "PUT",
                    "target": parts.path + "?" + parts.query,
                    "headers": headers,
                    "bodySha256": "",
                }
            )


s3_header_requests()
other_services()
presigned_urls()
json.dump(captured, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")
