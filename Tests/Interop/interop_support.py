"""Helpers every interop folder shares (importable because Tests/Interop/conftest.py puts this folder on
sys.path)."""

import subprocess


def stop_process(process: subprocess.Popen, grace: float = 15.0) -> None:
    """Stops a server as Ctrl-C would (SIGTERM), and SIGKILLs it if it has not exited after `grace` seconds."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
