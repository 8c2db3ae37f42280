"""Multi-attribute GSI keys through boto3: up to 4 HASH and 4 RANGE attributes, validation at CreateTable,
and the Query rules (= on every HASH attribute, RANGE conditions left to right, only the last a range)."""

import pytest
from botocore.exceptions import ClientError


def error_of(excinfo):
    return excinfo.value.response["Error"]


def create(ddb, name, hash_keys, range_keys, local=None):
    definitions = [{"AttributeName": "p", "AttributeType": "S"}]
    definitions += [{"AttributeName": n, "AttributeType": t} for n, t in hash_keys + range_keys]
    schema = [{"AttributeName": n, "KeyType": "HASH"} for n, _ in hash_keys]
    schema += [{"AttributeName": n, "KeyType": "RANGE"} for n, _ in range_keys]
    ddb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                     KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}], AttributeDefinitions=definitions,
                     GlobalSecondaryIndexes=[{"IndexName": "gsi", "KeySchema": schema,
                                              "Projection": {"ProjectionType": "ALL"}}])


@pytest.fixture
def composite(ddb, table_name):
    create(ddb, table_name, [("h1", "S"), ("h2", "N")], [("r1", "S"), ("r2", "N")])
    rows = [("a", "x", 1), ("b", "x", 2), ("c", "x", 10), ("d", "y", 1), ("e", "xy", 5)]
    for key, r1, r2 in rows:
        ddb.put_item(TableName=table_name, Item={"p": {"S": key}, "h1": {"S": "H"}, "h2": {"N": "7"},
                                                 "r1": {"S": r1}, "r2": {"N": str(r2)}})
    ddb.put_item(TableName=table_name, Item={"p": {"S": "sparse"}, "h1": {"S": "H"}, "h2": {"N": "7"}, "r1": {"S": "x"}})
    ddb.put_item(TableName=table_name, Item={"p": {"S": "other"}, "h1": {"S": "H"}, "h2": {"N": "8"},
                                             "r1": {"S": "x"}, "r2": {"N": "1"}})
    yield table_name
    ddb.delete_table(TableName=table_name)


def query(ddb, table, condition, **values):
    names = {":h1": {"S": "H"}, ":h2": {"N": "7"}, **values}
    response = ddb.query(TableName=table, IndexName="gsi", KeyConditionExpression="h1 = :h1 AND h2 = :h2" + condition,
                         ExpressionAttributeValues=names)
    return [item["p"]["S"] for item in response["Items"]]


def test_describe_echoes_the_key_schema(ddb, composite):
    schema = ddb.describe_table(TableName=composite)["Table"]["GlobalSecondaryIndexes"][0]["KeySchema"]
    assert [(e["AttributeName"], e["KeyType"]) for e in schema] == [
        ("h1", "HASH"), ("h2", "HASH"), ("r1", "RANGE"), ("r2", "RANGE")]


@pytest.mark.parametrize(
    "condition, values, expected",
    [
        ("", {}, ["a", "b", "c", "e", "d"]),
        (" AND r1 = :x", {":x": {"S": "x"}}, ["a", "b", "c"]),
        (" AND r1 = :x AND r2 = :n", {":x": {"S": "x"}, ":n": {"N": "2"}}, ["b"]),
        (" AND r1 = :x AND r2 > :n", {":x": {"S": "x"}, ":n": {"N": "1"}}, ["b", "c"]),
        (" AND r1 = :x AND r2 <= :n", {":x": {"S": "x"}, ":n": {"N": "2"}}, ["a", "b"]),
        (" AND r1 = :x AND r2 BETWEEN :a AND :b", {":x": {"S": "x"}, ":a": {"N": "2"}, ":b": {"N": "10"}}, ["b", "c"]),
        (" AND r1 > :x", {":x": {"S": "x"}}, ["e", "d"]),
        (" AND r1 < :x", {":x": {"S": "xy"}}, ["a", "b", "c"]),
        (" AND begins_with(r1, :x)", {":x": {"S": "x"}}, ["a", "b", "c", "e"]),
    ],
)
def test_query_rules(ddb, composite, condition, values, expected):
    assert query(ddb, composite, condition, **values) == expected


def test_query_pages_with_the_composite_start_key(ddb, composite):
    seen, start = [], None
    while True:
        extra = {"ExclusiveStartKey": start} if start else {}
        page = ddb.query(TableName=composite, IndexName="gsi", KeyConditionExpression="h1 = :h1 AND h2 = :h2",
                         ExpressionAttributeValues={":h1": {"S": "H"}, ":h2": {"N": "7"}}, Limit=2,
                         ScanIndexForward=False, **extra)
        seen += [item["p"]["S"] for item in page["Items"]]
        start = page.get("LastEvaluatedKey")
        if not start:
            break
    assert seen == ["d", "e", "c", "b", "a"]


