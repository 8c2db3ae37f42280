"""Packages: `lambda-emulator package` zips run under `serve --packaged`, and each runs self-contained in a
chroot holding only the unzipped package and a static busybox as /bin/sh."""

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from deploy_helpers import Serve, unzip

BUSYBOX = Path("/bin/busybox")


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


def chroot_function(tmp_path: Path, packages: Path, product: str) -> str:
    """A function whose bootstrap enters a chroot holding only the package (as /var/task) and busybox."""
    jail = tmp_path / "jail"
    unzip(packages / f"{product}.zip", jail / "var" / "task")
    (jail / "bin").mkdir()
    shutil.copy(BUSYBOX, jail / "bin" / "sh")
    (jail / "tmp").mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    launcher = outside / "bootstrap"
    launcher.write_text(
        f"#!/bin/sh\nLAMBDA_TASK_ROOT=/var/task exec /usr/sbin/chroot {jail} /bin/sh /var/task/bootstrap\n"
    )
    launcher.chmod(0o755)
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
        assert not payload["errorType"].startswith("Runtime."), payload
    if product == "echo-bootstrap":
        assert payload["taskRoot"] == "/var/task"
    assert sorted(path.name for path in (tmp_path / "jail").iterdir()) == ["bin", "tmp", "var"]


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
