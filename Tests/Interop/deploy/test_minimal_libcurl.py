"""The libcurl the Lambda packages bundle (scripts/build-libcurl.sh, run by `make deps`): HTTP and HTTPS only over
OpenSSL and zlib, with Debian's soname and symbol versions, so the functions linked against Debian's libcurl run
with it; it verifies certificates and inflates gzip, talking to a local HTTPS server through ctypes."""

import ctypes
import gzip
import http.server
import ssl
import subprocess
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LIBCURL = ROOT / ".build-deps/libcurl/lib/libcurl.so.4"

CURLOPT_WRITEDATA = 10001
CURLOPT_URL = 10002
CURLOPT_CAINFO = 10065
CURLOPT_ACCEPT_ENCODING = 10102
CURLOPT_WRITEFUNCTION = 20011
CURLINFO_RESPONSE_CODE = 0x200002
CURLE_PEER_FAILED_VERIFICATION = 60
WRITE_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_size_t, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_void_p)


class VersionInfo(ctypes.Structure):
    """The leading fields of `curl_version_info_data`, unchanged since its first age."""

    _fields_ = [
        ("age", ctypes.c_int), ("version", ctypes.c_char_p), ("version_num", ctypes.c_uint),
        ("host", ctypes.c_char_p), ("features", ctypes.c_int), ("ssl_version", ctypes.c_char_p),
        ("ssl_version_num", ctypes.c_long), ("libz_version", ctypes.c_char_p),
        ("protocols", ctypes.POINTER(ctypes.c_char_p)),
    ]


@pytest.fixture(scope="module")
def libcurl():
    assert LIBCURL.exists(), f"{LIBCURL} is missing: run make deps (scripts/build-libcurl.sh builds it)"
    library = ctypes.CDLL(str(LIBCURL))
    library.curl_version_info.restype = ctypes.POINTER(VersionInfo)
    library.curl_easy_init.restype = ctypes.c_void_p
    return library


def test_links_only_openssl_and_zlib_with_debians_symbol_versions(libcurl):
    needed = subprocess.run(["readelf", "-d", str(LIBCURL)], capture_output=True, text=True, check=True).stdout
    sonames = {line.split("[")[1].rstrip("]") for line in needed.splitlines() if "(NEEDED)" in line}
    assert sonames == {"libssl.so.3", "libcrypto.so.3", "libz.so.1", "libc.so.6"}
    symbols = subprocess.run(["objdump", "-T", str(LIBCURL)], capture_output=True, text=True, check=True).stdout
    assert any("CURL_OPENSSL_4" in line and line.endswith(" curl_easy_init") for line in symbols.splitlines())

    info = libcurl.curl_version_info(10).contents
    protocols = []
    index = 0
    while info.protocols[index]:
        protocols.append(info.protocols[index].decode())
        index += 1
    assert sorted(protocols) == ["http", "https"]
    assert info.ssl_version.decode().startswith("OpenSSL/")
    assert info.libz_version


def self_signed(folder: Path, name: str) -> tuple:
    key, cert = folder / f"{name}.key", folder / f"{name}.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return key, cert


@pytest.fixture
def https_server(tmp_path):
    """A local HTTPS server answering every GET with a gzip body; yields (url, its certificate)."""
    key, cert = self_signed(tmp_path, "server")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = gzip.compress(b"hello over TLS")
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}/page", cert
    server.shutdown()
    server.server_close()


def fetch(libcurl, url: str, ca_file: Path) -> tuple:
    """One GET: (curl result code, status, body)."""
    chunks = []

    @WRITE_CALLBACK
    def write(data, size, count, _):
        chunks.append(ctypes.string_at(data, size * count))
        return size * count

    handle = ctypes.c_void_p(libcurl.curl_easy_init())
    try:
        libcurl.curl_easy_setopt(handle, CURLOPT_URL, url.encode())
        libcurl.curl_easy_setopt(handle, CURLOPT_CAINFO, str(ca_file).encode())
        libcurl.curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, b"")
        libcurl.curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, write)
        libcurl.curl_easy_setopt(handle, CURLOPT_WRITEDATA, None)
        result = libcurl.curl_easy_perform(handle)
        status = ctypes.c_long(0)
        libcurl.curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, ctypes.byref(status))
        return result, status.value, b"".join(chunks)
    finally:
        libcurl.curl_easy_cleanup(handle)


def test_speaks_https_with_certificate_checks_and_gzip(libcurl, https_server, tmp_path):
    url, cert = https_server
    assert fetch(libcurl, url, cert) == (0, 200, b"hello over TLS")
    _, other = self_signed(tmp_path, "other")
    result, _, body = fetch(libcurl, url, other)
    assert result == CURLE_PEER_FAILED_VERIFICATION and body == b""
