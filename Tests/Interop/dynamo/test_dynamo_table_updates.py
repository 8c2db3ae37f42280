"""UpdateTable through boto3: GSI create (backfill) and delete, billing mode, deletion protection, and
StreamSpecification's refusals (streams themselves are in test_dynamo_streams)."""

import pytest
from botocore.exceptions import ClientError


def error_of(excinfo):
    return excinfo.value.response["Error"]


def test_gsi_create_backfills_then_delete(ddb, jobs_table):
    for key, group in [("a", "red"), ("b", "blue"), ("c", "red")]:
        ddb.put_item(TableName=jobs_table, Item={"pk": {"S": key}, "g": {"S": group}})
    ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "d"}})
    created = ddb.update_table(
        TableName=jobs_table,
        AttributeDefinitions=[{"AttributeName": "g", "AttributeType": "S"}],
        GlobalSecondaryIndexUpdates=[{"Create": {
            "IndexName": "byG", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "ALL"}}}],
    )["TableDescription"]
    assert created["GlobalSecondaryIndexes"][0]["IndexStatus"] == "CREATING"
    table = ddb.describe_table(TableName=jobs_table)["Table"]
    assert table["GlobalSecondaryIndexes"][0]["IndexStatus"] == "ACTIVE"
    red = ddb.query(TableName=jobs_table, IndexName="byG", KeyConditionExpression="g = :g",
                    ExpressionAttributeValues={":g": {"S": "red"}})
    assert sorted(item["pk"]["S"] for item in red["Items"]) == ["a", "c"]
    ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "e"}, "g": {"S": "red"}})
    assert ddb.query(TableName=jobs_table, IndexName="byG", KeyConditionExpression="g = :g",
                     ExpressionAttributeValues={":g": {"S": "red"}})["Count"] == 3
    with pytest.raises(ClientError) as failure:
        ddb.update_table(TableName=jobs_table, GlobalSecondaryIndexUpdates=[
            {"Create": {"IndexName": "byG", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                        "Projection": {"ProjectionType": "ALL"}}}])
    assert error_of(failure)["Message"] == "Attempting to create an index which already exists"
    deleted = ddb.update_table(TableName=jobs_table, GlobalSecondaryIndexUpdates=[{"Delete": {"IndexName": "byG"}}])
    assert deleted["TableDescription"]["GlobalSecondaryIndexes"][0]["IndexStatus"] == "DELETING"
    assert "GlobalSecondaryIndexes" not in ddb.describe_table(TableName=jobs_table)["Table"]
    with pytest.raises(ClientError) as failure:
        ddb.query(TableName=jobs_table, IndexName="byG", KeyConditionExpression="g = :g",
                  ExpressionAttributeValues={":g": {"S": "red"}})
    assert error_of(failure)["Code"] == "ValidationException"


def test_two_index_changes_in_one_call_are_refused(ddb, jobs_table):
    index = {"KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}
    with pytest.raises(ClientError) as failure:
        ddb.update_table(
            TableName=jobs_table, AttributeDefinitions=[{"AttributeName": "g", "AttributeType": "S"}],
            GlobalSecondaryIndexUpdates=[{"Create": {"IndexName": "one", **index}},
                                         {"Create": {"IndexName": "two", **index}}])
    assert error_of(failure)["Code"] == "LimitExceededException"


def test_billing_mode_and_deletion_protection(ddb, table_name):
    ddb.create_table(TableName=table_name, BillingMode="PAY_PER_REQUEST",
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}])
    with pytest.raises(ClientError) as failure:
        ddb.update_table(TableName=table_name, BillingMode="PROVISIONED")
    assert error_of(failure)["Code"] == "ValidationException"
    table = ddb.update_table(TableName=table_name, BillingMode="PROVISIONED",
                             ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 7})["TableDescription"]
    assert table["ProvisionedThroughput"]["WriteCapacityUnits"] == 7
    assert "BillingModeSummary" not in ddb.describe_table(TableName=table_name)["Table"]
    ddb.update_table(TableName=table_name, BillingMode="PAY_PER_REQUEST")
    assert ddb.describe_table(TableName=table_name)["Table"]["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    ddb.update_table(TableName=table_name, DeletionProtectionEnabled=True)
    assert ddb.describe_table(TableName=table_name)["Table"]["DeletionProtectionEnabled"] is True
    with pytest.raises(ClientError) as failure:
        ddb.delete_table(TableName=table_name)
    assert error_of(failure)["Code"] == "ValidationException"
    ddb.update_table(TableName=table_name, DeletionProtectionEnabled=False)
    ddb.delete_table(TableName=table_name)


def test_stream_specification_refusals(ddb, jobs_table):
    with pytest.raises(ClientError) as failure:
        ddb.update_table(TableName=jobs_table, StreamSpecification={"StreamEnabled": False})
    assert error_of(failure)["Code"] == "ValidationException"
    with pytest.raises(ClientError) as failure:
        ddb.update_table(TableName=jobs_table, StreamSpecification={"StreamEnabled": True})
    assert error_of(failure)["Code"] == "ValidationException"
    ddb.update_table(TableName=jobs_table, StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"})
    with pytest.raises(ClientError) as failure:
        ddb.update_table(TableName=jobs_table,
                         StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"})
    assert error_of(failure)["Code"] == "ResourceInUseException"


def test_update_table_needs_a_change(ddb, jobs_table):
    with pytest.raises(ClientError) as failure:
        ddb.update_table(TableName=jobs_table)
    assert error_of(failure)["Message"].startswith("At least one of ProvisionedThroughput, BillingMode")
