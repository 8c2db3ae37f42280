"""Item operations and the whole expression language through boto3, with botocore's exception classes."""

from decimal import Decimal

import pytest
from botocore.exceptions import ClientError


def error_of(excinfo):
    return excinfo.value.response["Error"]


def test_crud_and_return_values(ddb, jobs_table):
    assert "Attributes" not in ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "a"}, "v": {"N": "1"}})
    old = ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "a"}, "v": {"N": "2"}}, ReturnValues="ALL_OLD")
    assert old["Attributes"] == {"pk": {"S": "a"}, "v": {"N": "1"}}
    got = ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "a"}}, ConsistentRead=True)
    assert got["Item"]["v"] == {"N": "2"}
    modes = {
        "ALL_OLD": {"pk": {"S": "a"}, "v": {"N": "2"}},
        "UPDATED_OLD": {"v": {"N": "3"}},
        "ALL_NEW": {"pk": {"S": "a"}, "v": {"N": "5"}},
        "UPDATED_NEW": {"v": {"N": "6"}},
    }
    for mode, expected in modes.items():
        result = ddb.update_item(
            TableName=jobs_table, Key={"pk": {"S": "a"}}, UpdateExpression="SET v = v + :one",
            ExpressionAttributeValues={":one": {"N": "1"}}, ReturnValues=mode,
        )
        assert result["Attributes"] == expected, mode
    deleted = ddb.delete_item(TableName=jobs_table, Key={"pk": {"S": "a"}}, ReturnValues="ALL_OLD")
    assert deleted["Attributes"]["v"] == {"N": "6"}
    assert "Item" not in ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "a"}})


def test_projection_expression(ddb, jobs_table):
    ddb.put_item(
        TableName=jobs_table,
        Item={"pk": {"S": "a"}, "m": {"M": {"x": {"S": "1"}, "y": {"L": [{"S": "0"}, {"S": "1"}, {"S": "2"}]}}},
              "status": {"S": "done"}, "other": {"S": "no"}},
    )
    got = ddb.get_item(
        TableName=jobs_table, Key={"pk": {"S": "a"}}, ProjectionExpression="m.y[2], #s",
        ExpressionAttributeNames={"#s": "status"},
    )
    assert got["Item"] == {"m": {"M": {"y": {"L": [{"S": "2"}]}}}, "status": {"S": "done"}}


def test_condition_expressions(ddb, jobs_table):
    put = dict(TableName=jobs_table, Item={"pk": {"S": "job"}, "state": {"S": "queued"}, "attempts": {"N": "0"}})
    ddb.put_item(**put, ConditionExpression="attribute_not_exists(pk)")
    with pytest.raises(ddb.exceptions.ConditionalCheckFailedException) as failure:
        ddb.put_item(**put, ConditionExpression="attribute_not_exists(pk)", ReturnValuesOnConditionCheckFailure="ALL_OLD")
    assert failure.value.response["Item"]["state"] == {"S": "queued"}
    assert error_of(failure)["Message"] == "The conditional request failed"
    values = {":q": {"S": "queued"}, ":r": {"S": "running"}, ":zero": {"N": "0"}, ":three": {"N": "3"},
              ":t": {"S": "S"}, ":p": {"S": "que"}, ":sub": {"S": "eue"}, ":len": {"N": "6"}}
    ddb.update_item(
        TableName=jobs_table, Key={"pk": {"S": "job"}},
        UpdateExpression="SET #st = :r, attempts = attempts + :three",
        ConditionExpression=(
            "(#st IN (:q, :r) AND attempts BETWEEN :zero AND :three) AND NOT attempts > :three "
            "AND attribute_type(#st, :t) AND begins_with(#st, :p) AND contains(#st, :sub) AND size(#st) = :len "
            "OR attribute_not_exists(nothing)"
        ),
        ExpressionAttributeNames={"#st": "state"}, ExpressionAttributeValues=values,
    )
    item = ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "job"}})["Item"]
    assert item["state"] == {"S": "running"} and item["attempts"] == {"N": "3"}
    with pytest.raises(ddb.exceptions.ConditionalCheckFailedException):
        ddb.delete_item(
            TableName=jobs_table, Key={"pk": {"S": "job"}}, ConditionExpression="#st <> :r",
            ExpressionAttributeNames={"#st": "state"}, ExpressionAttributeValues={":r": {"S": "running"}},
        )


def test_update_expression_features(ddb, jobs_table):
    ddb.put_item(
        TableName=jobs_table,
        Item={"pk": {"S": "u"}, "n": {"N": "10"}, "l": {"L": [{"N": "1"}, {"N": "2"}, {"N": "3"}]}, "r": {"L": [{"N": "1"}, {"N": "2"}]},
              "m": {"M": {"a": {"M": {"b": {"S": "x"}}}}}, "tags": {"SS": ["a", "b"]}, "labels": {"SS": ["a", "b"]}, "gone": {"S": "bye"}},
    )
    result = ddb.update_item(
        TableName=jobs_table, Key={"pk": {"S": "u"}},
        UpdateExpression=(
            "SET n = n - :two, m.a.c = :v, l = list_append(l, :more), fresh = if_not_exists(fresh, :v), "
            "kept = if_not_exists(n, :v) REMOVE gone, r[0] ADD hits :two, tags :newtags DELETE labels :a"
        ),
        ExpressionAttributeValues={":two": {"N": "2"}, ":v": {"S": "new"}, ":more": {"L": [{"N": "4"}]},
                                   ":newtags": {"SS": ["c"]}, ":a": {"SS": ["a"]}},
        ReturnValues="ALL_NEW",
    )["Attributes"]
    assert result["n"] == {"N": "8"}
    assert result["m"] == {"M": {"a": {"M": {"b": {"S": "x"}, "c": {"S": "new"}}}}}
    assert result["l"] == {"L": [{"N": "1"}, {"N": "2"}, {"N": "3"}, {"N": "4"}]}
    assert result["r"] == {"L": [{"N": "2"}]}
    assert result["fresh"] == {"S": "new"} and result["kept"] == {"N": "10"}
    assert "gone" not in result
    assert result["hits"] == {"N": "2"}
    assert sorted(result["tags"]["SS"]) == ["a", "b", "c"]
    assert result["labels"] == {"SS": ["b"]}


