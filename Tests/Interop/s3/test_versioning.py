"""Versioning with boto3: states, version ids, GET/HEAD/DELETE by versionId, delete markers,
ListObjectVersions paging, the null version after suspension, and a kill -9 in between."""

import pytest
from botocore.exceptions import ClientError

from locals3_support import client


def status_and_code(excinfo):
    response = excinfo.value.response
    return response["ResponseMetadata"]["HTTPStatusCode"], response["Error"].get("Code")


@pytest.fixture
def s3(server):
    s3 = client(server.endpoint, signature_version="s3v4")
    s3.create_bucket(Bucket="bkt")
    return s3


def enable(s3, status="Enabled"):
    s3.put_bucket_versioning(Bucket="bkt", VersioningConfiguration={"Status": status})


def test_versioning_states(s3):
    assert "Status" not in s3.get_bucket_versioning(Bucket="bkt")
    enable(s3)
    assert s3.get_bucket_versioning(Bucket="bkt")["Status"] == "Enabled"
    enable(s3, "Suspended")
    assert s3.get_bucket_versioning(Bucket="bkt")["Status"] == "Suspended"


def test_versions_markers_and_reads_by_version(s3):
    s3.put_object(Bucket="bkt", Key="k", Body=b"before")  # the null version
    enable(s3)
    v1 = s3.put_object(Bucket="bkt", Key="k", Body=b"one")["VersionId"]
    v2 = s3.put_object(Bucket="bkt", Key="k", Body=b"two")["VersionId"]
    assert len({v1, v2, "null"}) == 3
    assert s3.get_object(Bucket="bkt", Key="k")["Body"].read() == b"two"
    assert s3.get_object(Bucket="bkt", Key="k", VersionId=v1)["Body"].read() == b"one"
    assert s3.get_object(Bucket="bkt", Key="k", VersionId="null")["Body"].read() == b"before"
    assert s3.head_object(Bucket="bkt", Key="k", VersionId=v1)["VersionId"] == v1

    deleted = s3.delete_object(Bucket="bkt", Key="k")
    assert deleted["DeleteMarker"] is True
    marker = deleted["VersionId"]
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket="bkt", Key="k")
    assert status_and_code(excinfo) == (404, "NoSuchKey")
    assert excinfo.value.response["ResponseMetadata"]["HTTPHeaders"]["x-amz-delete-marker"] == "true"
    with pytest.raises(ClientError) as excinfo:
        s3.head_object(Bucket="bkt", Key="k", VersionId=marker)
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 405
    assert "Contents" not in s3.list_objects_v2(Bucket="bkt")
    with pytest.raises(ClientError) as excinfo:
        s3.get_object(Bucket="bkt", Key="k", VersionId="0" * 22)
    assert status_and_code(excinfo) == (404, "NoSuchVersion")

    listed = s3.list_object_versions(Bucket="bkt")
    assert [(v["VersionId"], v["IsLatest"]) for v in listed["Versions"]] == [(v2, False), (v1, False), ("null", False)]
    assert [(m["VersionId"], m["IsLatest"]) for m in listed["DeleteMarkers"]] == [(marker, True)]

    removed = s3.delete_object(Bucket="bkt", Key="k", VersionId=marker)
    assert removed["DeleteMarker"] is True
    assert s3.get_object(Bucket="bkt", Key="k")["Body"].read() == b"two"
    s3.delete_object(Bucket="bkt", Key="k", VersionId=v2)
    assert s3.get_object(Bucket="bkt", Key="k")["Body"].read() == b"one"
    s3.delete_object(Bucket="bkt", Key="k", VersionId=v1)
    s3.delete_object(Bucket="bkt", Key="k", VersionId="null")
    assert "Versions" not in s3.list_object_versions(Bucket="bkt")
    s3.delete_bucket(Bucket="bkt")


def test_list_object_versions_pages_with_markers(s3):
    enable(s3)
    expected = []
    for key in ("a", "b", "c"):
        ids = [s3.put_object(Bucket="bkt", Key=key, Body=str(i).encode())["VersionId"] for i in range(3)]
        expected += [(key, version) for version in reversed(ids)]
    seen = []
    kwargs = {"Bucket": "bkt", "MaxKeys": 2}
    while True:
        page = s3.list_object_versions(**kwargs)
        seen += [(v["Key"], v["VersionId"]) for v in page.get("Versions", [])]
        if not page["IsTruncated"]:
            break
        kwargs.update(KeyMarker=page["NextKeyMarker"], VersionIdMarker=page["NextVersionIdMarker"])
    assert seen == expected
    paginator = s3.get_paginator("list_object_versions")
    pages = list(paginator.paginate(Bucket="bkt", PaginationConfig={"PageSize": 4}))
    assert [(v["Key"], v["VersionId"]) for p in pages for v in p.get("Versions", [])] == expected


