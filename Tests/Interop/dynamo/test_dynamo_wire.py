"""The wire protocol itself: envelopes, error shapes, content type, x-amz-crc32, malformed input."""

import json
import urllib.request
import zlib

import pytest


def post(endpoint, body, target="DynamoDB_20120810.ListTables", auth=True):
    headers = {"Content-Type": "application/x-amz-json-1.0"}
    if target:
        headers["X-Amz-Target"] = target
    if auth:
        headers["Authorization"] = (
            "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/dynamodb/aws4_request, "
            "SignedHeaders=host, Signature=0"
        )
    request = urllib.request.Request(endpoint, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_success_envelope_and_crc(dynamo_server):
    status, headers, body = post(dynamo_server.endpoint, b"{}")
    assert status == 200
    assert headers["Content-Type"] == "application/x-amz-json-1.0"
    assert int(headers["x-amz-crc32"]) == zlib.crc32(body)
    assert headers["x-amzn-RequestId"]
    assert "TableNames" in json.loads(body)


@pytest.mark.parametrize(
    "body, target, auth, expected_type",
    [
        (b"{not json", "DynamoDB_20120810.ListTables", True, "com.amazon.coral.service#SerializationException"),
        (b"[]", "DynamoDB_20120810.ListTables", True, "com.amazon.coral.service#SerializationException"),
        (b'{"TableName": 5}', "DynamoDB_20120810.DescribeTable", True, "com.amazon.coral.service#SerializationException"),
        (b"{}", "DynamoDB_20120810.Frobnicate", True, "com.amazon.coral.service#UnknownOperationException"),
        (b"{}", None, True, "com.amazon.coral.service#UnknownOperationException"),
        (b"{}", "DynamoDB_20120810.ListTables", False, "com.amazon.coral.service#MissingAuthenticationTokenException"),
        (b'{"TableName": "x"}', "DynamoDB_20120810.DescribeTable", True, "com.amazon.coral.validate#ValidationException"),
        (b'{"TableName": "nope"}', "DynamoDB_20120810.DescribeTable", True,
         "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"),
        (b'{"TableName": "nope", "Item": {"pk": {"S": "a", "N": "1"}}}', "DynamoDB_20120810.PutItem", True,
         "com.amazon.coral.validate#ValidationException"),
        (b'{"TableName": "nope", "Key": {"pk": {"B": "not base64!"}}}', "DynamoDB_20120810.GetItem", True,
         "com.amazon.coral.service#SerializationException"),
    ],
)
def test_errors_are_json_400_with_namespaces(dynamo_server, body, target, auth, expected_type):
    status, headers, raw = post(dynamo_server.endpoint, body, target, auth)
    assert status == 400
    assert headers["Content-Type"] == "application/x-amz-json-1.0"
    assert int(headers["x-amz-crc32"]) == zlib.crc32(raw)
    assert json.loads(raw)["__type"] == expected_type


def test_garbage_never_causes_500(dynamo_server):
    bodies = [b"", b"null", b'{"TableName": null}', b'{"Key": {"a": 1}}', b"\xff\xfe", b'{"TableName": "' + b"a" * 300 + b'"}',
              b'{"TableName":"abc","Item":{"pk":{"M":' * 40 + b"{}" + b"}}" * 40 + b"}"]
    for target in ["PutItem", "GetItem", "Query", "Scan", "UpdateItem", "CreateTable", "TransactWriteItems",
                   "BatchWriteItem", "BatchGetItem"]:
        for body in bodies:
            status, _, raw = post(dynamo_server.endpoint, body, f"DynamoDB_20120810.{target}")
            assert status == 400, (target, body, raw)


def test_health_check(dynamo_server):
    with urllib.request.urlopen(dynamo_server.endpoint) as response:
        assert response.status == 200
        # DynamoDB names its own endpoint; LocalDynamo names the host:port it was reached at.
        host = dynamo_server.endpoint.split("://", 1)[1].rstrip("/")
        assert response.read() == f"healthy: {host} ".encode()
