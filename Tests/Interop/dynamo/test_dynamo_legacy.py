"""The legacy (pre-expression) parameters through boto3: Expected, AttributeUpdates, KeyConditions,
QueryFilter, ScanFilter, AttributesToGet, ConditionalOperator, and the rule against mixing them with expressions."""

import pytest
from botocore.exceptions import ClientError

INVALID = "One or more parameter values were invalid: "


def error_of(excinfo):
    return excinfo.value.response["Error"]


def fill(ddb, table):
    ddb.put_item(TableName=table, Item={"pk": {"S": "a"}, "n": {"N": "5"}, "s": {"S": "hello"},
                                        "tags": {"SS": ["x", "y"]}})
    ddb.put_item(TableName=table, Item={"pk": {"S": "b"}, "n": {"N": "10"}, "s": {"S": "world"}})
    ddb.put_item(TableName=table, Item={"pk": {"S": "c"}})


def scan_keys(ddb, table, scan_filter, **extra):
    items = ddb.scan(TableName=table, ScanFilter=scan_filter, **extra)["Items"]
    return sorted(item["pk"]["S"] for item in items)


@pytest.mark.parametrize(
    "attribute, operator, values, expected",
    [
        ("n", "EQ", [{"N": "5"}], ["a"]),
        ("n", "NE", [{"N": "5"}], ["b", "c"]),
        ("n", "LT", [{"N": "10"}], ["a"]),
        ("n", "LE", [{"N": "10"}], ["a", "b"]),
        ("n", "GT", [{"N": "5"}], ["b"]),
        ("n", "GE", [{"N": "5"}], ["a", "b"]),
        ("n", "NULL", [], ["c"]),
        ("n", "NOT_NULL", [], ["a", "b"]),
        ("tags", "CONTAINS", [{"S": "x"}], ["a"]),
        ("s", "NOT_CONTAINS", [{"S": "ell"}], ["b"]),
        ("s", "BEGINS_WITH", [{"S": "wo"}], ["b"]),
        ("n", "IN", [{"N": "10"}, {"N": "7"}], ["b"]),
        ("n", "BETWEEN", [{"N": "4"}, {"N": "6"}], ["a"]),
    ],
)
def test_scan_filter_operators(ddb, jobs_table, attribute, operator, values, expected):
    fill(ddb, jobs_table)
    condition = {attribute: {"ComparisonOperator": operator, "AttributeValueList": values}}
    assert scan_keys(ddb, jobs_table, condition) == expected


def test_conditional_operator_or(ddb, jobs_table):
    fill(ddb, jobs_table)
    both = {"n": {"ComparisonOperator": "EQ", "AttributeValueList": [{"N": "5"}]},
            "s": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "world"}]}}
    assert scan_keys(ddb, jobs_table, both) == []
    assert scan_keys(ddb, jobs_table, both, ConditionalOperator="OR") == ["a", "b"]


@pytest.mark.parametrize(
    "condition, message",
    [
        ({"ComparisonOperator": "EQ", "AttributeValueList": []}, "Invalid number of argument(s) for the EQ ComparisonOperator"),
        ({"ComparisonOperator": "NOT_NULL", "AttributeValueList": [{"N": "1"}]},
         "Invalid number of argument(s) for the NOT_NULL ComparisonOperator"),
        ({"ComparisonOperator": "BETWEEN", "AttributeValueList": [{"N": "1"}]},
         "Invalid number of argument(s) for the BETWEEN ComparisonOperator"),
        ({"ComparisonOperator": "IN", "AttributeValueList": []}, "Invalid number of argument(s) for the IN ComparisonOperator"),
        ({"ComparisonOperator": "GT", "AttributeValueList": [{"BOOL": True}]},
         "ComparisonOperator GT is not valid for BOOL AttributeValue type"),
        ({"ComparisonOperator": "CONTAINS", "AttributeValueList": [{"SS": ["a"]}]},
         "ComparisonOperator CONTAINS is not valid for SS AttributeValue type"),
        ({"ComparisonOperator": "BEGINS_WITH", "AttributeValueList": [{"N": "1"}]},
         "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type"),
        ({"ComparisonOperator": "BETWEEN", "AttributeValueList": [{"N": "9"}, {"N": "1"}]},
         "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"),
        ({"ComparisonOperator": "IN", "AttributeValueList": [{"N": "9"}, {"S": "1"}]},
         "AttributeValues inside AttributeValueList must be of same type"),
    ],
)
def test_comparison_operator_validation(ddb, jobs_table, condition, message):
    with pytest.raises(ClientError) as failure:
        ddb.scan(TableName=jobs_table, ScanFilter={"n": condition})
    assert error_of(failure)["Code"] == "ValidationException"
    assert error_of(failure)["Message"] == INVALID + message


