"""Defects found by an outside DynamoDB-compatibility suite; each test failed before its fix."""

import gzip
import json
import urllib.request
import zlib

import pytest
from botocore.exceptions import ClientError

INVALID = "One or more parameter values were invalid: "


def error_of(excinfo):
    return excinfo.value.response["Error"]


def test_remove_only_update_of_missing_item_creates_nothing(ddb, jobs_table):
    result = ddb.update_item(TableName=jobs_table, Key={"pk": {"S": "ghost"}}, UpdateExpression="REMOVE a",
                             ReturnValues="ALL_NEW")
    assert "Attributes" not in result
    assert "Item" not in ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "ghost"}})


@pytest.mark.parametrize("expression", ["REMOVE a.c", "REMOVE a[0]"])
def test_remove_through_a_scalar_is_invalid(ddb, jobs_table, expression):
    ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "k"}, "a": {"S": "text"}})
    with pytest.raises(ClientError) as failure:
        ddb.update_item(TableName=jobs_table, Key={"pk": {"S": "k"}}, UpdateExpression=expression)
    assert error_of(failure)["Message"] == "The document path provided in the update expression is invalid for update"


def test_set_past_the_end_appends_in_index_order(ddb, jobs_table):
    ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "k"}, "a": {"L": [{"S": "0"}]}})
    ddb.update_item(TableName=jobs_table, Key={"pk": {"S": "k"}}, UpdateExpression="SET a[9] = :x, a[5] = :y",
                    ExpressionAttributeValues={":x": {"S": "nine"}, ":y": {"S": "five"}})
    item = ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "k"}})["Item"]
    assert item["a"]["L"] == [{"S": "0"}, {"S": "five"}, {"S": "nine"}]


def test_leading_plus_in_numbers_is_accepted_and_normalised(ddb, jobs_table):
    ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "k"}, "n": {"N": "+5"}, "s": {"NS": ["+1.50"]}})
    item = ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "k"}})["Item"]
    assert item["n"] == {"N": "5"} and item["s"] == {"NS": ["1.5"]}


def test_empty_binary_index_key_is_refused(ddb, table_name):
    ddb.create_table(
        TableName=table_name, BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "B"}],
        GlobalSecondaryIndexes=[{"IndexName": "byB", "KeySchema": [{"AttributeName": "b", "KeyType": "HASH"}],
                                 "Projection": {"ProjectionType": "ALL"}}],
    )
    try:
        with pytest.raises(ClientError) as failure:
            ddb.put_item(TableName=table_name, Item={"pk": {"S": "k"}, "b": {"B": b""}})
        assert error_of(failure)["Message"] == (
            "One or more parameter values are not valid. A value specified for a secondary index key is not "
            "supported. The AttributeValue for a key attribute cannot contain an empty binary value. "
            "IndexName: byB, IndexKey: b")
    finally:
        ddb.delete_table(TableName=table_name)


def test_consumed_capacity_figures(ddb, jobs_table):
    big = "x" * 5000
    put = ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "k"}, "v": {"S": big}}, ReturnConsumedCapacity="TOTAL")
    assert put["ConsumedCapacity"]["CapacityUnits"] == 5.0
    eventual = ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "k"}}, ReturnConsumedCapacity="TOTAL")
    assert eventual["ConsumedCapacity"]["CapacityUnits"] == 1.0
    strong = ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "k"}}, ConsistentRead=True,
                          ReturnConsumedCapacity="TOTAL")
    assert strong["ConsumedCapacity"]["CapacityUnits"] == 2.0
    missing = ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "none"}}, ReturnConsumedCapacity="TOTAL")
    assert missing["ConsumedCapacity"]["CapacityUnits"] == 0.5
    batch = ddb.batch_write_item(RequestItems={jobs_table: [{"PutRequest": {"Item": {"pk": {"S": "b"}}}}]},
                                 ReturnConsumedCapacity="TOTAL")
    assert batch["ConsumedCapacity"] == [{"TableName": jobs_table, "CapacityUnits": 1.0, "WriteCapacityUnits": 1.0}]
    reads = ddb.batch_get_item(RequestItems={jobs_table: {"Keys": [{"pk": {"S": "b"}}, {"pk": {"S": "k"}}]}},
                               ReturnConsumedCapacity="TOTAL")
    assert reads["ConsumedCapacity"][0]["CapacityUnits"] == 1.5


