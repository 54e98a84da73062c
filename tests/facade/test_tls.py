"""TLS of the connections the SDK opens itself: one SSL context per process, still verifying, still following
`SSL_CERT_FILE`.

Over a real HTTPS server on loopback with a certificate made for the test (its own CA, for 127.0.0.1). Before
`default_ssl_context`, every client built its own context, reading and parsing the CA bundle again (about 30 ms
of CPU per client, most of what constructing one cost): `test_clients_share_one_context` failed then.
"""

from __future__ import annotations

import contextlib
import datetime
import http.server
import ipaddress
import json
import os
import signal
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from korusticket import (
    APIConnectionError,
    AsyncKorusTicket,
    ConfigurationError,
    KorusTicket,
    KorusTicketError,
    ops,
    transports,
)
from korusticket.auth import ClientCredentialsAuth
from korusticket.transports import default_ssl_context

TOKEN = "eyJhbGciOiJSUzI1NiJ9.dGxz.c2ln"
EMPTY = {"@id": "/v1/ticketing/catalogs", "@type": "Collection", "member": [], "totalItems": 0}


def certificate(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, self-signed (so the certificate is its own CA file)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "korusticket test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps(EMPTY).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def https(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on loopback answering every GET with an empty collection: its URL and its CA file."""
    cert_file, key_file = certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", cert_file
    finally:
        server.shutdown()
        server.server_close()


def client(base_url: str) -> KorusTicket:
    return KorusTicket(base_url=base_url, token=TOKEN, max_retries=0, environ={})


def test_certificates_are_verified(https: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    url, _ = https
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    with client(url) as kt, pytest.raises(APIConnectionError, match="CERTIFICATE_VERIFY_FAILED"):
        kt.call(ops.list_catalogs)
    context = default_ssl_context()
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname


def test_ssl_cert_file_set_after_a_first_client_is_followed(
    https: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, ca_file = https
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    with client(url) as kt, pytest.raises(APIConnectionError):
        kt.call(ops.list_catalogs)  # the shared default context does not know the test's CA
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    with client(url) as kt:
        assert kt.call(ops.list_catalogs).total_items == 0


async def test_ssl_cert_file_is_followed_async(https: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    url, ca_file = https
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    async with AsyncKorusTicket(base_url=url, token=TOKEN, max_retries=0, environ={}) as kt:
        assert (await kt.call(ops.list_catalogs)).total_items == 0


async def test_clients_share_one_context(https: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Sync, async, proxied and token clients built in one process load the CA bundle once between them."""
    url, ca_file = https
    copy = ca_file.with_name("ca-copy.pem")  # a value of SSL_CERT_FILE no earlier test used: a cold cache
    copy.write_bytes(ca_file.read_bytes())
    monkeypatch.setenv("SSL_CERT_FILE", str(copy))
    built: list[ssl.SSLContext] = []
    original = ssl.create_default_context

    def counting(*args: Any, **kwargs: Any) -> ssl.SSLContext:
        built.append(original(*args, **kwargs))
        return built[-1]

    monkeypatch.setattr(ssl, "create_default_context", counting)
    options: dict[str, Any] = {"base_url": url, "token": TOKEN, "max_retries": 0, "environ": {}}
    async with contextlib.AsyncExitStack() as stack:
        synchronous = [stack.enter_context(KorusTicket(**options)) for _ in range(3)]
        stack.enter_context(KorusTicket(**options, proxy="http://127.0.0.1:9"))
        await stack.enter_async_context(AsyncKorusTicket(**options))
        await stack.enter_async_context(AsyncKorusTicket(**options, proxy="http://127.0.0.1:9"))
        auth = ClientCredentialsAuth("id", "secret", token_url=f"{url}/token")  # not bound to a client's transport
        auth.restrict_to(url)
        unbound = stack.enter_context(
            httpx.Client(auth=auth, transport=httpx.MockTransport(lambda request: httpx.Response(200)))
        )
        with pytest.raises(KorusTicketError):  # the server has no token endpoint: only the token's transport matters
            unbound.get(f"{url}/anything")
        stack.callback(auth._transport.close)  # the transport the token fetch made
        assert len(built) == 1
        assert default_ssl_context() is built[0]
        assert synchronous[0].call(ops.list_catalogs).total_items == 0  # it trusts the CA it was built for


def test_a_ca_file_rewritten_in_place_is_read_again(
    https: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rotated bundle at the same path: the next client reads it (the shared context is not kept past it)."""
    url, ca_file = https
    other = tmp_path / "other"
    other.mkdir()
    unrelated, _ = certificate(other)
    bundle = tmp_path / "bundle.pem"
    bundle.write_bytes(unrelated.read_bytes())
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    with client(url) as kt, pytest.raises(APIConnectionError, match="CERTIFICATE_VERIFY_FAILED"):
        kt.call(ops.list_catalogs)
    bundle.write_bytes(ca_file.read_bytes() + unrelated.read_bytes())  # the same path, other contents
    with client(url) as kt:
        assert kt.call(ops.list_catalogs).total_items == 0


def test_ssl_cert_dir_must_be_a_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """OpenSSL takes a missing CA directory without a word, and every handshake would then fail far from it."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "missing"))
    with pytest.raises(ConfigurationError, match=r"^SSL_CERT_DIR: '.*missing' is not a directory; expected") as caught:
        AsyncKorusTicket(base_url="https://127.0.0.1:9", token=TOKEN, environ={})
    assert caught.value.__context__ is None
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    KorusTicket(base_url="https://127.0.0.1:9", token=TOKEN, environ={}).close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX")
def test_a_child_forked_while_a_context_is_being_built_can_build_one(
    https: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker forked while another thread of its parent held the cache's lock (building a context, 30 ms) would
    block forever on its own first client: the child gets a new lock."""
    _, ca_file = https
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))  # a value this process has not built a context for
    with transports._contexts_lock:  # as a thread of the parent in the middle of building one
        pid = os.fork()
        if pid == 0:  # the child: 10 s to build its context, else the alarm ends it
            signal.alarm(10)
            try:
                default_ssl_context()
            finally:
                os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status), f"the child did not end by itself (signal {os.WTERMSIG(status)})"


@pytest.mark.parametrize("kind", ["absent", "not PEM"])
def test_an_ssl_cert_file_without_certificates_is_a_configuration_error(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It raised httpx's FileNotFoundError or ssl.SSLError from the constructor; the next client, once the variable
    is fixed, builds (a failure is not kept)."""
    named = tmp_path / "ca.pem"
    if kind == "not PEM":
        named.write_text("not a certificate\n")
    monkeypatch.setenv("SSL_CERT_FILE", str(named))
    for build in (KorusTicket, AsyncKorusTicket):
        with pytest.raises(
            ConfigurationError, match=r"^SSL_CERT_FILE: cannot load CA certificates from '.*ca\.pem'"
        ) as caught:
            build(base_url="https://127.0.0.1:9", token=TOKEN, environ={})
        assert caught.value.__cause__ is None
        assert caught.value.__context__ is None
        assert "expected a PEM file of CA certificates" in str(caught.value)
    cert_file, _ = certificate(tmp_path)
    named.write_bytes(cert_file.read_bytes())
    KorusTicket(base_url="https://127.0.0.1:9", token=TOKEN, environ={}).close()
