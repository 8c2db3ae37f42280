"""Batch limits and transactions (all-or-nothing, cancellation reasons, conflicts)."""

import pytest
from botocore.exceptions import ClientError


def test_batch_write_and_get_limits(ddb, jobs_table):
    puts = [{"PutRequest": {"Item": {"pk": {"S": f"k{i}"}}}} for i in range(25)]
    assert ddb.batch_write_item(RequestItems={jobs_table: puts})["UnprocessedItems"] == {}
    with pytest.raises(ClientError) as failure:
        ddb.batch_write_item(RequestItems={jobs_table: puts + [{"PutRequest": {"Item": {"pk": {"S": "k25"}}}}]})
    assert failure.value.response["Error"]["Code"] == "ValidationException"
    keys = [{"pk": {"S": f"k{i}"}} for i in range(25)]
    got = ddb.batch_get_item(RequestItems={jobs_table: {"Keys": keys, "ProjectionExpression": "pk"}})
    assert len(got["Responses"][jobs_table]) == 25 and got["UnprocessedKeys"] == {}
    with pytest.raises(ClientError) as failure:
        ddb.batch_get_item(RequestItems={jobs_table: {"Keys": [{"pk": {"S": f"x{i}"}} for i in range(101)]}})
    assert failure.value.response["Error"]["Message"] == "Too many items requested for the BatchGetItem call"
    with pytest.raises(ClientError) as failure:
        ddb.batch_get_item(RequestItems={jobs_table: {"Keys": [{"pk": {"S": "a"}}, {"pk": {"S": "a"}}]}})
    assert failure.value.response["Error"]["Message"] == "Provided list of item keys contains duplicates"


def test_resource_batch_writer(ddb_resource, jobs_table):
    table = ddb_resource.Table(jobs_table)
    with table.batch_writer() as batch:
        for i in range(60):
            batch.put_item(Item={"pk": f"item{i}", "n": i})
    assert table.scan(Select="COUNT")["Count"] == 60


def test_transaction_cancelled_with_reasons(ddb, jobs_table):
    ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "acct"}, "balance": {"N": "10"}})
    with pytest.raises(ddb.exceptions.TransactionCanceledException) as failure:
        ddb.transact_write_items(TransactItems=[
            {"Put": {"TableName": jobs_table, "Item": {"pk": {"S": "new"}}}},
            {"Update": {"TableName": jobs_table, "Key": {"pk": {"S": "acct"}},
                        "UpdateExpression": "SET balance = balance - :amt", "ConditionExpression": "balance >= :amt",
                        "ExpressionAttributeValues": {":amt": {"N": "50"}},
                        "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}},
        ])
    reasons = failure.value.response["CancellationReasons"]
    assert [r["Code"] for r in reasons] == ["None", "ConditionalCheckFailed"]
    assert reasons[1]["Item"]["balance"] == {"N": "10"}
    assert "Item" not in ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "new"}})
    ddb.transact_write_items(TransactItems=[
        {"Put": {"TableName": jobs_table, "Item": {"pk": {"S": "new"}}}},
        {"ConditionCheck": {"TableName": jobs_table, "Key": {"pk": {"S": "acct"}},
                            "ConditionExpression": "balance = :ten", "ExpressionAttributeValues": {":ten": {"N": "10"}}}},
    ])
    got = ddb.transact_get_items(TransactItems=[
        {"Get": {"TableName": jobs_table, "Key": {"pk": {"S": "new"}}}},
        {"Get": {"TableName": jobs_table, "Key": {"pk": {"S": "acct"}}, "ProjectionExpression": "balance"}},
    ])
    assert got["Responses"][0]["Item"] == {"pk": {"S": "new"}}
    assert got["Responses"][1]["Item"] == {"balance": {"N": "10"}}


def test_transaction_limits_and_same_item(ddb, jobs_table):
    with pytest.raises(ClientError) as failure:
        ddb.transact_write_items(TransactItems=[
            {"Put": {"TableName": jobs_table, "Item": {"pk": {"S": "x"}}}},
            {"Delete": {"TableName": jobs_table, "Key": {"pk": {"S": "x"}}}},
        ])
    assert failure.value.response["Error"]["Message"] == "Transaction request cannot include multiple operations on one item"
    hundred = [{"Put": {"TableName": jobs_table, "Item": {"pk": {"S": f"t{i}"}}}} for i in range(100)]
    ddb.transact_write_items(TransactItems=hundred)
    assert ddb.scan(TableName=jobs_table, Select="COUNT")["Count"] == 100
    with pytest.raises(ClientError):
        ddb.transact_write_items(TransactItems=hundred + [{"Put": {"TableName": jobs_table, "Item": {"pk": {"S": "t100"}}}}])


def test_concurrent_conflicting_transactions_stay_consistent(ddb, jobs_table, dynamo_server):
    """Transfers racing on two accounts: each is all-or-nothing, so the total never changes."""
    from concurrent.futures import ThreadPoolExecutor

    from dynamo_helpers import make_client

    ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "a"}, "v": {"N": "100"}})
    ddb.put_item(TableName=jobs_table, Item={"pk": {"S": "b"}, "v": {"N": "100"}})
    clients = [make_client(dynamo_server.endpoint) for _ in range(8)]

    def transfer(i):
        source, target = ("a", "b") if i % 2 else ("b", "a")
        try:
            clients[i % 8].transact_write_items(TransactItems=[
                {"Update": {"TableName": jobs_table, "Key": {"pk": {"S": source}}, "UpdateExpression": "SET v = v - :n",
                            "ConditionExpression": "v >= :n", "ExpressionAttributeValues": {":n": {"N": "30"}}}},
                {"Update": {"TableName": jobs_table, "Key": {"pk": {"S": target}}, "UpdateExpression": "SET v = v + :n",
                            "ExpressionAttributeValues": {":n": {"N": "30"}}}},
            ])
            return True
        except ClientError as error:
            assert error.response["Error"]["Code"] == "TransactionCanceledException"
            return False

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(transfer, range(80)))
    a = int(ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "a"}})["Item"]["v"]["N"])
    b = int(ddb.get_item(TableName=jobs_table, Key={"pk": {"S": "b"}})["Item"]["v"]["N"])
    assert a + b == 200 and a >= 0 and b >= 0
