"""The lambda-emulator CLI: its commands exist, and unbuilt ones fail clearly instead of pretending."""

import subprocess


def test_help_lists_every_command(swift_bin):
    out = subprocess.run([swift_bin / "lambda-emulator", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for command in ["serve", "invoke", "dynamo", "s3", "package", "events", "dead-letters", "boards"]:
        assert command in out.stdout