def test_resource_api_numbers_and_types(ddb_resource, jobs_table):
    table = ddb_resource.Table(jobs_table)
    table.put_item(Item={"pk": "r", "price": Decimal("12.50"), "flags": {"x", "y"}, "blob": b"\x00\x01",
                         "nested": {"list": [1, "two", None, True]}})
    item = table.get_item(Key={"pk": "r"})["Item"]
    assert item["price"] == Decimal("12.5")
    assert item["flags"] == {"x", "y"}
    assert item["blob"].value == b"\x00\x01"
    assert item["nested"] == {"list": [Decimal(1), "two", None, True]}
    table.update_item(Key={"pk": "r"}, UpdateExpression="SET price = price + :d",
                      ExpressionAttributeValues={":d": Decimal("0.25")})
    assert table.get_item(Key={"pk": "r"})["Item"]["price"] == Decimal("12.75")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(UpdateExpression="SET status = :v", ExpressionAttributeValues={":v": {"S": "x"}}),
         "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status"),
        (dict(UpdateExpression="SET #s = :v", ExpressionAttributeValues={":v": {"S": "x"}}),
         "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; "
         "attribute name: #s"),
        (dict(UpdateExpression="SET a = :v"),
         "Invalid UpdateExpression: An expression attribute value used in expression is not defined; "
         "attribute value: :v"),
        (dict(UpdateExpression="SET a = :v", ExpressionAttributeValues={":v": {"S": "x"}, ":w": {"S": "y"}}),
         "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}"),
        (dict(UpdateExpression="SET a = :v", ExpressionAttributeNames={"#n": "n"},
              ExpressionAttributeValues={":v": {"S": "x"}}),
         "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}"),
        (dict(UpdateExpression="SET a = :v REMOVE a", ExpressionAttributeValues={":v": {"S": "x"}}),
         "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of "
         "these paths; path one: [a], path two: [a]"),
        (dict(UpdateExpression="SET a = :v +", ExpressionAttributeValues={":v": {"S": "x"}}),
         'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "+"'),
        (dict(UpdateExpression="SET pk = :v", ExpressionAttributeValues={":v": {"S": "x"}}),
         "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key"),
        (dict(UpdateExpression="SET a = :v", ConditionExpression="TTL > :v", ExpressionAttributeValues={":v": {"N": "1"}}),
         "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: TTL"),
    ],
)
def test_validation_errors_match_dynamodb(ddb, jobs_table, kwargs, message):
    with pytest.raises(ClientError) as failure:
        ddb.update_item(TableName=jobs_table, Key={"pk": {"S": "v"}}, **kwargs)
    assert error_of(failure)["Code"] == "ValidationException"
    assert error_of(failure)["Message"] == message


def test_key_and_size_validation(ddb, jobs_table):
    with pytest.raises(ClientError) as failure:
        ddb.put_item(TableName=jobs_table, Item={"pk": {"N": "1"}})
    assert "Type mismatch for key pk expected: S actual: N" in error_of(failure)["Message"]
    with pytest.raises(ClientError) as failure:
        ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "a"}, "extra": {"S": "b"}})
    assert error_of(failure)["Message"] == "The provided key element does not match the schema"
    with pytest.raises(ClientError) as failure:
        ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "big"}, "blob": {"S": "x" * 409_600}})
    assert error_of(failure)["Message"] == "Item size has exceeded the maximum allowed size"
    ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "big"}, "blob": {"S": "x" * 400_000}})
    with pytest.raises(ClientError) as failure:
        ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "n"}, "v": {"N": "1" * 39}})
    assert "38 significant digits" in error_of(failure)["Message"]
    with pytest.raises(ClientError) as failure:
        ddb.update_item(TableName=jobs_table, Key={"pk": {"S": "n"}}, UpdateExpression="SET v = :big + :one",
                        ExpressionAttributeValues={":big": {"N": "1e50"}, ":one": {"N": "1"}})
    assert error_of(failure)["Code"] == "ValidationException"
    with pytest.raises(ddb.exceptions.ResourceNotFoundException):
        ddb.get_item(TableName="no_such_table", Key={"pk": {"S": "a"}})


def test_atomic_counter_upsert(ddb, jobs_table):
    for _ in range(3):
        ddb.update_item(TableName=jobs_table, Key={"pk": {"S": "rate#1"}}, UpdateExpression="ADD #c :one",
                        ExpressionAttributeNames={"#c": "count"}, ExpressionAttributeValues={":one": {"N": "1"}})
    item = ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "rate#1"}})["Item"]
    assert item["count"] == {"N": "3"}
