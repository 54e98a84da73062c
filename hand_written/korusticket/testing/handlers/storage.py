"""The document storage host: signed, expiring download URLs (S3-like), answered without any JWT."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import httpx

from korusticket.testing.backend import SandboxBackend
from korusticket.testing.settings import SandboxSettings

BAD_SIGNATURE = b"<Error><Code>SignatureDoesNotMatch</Code></Error>"
EXPIRED = b"<Error><Code>ExpiredToken</Code><Message>Request has expired</Message></Error>"


class StorageHandler:
    """Answers GETs of signed document URLs; every request is logged (`state.storage_requests`)."""

    def __init__(self, backend: SandboxBackend, settings: SandboxSettings) -> None:
        self.backend = backend
        self.settings = settings

    def serves(self, request: httpx.Request) -> bool:
        """Whether a request is for the storage host rather than the API."""
        return str(request.url).startswith(self.settings.storage_url + "/")

    def download(self, request: httpx.Request, now: datetime) -> httpx.Response:
        url = str(request.url)
        path = url[len(self.settings.storage_url) :].split("?", 1)[0]
        query = {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
        expires = int(query["Expires"]) if query.get("Expires", "").isdigit() else 0
        found, document = self.backend.signed_document(path, expires, query.get("Signature", ""), now)
        if request.method != "GET" or found == "bad_signature":
            status, content = 403, BAD_SIGNATURE
        elif found == "expired" or document is None:
            status, content = 403, EXPIRED
        else:
            order = self.backend.order(document.order_id)
            status, content = 200, pdf(order.reference, document.cached_language or "fr")
        self.backend.log_download(url, "authorization" in request.headers, status)
        media = "application/pdf" if status == 200 else "application/xml"
        return httpx.Response(status, content=content, headers={"content-type": media})


def pdf(reference: str, language: str) -> bytes:
    """A one-page PDF naming the order and the language it was rendered in."""
    text = f"KorusTicket sandbox - {reference} - {language}"
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n"
        + f"4 0 obj<</Length {len(stream)}>>stream\n".encode()
        + stream
        + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