def test_expected_exists_and_value(ddb, jobs_table):
    fill(ddb, jobs_table)
    item = {"pk": {"S": "a"}, "n": {"N": "6"}}
    with pytest.raises(ddb.exceptions.ConditionalCheckFailedException):
        ddb.put_item(TableName=jobs_table, Item=item, Expected={"pk": {"Exists": False}})
    ddb.put_item(TableName=jobs_table, Item=item, Expected={"n": {"Value": {"N": "5"}},
                                                            "s": {"Exists": True, "Value": {"S": "hello"}}})
    with pytest.raises(ddb.exceptions.ConditionalCheckFailedException):
        ddb.delete_item(TableName=jobs_table, Key={"pk": {"S": "a"}},
                        Expected={"n": {"ComparisonOperator": "LT", "AttributeValueList": [{"N": "6"}]}})
    ddb.delete_item(TableName=jobs_table, Key={"pk": {"S": "a"}},
                    Expected={"n": {"ComparisonOperator": "EQ", "Value": {"N": "1"}}, "zz": {"Exists": False}},
                    ConditionalOperator="OR")
    assert "Item" not in ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "a"}})


@pytest.mark.parametrize(
    "expected, message",
    [
        ({"n": {"Exists": True}}, "Value must be provided when Exists is true for Attribute: n"),
        ({"n": {}}, "Value must be provided when Exists is null for Attribute: n"),
        ({"n": {"Exists": False, "Value": {"N": "1"}}}, "Value cannot be used when Exists is false for Attribute: n"),
        ({"n": {"Exists": True, "ComparisonOperator": "NULL"}},
         "Exists and ComparisonOperator cannot be used together for Attribute: n"),
        ({"n": {"ComparisonOperator": "EQ", "Value": {"N": "1"}, "AttributeValueList": [{"N": "1"}]}},
         "Value and AttributeValueList cannot be used together for Attribute: n"),
        ({"n": {"AttributeValueList": [{"N": "1"}]}},
         "AttributeValueList can only be used with a ComparisonOperator for Attribute: n"),
    ],
)
def test_expected_validation(ddb, jobs_table, expected, message):
    with pytest.raises(ClientError) as failure:
        ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "a"}}, Expected=expected)
    assert error_of(failure)["Message"] == INVALID + message


def test_attribute_updates(ddb, jobs_table):
    fill(ddb, jobs_table)
    result = ddb.update_item(
        TableName=jobs_table, Key={"pk": {"S": "a"}}, ReturnValues="UPDATED_NEW",
        AttributeUpdates={
            "n": {"Action": "ADD", "Value": {"N": "-2"}},
            "tags": {"Action": "DELETE", "Value": {"SS": ["x"]}},
            "s": {"Action": "DELETE"},
            "fresh": {"Value": {"S": "v"}},
            "more": {"Action": "ADD", "Value": {"NS": ["1", "2"]}},
        },
    )
    assert result["Attributes"]["n"] == {"N": "3"}
    assert result["Attributes"]["tags"] == {"SS": ["y"]}
    assert result["Attributes"]["fresh"] == {"S": "v"}
    assert sorted(result["Attributes"]["more"]["NS"]) == ["1", "2"]
    item = ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "a"}})["Item"]
    assert "s" not in item
    ddb.update_item(TableName=jobs_table, Key={"pk": {"S": "counter"}},
                    AttributeUpdates={"hits": {"Action": "ADD", "Value": {"N": "1"}}})
    ddb.update_item(TableName=jobs_table, Key={"pk": {"S": "counter"}},
                    AttributeUpdates={"hits": {"Action": "ADD", "Value": {"N": "1"}}},
                    Expected={"hits": {"Value": {"N": "1"}}})
    assert ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "counter"}})["Item"]["hits"] == {"N": "2"}
    ddb.update_item(TableName=jobs_table, Key={"pk": {"S": "ghost"}}, AttributeUpdates={"x": {"Action": "DELETE"}})
    assert "Item" not in ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "ghost"}})


