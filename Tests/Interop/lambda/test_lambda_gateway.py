"""The Function URL gateway in front of an awslambdaric function: request event and response mapping."""

import json
import urllib.request

from lambda_helpers import APP, python_function

GATEWAY_APP = '''
import base64, json

def http(event, context):
    if event["rawPath"] == "/fail":
        raise ValueError("boom")
    if event["rawPath"] == "/plain":
        return "Hello, world!"
    return {
        "statusCode": 201,
        "headers": {"X-A": "1", "Content-Type": "application/json"},
        "cookies": ["s=1; Path=/", "t=2"],
        "body": json.dumps({"event": event}),
    }
'''


def request(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_function_url_round_trip(start_emulator, tmp_path):
    spec = python_function(tmp_path, "api", "gateway.http")
    (tmp_path / "api" / "gateway.py").write_text(GATEWAY_APP)
    emulator = start_emulator([spec], extra=["--gateway-function", "api", "--gateway-port", "0"])
    line_port = emulator.gateway_port
    base = f"http://127.0.0.1:{line_port}"

    status, headers, body = request(
        f"{base}/orders/7?x=1&x=2", data=b"hi", headers={"Cookie": "a=1; b=2"}, method="POST"
    )
    assert status == 201
    assert headers["X-A"] == "1"
    assert headers.get_all("Set-Cookie") == ["s=1; Path=/", "t=2"]
    event = json.loads(body)["event"]
    assert event["version"] == "2.0"
    assert event["rawPath"] == "/orders/7"
    assert event["rawQueryString"] == "x=1&x=2"
    assert event["queryStringParameters"] == {"x": "1,2"}
    assert event["cookies"] == ["a=1", "b=2"]
    assert event["headers"]["content-type"] == "application/x-www-form-urlencoded"
    assert event["body"] == "hi" and event["isBase64Encoded"] is False
    assert event["requestContext"]["http"]["method"] == "POST"
    assert event["requestContext"]["http"]["sourceIp"] == "127.0.0.1"
    assert isinstance(event["requestContext"]["timeEpoch"], int)

    status, headers, body = request(f"{base}/plain")
    assert status == 200 and body == b'"Hello, world!"'
    status, _, body = request(f"{base}/fail")
    assert status == 502
    assert json.loads(body) == {"message": "Internal Server Error"}
    assert APP  # the shared app is untouched by the gateway's own module


def test_template_function_url_is_served_by_default(start_emulator, tmp_path):
    python_function(tmp_path, "Api", "gateway.http")
    (tmp_path / "Api" / "gateway.py").write_text(GATEWAY_APP)
    template = tmp_path / "template.yaml"
    template.write_text(
        "Resources:\n  Api:\n    Type: AWS::Serverless::Function\n    Properties:\n"
        "      CodeUri: Api/\n      Timeout: 30\n      FunctionUrlConfig:\n        AuthType: NONE\n"
    )
    emulator = start_emulator([], extra=["--template", str(template), "--gateway-port", "0"])
    assert emulator.gateway_port
    status, _, body = request(f"http://127.0.0.1:{emulator.gateway_port}/plain")
    assert status == 200 and body == b'"Hello, world!"'
