"""Origins: what decides whether a URL is the API's (for the token, for JSON checks, for IRIs)."""

from __future__ import annotations

import ipaddress

import httpx

Origin = tuple[str, str, int | None]


def origin(url: str | httpx.URL) -> Origin:
    """Scheme, host and explicit port (None for the scheme's default)."""
    url = httpx.URL(url)
    return url.scheme, url.host, url.port


def origin_text(value: Origin) -> str:
    scheme, host, port = value
    return f"{scheme}://{host}" + (f":{port}" if port is not None else "")


def is_loopback(host: str) -> bool:
    """localhost, *.localhost, 127.0.0.0/8 or ::1: the only hosts plain http is allowed for."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
