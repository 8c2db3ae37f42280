"""Query, Scan, pagination, and secondary indexes with projections."""

import pytest
from boto3.dynamodb.conditions import Attr, Key
from botocore.exceptions import ClientError


def fill(ddb, table, count=30):
    for i in range(count):
        ddb.put_item(TableName=table, Item={"pk": {"S": "p"}, "sk": {"N": str(i - 10)}, "even": {"BOOL": i % 2 == 0},
                                            "pad": {"S": "x" * 100}})


def test_query_order_limits_and_pages(ddb, range_table):
    fill(ddb, range_table)
    values = {":p": {"S": "p"}}
    forward = ddb.query(TableName=range_table, KeyConditionExpression="pk = :p", ExpressionAttributeValues=values)
    assert [int(i["sk"]["N"]) for i in forward["Items"]] == list(range(-10, 20))
    backward = ddb.query(TableName=range_table, KeyConditionExpression="pk = :p", ScanIndexForward=False,
                         ExpressionAttributeValues=values)
    assert [int(i["sk"]["N"]) for i in backward["Items"]] == list(range(19, -11, -1))
    pages = list(ddb.get_paginator("query").paginate(
        TableName=range_table, KeyConditionExpression="pk = :p AND sk >= :lo", ExpressionAttributeValues={**values, ":lo": {"N": "0"}},
        PaginationConfig={"PageSize": 7}))
    assert [len(p["Items"]) for p in pages] == [7, 7, 6, 0] or [len(p["Items"]) for p in pages] == [7, 7, 6]
    assert sum(p["Count"] for p in pages) == 20
    assert all("LastEvaluatedKey" in p for p in pages[:2])
    filtered = ddb.query(TableName=range_table, KeyConditionExpression="pk = :p", FilterExpression="even = :t",
                         ExpressionAttributeValues={**values, ":t": {"BOOL": True}}, Limit=10)
    assert filtered["ScannedCount"] == 10 and filtered["Count"] == 5 and "LastEvaluatedKey" in filtered
    count = ddb.query(TableName=range_table, KeyConditionExpression="pk = :p", Select="COUNT", ExpressionAttributeValues=values)
    assert count["Count"] == 30 and "Items" not in count


def test_query_validation(ddb, range_table):
    with pytest.raises(ClientError) as failure:
        ddb.query(TableName=range_table, KeyConditionExpression="sk = :v", ExpressionAttributeValues={":v": {"N": "1"}})
    assert failure.value.response["Error"]["Message"] == "Query condition missed key schema element: pk"
    with pytest.raises(ClientError) as failure:
        ddb.query(TableName=range_table, KeyConditionExpression="pk = :v OR sk = :w",
                  ExpressionAttributeValues={":v": {"S": "1"}, ":w": {"N": "1"}})
    assert failure.value.response["Error"]["Code"] == "ValidationException"


def test_scan_pages_and_segments(ddb_resource, range_table, ddb):
    fill(ddb, range_table, 40)
    table = ddb_resource.Table(range_table)
    seen = []
    kwargs = {"Limit": 9, "FilterExpression": Attr("even").eq(True)}
    while True:
        page = table.scan(**kwargs)
        seen += page["Items"]
        if "LastEvaluatedKey" not in page:
            break
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    assert len(seen) == 20
    segments = [table.scan(Segment=s, TotalSegments=4)["Items"] for s in range(4)]
    assert sum(len(s) for s in segments) == 40


def test_one_megabyte_pages(ddb, jobs_table):
    big = "x" * 200_000
    for i in range(8):
        ddb.put_item(TableName=jobs_table, Item={"pk": {"S": f"k{i}"}, "blob": {"S": big}})
    first = ddb.scan(TableName=jobs_table)
    assert "LastEvaluatedKey" in first and first["Count"] < 8
    rest = ddb.scan(TableName=jobs_table, ExclusiveStartKey=first["LastEvaluatedKey"])
    assert first["Count"] + rest["Count"] == 8


