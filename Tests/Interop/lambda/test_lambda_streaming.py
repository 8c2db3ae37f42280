"""A hand-written Python runtime that streams its response (chunked, HTTP integration prelude) to the emulator."""

import json
import sys
import urllib.request

STREAMING_RUNTIME = '''
import http.client, json, os
host, port = os.environ["AWS_LAMBDA_RUNTIME_API"].split(":")
connection = http.client.HTTPConnection(host, int(port))
while True:
    connection.request("GET", "/2018-06-01/runtime/invocation/next")
    response = connection.getresponse()
    event = json.loads(response.read())
    request_id = response.getheader("Lambda-Runtime-Aws-Request-Id")
    invocation_id = response.getheader("Lambda-Runtime-Invocation-Id")
    assert response.getheader("Content-Type") == "application/json"
    prelude = json.dumps({"statusCode": 207, "headers": {"X-Streamed": "yes"}, "cookies": ["k=v"]}).encode()
    parts = [prelude + b"\\0" * 8, b"first,", b"second,", ("path=" + event.get("rawPath", "-")).encode()]
    connection.request(
        "POST", f"/2018-06-01/runtime/invocation/{request_id}/response", body=iter(parts),
        headers={"Lambda-Runtime-Function-Response-Mode": "streaming",
                 "Content-Type": "application/vnd.awslambda.http-integration-response",
                 "Lambda-Runtime-Invocation-Id": invocation_id},
        encode_chunked=True,
    )
    answer = connection.getresponse()
    answer.read()
    assert answer.status == 202, answer.status
'''


def test_streamed_chunked_response_through_gateway_and_invoke(start_emulator, tmp_path, aws_env):
    code = tmp_path / "stream"
    code.mkdir()
    (code / "runtime.py").write_text(STREAMING_RUNTIME)
    (code / "bootstrap").write_text(f"#!/bin/sh\nexec {sys.executable} runtime.py\n")
    (code / "bootstrap").chmod(0o755)
    emulator = start_emulator(
        [f"stream={code}"], extra=["--gateway-function", "stream", "--gateway-port", "0", "--timeout", "30"]
    )

    with urllib.request.urlopen(f"http://127.0.0.1:{emulator.gateway_port}/hello", timeout=30) as response:
        assert response.status == 207
        assert response.headers["X-Streamed"] == "yes"
        assert response.headers.get_all("Set-Cookie") == ["k=v"]
        assert response.read() == b"first,second,path=/hello"

    result = emulator.client().invoke(FunctionName="stream", Payload=json.dumps({"rawPath": "/direct"}).encode())
    assert "FunctionError" not in result
    body = result["Payload"].read()
    prelude, raw = body.split(b"\0" * 8, 1)
    assert json.loads(prelude)["statusCode"] == 207
    assert raw == b"first,second,path=/direct"
    assert result["ResponseMetadata"]["HTTPHeaders"]["content-type"] == "application/vnd.awslambda.http-integration-response"
