"""A 1 GiB multipart upload and download with flat server memory, and kill -9 during an upload."""

import hashlib
import os
import socket
import time

from locals3_support import client

PART = 64 * 1024 * 1024
PARTS = 16  # 1 GiB


def part_bytes(number: int) -> bytes:
    """Deterministic, non-repeating-per-part data generated on the fly."""
    block = hashlib.sha256(str(number).encode()).digest() * (1024 * 1024 // 32)
    return block * (PART // len(block))


def test_one_gib_multipart_round_trip_keeps_memory_flat(server):
    s3 = client(server.endpoint, request_checksum_calculation="when_required", response_checksum_validation="when_required")
    s3.create_bucket(Bucket="big")
    upload = s3.create_multipart_upload(Bucket="big", Key="gib.bin")
    expected = hashlib.md5()
    parts = []
    for number in range(1, PARTS + 1):
        data = part_bytes(number)
        expected.update(data)
        response = s3.upload_part(Bucket="big", Key="gib.bin", UploadId=upload["UploadId"], PartNumber=number, Body=data)
        parts.append({"PartNumber": number, "ETag": response["ETag"]})
        del data
    s3.complete_multipart_upload(Bucket="big", Key="gib.bin", UploadId=upload["UploadId"], MultipartUpload={"Parts": parts})
    body = s3.get_object(Bucket="big", Key="gib.bin")["Body"]
    received = hashlib.md5()
    size = 0
    for chunk in body.iter_chunks(4 * 1024 * 1024):
        received.update(chunk)
        size += len(chunk)
    assert size == PART * PARTS
    assert received.hexdigest() == expected.hexdigest()
    peak_mb = server.peak_rss_kb() / 1024
    assert peak_mb < 100, f"server peak RSS {peak_mb:.0f} MB"


def test_kill_9_during_upload_leaves_no_partial_object(make_server, tmp_path):
    server = make_server(tmp_path / "crash")
    s3 = client(server.endpoint)
    s3.create_bucket(Bucket="bkt")
    url = s3.generate_presigned_url("put_object", Params={"Bucket": "bkt", "Key": "half.bin"})
    target = url.split(str(server.port), 1)[1]
    total = 64 * 1024 * 1024
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(f"PUT {target} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nContent-Length: {total}\r\n\r\n".encode())
        sock.sendall(b"z" * (total // 2))
        # Wait until the server has staged some of the body, then kill it mid-upload.
        staging = server.data_dir / "tmp"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any(f.stat().st_size > 0 for f in staging.iterdir()):
            time.sleep(0.05)
        assert any(staging.iterdir()), "the upload never reached the staging area"
        server.kill()
    restarted = make_server(tmp_path / "crash")
    s3 = client(restarted.endpoint)
    assert s3.list_objects_v2(Bucket="bkt")["KeyCount"] == 0
    head = None
    try:
        head = s3.head_object(Bucket="bkt", Key="half.bin")
    except s3.exceptions.ClientError as error:
        assert error.response["Error"]["Code"] == "404"
    assert head is None
    assert os.listdir(restarted.data_dir / "tmp") == [], "leftover staging files are removed at start"