@pytest.mark.parametrize(
    "update, message",
    [
        ({"x": {"Action": "PUT"}}, INVALID + "Only DELETE action is allowed when no attribute value is specified"),
        ({"x": {"Action": "ADD", "Value": {"S": "q"}}}, INVALID + "ADD action is not supported for the type S"),
        ({"x": {"Action": "DELETE", "Value": {"S": "q"}}},
         INVALID + "DELETE action with value is not supported for the type S"),
        ({"pk": {"Value": {"S": "q"}}}, INVALID + "Cannot update attribute pk. This attribute is part of the key"),
    ],
)
def test_attribute_updates_validation(ddb, jobs_table, update, message):
    with pytest.raises(ClientError) as failure:
        ddb.update_item(TableName=jobs_table, Key={"pk": {"S": "a"}}, AttributeUpdates=update)
    assert error_of(failure)["Message"] == message


def test_key_conditions_query_filter_attributes_to_get(ddb, range_table):
    for value in range(1, 6):
        ddb.put_item(TableName=range_table, Item={"pk": {"S": "p"}, "sk": {"N": str(value)},
                                                  "v": {"N": str(value * 10)}, "w": {"S": "x"}})
    response = ddb.query(
        TableName=range_table,
        KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "p"}]},
                       "sk": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [{"N": "2"}, {"N": "4"}]}},
        QueryFilter={"v": {"ComparisonOperator": "NE", "AttributeValueList": [{"N": "30"}]}},
        AttributesToGet=["sk", "v"],
    )
    assert [item["sk"]["N"] for item in response["Items"]] == ["2", "4"]
    assert all(set(item) == {"sk", "v"} for item in response["Items"])
    assert response["ScannedCount"] == 3
    prefix = ddb.query(
        TableName=range_table,
        KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "p"}]},
                       "sk": {"ComparisonOperator": "GE", "AttributeValueList": [{"N": "4"}]}},
    )
    assert [item["sk"]["N"] for item in prefix["Items"]] == ["4", "5"]
    with pytest.raises(ClientError) as failure:
        ddb.query(TableName=range_table,
                  KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "p"}]}},
                  QueryFilter={"sk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"N": "1"}]}})
    assert error_of(failure)["Message"] == (
        "QueryFilter can only contain non-primary key attributes: Primary key attribute: sk")
    got = ddb.get_item(TableName=range_table, Key={"pk": {"S": "p"}, "sk": {"N": "1"}}, AttributesToGet=["w"])
    assert got["Item"] == {"w": {"S": "x"}}
    batch = ddb.batch_get_item(RequestItems={range_table: {"Keys": [{"pk": {"S": "p"}, "sk": {"N": "2"}}],
                                                           "AttributesToGet": ["v"]}})
    assert batch["Responses"][range_table] == [{"v": {"N": "20"}}]


@pytest.mark.parametrize(
    "operation, extra, legacy, expressions",
    [
        ("put_item", {"Item": {"pk": {"S": "a"}}, "Expected": {"pk": {"Exists": False}},
                      "ConditionExpression": "attribute_not_exists(pk)"}, "Expected", "ConditionExpression"),
        ("update_item", {"Key": {"pk": {"S": "a"}}, "AttributeUpdates": {"x": {"Action": "DELETE"}},
                         "UpdateExpression": "REMOVE x"}, "AttributeUpdates", "UpdateExpression"),
        ("get_item", {"Key": {"pk": {"S": "a"}}, "AttributesToGet": ["x"], "ProjectionExpression": "x"},
         "AttributesToGet", "ProjectionExpression"),
        ("scan", {"ScanFilter": {"x": {"ComparisonOperator": "NULL"}}, "FilterExpression": "attribute_exists(x)"},
         "ScanFilter", "FilterExpression"),
        ("query", {"KeyConditions": {"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "a"}]}},
                   "KeyConditionExpression": "pk = :a", "ExpressionAttributeValues": {":a": {"S": "a"}}},
         "KeyConditions", "KeyConditionExpression"),
    ],
)
def test_mixing_is_refused(ddb, jobs_table, operation, extra, legacy, expressions):
    with pytest.raises(ClientError) as failure:
        getattr(ddb, operation)(TableName=jobs_table, **extra)
    assert error_of(failure)["Code"] == "ValidationException"
    assert error_of(failure)["Message"] == (
        "Can not use both expression and non-expression parameters in the same request: "
        f"Non-expression parameters: {{{legacy}}} Expression parameters: {{{expressions}}}")
