"""The event sources sample (Fixtures/event-sources): a note's changes reach AuditWriter through the table's
stream, its audit objects reach AuditIndexer through the bucket's notification, all from the template under
`serve`, with the Swift sample bootstrap."""

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deploy_helpers import ROOT, Serve

SAMPLE = ROOT / "Fixtures" / "event-sources" / "template.yaml"
CFN_LINT = Path(sys.executable).parent / "cfn-lint"


@pytest.fixture
def served(swift_bin, tmp_path):
    project = tmp_path / "project"
    code = project / ".build" / "lambda" / "EventSourcesSample"
    code.mkdir(parents=True)
    shutil.copy(SAMPLE, project / "template.yaml")
    shutil.copy(swift_bin / "event-sources-sample", code / "bootstrap")
    serve = Serve(swift_bin, project / "template.yaml", tmp_path / "data")
    yield serve
    serve.stop()


def index_entries(dynamo) -> list:
    return dynamo.scan(TableName="sample-audit-index")["Items"]


def test_the_sample_template_is_cfn_lint_clean():
    result = subprocess.run([str(CFN_LINT), "--", str(SAMPLE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_note_changes_become_audit_objects_and_index_entries(served):
    dynamo = served.client("dynamodb")
    s3 = served.client("s3")
    dynamo.put_item(TableName="sample-notes", Item={"note_id": {"S": "n1"}, "text": {"S": "first"}})
    dynamo.put_item(TableName="sample-notes", Item={"note_id": {"S": "n2"}, "text": {"S": "second"}})
    dynamo.update_item(TableName="sample-notes", Key={"note_id": {"S": "n1"}}, UpdateExpression="SET #t = :t",
                       ExpressionAttributeNames={"#t": "text"}, ExpressionAttributeValues={":t": {"S": "edited"}})
    dynamo.delete_item(TableName="sample-notes", Key={"note_id": {"S": "n2"}})
    deadline = time.monotonic() + 90
    while len(index_entries(dynamo)) < 4 and time.monotonic() < deadline:
        time.sleep(0.1)
    entries = index_entries(dynamo)
    assert len(entries) == 4, served.log_tail()
    objects = sorted(entry["object"]["S"] for entry in entries)
    assert [key.split("/")[1] for key in objects] == ["n1", "n1", "n2", "n2"]
    assert all(key.startswith("audit/") and key.endswith(".json") for key in objects)
    assert {entry["event"]["S"] for entry in entries} == {"ObjectCreated:Put"}
    audits = [json.loads(s3.get_object(Bucket="sample-audit", Key=key)["Body"].read()) for key in objects]
    by_note = {}
    for audit in audits:
        by_note.setdefault(audit["keys"]["note_id"]["S"], []).append(audit)
    for changes in by_note.values():
        changes.sort(key=lambda audit: int(audit["sequenceNumber"]))
    assert [a["eventName"] for a in by_note["n1"]] == ["INSERT", "MODIFY"]
    assert by_note["n1"][1]["oldImage"]["text"] == {"S": "first"}
    assert by_note["n1"][1]["newImage"]["text"] == {"S": "edited"}
    assert [a["eventName"] for a in by_note["n2"]] == ["INSERT", "REMOVE"]
    assert "newImage" not in by_note["n2"][1] and by_note["n2"][1]["expired"] is False
    sizes = {entry["object"]["S"]: int(entry["size"]["N"]) for entry in entries}
    for key in objects:
        assert sizes[key] == s3.head_object(Bucket="sample-audit", Key=key)["ContentLength"]
