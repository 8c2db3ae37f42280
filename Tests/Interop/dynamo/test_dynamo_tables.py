"""Table lifecycle through boto3 (client, resource, waiters) and the aws CLI."""

import json
import subprocess
import time

import pytest


def test_lifecycle_with_waiters(ddb, table_name):
    started = time.monotonic()
    created = ddb.create_table(
        TableName=table_name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
        Tags=[{"Key": "app", "Value": "jobsai"}],
    )
    assert created["TableDescription"]["TableStatus"] == "ACTIVE"
    ddb.get_waiter("table_exists").wait(TableName=table_name)
    table = ddb.describe_table(TableName=table_name)["Table"]
    assert table["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    assert table["ProvisionedThroughput"]["ReadCapacityUnits"] == 5
    assert table["TableArn"].endswith(f"table/{table_name}")
    ddb.delete_table(TableName=table_name)
    ddb.get_waiter("table_not_exists").wait(TableName=table_name)
    # Both waiters return at once: no CREATING/DELETING phase to poll through (one poll would take 20 s).
    assert time.monotonic() - started < 15
    with pytest.raises(ddb.exceptions.ResourceNotFoundException):
        ddb.describe_table(TableName=table_name)


def test_duplicate_table_is_resource_in_use(ddb, jobs_table):
    with pytest.raises(ddb.exceptions.ResourceInUseException):
        ddb.create_table(
            TableName=jobs_table,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )


def test_list_tables_paginates(ddb, table_name):
    names = [f"{table_name}_{i}" for i in range(5)]
    for name in names:
        ddb.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
    try:
        listed = []
        for page in ddb.get_paginator("list_tables").paginate(PaginationConfig={"PageSize": 2}):
            assert len(page["TableNames"]) <= 2
            listed += page["TableNames"]
        assert [n for n in listed if n.startswith(table_name)] == names
        assert listed == sorted(listed)
    finally:
        for name in names:
            ddb.delete_table(TableName=name)


def test_resource_api_create_and_wait(ddb_resource, table_name):
    table = ddb_resource.create_table(
        TableName=table_name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    table.wait_until_exists()
    assert table.table_status == "ACTIVE"
    table.put_item(Item={"pk": "a", "n": 1})
    assert table.item_count == 1
    table.delete()
    table.wait_until_not_exists()


def test_aws_cli(dynamo_server, aws_env, table_name):
    venv_aws = [str(__import__("pathlib").Path(__import__("sys").executable).parent / "aws")]
    endpoint = ["--endpoint-url", dynamo_server.endpoint]

    def aws(*args):
        out = subprocess.run(
            venv_aws + ["dynamodb", *args, *endpoint, "--output", "json"], check=True, capture_output=True, text=True
        )
        return json.loads(out.stdout) if out.stdout.strip() else None

    aws(
        "create-table", "--table-name", table_name,
        "--attribute-definitions", "AttributeName=pk,AttributeType=S",
        "--key-schema", "AttributeName=pk,KeyType=HASH",
        "--billing-mode", "PAY_PER_REQUEST",
    )
    aws("wait", "table-exists", "--table-name", table_name)
    aws("put-item", "--table-name", table_name, "--item", '{"pk": {"S": "a"}, "n": {"N": "41"}}')
    updated = aws(
        "update-item", "--table-name", table_name, "--key", '{"pk": {"S": "a"}}',
        "--update-expression", "ADD n :one", "--expression-attribute-values", '{":one": {"N": "1"}}',
        "--return-values", "UPDATED_NEW",
    )
    assert updated["Attributes"] == {"n": {"N": "42"}}
    assert aws("get-item", "--table-name", table_name, "--key", '{"pk": {"S": "a"}}')["Item"]["n"] == {"N": "42"}
    assert aws("scan", "--table-name", table_name)["Count"] == 1
    assert table_name in aws("list-tables")["TableNames"]
    aws("delete-table", "--table-name", table_name)
    aws("wait", "table-not-exists", "--table-name", table_name)
