"""Hostile keys round-trip through boto3 and nothing is written outside the data directory."""

import os

from locals3_support import client

KEYS = [
    "../../etc/passwd", "..", ".", "a/../b", "%2e%2e/%2e%2e/x", "a//b", "/leading", "trailing/", "back\\slash",
    "caf\u00e9", "cafe\u0301", "k" * 1024, "\u00e9" * 400, "emoji \U0001F600", "tab\tkey", "question?mark#hash",
    "amp&er=sand+plus", "~tilde", "percent%25", "ctl\x01char",
]


def snapshot(directory):
    return {os.path.join(root, name) for root, dirs, files in os.walk(directory) for name in dirs + files}


def test_hostile_keys_round_trip_and_stay_inside(server, tmp_path):
    outside_before = set(os.listdir(tmp_path))
    s3 = client(server.endpoint)
    s3.create_bucket(Bucket="bkt")
    for index, key in enumerate(KEYS):
        s3.put_object(Bucket="bkt", Key=key, Body=f"value {index}".encode())
    for index, key in enumerate(KEYS):
        assert s3.get_object(Bucket="bkt", Key=key)["Body"].read() == f"value {index}".encode(), key
    listed = [o["Key"] for page in s3.get_paginator("list_objects_v2").paginate(Bucket="bkt") for o in page.get("Contents", [])]
    assert listed == sorted(KEYS, key=lambda k: k.encode())
    assert set(os.listdir(tmp_path)) == outside_before, "nothing appeared beside the data directory"
    data = os.path.realpath(server.data_dir)
    for path in snapshot(server.data_dir):
        assert os.path.realpath(path).startswith(data + os.sep)
    assert not os.path.exists(os.path.join(server.data_dir, "etc"))
    # XML 1.0 cannot carry a control character, so that key is deleted on its own.
    s3.delete_object(Bucket="bkt", Key="ctl\x01char")
    s3.delete_objects(Bucket="bkt", Delete={"Objects": [{"Key": k} for k in KEYS if k != "ctl\x01char"]})
    assert s3.list_objects_v2(Bucket="bkt")["KeyCount"] == 0