def test_null_version_after_suspension(s3):
    enable(s3)
    kept = s3.put_object(Bucket="bkt", Key="k", Body=b"versioned")["VersionId"]
    enable(s3, "Suspended")
    s3.put_object(Bucket="bkt", Key="k", Body=b"null one")
    s3.put_object(Bucket="bkt", Key="k", Body=b"null two")  # replaces the null version
    versions = s3.list_object_versions(Bucket="bkt")["Versions"]
    assert [(v["VersionId"], v["IsLatest"]) for v in versions] == [("null", True), (kept, False)]
    assert s3.get_object(Bucket="bkt", Key="k", VersionId="null")["Body"].read() == b"null two"
    deleted = s3.delete_object(Bucket="bkt", Key="k")  # a null delete marker replaces the null version
    assert deleted["VersionId"] == "null"
    listed = s3.list_object_versions(Bucket="bkt")
    assert [v["VersionId"] for v in listed["Versions"]] == [kept]
    assert [m["VersionId"] for m in listed["DeleteMarkers"]] == ["null"]


def test_versions_survive_kill_9(make_server, tmp_path):
    server = make_server(tmp_path / "data")
    s3 = client(server.endpoint, signature_version="s3v4")
    s3.create_bucket(Bucket="bkt")
    enable(s3)
    ids = [s3.put_object(Bucket="bkt", Key="k", Body=f"v{i}".encode())["VersionId"] for i in range(3)]
    marker = s3.delete_object(Bucket="bkt", Key="k")["VersionId"]
    server.kill()
    again = client(make_server(tmp_path / "data").endpoint, signature_version="s3v4")
    listed = again.list_object_versions(Bucket="bkt")
    assert [v["VersionId"] for v in listed["Versions"]] == list(reversed(ids))
    assert [m["VersionId"] for m in listed["DeleteMarkers"]] == [marker]
    assert again.get_object(Bucket="bkt", Key="k", VersionId=ids[0])["Body"].read() == b"v0"


def test_delete_objects_with_versions(s3):
    enable(s3)
    v1 = s3.put_object(Bucket="bkt", Key="k", Body=b"1")["VersionId"]
    result = s3.delete_objects(Bucket="bkt", Delete={"Objects": [{"Key": "k"}]})
    assert result["Deleted"][0]["DeleteMarker"] is True
    marker = result["Deleted"][0]["DeleteMarkerVersionId"]
    result = s3.delete_objects(
        Bucket="bkt", Delete={"Objects": [{"Key": "k", "VersionId": marker}, {"Key": "k", "VersionId": v1}]})
    assert sorted(d["VersionId"] for d in result["Deleted"]) == sorted([marker, v1])
    assert "Versions" not in s3.list_object_versions(Bucket="bkt")


def test_conditional_delete_in_a_versioned_bucket(s3):
    enable(s3)
    put = s3.put_object(Bucket="bkt", Key="k", Body=b"x")
    with pytest.raises(ClientError) as excinfo:
        s3.delete_object(Bucket="bkt", Key="k", IfMatch='"00000000000000000000000000000000"')
    assert status_and_code(excinfo) == (412, "PreconditionFailed")
    assert s3.delete_object(Bucket="bkt", Key="k", IfMatch=put["ETag"])["DeleteMarker"] is True
    with pytest.raises(ClientError) as excinfo:
        s3.delete_object(Bucket="bkt", Key="k", IfMatch=put["ETag"])
    assert status_and_code(excinfo) == (404, "NoSuchKey")


def test_tags_and_attributes_of_an_older_version(s3):
    enable(s3)
    old = s3.put_object(Bucket="bkt", Key="k", Body=b"old", Tagging="era=old")["VersionId"]
    s3.put_object(Bucket="bkt", Key="k", Body=b"newer", Tagging="era=new")
    assert s3.get_object_tagging(Bucket="bkt", Key="k", VersionId=old)["TagSet"] == [{"Key": "era", "Value": "old"}]
    assert s3.get_object_tagging(Bucket="bkt", Key="k")["TagSet"] == [{"Key": "era", "Value": "new"}]
    attributes = s3.get_object_attributes(Bucket="bkt", Key="k", VersionId=old, ObjectAttributes=["ObjectSize"])
    assert attributes["ObjectSize"] == 3 and attributes["VersionId"] == old
