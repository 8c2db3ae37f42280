"""Triggers from the template under `serve`: DynamoDB stream event source mappings (order, exactly once,
bisecting, partial batch responses, the Invoke API's mapping operations) and S3 bucket notifications, with
functions in Python on awslambdaric; and what a kill -9 of `serve` must not lose."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from botocore.exceptions import ClientError

from deploy_helpers import Serve

APP = textwrap.dedent(
    """
    import json, os

    DIRECTORY = os.environ["RECORD_DIR"]

    def append(name, rows):
        text = "".join(json.dumps(row) + "\\n" for row in rows)
        with open(os.path.join(DIRECTORY, name + ".jsonl"), "a") as out:
            out.write(text)

    def summary(event):
        rows = []
        for record in event["Records"]:
            image = record["dynamodb"].get("NewImage", {})
            rows.append({"seq": record["dynamodb"]["SequenceNumber"], "pk": record["dynamodb"]["Keys"]["pk"]["S"],
                         "name": record["eventName"], "n": image.get("n", {}).get("N"),
                         "identity": record.get("userIdentity"), "source": record.get("eventSourceARN")})
        return rows

    def ordered(event, context):
        append("ordered", summary(event))

    def bisect(event, context):
        rows = summary(event)
        append("bisect-attempts", [{"batch": [row["seq"] for row in rows]}])
        if any(row["pk"] == "poison" for row in rows):
            raise RuntimeError("poison record")
        append("bisect", rows)

    def partial(event, context):
        rows = summary(event)
        append("partial-batches", [{"batch": [row["seq"] for row in rows]}])
        marker = os.path.join(DIRECTORY, "partial-failed")
        for row in rows:
            if row["pk"] == "fail-once" and not os.path.exists(marker):
                open(marker, "w").close()
                return {"batchItemFailures": [{"itemIdentifier": row["seq"]}]}
        return {"batchItemFailures": []}

    def uploads(event, context):
        append("uploads", event["Records"])

    def spare(event, context):
        append("spare", summary(event))
    """
)

TABLE = """
  {logical}:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: {name}
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{{AttributeName: pk, AttributeType: S}}]
      KeySchema: [{{AttributeName: pk, KeyType: HASH}}]
      StreamSpecification: {{StreamViewType: NEW_AND_OLD_IMAGES}}
      TimeToLiveSpecification: {{AttributeName: exp, Enabled: true}}
"""

FUNCTIONS = """
  OrderedRecorder:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.ordered
      Events:
        Changes:
          Type: DynamoDB
          Properties: {Stream: !GetAtt OrderedTable.StreamArn, StartingPosition: TRIM_HORIZON, BatchSize: 100}
  BisectRecorder:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.bisect
      Events:
        Changes:
          Type: DynamoDB
          Properties:
            Stream: !GetAtt PoisonTable.StreamArn
            StartingPosition: TRIM_HORIZON
            BatchSize: 20
            MaximumBatchingWindowInSeconds: 2
            BisectBatchOnFunctionError: true
            MaximumRetryAttempts: 1
  PartialRecorder:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.partial
      Events:
        Changes:
          Type: DynamoDB
          Properties:
            Stream: !GetAtt PartialTable.StreamArn
            StartingPosition: TRIM_HORIZON
            BatchSize: 10
            MaximumBatchingWindowInSeconds: 2
            FunctionResponseTypes: [ReportBatchItemFailures]
  UploadRecorder:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.uploads
      ReservedConcurrentExecutions: 1
      Events:
        Created:
          Type: S3
          Properties:
            Bucket: !Ref UploadsBucket
            Events: s3:ObjectCreated:*
            Filter: {S3Key: {Rules: [{Name: prefix, Value: in/}, {Name: suffix, Value: .txt}]}}
        Removed:
          Type: S3
          Properties:
            Bucket: !Ref UploadsBucket
            Events: [s3:ObjectRemoved:*]
            Filter: {S3Key: {Rules: [{Name: prefix, Value: in/}]}}
  SpareRecorder:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.spare
