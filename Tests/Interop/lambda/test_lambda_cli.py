"""`lambda-emulator invoke`, `events` and a Swift bootstrap (the test-only echo-bootstrap) end to end."""

import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# Generous, so a loaded machine never turns a slow cold start into a timeout.
TIMEOUT = ["--timeout", "30"]


def swift_function(swift_bin, tmp_path, name="echo"):
    code = tmp_path / name
    code.mkdir()
    (code / "bootstrap").symlink_to(swift_bin / "echo-bootstrap")
    return f"{name}={code}"


def run(swift_bin, *args, stdin=None):
    return subprocess.run(
        # The echo function needs no storage: no serve of this checkout is used and no local services start.
        [str(swift_bin / "lambda-emulator"), *args, *(TIMEOUT + ["--no-local-services"] if args[0] == "invoke" else [])],
        capture_output=True, text=True, input=stdin, cwd=ROOT, timeout=60
    )


def test_invoke_prints_the_response_and_logs_on_stderr(swift_bin, tmp_path):
    event = tmp_path / "event.json"
    event.write_text('{"action": "print", "line": "hello from swift"}')
    result = run(swift_bin, "invoke", "echo", "--event", str(event), "--function", swift_function(swift_bin, tmp_path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == "printed"
    assert "[echo] hello from swift" in result.stderr
    assert "REPORT RequestId:" in result.stderr


def test_invoke_exits_non_zero_on_function_error(swift_bin, tmp_path):
    result = run(
        swift_bin, "invoke", "echo", "--event", "-", "--function", swift_function(swift_bin, tmp_path),
        stdin='{"action": "fail", "line": "bad input"}',
    )
    assert result.returncode == 1
    assert json.loads(result.stdout) == {"errorMessage": "bad input", "errorType": "EchoFailure", "stackTrace": []}


def test_invoke_pretty_prints_the_error_and_keeps_logs_on_stderr(swift_bin, tmp_path):
    result = run(
        swift_bin, "invoke", "echo", "--event", "-", "--pretty", "--function", swift_function(swift_bin, tmp_path),
        stdin='{"action": "fail", "line": "bad input"}',
    )
    assert result.returncode == 1
    assert result.stdout.startswith("{\n  ") and json.loads(result.stdout)["errorType"] == "EchoFailure"
    lines = result.stderr.splitlines()
    assert sum(line.startswith("invoke: no local services") for line in lines) == 1, result.stderr
    for marker in ("START RequestId:", "END RequestId:", "REPORT RequestId:"):
        assert any(marker in line for line in lines), result.stderr
    assert "START" not in result.stdout


def test_invoke_passes_env_vars_to_the_function(swift_bin, tmp_path):
    env_vars = tmp_path / "env.json"
    env_vars.write_text(json.dumps({"echo": {"ECHO_INIT_FAIL": "from env-vars"}}))
    result = run(
        swift_bin, "invoke", "echo", "--function", swift_function(swift_bin, tmp_path), "--env-vars", str(env_vars)
    )
    assert result.returncode == 1
    assert json.loads(result.stdout)["errorMessage"] == "from env-vars"


def test_invoke_refuses_an_unknown_function_and_bad_event(swift_bin, tmp_path):
    spec = swift_function(swift_bin, tmp_path)
    assert run(swift_bin, "invoke", "other", "--function", spec).returncode != 0
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = run(swift_bin, "invoke", "echo", "--event", str(bad), "--function", spec)
    assert result.returncode != 0
    assert "not valid JSON" in result.stderr


def test_events_list_and_show(swift_bin):
    listed = run(swift_bin, "events", "list")
    assert listed.returncode == 0
    assert "function-url/get" in listed.stdout.splitlines()
    shown = run(swift_bin, "events", "show", "function-url/post-json")
    assert json.loads(shown.stdout)["rawPath"] == "/orders/7"
    assert run(swift_bin, "events", "show", "nope").returncode != 0


def test_invoke_reads_functions_from_a_sam_template(swift_bin, tmp_path):
    code = tmp_path / "build" / "Echo"
    code.mkdir(parents=True)
    (code / "bootstrap").symlink_to(swift_bin / "echo-bootstrap")
    template = tmp_path / "template.yaml"
    template.write_text(
        "Transform: AWS::Serverless-2016-10-31\n"
        "Parameters:\n  Stage:\n    Type: String\n    Default: dev\n"
        "Resources:\n  Echo:\n    Type: AWS::Serverless::Function\n    Properties:\n"
        "      CodeUri: build/Echo/\n      Timeout: 7\n"
        "      Environment:\n        Variables:\n          ECHO_INIT_FAIL: !Sub 'stage ${Stage}'\n"
    )
    result = run(swift_bin, "invoke", "Echo", "--template", str(template))
    assert result.returncode == 1
    assert json.loads(result.stdout)["errorMessage"] == "stage dev"
    overrides = tmp_path / "env.json"
    overrides.write_text(json.dumps({"Parameters": {"Stage": "prod"}}))
    result = run(swift_bin, "invoke", "Echo", "--template", str(template), "--env-vars", str(overrides))
    assert json.loads(result.stdout)["errorMessage"] == "stage prod"


def test_wait_for_debugger_names_the_pid_a_debugger_attaches_to_and_delivers_on_enter(swift_bin, tmp_path):
    event = tmp_path / "event.json"
    event.write_text('{"action": "context"}')
    command = [
        str(swift_bin / "lambda-emulator"), "invoke", "echo", "--event", str(event), "--wait-for-debugger",
        "--function", swift_function(swift_bin, tmp_path), *TIMEOUT, "--no-local-services",
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        pid = None
        for line in process.stderr:
            match = re.search(r"runs as pid (\d+) and waits for its event", line)
            if match:
                pid = int(match.group(1))
                break
        assert pid is not None, "no pid line on stderr"
        assert Path(f"/proc/{pid}/exe").resolve() == (swift_bin / "echo-bootstrap").resolve()
        # A debugger attaches while the runtime waits on /next, before the event exists. Debian's gdb: the
        # toolchain's lldb needs libpython3.10, which Debian 12 does not ship.
        attached = subprocess.run(
            ["gdb", "-p", str(pid), "-batch", "-ex", "info threads", "-ex", "detach"],
            capture_output=True, text=True, timeout=120,
        )
        transcript = attached.stdout + attached.stderr
        assert attached.returncode == 0 and f"[Inferior 1 (process {pid}) detached]" in transcript, transcript
        assert "echo-bootstrap" in transcript, transcript
        out, err = process.communicate("\n", timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert json.loads(out)["pid"] == str(pid)


def test_wait_for_debugger_refuses_an_event_from_standard_input(swift_bin, tmp_path):
    result = run(swift_bin, "invoke", "echo", "--event", "-", "--wait-for-debugger", "--function",
                 swift_function(swift_bin, tmp_path), stdin="{}")
    assert result.returncode != 0
    assert "--wait-for-debugger reads Enter from standard input" in result.stderr