@pytest.fixture
def indexed_table(ddb, table_name):
    ddb.create_table(
        TableName=table_name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"},
            {"AttributeName": "owner_id", "AttributeType": "S"}, {"AttributeName": "created", "AttributeType": "N"},
        ],
        GlobalSecondaryIndexes=[
            {"IndexName": "by_owner", "KeySchema": [{"AttributeName": "owner_id", "KeyType": "HASH"},
                                                    {"AttributeName": "created", "KeyType": "RANGE"}],
             "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["title"]}},
            {"IndexName": "owner_keys", "KeySchema": [{"AttributeName": "owner_id", "KeyType": "HASH"}],
             "Projection": {"ProjectionType": "KEYS_ONLY"}},
        ],
        LocalSecondaryIndexes=[
            {"IndexName": "by_created", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                                      {"AttributeName": "created", "KeyType": "RANGE"}],
             "Projection": {"ProjectionType": "ALL"}},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    for i, owner in enumerate(["ann", "bob", "ann", "ann", None]):
        item = {"pk": {"S": "jobs"}, "sk": {"S": f"job{i}"}, "created": {"N": str(100 - i)},
                "title": {"S": f"title {i}"}, "secret": {"S": "hidden"}}
        if owner:
            item["owner_id"] = {"S": owner}
        ddb.put_item(TableName=table_name, Item=item)
    yield table_name
    ddb.delete_table(TableName=table_name)


def test_gsi_query_with_projection(ddb, indexed_table):
    result = ddb.query(TableName=indexed_table, IndexName="by_owner", KeyConditionExpression="owner_id = :o",
                       ExpressionAttributeValues={":o": {"S": "ann"}})
    assert [i["created"]["N"] for i in result["Items"]] == ["97", "98", "100"]
    assert all(set(i) == {"pk", "sk", "owner_id", "created", "title"} for i in result["Items"])
    keys_only = ddb.query(TableName=indexed_table, IndexName="owner_keys", KeyConditionExpression="owner_id = :o",
                          ExpressionAttributeValues={":o": {"S": "bob"}})
    assert keys_only["Items"] == [{"pk": {"S": "jobs"}, "sk": {"S": "job1"}, "owner_id": {"S": "bob"}}]
    # Sparse: the item without owner_id is not in the index.
    assert ddb.scan(TableName=indexed_table, IndexName="by_owner")["Count"] == 4
    with pytest.raises(ClientError) as failure:
        ddb.query(TableName=indexed_table, IndexName="by_owner", ConsistentRead=True,
                  KeyConditionExpression="owner_id = :o", ExpressionAttributeValues={":o": {"S": "ann"}})
    assert "Consistent reads are not supported on global secondary indexes" in failure.value.response["Error"]["Message"]


def test_gsi_pagination_and_updates(ddb, indexed_table):
    pages = list(ddb.get_paginator("query").paginate(
        TableName=indexed_table, IndexName="by_owner", KeyConditionExpression="owner_id = :o",
        ExpressionAttributeValues={":o": {"S": "ann"}}, PaginationConfig={"PageSize": 1}))
    items = [i for p in pages for i in p["Items"]]
    assert [i["sk"]["S"] for i in items] == ["job3", "job2", "job0"]
    assert set(pages[0]["LastEvaluatedKey"]) == {"pk", "sk", "owner_id", "created"}
    # Moving an item to another owner moves it in the index; deleting removes it.
    ddb.update_item(TableName=indexed_table, Key={"pk": {"S": "jobs"}, "sk": {"S": "job0"}},
                    UpdateExpression="SET owner_id = :b", ExpressionAttributeValues={":b": {"S": "bob"}})
    ddb.delete_item(TableName=indexed_table, Key={"pk": {"S": "jobs"}, "sk": {"S": "job2"}})
    ann = ddb.query(TableName=indexed_table, IndexName="by_owner", KeyConditionExpression="owner_id = :o",
                    ExpressionAttributeValues={":o": {"S": "ann"}})
    assert [i["sk"]["S"] for i in ann["Items"]] == ["job3"]
    with pytest.raises(ClientError) as failure:
        ddb.put_item(TableName=indexed_table, Item={"pk": {"S": "jobs"}, "sk": {"S": "bad"}, "owner_id": {"N": "1"}})
    assert "Type mismatch for Index Key owner_id" in failure.value.response["Error"]["Message"]


def test_lsi_query(ddb_resource, indexed_table):
    table = ddb_resource.Table(indexed_table)
    result = table.query(IndexName="by_created", KeyConditionExpression=Key("pk").eq("jobs") & Key("created").lt(99),
                         ScanIndexForward=False, ConsistentRead=True)
    assert [i["sk"] for i in result["Items"]] == ["job2", "job3", "job4"]
    assert result["Items"][0]["secret"] == "hidden"
