"""Fixtures for the console journeys: the JobsAI functions and a fixable function as Lambda code folders, a
stack with the console, a browser."""

import shutil

import pytest

from browser_support import saved_browser
from console_support import ConsoleBrowser, ConsoleStack, fixable_function


@pytest.fixture(scope="session")
def function_code(swift_bin, tmp_path_factory):
    """Code folders: the built APIFunction and WorkerFunction, and `fixable` (echo-bootstrap behind a switch)."""
    folders = {}
    for name in ["APIFunction", "WorkerFunction", "echo-bootstrap"]:
        if not (swift_bin / name).exists():
            pytest.fail(f"{swift_bin / name} is missing: run `swift build --build-tests` first")
    for name in ["APIFunction", "WorkerFunction"]:
        folder = tmp_path_factory.mktemp(name)
        shutil.copy2(swift_bin / name, folder / "bootstrap")
        folders[name] = folder
    folders["fixable"] = fixable_function(tmp_path_factory.mktemp("fixable"), swift_bin / "echo-bootstrap")
    return folders


@pytest.fixture
def start_stack(swift_bin, function_code, tmp_path):
    """Starts `serve` with the console; every stack is stopped at teardown."""
    stacks = []

    def start(extra=(), **environment):
        env = {
            "DYNAMODB_TABLE_NAME": "jobsai-jobs",
            "S3_DOCUMENTS_BUCKET": "jobsai-documents",
            "WORKER_LAMBDA_FUNCTION_NAME": "WorkerFunction",
            "LLM_PROVIDER": "offline",
            "OPENAI_API_KEY": "sk-console-test-secret",
            "SCRAPER_DELAY_SECONDS": "0",
            "LOG_LEVEL": "info",
        }
        env.update({key: str(value) for key, value in environment.items()})
        stack = ConsoleStack(swift_bin / "lambda-emulator", function_code, env, tmp_path / f"stack{len(stacks)}", extra)
        stacks.append(stack)
        return stack

    yield start
    for stack in stacks:
        stack.stop()


@pytest.fixture
def browser(request, tmp_path):
    """A headless Chromium; the final screen is saved, with page source and console log when the test failed."""
    yield from saved_browser(request, tmp_path, ConsoleBrowser)