def test_consumed_capacity_counts_index_writes(ddb, table_name):
    ddb.create_table(
        TableName=table_name, BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "g", "AttributeType": "S"}],
        GlobalSecondaryIndexes=[{"IndexName": "byG", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                                 "Projection": {"ProjectionType": "ALL"}}],
    )
    try:
        first = ddb.put_item(TableName=table_name, Item={"pk": {"S": "k"}, "g": {"S": "a"}},
                             ReturnConsumedCapacity="INDEXES")["ConsumedCapacity"]
        assert first["Table"]["CapacityUnits"] == 1.0
        assert first["GlobalSecondaryIndexes"] == {"byG": {"CapacityUnits": 1.0, "WriteCapacityUnits": 1.0}}
        assert first["CapacityUnits"] == 2.0
        moved = ddb.put_item(TableName=table_name, Item={"pk": {"S": "k"}, "g": {"S": "b"}},
                             ReturnConsumedCapacity="INDEXES")["ConsumedCapacity"]
        assert moved["GlobalSecondaryIndexes"]["byG"]["CapacityUnits"] == 2.0
        untouched = ddb.put_item(TableName=table_name, Item={"pk": {"S": "other"}},
                                 ReturnConsumedCapacity="INDEXES")["ConsumedCapacity"]
        assert "GlobalSecondaryIndexes" not in untouched
    finally:
        ddb.delete_table(TableName=table_name)


def test_key_size_limits_on_reads(ddb, range_table):
    with pytest.raises(ClientError) as failure:
        ddb.get_item(TableName=range_table, Key={"pk": {"S": "x" * 2049}, "sk": {"N": "1"}})
    assert error_of(failure)["Message"] == INVALID + "Size of hashkey has exceeded the maximum size limit of2048 bytes"
    with pytest.raises(ClientError) as failure:
        ddb.query(TableName=range_table, KeyConditionExpression="pk = :p",
                  ExpressionAttributeValues={":p": {"S": "x" * 2049}})
    assert "Size of hashkey has exceeded" in error_of(failure)["Message"]


def test_attribute_name_limits(ddb, jobs_table, table_name):
    with pytest.raises(ClientError) as failure:
        ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "k"}, "": {"S": "v"}})
    assert error_of(failure)["Code"] == "ValidationException"
    with pytest.raises(ClientError) as failure:
        ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "k"}, "n" * 65536: {"S": "v"}})
    assert error_of(failure)["Code"] == "ValidationException"
    long_name = "k" * 256
    with pytest.raises(ClientError) as failure:
        ddb.create_table(TableName=table_name, BillingMode="PAY_PER_REQUEST",
                         KeySchema=[{"AttributeName": long_name, "KeyType": "HASH"}],
                         AttributeDefinitions=[{"AttributeName": long_name, "AttributeType": "S"}])
    assert "Member must have length less than or equal to 255" in error_of(failure)["Message"]


def test_transaction_limits_and_per_item_errors(ddb, range_table):
    with pytest.raises(ClientError) as failure:
        ddb.transact_write_items(
            TransactItems=[{"Put": {"TableName": range_table, "Item": {"pk": {"S": "a"}, "sk": {"N": "1"}}}}],
            ClientRequestToken="t" * 37)
    assert "at 'clientRequestToken'" in error_of(failure)["Message"]
    with pytest.raises(ClientError) as failure:
        ddb.transact_write_items(TransactItems=[
            {"Put": {"TableName": range_table, "Item": {"pk": {"S": "a"}, "sk": {"N": str(n)}, "v": {"S": "x" * 390_000}}}}
            for n in range(12)])
    assert error_of(failure)["Code"] == "ValidationException"
    with pytest.raises(ddb.exceptions.TransactionCanceledException) as cancelled:
        ddb.transact_write_items(TransactItems=[
            {"Put": {"TableName": range_table, "Item": {"pk": {"S": "a"}, "sk": {"N": "1"}}}},
            {"Put": {"TableName": range_table, "Item": {"pk": {"S": "a"}, "sk": {"S": "wrong"}}}},
        ])
    reasons = cancelled.value.response["CancellationReasons"]
    assert [reason["Code"] for reason in reasons] == ["None", "ValidationError"]


@pytest.mark.parametrize("name", ["BEGINS_WITH", "Contains", "ATTRIBUTE_EXISTS"])
def test_function_names_are_case_sensitive(ddb, jobs_table, name):
    with pytest.raises(ClientError) as failure:
        ddb.scan(TableName=jobs_table, FilterExpression=f"{name}(s, :v)", ExpressionAttributeValues={":v": {"S": "a"}})
    assert error_of(failure)["Message"] == f"Invalid FilterExpression: Invalid function name; function: {name}"