@pytest.mark.parametrize(
    "condition, values, fragment",
    [
        (" AND r2 = :n", {":n": {"N": "1"}}, "key"),
        (" AND r1 > :x AND r2 = :n", {":x": {"S": "x"}, ":n": {"N": "1"}}, "key"),
        (" AND r1 = :x AND begins_with(r2, :n)", {":x": {"S": "x"}, ":n": {"N": "1"}}, "begins_with"),
    ],
)
def test_query_refusals(ddb, composite, condition, values, fragment):
    with pytest.raises(ClientError) as failure:
        query(ddb, composite, condition, **values)
    assert error_of(failure)["Code"] == "ValidationException"
    assert fragment in error_of(failure)["Message"].lower()


def test_query_needs_every_hash_attribute(ddb, composite):
    with pytest.raises(ClientError) as failure:
        ddb.query(TableName=composite, IndexName="gsi", KeyConditionExpression="h1 = :h1",
                  ExpressionAttributeValues={":h1": {"S": "H"}})
    assert error_of(failure)["Message"] == "Query condition missed key schema element: h2"


@pytest.mark.parametrize(
    "hash_keys, range_keys",
    [
        ([(f"a{n}", "S") for n in range(5)], []),
        ([("h", "S")], [(f"r{n}", "S") for n in range(5)]),
    ],
)
def test_too_many_key_attributes_are_refused(ddb, table_name, hash_keys, range_keys):
    with pytest.raises(ClientError) as failure:
        create(ddb, table_name, hash_keys, range_keys)
    assert error_of(failure)["Code"] == "ValidationException"


def test_key_schema_order_and_duplicates(ddb, table_name):
    base = dict(TableName=table_name, BillingMode="PAY_PER_REQUEST",
                KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": n, "AttributeType": "S"} for n in "pabc"])
    for schema in ([("a", "HASH"), ("b", "RANGE"), ("c", "HASH")], [("a", "HASH"), ("a", "HASH")]):
        with pytest.raises(ClientError) as failure:
            ddb.create_table(**base, GlobalSecondaryIndexes=[{
                "IndexName": "gsi", "KeySchema": [{"AttributeName": n, "KeyType": t} for n, t in schema],
                "Projection": {"ProjectionType": "ALL"}}])
        assert error_of(failure)["Code"] == "ValidationException"
    assert "Duplicate" in error_of(failure)["Message"]


def test_local_indexes_stay_single_attribute(ddb, table_name):
    with pytest.raises(ClientError) as failure:
        ddb.create_table(
            TableName=table_name, BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}, {"AttributeName": "c", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": n, "AttributeType": "S"} for n in "pcl"],
            LocalSecondaryIndexes=[{"IndexName": "lsi", "Projection": {"ProjectionType": "ALL"}, "KeySchema": [
                {"AttributeName": "p", "KeyType": "HASH"}, {"AttributeName": "c", "KeyType": "RANGE"},
                {"AttributeName": "l", "KeyType": "RANGE"}]}])
    assert error_of(failure)["Code"] == "ValidationException"


def test_wrong_type_and_empty_values_are_refused(ddb, composite):
    with pytest.raises(ClientError) as failure:
        ddb.put_item(TableName=composite, Item={"p": {"S": "z"}, "h1": {"S": "H"}, "h2": {"S": "7"}})
    assert "mismatch" in error_of(failure)["Message"]
    with pytest.raises(ClientError) as failure:
        ddb.put_item(TableName=composite, Item={"p": {"S": "z"}, "h1": {"S": ""}, "h2": {"N": "7"}})
    assert "empty" in error_of(failure)["Message"]


def test_update_table_creates_a_composite_index(ddb, jobs_table):
    for key, a, b in [("1", "x", "m"), ("2", "x", "n"), ("3", "y", "m")]:
        ddb.put_item(TableName=jobs_table, Item={"pk": {"S": key}, "a": {"S": a}, "b": {"S": b}})
    ddb.update_table(
        TableName=jobs_table,
        AttributeDefinitions=[{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}],
        GlobalSecondaryIndexUpdates=[{"Create": {
            "IndexName": "byAB", "Projection": {"ProjectionType": "KEYS_ONLY"},
            "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "b", "KeyType": "HASH"}]}}])
    found = ddb.query(TableName=jobs_table, IndexName="byAB", KeyConditionExpression="a = :a AND b = :b",
                      ExpressionAttributeValues={":a": {"S": "x"}, ":b": {"S": "m"}})["Items"]
    assert found == [{"pk": {"S": "1"}, "a": {"S": "x"}, "b": {"S": "m"}}]
