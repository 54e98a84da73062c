"""Origins: what decides whether a URL is the API's (for the token, for JSON checks, for IRIs)."""

from __future__ import annotations

import httpx

Origin = tuple[str, str, int | None]


def origin(url: str | httpx.URL) -> Origin:
    """Scheme, host and explicit port (None for the scheme's default)."""
    url = httpx.URL(url)
    return url.scheme, url.host, url.port


def origin_text(value: Origin) -> str:
    scheme, host, port = value
    return f"{scheme}://{host}" + (f":{port}" if port is not None else "")
