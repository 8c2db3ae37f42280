"""Fixtures for the web journeys: the JobsAI functions laid out as Lambda code folders, stacks, a browser."""

import shutil

import pytest

from web_support import ROOT, Browser, Stack


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Remembers each phase's report on the test item, so fixtures can tell a failed test at teardown."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


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
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    chromium = Browser(downloads)
    yield chromium
    report = getattr(request.node, "report_call", None)
    failed = report is None or report.failed
    try:
        chromium.save(request.node.name, failed=failed)
    finally:
        chromium.quit()
