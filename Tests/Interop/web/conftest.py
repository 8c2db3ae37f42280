"""Fixtures for the web journeys: the JobsAI functions laid out as Lambda code folders, stacks, a browser."""

import shutil

import pytest

from browser_support import saved_browser
from web_support import ROOT, Browser, Stack


@pytest.fixture(scope="session")
def function_code(swift_bin, tmp_path_factory):
    """Code folders whose `bootstrap` is the built APIFunction / WorkerFunction binary."""
    folders = {}
    for name in ["APIFunction", "WorkerFunction"]:
        binary = swift_bin / name
        if not binary.exists():
            pytest.fail(f"{binary} is missing: run `swift build --build-tests` first")
        folder = tmp_path_factory.mktemp(name)
        shutil.copy2(binary, folder / "bootstrap")
        folders[name] = folder
    return folders


@pytest.fixture
def start_stack(swift_bin, function_code, tmp_path):
    """Starts `serve` with the JobsAI functions, the fixture job boards (serve gives the functions their
    addresses) and the site; stopped at teardown."""
    stacks = []
    binary = swift_bin / "lambda-emulator"

    def start(**environment):
        env = {
            "DYNAMODB_TABLE_NAME": "jobsai-jobs",
            "S3_DOCUMENTS_BUCKET": "jobsai-documents",
            "WORKER_LAMBDA_FUNCTION_NAME": "WorkerFunction",
            "LLM_PROVIDER": "offline",
            "SCRAPER_DELAY_SECONDS": "0",
            "LOG_LEVEL": "info",
        }
        env.update({key: str(value) for key, value in environment.items()})
        stack = Stack(binary, function_code, env, tmp_path / f"stack{len(stacks)}", ROOT / "frontend")
        stacks.append(stack)
        stack.create_storage()
        return stack

    yield start
    for stack in stacks:
        stack.stop()


@pytest.fixture
def browser(request, tmp_path):
    """A headless Chromium; the final screen is saved, with page source and console log when the test failed."""
    yield from saved_browser(request, tmp_path, Browser)
