"""Atomic counters under concurrency, and acknowledged writes surviving kill -9."""

from concurrent.futures import ThreadPoolExecutor

from dynamo_helpers import make_client


def test_concurrent_counter_is_exact(dynamo_server, jobs_table, ddb):
    clients = [make_client(dynamo_server.endpoint, max_pool_connections=50) for _ in range(20)]

    def bump(i):
        clients[i % 20].update_item(
            TableName=jobs_table, Key={"pk": {"S": "counter"}}, UpdateExpression="ADD n :one",
            ExpressionAttributeValues={":one": {"N": "1"}},
        )

    with ThreadPoolExecutor(max_workers=40) as pool:
        list(pool.map(bump, range(200)))
    item = ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "counter"}})["Item"]
    assert item["n"] == {"N": "200"}


def test_conditional_create_has_one_winner(dynamo_server, jobs_table):
    clients = [make_client(dynamo_server.endpoint) for _ in range(10)]

    def claim(i):
        try:
            clients[i].put_item(TableName=jobs_table, Item={"pk": {"S": "lock"}, "owner": {"N": str(i)}},
                                ConditionExpression="attribute_not_exists(pk)")
            return True
        except clients[i].exceptions.ConditionalCheckFailedException:
            return False

    with ThreadPoolExecutor(max_workers=10) as pool:
        assert sum(pool.map(claim, range(10))) == 1


def test_acknowledged_writes_survive_kill9(start_server, tmp_path, aws_env):
    data = tmp_path / "durable"
    server = start_server(data)
    client = make_client(server.endpoint)
    client.create_table(
        TableName="durable", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST",
    )
    for i in range(200):
        client.put_item(TableName="durable", Item={"pk": {"S": f"k{i}"}, "n": {"N": str(i)}})
    client.update_item(TableName="durable", Key={"pk": {"S": "k0"}}, UpdateExpression="SET n = :v",
                       ExpressionAttributeValues={":v": {"N": "-1"}})
    server.kill9()
    restarted = start_server(data)
    client = make_client(restarted.endpoint)
    assert client.scan(TableName="durable", Select="COUNT")["Count"] == 200
    assert client.get_item(TableName="durable", Key={"pk": {"S": "k0"}})["Item"]["n"] == {"N": "-1"}
    assert client.get_item(TableName="durable", Key={"pk": {"S": "k199"}})["Item"]["n"] == {"N": "199"}
