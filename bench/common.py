"""Helpers every benchmark shares: free loopback ports and waiting for a server to listen."""

import socket
import time


def free_port():
    """A port the kernel just handed out on 127.0.0.1 (for servers that cannot take --port 0)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, timeout=60.0):
    """Waits until something accepts on the port, failing early if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listened on {port}")