"""


def write_project(root: Path) -> Path:
    """template.yaml, the functions' code (a bootstrap running `$_HANDLER` on awslambdaric) and the records folder."""
    code = root / "functions"
    code.mkdir(parents=True)
    (code / "app.py").write_text(APP)
    bootstrap = code / "bootstrap"
    bootstrap.write_text(
        f'#!/bin/sh\nexport LAMBDA_DISABLE_PREVIEW_WARN=1\nexec {sys.executable} -m awslambdaric "$_HANDLER"\n')
    bootstrap.chmod(0o755)
    records = root / "records"
    records.mkdir()
    tables = "".join(
        TABLE.format(logical=logical, name=name)
        for logical, name in [("OrderedTable", "ordered"), ("PoisonTable", "poison"), ("PartialTable", "partial"),
                              ("SpareTable", "spare")])
    template = (
        "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n"
        "Globals:\n  Function:\n    Runtime: provided.al2023\n    CodeUri: functions/\n    Timeout: 30\n"
        f"    Environment:\n      Variables:\n        RECORD_DIR: {records}\n"
        "Resources:\n  UploadsBucket:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: uploads}\n"
        + tables + FUNCTIONS)
    path = root / "template.yaml"
    path.write_text(template)
    return path


def rows(root: Path, name: str) -> list:
    path = root / "records" / f"{name}.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def wait_for(predicate, what: str, serve: Serve, timeout: float = 60):
    """Polls `predicate` until it returns something truthy (returned) or the deadline passes (assertion)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}\n{serve.log_tail()}")


def dead_letters(swift_bin: Path, data: Path) -> list:
    output = subprocess.run(
        [str(swift_bin / "lambda-emulator"), "dead-letters", "--data-dir", str(data)], check=True,
        capture_output=True, text=True).stdout
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture
def project(tmp_path):
    return write_project(tmp_path / "project")


@pytest.fixture
def served(swift_bin, project, tmp_path):
    serve = Serve(swift_bin, project, tmp_path / "data")
    yield serve
    serve.stop()


def test_serve_logs_each_mapping_and_notification_it_sets_up(served):
    lines = [json.loads(line) for line in served.log_path.read_text().splitlines() if line.startswith("{")]
    mappings = [line for line in lines if line.get("message") == "event source mapping"]
    origins = sorted(line["origin"] for line in mappings)
    assert origins == ["template BisectRecorder.Changes", "template OrderedRecorder.Changes",
                       "template PartialRecorder.Changes"], served.log_tail()
    assert all(line["eventSource"].startswith("arn:aws:dynamodb:") for line in mappings)
    notifications = [line for line in lines if line.get("message") == "bucket notification"]
    assert sorted(n["events"] for n in notifications) == ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"]


def test_thousand_writes_reach_the_function_in_order_per_key_exactly_once(served, project):
    dynamo = served.client("dynamodb")
    keys = [f"k{index}" for index in range(50)]

    def writer(group):
        client = served.client("dynamodb")
        for version in range(20):
            for key in group:
                client.put_item(TableName="ordered", Item={"pk": {"S": key}, "n": {"N": str(version)}})

    threads = [threading.Thread(target=writer, args=(keys[index::5],)) for index in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    root = project.parent
    recorded = wait_for(lambda: (r := [x for x in rows(root, "ordered") if x["pk"].startswith("k")]) and len(r) >= 1000
                        and r, "1,000 records", served)
    assert len(recorded) == 1000
    assert len({row["seq"] for row in recorded}) == 1000, "each record exactly once"
    for key in keys:
        mine = [row for row in recorded if row["pk"] == key]
        assert [row["n"] for row in mine] == [str(version) for version in range(20)], key
        assert [row["name"] for row in mine] == ["INSERT"] + ["MODIFY"] * 19
    sequences = [int(row["seq"]) for row in recorded]
    assert sequences == sorted(sequences), "in stream order"
    arn = dynamo.describe_table(TableName="ordered")["Table"]["LatestStreamArn"]
    assert {row["source"] for row in recorded} == {arn}

    # A deletion by Time to Live reaches the function with Lambda's lower-case identity.
    dynamo.put_item(TableName="ordered", Item={"pk": {"S": "expired"}, "exp": {"N": str(int(time.time()) - 5)}})
    removal = wait_for(lambda: [x for x in rows(root, "ordered") if x["pk"] == "expired" and x["name"] == "REMOVE"],
                       "the TTL deletion", served)
    assert removal[0]["identity"] == {"type": "Service", "principalId": "dynamodb.amazonaws.com"}


def test_bisect_isolates_the_failing_record(served, project, swift_bin, tmp_path):
    client = served.client("dynamodb")
    keys = [f"p{index}" for index in range(6)] + ["poison"] + [f"p{index}" for index in range(6, 12)]
    for key in keys:
        client.put_item(TableName="poison", Item={"pk": {"S": key}})
    root = project.parent
    letters = wait_for(lambda: [x for x in dead_letters(swift_bin, tmp_path / "data") if x["function"] == "BisectRecorder"],
                       "the dead letter", served)
    delivered = wait_for(lambda: (r := rows(root, "bisect")) and len(r) >= 12 and r, "the other records", served)
    assert sorted(row["pk"] for row in delivered) == sorted(key for key in keys if key != "poison")
    assert len({row["seq"] for row in delivered}) == 12, "every other record exactly once"
    assert len(letters) == 1
    letter = letters[0]
    info = json.loads(letter["batchInfo"])
    batch = info["DDBStreamBatchInfo"]
    assert batch["batchSize"] == 1 and batch["startSequenceNumber"] == batch["endSequenceNumber"]
    assert info["requestContext"]["condition"] == "RetryAttemptsExhausted"
    assert info["requestContext"]["approximateInvokeCount"] == 2
    assert batch["streamArn"] == client.describe_table(TableName="poison")["Table"]["LatestStreamArn"]
    poisoned = json.loads(letter["payload"])["Records"]
    assert [record["dynamodb"]["Keys"]["pk"]["S"] for record in poisoned] == ["poison"]
    assert poisoned[0]["dynamodb"]["SequenceNumber"] == batch["startSequenceNumber"]
    assert "poison record" in letter["error"]


def test_report_batch_item_failures_resumes_from_the_reported_item(served, project):
    client = served.client("dynamodb")
    keys = ["a", "b", "c", "fail-once", "d", "e"]
    for key in keys:
        client.put_item(TableName="partial", Item={"pk": {"S": key}})
    root = project.parent
    batches = wait_for(lambda: (r := rows(root, "partial-batches")) and len(r) >= 2 and r, "the retried batch", served)
    first, second = batches[0]["batch"], batches[1]["batch"]
    assert len(first) == 6, "one batch within the batching window"
    assert second == first[3:], "the retry starts at the reported record"


def test_event_source_mapping_operations(served, project):
    lam = served.client("lambda")
    dynamo = served.client("dynamodb")
    arn = dynamo.describe_table(TableName="spare")["Table"]["LatestStreamArn"]
    listed = lam.list_event_source_mappings()["EventSourceMappings"]
    assert len(listed) == 3 and all(m["State"] == "Enabled" for m in listed)
    created = lam.create_event_source_mapping(
        EventSourceArn=arn, FunctionName="SpareRecorder", StartingPosition="LATEST", BatchSize=5,
        FilterCriteria={"Filters": [{"Pattern": json.dumps({"eventName": ["INSERT"]})}]})
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert created["State"] == "Creating" and created["BatchSize"] == 5 and created["EventSourceArn"] == arn
    assert created["FunctionArn"].endswith(":function:SpareRecorder")
    uuid = created["UUID"]
    fetched = lam.get_event_source_mapping(UUID=uuid)
    assert fetched["State"] == "Enabled" and fetched["StartingPosition"] == "LATEST"
    assert fetched["FilterCriteria"] == {"Filters": [{"Pattern": json.dumps({"eventName": ["INSERT"]})}]}
    by_function = lam.list_event_source_mappings(FunctionName="SpareRecorder")["EventSourceMappings"]
    assert [m["UUID"] for m in by_function] == [uuid]
    # LATEST: the mapping stands at the stream's end once it has polled; later writes reach the function.
    root = project.parent
    deadline = time.monotonic() + 30
    while not rows(root, "spare") and time.monotonic() < deadline:
        dynamo.put_item(TableName="spare", Item={"pk": {"S": f"s{time.monotonic_ns()}"}})
        time.sleep(0.2)
    assert rows(root, "spare"), served.log_tail()
    dynamo.update_item(TableName="spare", Key={"pk": {"S": rows(root, "spare")[0]["pk"]}},
                       UpdateExpression="SET n = :n", ExpressionAttributeValues={":n": {"N": "1"}})
    updated = lam.update_event_source_mapping(UUID=uuid, BatchSize=20, Enabled=False)
    assert updated["State"] == "Updating" and updated["BatchSize"] == 20
    assert lam.get_event_source_mapping(UUID=uuid)["State"] == "Disabled"
    assert all(row["name"] == "INSERT" for row in rows(root, "spare")), "the filter drops MODIFY records"

    with pytest.raises(ClientError) as conflict:
        lam.create_event_source_mapping(EventSourceArn=arn, FunctionName="SpareRecorder", StartingPosition="LATEST")
    assert conflict.value.response["Error"]["Code"] == "ResourceConflictException"
    with pytest.raises(ClientError) as missing:
        lam.create_event_source_mapping(EventSourceArn=arn, FunctionName="Nobody", StartingPosition="LATEST")
    assert missing.value.response["Error"]["Code"] == "ResourceNotFoundException"
    with pytest.raises(ClientError) as timestamp:
        lam.create_event_source_mapping(EventSourceArn=arn, FunctionName="OrderedRecorder",
                                        StartingPosition="AT_TIMESTAMP", StartingPositionTimestamp=1)
    assert timestamp.value.response["Error"]["Code"] == "InvalidParameterValueException"
    with pytest.raises(ClientError) as size:
        lam.create_event_source_mapping(EventSourceArn=arn, FunctionName="OrderedRecorder",
                                        StartingPosition="LATEST", BatchSize=20000)
    assert size.value.response["Error"]["Code"] == "ValidationException"
    assert "batchSize" in size.value.response["Error"]["Message"]
    with pytest.raises(ClientError) as stream:
        lam.create_event_source_mapping(EventSourceArn=arn[:-3] + "000", FunctionName="OrderedRecorder",
                                        StartingPosition="LATEST")
    assert stream.value.response["Error"]["Code"] == "InvalidParameterValueException"
    with pytest.raises(ClientError) as pattern:
        lam.create_event_source_mapping(EventSourceArn=arn, FunctionName="OrderedRecorder", StartingPosition="LATEST",
                                        FilterCriteria={"Filters": [{"Pattern": "{not json"}]})
    assert pattern.value.response["Error"]["Code"] == "InvalidParameterValueException"

    deleted = lam.delete_event_source_mapping(UUID=uuid)
    assert deleted["State"] == "Deleting"
    with pytest.raises(lam.exceptions.ResourceNotFoundException):
        lam.get_event_source_mapping(UUID=uuid)


def test_s3_events_trigger_the_function_once_with_the_right_record(served, project):
    s3 = served.client("s3")
    root = project.parent
    configuration = s3.get_bucket_notification_configuration(Bucket="uploads")["LambdaFunctionConfigurations"]
    assert sorted(c["Id"] for c in configuration) == ["UploadRecorder-Created", "UploadRecorder-Removed"]
    created = next(c for c in configuration if c["Id"] == "UploadRecorder-Created")
    assert created["Filter"]["Key"]["FilterRules"] == [{"Name": "Prefix", "Value": "in/"},
                                                        {"Name": "Suffix", "Value": ".txt"}]
    s3.put_object(Bucket="uploads", Key="out/skipped.txt", Body=b"no")
    s3.put_object(Bucket="uploads", Key="in/skipped.bin", Body=b"no")
    put = s3.put_object(Bucket="uploads", Key="in/red flower.txt", Body=b"hello world")
    s3.delete_object(Bucket="uploads", Key="in/red flower.txt")
    # The function runs one event at a time (ReservedConcurrentExecutions: 1), oldest first: once the sentinel
    # is recorded, every event before it has been delivered.
    s3.put_object(Bucket="uploads", Key="in/sentinel.txt", Body=b"")
    records = wait_for(lambda: (r := rows(root, "uploads")) and any(x["s3"]["object"]["key"] == "in/sentinel.txt"
                                                                   for x in r) and r, "the sentinel", served)
    assert [(r["eventName"], r["s3"]["object"]["key"]) for r in records] == [
        ("ObjectCreated:Put", "in/red+flower.txt"), ("ObjectRemoved:Delete", "in/red+flower.txt"),
        ("ObjectCreated:Put", "in/sentinel.txt")]
    record = records[0]
    assert record["eventVersion"] == "2.1" and record["eventSource"] == "aws:s3"
    assert record["awsRegion"] == "us-east-1" and record["eventTime"].endswith("Z")
    assert record["s3"]["configurationId"] == "UploadRecorder-Created"
    assert record["s3"]["bucket"] == {"name": "uploads", "ownerIdentity": record["s3"]["bucket"]["ownerIdentity"],
                                      "arn": "arn:aws:s3:::uploads"}
    assert record["s3"]["object"]["size"] == 11
    assert record["s3"]["object"]["eTag"] == put["ETag"].strip('"')
    removal = records[1]["s3"]["object"]
    assert "size" not in removal and "eTag" not in removal
    assert removal["sequencer"] > record["s3"]["object"]["sequencer"], "sequencers grow per key"
    assert records[1]["s3"]["configurationId"] == "UploadRecorder-Removed"


def test_kill9_during_writes_loses_no_acknowledged_record_or_event(swift_bin, project, tmp_path):
    """kill -9 of serve while writers put items and objects: after a restart every acknowledged write's record
    and every acknowledged PUT's event reaches its function (at least once), and none is invented."""
    data = tmp_path / "crash-data"
    serve = Serve(swift_bin, project, data)
    root = project.parent
    acknowledged = {"items": set(), "objects": set()}
    lock = threading.Lock()
    stop = threading.Event()

    def item_writer(number):
        client = serve.client("dynamodb")
        index = 0
        while not stop.is_set():
            key = f"w{number}-{index}"
            try:
                client.put_item(TableName="ordered", Item={"pk": {"S": key}})
            except Exception:  # serve was killed under this request
                return
            with lock:
                acknowledged["items"].add(key)
            index += 1

    def object_writer():
        client = serve.client("s3")
        index = 0
        while not stop.is_set():
            key = f"in/crash-{index}.txt"
            try:
                client.put_object(Bucket="uploads", Key=key, Body=b"x")
            except Exception:  # serve was killed under this request
                return
            with lock:
                acknowledged["objects"].add(key)
            index += 1

    threads = [threading.Thread(target=item_writer, args=(n,)) for n in range(4)]
    threads.append(threading.Thread(target=object_writer))
    for thread in threads:
        thread.start()
    try:
        wait_for(lambda: len(acknowledged["items"]) >= 200 and len(acknowledged["objects"]) >= 10, "writes", serve)
    finally:
        os.kill(serve.process.pid, signal.SIGKILL)
        serve.process.wait()
        stop.set()
        for thread in threads:
            thread.join()
    restarted = Serve(swift_bin, project, data)
    try:
        wait_for(lambda: acknowledged["items"] <= {x["pk"] for x in rows(root, "ordered")}, "every item record",
                 restarted, timeout=120)
        wait_for(lambda: acknowledged["objects"] <= {x["s3"]["object"]["key"] for x in rows(root, "uploads")},
                 "every object event", restarted, timeout=120)
        stored = set()
        for page in restarted.client("dynamodb").get_paginator("scan").paginate(TableName="ordered"):
            stored |= {item["pk"]["S"] for item in page["Items"]}
        assert {x["pk"] for x in rows(root, "ordered")} <= stored, "no record of a write that did not happen"
        objects = {o["Key"] for o in restarted.client("s3").list_objects_v2(Bucket="uploads")["Contents"]}
        assert {x["s3"]["object"]["key"] for x in rows(root, "uploads")} <= objects, "no event of a PUT that did not happen"
    finally:
        restarted.stop()
