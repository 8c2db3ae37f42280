"""Put/GetBucketNotificationConfiguration through boto3 against standalone LocalS3: the configuration round trip
and S3's validation. (Delivery to functions needs `serve`: Tests/Interop/deploy/test_event_sources.py.)"""

import pytest
from botocore.exceptions import ClientError

FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:indexer"


def lambda_configuration(events, prefix=None, suffix=None, **extra):
    configuration = {"LambdaFunctionArn": FUNCTION, "Events": events, **extra}
    rules = [{"Name": name, "Value": value} for name, value in (("prefix", prefix), ("suffix", suffix)) if value]
    if rules:
        configuration["Filter"] = {"Key": {"FilterRules": rules}}
    return configuration


def put(s3, *configurations):
    s3.put_bucket_notification_configuration(
        Bucket="events", NotificationConfiguration={"LambdaFunctionConfigurations": list(configurations)})


@pytest.fixture
def bucket(s3):
    s3.create_bucket(Bucket="events")
    return s3


def error(call) -> tuple:
    with pytest.raises(ClientError) as raised:
        call()
    return raised.value.response["Error"]["Code"], raised.value.response["Error"]["Message"]


def test_round_trip(bucket):
    assert "LambdaFunctionConfigurations" not in bucket.get_bucket_notification_configuration(Bucket="events")
    put(bucket, lambda_configuration(["s3:ObjectCreated:*"], prefix="images/", suffix=".jpg", Id="images"),
        lambda_configuration(["s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated"]))
    configurations = bucket.get_bucket_notification_configuration(Bucket="events")["LambdaFunctionConfigurations"]
    assert configurations[0] == {
        "Id": "images", "LambdaFunctionArn": FUNCTION, "Events": ["s3:ObjectCreated:*"],
        "Filter": {"Key": {"FilterRules": [{"Name": "Prefix", "Value": "images/"}, {"Name": "Suffix", "Value": ".jpg"}]}},
    }
    assert configurations[1]["Events"] == ["s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated"]
    assert configurations[1]["Id"], "S3 makes up an Id when none is sent"
    bucket.put_bucket_notification_configuration(Bucket="events", NotificationConfiguration={})
    assert "LambdaFunctionConfigurations" not in bucket.get_bucket_notification_configuration(Bucket="events")


def test_validation(bucket):
    ambiguous = ("InvalidArgument", "Configuration is ambiguously defined. Cannot have overlapping suffixes in two "
                 "rules if the prefixes are overlapping for the same event type.")
    assert error(lambda: put(bucket, lambda_configuration(["s3:ObjectCreated:*"], prefix="a/"),
                             lambda_configuration(["s3:ObjectCreated:Put"], prefix="a/b/"))) == ambiguous
    assert error(lambda: put(bucket, lambda_configuration(["s3:ObjectCreated:*"], suffix=".jpg"),
                             lambda_configuration(["s3:ObjectCreated:Copy"]))) == ambiguous
    put(bucket, lambda_configuration(["s3:ObjectCreated:*"], prefix="a/"),
        lambda_configuration(["s3:ObjectCreated:*"], prefix="b/"),
        lambda_configuration(["s3:ObjectRemoved:*"], prefix="a/"))
    assert error(lambda: put(bucket, lambda_configuration(["s3:ObjectCreated:Upload"]))) == (
        "InvalidArgument", "The event is not supported for notifications")
    rules = {"Key": {"FilterRules": [{"Name": "prefix", "Value": "a"}, {"Name": "prefix", "Value": "b"}]}}
    assert error(lambda: put(bucket, {"LambdaFunctionArn": FUNCTION, "Events": ["s3:ObjectCreated:*"],
                                      "Filter": rules})) == (
        "InvalidArgument", "Cannot specify more than one prefix rule in a filter.")
    queue = {"QueueConfigurations": [{"QueueArn": "arn:aws:sqs:us-east-1:123456789012:q",
                                      "Events": ["s3:ObjectCreated:*"]}]}
    assert error(lambda: bucket.put_bucket_notification_configuration(
        Bucket="events", NotificationConfiguration=queue)) == (
        "InvalidArgument", "Unable to validate the following destination configurations")
    assert error(lambda: bucket.get_bucket_notification_configuration(Bucket="missing"))[0] == "NoSuchBucket"
