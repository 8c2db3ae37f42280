"""Packages: `lambda-emulator package` zips run under `serve --packaged`, and each runs self-contained in a
chroot holding only the unzipped package and a static busybox as /bin/sh."""

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from deploy_helpers import Serve, package, unzip

BUSYBOX = Path("/bin/busybox")
PRODUCTS = ["echo-bootstrap"]


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


@pytest.fixture(scope="session")
def packages(swift_bin, tmp_path_factory):
    output = tmp_path_factory.mktemp("packages")
    package(swift_bin, PRODUCTS, output)
    assert (output / "echo-bootstrap" / "bootstrap").is_file()  # the folder sam deploy zips
    return output


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


def test_package_runs_in_an_empty_chroot(start, packages, tmp_path):
    serve = start([chroot_function(tmp_path, packages, "echo-bootstrap")])
    answer = serve.client("lambda").invoke(FunctionName="jailed", Payload=b'{"action": "context"}')
    assert "FunctionError" not in answer, answer["Payload"].read()
    fields = json.loads(answer["Payload"].read())
    assert fields["taskRoot"] == "/var/task"
    jail_entries = sorted(path.name for path in (tmp_path / "jail").iterdir())
    assert jail_entries == ["bin", "tmp", "var"]


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
