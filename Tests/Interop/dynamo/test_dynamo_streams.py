"""DynamoDB Streams through boto3's `dynamodbstreams` client on LocalDynamo's own endpoint."""

import threading
import time
import boto3
import pytest
from botocore.config import Config
from dynamo_helpers import make_client


def make_streams(endpoint):
    return boto3.client(
        "dynamodbstreams",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


def create_streamed(ddb, name, view_type="NEW_AND_OLD_IMAGES"):
    ddb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": view_type},
    )
    return ddb.describe_table(TableName=name)["Table"]["LatestStreamArn"]


def iterator(streams, arn, kind="TRIM_HORIZON", **extra):
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    return streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType=kind, **extra)["ShardIterator"]


def read_all(streams, shard_iterator):
    records = []
    while True:
        page = streams.get_records(ShardIterator=shard_iterator, Limit=100)
        records += page["Records"]
        if not page["Records"] or "NextShardIterator" not in page:
            return records, page.get("NextShardIterator")
        shard_iterator = page["NextShardIterator"]


@pytest.fixture
def streams(dynamo_server, aws_env):
    return make_streams(dynamo_server.endpoint)


def test_records_for_put_update_delete_and_noop(ddb, streams, table_name):
    arn = create_streamed(ddb, table_name)
    table = ddb.describe_table(TableName=table_name)["Table"]
    assert table["StreamSpecification"] == {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}
    assert arn.startswith(f"arn:aws:dynamodb:us-east-1:000000000000:table/{table_name}/stream/")
    assert arn.endswith(table["LatestStreamLabel"])
    ddb.put_item(TableName=table_name, Item={"pk": {"S": "a"}, "n": {"N": "1"}})
    ddb.put_item(TableName=table_name, Item={"pk": {"S": "a"}, "n": {"N": "1"}})
    ddb.update_item(TableName=table_name, Key={"pk": {"S": "a"}}, UpdateExpression="SET n = :v",
                    ExpressionAttributeValues={":v": {"N": "2"}})
    ddb.delete_item(TableName=table_name, Key={"pk": {"S": "a"}})
    records, _ = read_all(streams, iterator(streams, arn))
    assert [r["eventName"] for r in records] == ["INSERT", "MODIFY", "REMOVE"]
    modify = records[1]
    assert modify["eventSource"] == "aws:dynamodb" and modify["awsRegion"] == "us-east-1"
    assert modify["dynamodb"]["OldImage"] == {"pk": {"S": "a"}, "n": {"N": "1"}}
    assert modify["dynamodb"]["NewImage"] == {"pk": {"S": "a"}, "n": {"N": "2"}}
    assert modify["dynamodb"]["Keys"] == {"pk": {"S": "a"}}
    assert modify["dynamodb"]["SizeBytes"] > 0
    assert modify["dynamodb"]["ApproximateCreationDateTime"].year >= 2026
    sequences = [int(r["dynamodb"]["SequenceNumber"]) for r in records]
    assert sequences == sorted(sequences) and len(set(sequences)) == 3
    assert "OldImage" not in records[0]["dynamodb"] and "NewImage" not in records[2]["dynamodb"]
    ddb.delete_table(TableName=table_name)


@pytest.mark.parametrize("view_type", ["NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"])
def test_view_types(ddb, streams, table_name, view_type):
    arn = create_streamed(ddb, table_name, view_type)
    ddb.put_item(TableName=table_name, Item={"pk": {"S": "a"}, "n": {"N": "1"}})
    ddb.put_item(TableName=table_name, Item={"pk": {"S": "a"}, "n": {"N": "2"}})
    record = read_all(streams, iterator(streams, arn))[0][1]["dynamodb"]
    assert record["StreamViewType"] == view_type
    assert ("NewImage" in record) == (view_type in ("NEW_IMAGE", "NEW_AND_OLD_IMAGES"))
    assert ("OldImage" in record) == (view_type in ("OLD_IMAGE", "NEW_AND_OLD_IMAGES"))
    ddb.delete_table(TableName=table_name)


def test_iterator_types_and_limit_paging(ddb, streams, table_name):
    arn = create_streamed(ddb, table_name)
    latest = iterator(streams, arn, "LATEST")
    for i in range(5):
        ddb.put_item(TableName=table_name, Item={"pk": {"S": f"k{i}"}})
    assert len(streams.get_records(ShardIterator=latest)["Records"]) == 5
    everything, _ = read_all(streams, iterator(streams, arn))
    third = everything[2]["dynamodb"]["SequenceNumber"]
    at = streams.get_records(ShardIterator=iterator(streams, arn, "AT_SEQUENCE_NUMBER", SequenceNumber=third))
    after = streams.get_records(ShardIterator=iterator(streams, arn, "AFTER_SEQUENCE_NUMBER", SequenceNumber=third))
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in at["Records"]] == ["k2", "k3", "k4"]
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in after["Records"]] == ["k3", "k4"]
    page = streams.get_records(ShardIterator=iterator(streams, arn), Limit=2)
    assert len(page["Records"]) == 2
    page = streams.get_records(ShardIterator=page["NextShardIterator"], Limit=2)
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in page["Records"]] == ["k2", "k3"]
    assert streams.get_records(ShardIterator=iterator(streams, arn, "LATEST"))["Records"] == []
    ddb.delete_table(TableName=table_name)


