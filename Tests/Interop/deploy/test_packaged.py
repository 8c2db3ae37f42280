"""Packages: `lambda-emulator package` zips run under `serve --packaged` (the API journey: start -> complete ->
download) and each runs self-contained in a chroot holding only the unzipped package and busybox as /bin/sh."""

import io
import json
import re
import shutil
import time
import zipfile
from pathlib import Path

import pytest
import requests

from deploy_helpers import Serve, build_jail, jail_launcher, package, project_copy, resources

PRODUCTS = ["echo-bootstrap", *sorted(resources("AWS::Serverless::Function"))]


@pytest.fixture(scope="module")
def packages(swift_bin, tmp_path_factory):
    """`lambda-emulator package` of echo-bootstrap and every function of template.yaml (release builds)."""
    output = tmp_path_factory.mktemp("packages")
    package(swift_bin, PRODUCTS, output)
    return output


@pytest.fixture
def start(swift_bin, tmp_path):
    """Starts `serve` with `--function` specs; stopped at teardown."""
    started = []

    def run(functions, extra=()):
        args = [item for spec in functions for item in ("--function", spec)] + list(extra)
        serve = Serve(swift_bin, None, tmp_path / "data", args)
        started.append(serve)
        return serve

    yield run
    for serve in started:
        serve.stop()


def test_package_holds_launcher_binary_and_every_library(packages):
    with zipfile.ZipFile(packages / "echo-bootstrap.zip") as archive:
        names = set(archive.namelist())
        launcher = archive.read("bootstrap").decode()
        mode = archive.getinfo("bootstrap").external_attr >> 16
    assert {"bootstrap", "bin/echo-bootstrap", "lib/libc.so.6", "lib/ld-linux-x86-64.so.2"} <= names
    assert "lib/libcurl.so.4" in names
    assert not any(name.startswith("lib/libswift") for name in names)  # the Swift runtime is linked statically
    assert mode & 0o111
    assert launcher.startswith("#!/bin/sh\n") and "--library-path" in launcher


def test_function_packages_stay_small_and_bundle_only_what_they_load(packages):
    """Each function zip stays under 20 MB: no ICU, no libxml2, and the minimal libcurl's short dependency list
    (`make deps` builds it; the packager bundles it in place of Debian's)."""
    common = {"ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libcurl.so.4",
              "libssl.so.3", "libcrypto.so.3", "libz.so.1"}
    for product, extra in {"APIFunction": set(), "WorkerFunction": {"libgumbo.so.1"}}.items():
        archive = packages / f"{product}.zip"
        assert archive.stat().st_size < 20_000_000, f"{product}.zip is {archive.stat().st_size} bytes"
        with zipfile.ZipFile(archive) as opened:
            libraries = {name.removeprefix("lib/") for name in opened.namelist() if name.startswith("lib/")}
        assert libraries == common | extra


def chroot_function(tmp_path: Path, packages: Path, product: str) -> str:
    """A `--function` spec whose bootstrap runs the package in a jail (see `build_jail`, `jail_launcher`)."""
    jail = tmp_path / "jail"
    build_jail(jail, packages / product)
    outside = tmp_path / "outside"
    outside.mkdir()
    jail_launcher(outside / "bootstrap", jail)
    return f"jailed={outside}"


# What each package is asked in its chroot: any answer that is not a runtime failure proves it started,
# reached the Runtime API, and ran its handler with nothing from the build machine.
PROBES = {
    "echo-bootstrap": {"action": "context"},
    "APIFunction": json.load(open(Path(__file__).resolve().parents[3] / "events/function-url/get.json")),
    "WorkerFunction": {"job_id": "no-such-job", "answers": {}},
}


@pytest.mark.parametrize("product", sorted(PROBES))
def test_package_runs_in_an_empty_chroot(start, packages, tmp_path, product):
    serve = start([chroot_function(tmp_path, packages, product)])
    answer = serve.client("lambda").invoke(FunctionName="jailed", Payload=json.dumps(PROBES[product]).encode())
    payload = json.loads(answer["Payload"].read() or b"null")
    if "FunctionError" in answer:
        assert not payload["errorType"].startswith("Runtime."), f"{payload}\n{serve.log_tail()}"
    if product == "echo-bootstrap":
        assert payload["taskRoot"] == "/var/task"
    assert sorted(path.name for path in (tmp_path / "jail").iterdir()) == ["bin", "proc", "tmp", "var"]


def test_package_folder_matches_the_zip(packages):
    for product in PROBES:
        with zipfile.ZipFile(packages / f"{product}.zip") as archive:
            names = {name for name in archive.namelist() if not name.endswith("/")}
        folder = packages / product
        assert names == {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()}


