"""`lambda-emulator events generate SOURCE`: every source read by aws_lambda_powertools' data classes (what
Python handlers parse events with), and its keys matched to the samples in AWS's Lambda developer guide."""

import base64
import gzip
import json
import subprocess

import pytest
from aws_lambda_powertools.utilities.data_classes import (
    APIGatewayProxyEvent,
    APIGatewayProxyEventV2,
    CloudWatchLogsEvent,
    DynamoDBStreamEvent,
    EventBridgeEvent,
    LambdaFunctionUrlEvent,
    S3Event,
    SNSEvent,
    SQSEvent,
)


def generate(swift_bin, source, *options):
    result = subprocess.run(
        [str(swift_bin / "lambda-emulator"), "events", "generate", source, *options],
        capture_output=True, text=True, timeout=60, check=True,
    )
    return json.loads(result.stdout)


# Top-level (or record-level) keys of AWS's documented samples.
V1_KEYS = {"resource", "path", "httpMethod", "headers", "multiValueHeaders", "queryStringParameters",
           "multiValueQueryStringParameters", "pathParameters", "stageVariables", "requestContext", "body",
           "isBase64Encoded"}
V2_KEYS = {"version", "routeKey", "rawPath", "rawQueryString", "headers", "requestContext", "body", "isBase64Encoded"}
S3_KEYS = {"eventVersion", "eventSource", "awsRegion", "eventTime", "eventName", "userIdentity", "requestParameters",
           "responseElements", "s3"}
DYNAMO_KEYS = {"eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb", "eventSourceARN"}
SQS_KEYS = {"messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody", "eventSource",
            "eventSourceARN", "awsRegion"}
SNS_KEYS = {"Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion", "Signature",
            "SigningCertUrl", "UnsubscribeUrl", "MessageAttributes"}
SCHEDULED_KEYS = {"version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"}


def test_api_gateway_v1(swift_bin):
    raw = generate(swift_bin, "apigw-v1", "--method", "post", "--path", "/api/start", "--body", '{"a": 1}')
    assert set(raw) == V1_KEYS
    event = APIGatewayProxyEvent(raw)
    assert (event.http_method, event.path, event.json_body) == ("POST", "/api/start", {"a": 1})
    assert event.request_context.stage == "prod" and event.request_context.identity.source_ip == "127.0.0.1"


@pytest.mark.parametrize("source, data_class", [("apigw-v2", APIGatewayProxyEventV2),
                                                ("function-url", LambdaFunctionUrlEvent)])
def test_http_v2_and_function_url(swift_bin, source, data_class):
    raw = generate(swift_bin, source, "--path", "/api/health")
    assert set(raw) == V2_KEYS - {"body"}
    event = data_class(raw)
    assert event.raw_path == "/api/health" and event.request_context.http.method == "GET"
    assert event.route_key == ("$default" if source == "function-url" else "GET /api/health")


@pytest.mark.parametrize("source, name", [("s3-put", "ObjectCreated:Put"), ("s3-delete", "ObjectRemoved:Delete")])
def test_s3(swift_bin, source, name):
    raw = generate(swift_bin, source, "--bucket", "docs", "--key", "documents/a.docx")
    assert set(raw["Records"][0]) == S3_KEYS
    event = S3Event(raw)
    assert (event.bucket_name, event.object_key, event.record.event_name) == ("docs", "documents/a.docx", name)
    if source == "s3-put":
        assert event.record.s3.get_object.size == 1024 and event.record.s3.get_object.etag


@pytest.mark.parametrize("source, name, images", [
    ("dynamodb-insert", "INSERT", {"new"}), ("dynamodb-modify", "MODIFY", {"new", "old"}),
    ("dynamodb-remove", "REMOVE", {"old"}),
])
def test_dynamodb_stream(swift_bin, source, name, images):
    raw = generate(swift_bin, source, "--table", "jobsai-jobs")
    assert set(raw["Records"][0]) == DYNAMO_KEYS
    record = next(DynamoDBStreamEvent(raw).records)
    assert record.event_name.name == name and record.dynamodb.keys == {"Id": 101}
    assert {"NewImage", "OldImage"} & set(raw["Records"][0]["dynamodb"]) == {f"{kind.title()}Image" for kind in images}
    assert bool(record.dynamodb.new_image) == ("new" in images) and bool(record.dynamodb.old_image) == ("old" in images)
    assert ":table/jobsai-jobs/stream/" in record.event_source_arn


def test_sqs(swift_bin):
    raw = generate(swift_bin, "sqs", "--body", "hello")
    assert set(raw["Records"][0]) == SQS_KEYS
    record = next(SQSEvent(raw).records)
    assert record.body == "hello" and record.attributes.approximate_receive_count == "1"
    assert record.md5_of_body == "5d41402abc4b2a76b9719d911017c592"


def test_sns(swift_bin):
    raw = generate(swift_bin, "sns", "--body", "hello")
    assert set(raw["Records"][0]["Sns"]) == SNS_KEYS
    record = next(SNSEvent(raw).records)
    assert record.sns.message == "hello" and record.event_source == "aws:sns"


def test_eventbridge_scheduled(swift_bin):
    raw = generate(swift_bin, "eventbridge-scheduled")
    assert set(raw) == SCHEDULED_KEYS
    event = EventBridgeEvent(raw)
    assert (event.detail_type, event.source, event.detail) == ("Scheduled Event", "aws.events", {})
    assert event.resources[0].startswith("arn:aws:events:us-east-1:123456789012:rule/")


def test_cloudwatch_logs(swift_bin):
    raw = generate(swift_bin, "cloudwatch-logs", "--body", "one line")
    batch = json.loads(gzip.decompress(base64.b64decode(raw["awslogs"]["data"])))
    assert set(batch) == {"messageType", "owner", "logGroup", "logStream", "subscriptionFilters", "logEvents"}
    parsed = CloudWatchLogsEvent(raw).parse_logs_data()
    assert parsed.message_type == "DATA_MESSAGE" and parsed.log_events[0].message == "one line"


def test_unknown_source_is_refused(swift_bin):
    result = subprocess.run(
        [str(swift_bin / "lambda-emulator"), "events", "generate", "kinesis"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0 and "apigw-v1" in result.stderr
