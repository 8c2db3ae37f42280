"""Helpers for the deployment suite: the template read as CloudFormation does, packages, a running `serve`."""

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import boto3
from botocore.config import Config
from cfnlint.decode import decode_str
from interop_support import stop_process

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE = ROOT / "template.yaml"
ACCOUNT = "123456789012"
REGION = "us-east-1"


def template() -> dict:
    """template.yaml as cfn-lint decodes it (intrinsics as {"Ref": ...}, {"Fn::Sub": ...} mappings)."""
    decoded, matches = decode_str(TEMPLATE.read_text())
    assert not matches, matches
    return decoded


def resources(kind: str) -> dict:
    return {name: body for name, body in template()["Resources"].items() if body["Type"] == kind}


def local_name(value, logical_id: str) -> str:
    """A physical name as the emulator resolves it: parameter defaults, the local account and region."""
    if value is None:
        return logical_id
    if isinstance(value, str):
        return value
    assert list(value) == ["Fn::Sub"], value
    text = value["Fn::Sub"]
    for name, parameter in template().get("Parameters", {}).items():
        text = text.replace("${%s}" % name, str(parameter.get("Default", "")))
    return text.replace("${AWS::AccountId}", ACCOUNT).replace("${AWS::Region}", REGION)


def package(swift_bin: Path, products: list, output: Path) -> None:
    """`lambda-emulator package` (a release build with the static Swift standard library) into `output`."""
    args = [str(swift_bin / "lambda-emulator"), "package", "--output", str(output)]
    for product in products:
        args += ["--product", product]
    subprocess.run(args, cwd=ROOT, check=True, timeout=3600)


def unzip(archive: Path, destination: Path) -> None:
    """Unzips keeping the permission bits (Python's zipfile drops them)."""
    with zipfile.ZipFile(archive) as opened:
        for info in opened.infolist():
            path = Path(opened.extract(info, destination))
            mode = info.external_attr >> 16
            if mode:
                path.chmod(mode & 0o7777)


class Serve:
    """`lambda-emulator serve` on ephemeral ports with LocalDynamo and LocalS3: from a template, or from
    `--function NAME=DIR` arguments in `extra`."""

    def __init__(self, swift_bin: Path, template_path, data_dir: Path, extra=()):
        args = [
            str(swift_bin / "lambda-emulator"), "serve", "--port", "0", "--console-port", "0", "--gateway-port", "0", "--dynamo-port", "0",
            "--s3-port", "0", "--boards-port", "0", "--data-dir", str(data_dir), "--retry-delays", "0.1,0.1", *extra,
        ]
        if template_path is not None:
            args += ["--template", str(template_path)]
        cwd = template_path.parent if template_path is not None else data_dir.parent
        # The log goes to a file: a pipe nobody reads would fill and stall serve and its functions.
        self.log_path = data_dir.parent / f"serve-{data_dir.name}.log"
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=log, text=True)
        line = self.process.stdout.readline()
        if not line:
            self.process.wait()
            raise RuntimeError("serve exited: " + self.log_tail())
        self.ports = json.loads(line)

    def log_tail(self, lines: int = 60) -> str:
        """The end of serve's log (the functions' output included), for assertion messages."""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def client(self, service: str):
        endpoint = {"lambda": "invoke", "dynamodb": "dynamo", "s3": "s3"}[service]
        return boto3.client(
            service, endpoint_url=f"http://127.0.0.1:{self.ports[endpoint]}", region_name=REGION,
            aws_access_key_id="test", aws_secret_access_key="test",
            config=Config(read_timeout=120, retries={"max_attempts": 1}),
        )

    def stop(self):
        stop_process(self.process, grace=20)
        self.process.stdout.close()


def project_copy(root: Path, layout: dict) -> Path:
    """A project folder holding template.yaml and `.build/lambda/<Function>/bootstrap` (or `.zip`) files."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(TEMPLATE, root / "template.yaml")
    for relative, source in layout.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    return root / "template.yaml"


BUSYBOX = Path("/bin/busybox")


def build_jail(jail: Path, package_folder: Path) -> None:
    """A root holding only the unzipped package (as /var/task), busybox as /bin/sh, an empty /tmp and a mount
    point for /proc: no /etc, no /usr/share/zoneinfo, no locale files, no libraries from this machine."""
    shutil.copytree(package_folder, jail / "var" / "task", symlinks=True)
    (jail / "bin").mkdir()
    shutil.copy(BUSYBOX, jail / "bin" / "sh")
    (jail / "tmp").mkdir()
    (jail / "proc").mkdir()


# The variables Lambda gives a function (its own, the template's, the local endpoints); nothing else of this
# machine's environment (PATH, HOME, LANG, TZ) reaches the jail.
LAMBDA_VARIABLES = "AWS_*|LAMBDA_*|_HANDLER|_X_AMZN_TRACE_ID|DYNAMODB_*|S3_*|LLM_*|OPENAI_*|DUUNITORI_*|JOBLY_*|SCRAPER_*"


def jail_launcher(launcher: Path, jail: Path, tz=None) -> None:
    """A bootstrap that enters `jail` with an empty environment but for Lambda's variables (and `TZ` when given,
    as provided.al2023 sets `TZ=:UTC`). Lambda has /proc, and the Swift runtime's libdispatch needs it: without
    it, its worker-thread monitor traps (SIGILL) when it fails to open /proc/<pid>/stat. The mount lives in a
    private mount namespace, so it ends with the function and never outlives the test."""
    chroot = f"/usr/sbin/chroot {jail} /bin/sh /var/task/bootstrap"
    keep_tz = f'set -- "$@" "TZ={tz}"\n' if tz is not None else ""
    launcher.write_text(
        "#!/bin/sh\nset --\n"
        "for name in $(/usr/bin/env | /bin/sed -n 's/^\\([A-Za-z_][A-Za-z0-9_]*\\)=.*/\\1/p'); do\n"
        f'  case "$name" in {LAMBDA_VARIABLES}) eval "set -- \\"\\$@\\" \\"$name=\\${{$name}}\\"";; esac\n'
        "done\n"
        'set -- "$@" LAMBDA_TASK_ROOT=/var/task\n'
        f"{keep_tz}"
        # Where mount namespaces are not allowed, the jail goes without /proc rather than not at all.
        "if /usr/bin/unshare --mount true 2>/dev/null; then\n"
        f'  exec /usr/bin/env -i "$@" /usr/bin/unshare --mount --propagation private /bin/sh -c '
        f"'/bin/mount -t proc proc {jail}/proc; exec {chroot}'\n"
        f'fi\nexec /usr/bin/env -i "$@" {chroot}\n'
    )
    launcher.chmod(0o755)
