"""Origins: what decides whether a URL is the API's (for the token, for JSON checks, for IRIs)."""

from __future__ import annotations

import ipaddress
from typing import Any

import httpx

from korusticket._operation import _shown, check_text
from korusticket.errors import InvalidRequestError

Origin = tuple[str, str, int | None]


def origin(url: str | httpx.URL) -> Origin:
    """Scheme, host and explicit port (None for the scheme's default)."""
    if not isinstance(url, httpx.URL):  # httpx.URL(url) of a URL copies it: twice a call on the hot path
        url = httpx.URL(url)
    return url.scheme, url.host, url.port


def origin_text(value: Origin) -> str:
    scheme, host, port = value
    return f"{scheme}://{host}" + (f":{port}" if port is not None else "")


URL_LIMIT = 2048
"""Longest server URL accepted (an API root, a token endpoint, a proxy)."""


def check_url(
    value: Any,
    name: str,
    example: str,
    *,
    any_http: bool = False,
    http_refused: str = "plain http is only allowed for a loopback host (localhost, 127.0.0.1, ::1)",
) -> httpx.URL:
    """`value` as a URL of a server the SDK may talk to: a string, one line without control characters, https
    (or http on a loopback host, the only place it cannot be read on the way; on any host with `any_http`, for a
    server that is given no secret), with a host; an `InvalidRequestError` naming `name` otherwise (`http_refused`
    says why plain http to another host is refused)."""
    check_text(value, name, limit=URL_LIMIT)
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise InvalidRequestError(f"{name}: expected an https:// URL such as {example}, got {_shown(value)}") from None
    if url.scheme not in ("https", "http") or not url.host:
        raise InvalidRequestError(f"{name}: expected an https:// URL such as {example}, got {_shown(value)}")
    if url.fragment:
        raise InvalidRequestError(f"{name}: expected a URL without a fragment (#...), got {_shown(value)}")
    if url.scheme == "http" and not any_http and not is_loopback(url.host):
        raise InvalidRequestError(f"{name}: {http_refused}, got {_shown(value)}")
    return url


def is_loopback(host: str) -> bool:
    """localhost, *.localhost, 127.0.0.0/8 or ::1: the only hosts plain http is allowed for."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
