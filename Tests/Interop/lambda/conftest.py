"""Fixtures for the Lambda emulator interop suite."""

import pytest

from lambda_helpers import Emulator


@pytest.fixture
def start_emulator(swift_bin, tmp_path):
    """Starts `serve` with the given `NAME=DIR` functions; every emulator is stopped at teardown."""
    started = []

    def start(functions, data_dir=None, extra=(), local_services=False):
        emulator = Emulator(
            swift_bin / "lambda-emulator", functions, data_dir or tmp_path / "data", list(extra), local_services
        )
        started.append(emulator)
        return emulator

    yield start
    for emulator in started:
        emulator.stop()
