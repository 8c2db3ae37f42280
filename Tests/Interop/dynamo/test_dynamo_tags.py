"""Tags through boto3: TagResource, UntagResource, ListTagsOfResource, Tags on CreateTable, and AWS's validation."""

import pytest
from botocore.exceptions import ClientError


def error_of(excinfo):
    return excinfo.value.response["Error"]


def arn_of(ddb, table):
    return ddb.describe_table(TableName=table)["Table"]["TableArn"]


def tags_of(ddb, arn):
    return {tag["Key"]: tag["Value"] for tag in ddb.list_tags_of_resource(ResourceArn=arn)["Tags"]}


def test_tags_on_create_and_tag_untag(ddb, table_name):
    ddb.create_table(
        TableName=table_name, BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        Tags=[{"Key": "team", "Value": "jobs"}],
    )
    try:
        arn = arn_of(ddb, table_name)
        assert tags_of(ddb, arn) == {"team": "jobs"}
        response = ddb.tag_resource(ResourceArn=arn, Tags=[{"Key": "team", "Value": "search"}, {"Key": "env", "Value": ""}])
        assert set(response) == {"ResponseMetadata"}
        assert tags_of(ddb, arn) == {"team": "search", "env": ""}
        ddb.untag_resource(ResourceArn=arn, TagKeys=["team", "absent"])
        assert tags_of(ddb, arn) == {"env": ""}
    finally:
        ddb.delete_table(TableName=table_name)


@pytest.mark.parametrize(
    "tags, code, fragment",
    [
        ([{"Key": "k" * 129, "Value": "v"}], "ValidationException", "Member must have length less than or equal to 128"),
        ([{"Key": "k", "Value": "v" * 257}], "ValidationException", "Member must have length less than or equal to 256"),
        ([{"Key": "aws:owner", "Value": "v"}], "ValidationException", "aws:"),
        ([{"Key": f"k{n}", "Value": "v"} for n in range(51)], "LimitExceededException", "50"),
    ],
)
def test_tag_validation(ddb, jobs_table, tags, code, fragment):
    with pytest.raises(ClientError) as failure:
        ddb.tag_resource(ResourceArn=arn_of(ddb, jobs_table), Tags=tags)
    assert error_of(failure)["Code"] == code
    assert fragment in error_of(failure)["Message"]


def test_tags_of_a_missing_table(ddb):
    with pytest.raises(ddb.exceptions.ResourceNotFoundException):
        ddb.list_tags_of_resource(ResourceArn="arn:aws:dynamodb:us-east-1:000000000000:table/absent_table")
