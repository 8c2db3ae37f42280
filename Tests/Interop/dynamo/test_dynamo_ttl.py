"""TTL: API behaviour and deletion by the background sweeper (the session server sweeps every 0.2 s)."""

import time

import pytest
from botocore.exceptions import ClientError


def test_ttl_api(ddb, jobs_table):
    assert ddb.describe_time_to_live(TableName=jobs_table)["TimeToLiveDescription"] == {"TimeToLiveStatus": "DISABLED"}
    spec = {"AttributeName": "expires_at", "Enabled": True}
    assert ddb.update_time_to_live(TableName=jobs_table, TimeToLiveSpecification=spec)["TimeToLiveSpecification"] == spec
    described = ddb.describe_time_to_live(TableName=jobs_table)["TimeToLiveDescription"]
    assert described == {"TimeToLiveStatus": "ENABLED", "AttributeName": "expires_at"}
    with pytest.raises(ClientError) as failure:
        ddb.update_time_to_live(TableName=jobs_table, TimeToLiveSpecification=spec)
    assert failure.value.response["Error"]["Code"] == "ValidationException"
    with pytest.raises(ddb.exceptions.ResourceNotFoundException):
        ddb.describe_time_to_live(TableName="missing_table")


def test_expired_items_are_deleted(ddb, jobs_table):
    ddb.update_time_to_live(TableName=jobs_table, TimeToLiveSpecification={"AttributeName": "ttl", "Enabled": True})
    now = int(time.time())
    rows = {
        "expired": {"N": str(now - 10)},
        "fraction": {"N": f"{now - 5}.5"},
        "future": {"N": str(now + 3600)},
        "string": {"S": str(now - 10)},
        "ancient": {"N": str(now - 6 * 365 * 86400)},
    }
    for key, value in rows.items():
        ddb.put_item(TableName=jobs_table, Item={"pk": {"S": key}, "ttl": value})
    deadline = time.monotonic() + 10
    remaining = None
    while time.monotonic() < deadline:
        remaining = {i["pk"]["S"] for i in ddb.scan(TableName=jobs_table)["Items"]}
        if remaining == {"future", "string", "ancient"}:
            break
        time.sleep(0.1)
    assert remaining == {"future", "string", "ancient"}
