"""Fixtures for the worker interop suite."""

import pytest

from worker_helpers import WorkerStack


@pytest.fixture
def worker_stack(swift_bin, tmp_path):
    stack = WorkerStack(swift_bin, tmp_path / "stack")
    yield stack
    stack.stop()