def test_transactions_batches_and_ttl(dynamo_server, ddb, streams, table_name):
    arn = create_streamed(ddb, table_name)
    ddb.transact_write_items(TransactItems=[
        {"Put": {"TableName": table_name, "Item": {"pk": {"S": "t1"}}}},
        {"Put": {"TableName": table_name, "Item": {"pk": {"S": "t2"}, "exp": {"N": str(int(time.time()) - 5)}}}},
    ])
    ddb.batch_write_item(RequestItems={table_name: [
        {"PutRequest": {"Item": {"pk": {"S": "b1"}}}}, {"DeleteRequest": {"Key": {"pk": {"S": "t1"}}}},
    ]})
    ddb.update_time_to_live(TableName=table_name,
                            TimeToLiveSpecification={"AttributeName": "exp", "Enabled": True})
    deadline = time.time() + 10
    while time.time() < deadline and "Item" in ddb.get_item(TableName=table_name, Key={"pk": {"S": "t2"}}):
        time.sleep(0.1)
    records, _ = read_all(streams, iterator(streams, arn))
    assert [r["eventName"] for r in records] == ["INSERT", "INSERT", "INSERT", "REMOVE", "REMOVE"]
    assert "userIdentity" not in records[3]
    assert records[4]["userIdentity"] == {"Type": "Service", "PrincipalId": "dynamodb.amazonaws.com"}
    ddb.delete_table(TableName=table_name)


def test_list_describe_update_and_errors(ddb, streams, table_name):
    ddb.create_table(
        TableName=table_name, KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST",
    )
    assert "LatestStreamArn" not in ddb.describe_table(TableName=table_name)["Table"]
    ddb.update_table(TableName=table_name, StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"})
    arn = ddb.describe_table(TableName=table_name)["Table"]["LatestStreamArn"]
    with pytest.raises(ddb.exceptions.ResourceInUseException):
        ddb.update_table(TableName=table_name,
                         StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"})
    listed = streams.list_streams(TableName=table_name)["Streams"]
    assert [s["StreamArn"] for s in listed] == [arn]
    description = streams.describe_stream(StreamArn=arn)["StreamDescription"]
    assert description["StreamStatus"] == "ENABLED" and description["StreamViewType"] == "KEYS_ONLY"
    assert description["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    assert "EndingSequenceNumber" not in description["Shards"][0]["SequenceNumberRange"]
    ddb.put_item(TableName=table_name, Item={"pk": {"S": "a"}})
    ddb.update_table(TableName=table_name, StreamSpecification={"StreamEnabled": False})
    description = streams.describe_stream(StreamArn=arn)["StreamDescription"]
    assert description["StreamStatus"] == "DISABLED"
    assert "EndingSequenceNumber" in description["Shards"][0]["SequenceNumberRange"]
    records, next_iterator = read_all(streams, iterator(streams, arn))
    assert len(records) == 1 and next_iterator is None
    with pytest.raises(streams.exceptions.ResourceNotFoundException):
        streams.describe_stream(StreamArn=arn[:-3] + "999")
    with pytest.raises(streams.exceptions.ExpiredIteratorException):
        stale = iterator(streams, arn).rsplit("|", 1)[0] + "|1000"
        streams.get_records(ShardIterator=stale)
    ddb.delete_table(TableName=table_name)


def test_records_of_acknowledged_writes_survive_kill9(start_server, tmp_path, aws_env):
    """kill -9 in the middle of concurrent writes: every acknowledged write has its record, and every
    record its item (none invented)."""
    data = tmp_path / "streamed"
    server = start_server(data)
    client = make_client(server.endpoint, max_pool_connections=20)
    arn = create_streamed(client, "streamed")
    acknowledged = []
    lock = threading.Lock()
    stop = threading.Event()

    def writer(number):
        index = 0
        while not stop.is_set():
            key = f"w{number}-{index}"
            try:
                client.put_item(TableName="streamed", Item={"pk": {"S": key}})
            except Exception:  # the server was killed under this request
                return
            with lock:
                acknowledged.append(key)
            index += 1

    threads = [threading.Thread(target=writer, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    while len(acknowledged) < 200:
        time.sleep(0.01)
    server.kill9()
    stop.set()
    for thread in threads:
        thread.join()
    restarted = start_server(data)
    streams = make_streams(restarted.endpoint)
    records, _ = read_all(streams, iterator(streams, arn))
    keys = [r["dynamodb"]["Keys"]["pk"]["S"] for r in records]
    assert len(keys) == len(set(keys))
    assert set(acknowledged) <= set(keys)
    ddb = make_client(restarted.endpoint)
    stored = set()
    for page in ddb.get_paginator("scan").paginate(TableName="streamed"):
        stored |= {item["pk"]["S"] for item in page["Items"]}
    assert stored == set(keys)