def test_upper_case_list_append_is_refused(ddb, jobs_table):
    with pytest.raises(ClientError) as failure:
        ddb.update_item(TableName=jobs_table, Key={"pk": {"S": "k"}}, UpdateExpression="SET l = LIST_APPEND(l, :v)",
                        ExpressionAttributeValues={":v": {"L": []}})
    assert error_of(failure)["Message"] == "Invalid UpdateExpression: Invalid function name; function: LIST_APPEND"


@pytest.mark.parametrize("projection", ["a, a", "a, a.b", "a.b, a[0]"])
def test_overlapping_projection_paths_are_refused(ddb, jobs_table, projection):
    with pytest.raises(ClientError) as failure:
        ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "k"}}, ProjectionExpression=projection)
    assert error_of(failure)["Message"].startswith("Invalid ProjectionExpression: Two document paths ")


def post(endpoint, body, headers):
    headers = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.ListTables",
               "Authorization": "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/dynamodb/aws4_request, "
                                "SignedHeaders=host, Signature=0", **headers}
    request = urllib.request.Request(endpoint, data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request) as response:
        return response.status, json.loads(response.read())


@pytest.mark.parametrize("encoding, compress", [("gzip", gzip.compress), ("deflate", zlib.compress)])
def test_compressed_request_bodies_are_decoded(dynamo_server, encoding, compress):
    status, body = post(dynamo_server.endpoint, compress(b'{"Limit": 1}'), {"Content-Encoding": encoding})
    assert status == 200 and "TableNames" in body


def test_unknown_attribute_value_type_is_a_validation_error(dynamo_server, jobs_table):
    request = urllib.request.Request(
        dynamo_server.endpoint, method="POST",
        data=json.dumps({"TableName": jobs_table, "Item": {"pk": {"S": "k"}, "x": {"Q": "1"}}}).encode(),
        headers={"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.PutItem",
                 "Authorization": "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/dynamodb/aws4_request, "
                                  "SignedHeaders=host, Signature=0"})
    with pytest.raises(urllib.error.HTTPError) as failure:
        urllib.request.urlopen(request)
    assert json.loads(failure.value.read())["__type"] == "com.amazon.coral.validate#ValidationException"


def test_scan_select_and_segment_start_key(ddb, jobs_table):
    with pytest.raises(ClientError) as failure:
        ddb.scan(TableName=jobs_table, Select="SPECIFIC_ATTRIBUTES")
    assert error_of(failure)["Message"] == (
        "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES")
    keys = [f"k{n}" for n in range(40)]
    for key in keys:
        ddb.put_item(TableName=jobs_table, Item={"pk": {"S": key}})
    segment0 = {item["pk"]["S"] for item in ddb.scan(TableName=jobs_table, Segment=0, TotalSegments=2)["Items"]}
    outside = next(key for key in keys if key not in segment0)
    with pytest.raises(ClientError) as failure:
        ddb.scan(TableName=jobs_table, Segment=0, TotalSegments=2, ExclusiveStartKey={"pk": {"S": outside}})
    assert error_of(failure)["Message"] == (
        "The provided Exclusive start key does not map to the provided Segment and TotalSegments values.")


@pytest.mark.parametrize(
    "kind, expression, message",
    [
        ("condition", "((a <> :a))", "Invalid ConditionExpression: The expression has redundant parentheses;"),
        ("condition", "_a = :a", None),
        ("update", "SET l = list_append(list_append(l, :a), :a)",
         "Invalid UpdateExpression: The function is not allowed to be used this way in an expression; "
         "function: list_append"),
    ],
)
def test_parser_refuses_what_dynamodb_refuses(ddb, jobs_table, kind, expression, message):
    values = {":a": {"L": [{"S": "x"}]}}
    with pytest.raises(ClientError) as failure:
        if kind == "condition":
            ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "k"}}, ConditionExpression=expression,
                         ExpressionAttributeValues=values)
        else:
            ddb.update_item(TableName=jobs_table, Key={"pk": {"S": "k"}}, UpdateExpression=expression,
                            ExpressionAttributeValues=values)
    assert error_of(failure)["Code"] == "ValidationException"
    if message:
        assert error_of(failure)["Message"] == message


def test_error_wording(ddb, jobs_table):
    with pytest.raises(ClientError) as failure:
        ddb.get_item(TableName=jobs_table, Key={"pk": {"N": "1"}})
    assert error_of(failure)["Message"] == "The provided key element does not match the schema"
    with pytest.raises(ClientError) as failure:
        ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "k"}, "n": {"N": "abc"}})
    assert error_of(failure)["Message"] == "The parameter cannot be converted to a numeric value"
