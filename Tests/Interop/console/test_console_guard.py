"""The console over real HTTP: where it listens, and that its API answers only its own page (a page on another
site, or a DNS-rebinding name for 127.0.0.1, reads and changes nothing)."""

import http.client
import json
import signal

import pytest


@pytest.fixture
def stack(start_stack):
    return start_stack()


def test_the_ports_line_names_the_console_and_it_listens_on_loopback(stack):
    assert "console" in stack.ports
    status, body = stack.api("/", headers={"Host": f"127.0.0.1:{stack.ports['console']}"})
    assert status == 200
    assert b"Local console" in body
    serve_state = json.loads((stack.log_path.parent / "data" / "serve.json").read_text())
    assert serve_state["console"] == stack.ports["console"]


def test_the_api_refuses_a_foreign_host_origin_or_cross_site_request(stack):
    port = stack.ports["console"]
    own = {"Host": f"127.0.0.1:{port}"}
    status, body = stack.api("/_console/api/functions", headers=own)
    assert status == 200
    assert b"sk-console-test-secret" not in body, "secrets are masked"
    assert b"APIFunction" in body

    # DNS rebinding: the attacker's name resolves to 127.0.0.1, so only Host tells it apart.
    status, body = stack.api("/_console/api/functions", headers={"Host": f"attacker.example:{port}"})
    assert status == 403
    assert json.loads(body)["error"]["code"] == "Forbidden"
    assert b"APIFunction" not in body
    status, _ = stack.api("/", headers={"Host": f"attacker.example:{port}"})
    assert status == 403

    # A page on another site (or another local port) posting to the console.
    for origin in ["http://attacker.example", "http://localhost:8080", "null"]:
        status, _ = stack.api(f"/_console/api/functions/fixable/invoke", method="POST",
                              headers={**own, "Origin": origin, "Content-Type": "application/json"}, body="{}")
        assert status == 403, origin
    # A cross-site subresource (an <img> or <script>) carries no Origin, but Chromium says where it comes from.
    status, _ = stack.api("/_console/api/queue", headers={**own, "Sec-Fetch-Site": "cross-site"})
    assert status == 403
    status, body = stack.api("/_console/api/invocations", headers=own)
    assert json.loads(body)["invocations"] == [], "no refused request ran the function"

    status, body = stack.api("/_console/api/functions/fixable/invoke", method="POST",
                             headers={**own, "Origin": f"http://localhost:{port}", "Content-Type": "application/json"},
                             body='{"n": 1}')
    assert status == 200, body
    assert json.loads(body)["status"] == "success"


def test_no_console_serves_none_and_functions_still_run(start_stack):
    stack = start_stack(extra=["--no-console"])
    assert "console" not in stack.ports
    answer = stack.client("lambda").invoke(FunctionName="fixable", Payload=b'{"n": 1}')
    assert json.loads(answer["Payload"].read()) == {"n": 1}


def test_a_live_stream_sees_invocations_and_does_not_hold_up_shutdown(start_stack):
    stack = start_stack()
    port = stack.ports["console"]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/_console/api/stream", headers={"Host": f"127.0.0.1:{port}"})
    response = connection.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/event-stream"
    stack.client("lambda").invoke(FunctionName="fixable", Payload=b'{"live": true}')
    batch = None
    while batch is None:
        line = response.fp.readline()
        assert line, "the stream ended"
        if line.startswith(b"data: "):
            records = json.loads(line[len(b"data: "):])["invocations"]
            if any(record["function"] == "fixable" and record["status"] == "success" for record in records):
                batch = records
    # serve stops its runtimes within 2 s of SIGTERM; a stream that held the listener would run into the deadline.
    stack.process.send_signal(signal.SIGTERM)
    assert stack.process.wait(timeout=15) == 0
    connection.close()