def test_serve_packaged_runs_the_unzipped_package(swift_bin, packages, tmp_path):
    # Only the zip exists beside the template: the CodeUri folder is never created.
    (tmp_path / "lambda").mkdir()
    shutil.copy(packages / "echo-bootstrap.zip", tmp_path / "lambda" / "Echo.zip")
    template = tmp_path / "template.yaml"
    template.write_text(
        "Resources:\n  Echo:\n    Type: AWS::Serverless::Function\n    Properties:\n"
        "      CodeUri: lambda/Echo\n      Runtime: provided.al2023\n      Handler: bootstrap\n"
    )
    serve = Serve(swift_bin, template, tmp_path / "data", ["--packaged"])
    try:
        answer = serve.client("lambda").invoke(FunctionName="Echo", Payload=b'{"action": "context"}')
        assert "FunctionError" not in answer
        fields = json.loads(answer["Payload"].read())
    finally:
        serve.stop()
    # Run from a temporary copy of the package, which is removed when serve stops.
    assert "lambda-packaged-" in fields["taskRoot"]
    assert Path(fields["cwd"]).resolve() == Path(fields["taskRoot"]).resolve()
    assert not Path(fields["taskRoot"]).exists()
    assert not (tmp_path / "lambda" / "Echo").exists()


ANSWERS = {
    "general": [
        {"job-level": ["Expert-level", "Intermediate"]},
        {"job-boards": ["Duunitori", "Jobly"]},
        {"deep-mode": "Yes"},
        {"cover-letter-num": 2},
        {"cover-letter-style": ["Professional", "Friendly"]},
    ],
    "languages": [{"python": 7}, {"javascript": 5}, {"sql": 6}],
    "web-frameworks": [{"django": 5}, {"react": 4}],
    "additional-info": [{"additional-info": "I build reliable web services and enjoy mentoring."}],
}
FINAL = {"cancelled", "complete", "error", "timed_out"}


def run_job(base: str):
    """Starts a search through the gateway and polls its progress until it ends (or 180 s pass)."""
    started = requests.post(f"{base}/api/start", json=ANSWERS, timeout=60)
    assert started.status_code == 202, started.text
    job_id = started.json()["job_id"]
    deadline = time.monotonic() + 180
    while True:
        progress = requests.get(f"{base}/api/progress/{job_id}", timeout=60).json()
        if progress["status"] in FINAL or time.monotonic() > deadline:
            return job_id, progress
        time.sleep(0.2)


@pytest.fixture
def packaged_project(packages, tmp_path_factory):
    """A project folder holding template.yaml and only the zips (no CodeUri folders)."""
    functions = sorted(resources("AWS::Serverless::Function"))
    return project_copy(
        tmp_path_factory.mktemp("project"),
        {f".build/lambda/{name}.zip": packages / f"{name}.zip" for name in functions},
    )


def test_packaged_functions_pass_the_api_journey(swift_bin, packaged_project, tmp_path):
    serve = Serve(swift_bin, packaged_project, tmp_path / "data", ["--packaged"])
    try:
        base = f"http://127.0.0.1:{serve.ports['gateway']}"
        job_id, progress = run_job(base)
        assert progress["status"] == "complete", progress
        assert progress["counts"]["letters_written"] == 2
        links = requests.get(f"{base}/api/download/{job_id}", timeout=60).json()
        assert [letter["file_name"] for letter in links["letters"]] == progress["letters"]
        letter = requests.get(links["letters"][0]["url"], timeout=60)
        assert letter.status_code == 200 and letter.content[:2] == b"PK"
        bundle = requests.get(links["bundle"]["url"], timeout=60)
        assert bundle.status_code == 200 and bundle.content[:2] == b"PK"
    finally:
        serve.stop()


@pytest.mark.parametrize("tz", [None, ":UTC"], ids=["no-TZ", "TZ=:UTC"])
def test_jailed_worker_completes_a_whole_job(swift_bin, packages, tmp_path, tz):
    """The packaged worker runs a job to its letters inside the jail, where there is no time-zone data, no
    locale and no environment beyond Lambda's; the API runs from its unzipped package beside it."""
    project = project_copy(tmp_path / "project", {})
    shutil.copytree(packages / "APIFunction", project.parent / ".build/lambda/APIFunction", symlinks=True)
    jail = tmp_path / "jail"
    build_jail(jail, packages / "WorkerFunction")
    assert not (jail / "usr").exists() and not (jail / "etc").exists()
    worker = project.parent / ".build/lambda/WorkerFunction"
    worker.mkdir(parents=True)
    jail_launcher(worker / "bootstrap", jail, tz)
    serve = Serve(swift_bin, project, tmp_path / "data")
    try:
        base = f"http://127.0.0.1:{serve.ports['gateway']}"
        job_id, progress = run_job(base)
        assert progress["status"] == "complete", f"{progress}\n{serve.log_tail()}"
        assert progress["counts"]["letters_written"] == 2
        links = requests.get(f"{base}/api/download/{job_id}", timeout=60).json()
        for letter in links["letters"]:
            document = requests.get(letter["url"], timeout=60)
            assert document.status_code == 200 and document.content[:2] == b"PK"
            with zipfile.ZipFile(io.BytesIO(document.content)) as docx:
                body = docx.read("word/document.xml").decode()
            # The letter's date was printed without any time-zone database.
            assert re.search(r">\d{1,2} (January|February|March|April|May|June|July|August|September|October|"
                             r"November|December) 20\d\d<", body), body[:400]
    finally:
        serve.stop()
