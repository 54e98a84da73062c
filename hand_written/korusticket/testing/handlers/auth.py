"""Authentication: the OIDC token endpoint (client credentials and refresh grants) and the API's JWT firewall."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from urllib.parse import parse_qs

import httpx

from korusticket.testing.backend import SandboxBackend
from korusticket.testing.violations import Refused

TOKEN_PATH = "/realms/korusticket/protocol/openid-connect/token"
"""The token endpoint's path, on the API's host (as the vendor's Keycloak realm serves it)."""
FIREWALL_MESSAGES = {"unknown": "Invalid JWT Token", "expired": "Expired JWT Token"}


class AuthHandlers:
    """The token endpoint, and the bearer check every API operation passes first."""

    def __init__(self, backend: SandboxBackend) -> None:
        self.backend = backend

    def token(self, request: httpx.Request, now: datetime) -> httpx.Response:
        """Answer the token endpoint as Keycloak does (OAuth errors as `error`/`error_description`)."""

        def oauth_error(status: int, error: str, description: str) -> httpx.Response:
            return httpx.Response(status, json={"error": error, "error_description": description})

        self.backend.count_token_request()
        if request.method != "POST":
            return oauth_error(405, "invalid_request", "HTTP method not allowed")
        form = {key: values[0] for key, values in parse_qs(request.content.decode(errors="replace")).items()}
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        basic = request.headers.get("authorization", "")
        if basic.startswith("Basic "):
            try:
                client_id, _, client_secret = base64.b64decode(basic[6:]).decode().partition(":")
            except (binascii.Error, UnicodeDecodeError):
                client_id = client_secret = None
        if not self.backend.client_is(client_id, client_secret):
            return oauth_error(401, "invalid_client", "Invalid client or Invalid client credentials")
        grant = form.get("grant_type")
        if grant == "refresh_token":
            if not self.backend.redeem_refresh_token(form.get("refresh_token", ""), now):
                return oauth_error(400, "invalid_grant", "Invalid refresh token")
        elif grant != "client_credentials":
            return oauth_error(400, "unsupported_grant_type", f"Unsupported grant_type {grant!r}")
        return httpx.Response(200, json=self.backend.issue_tokens(now))

    def authenticate(self, request: httpx.Request, now: datetime) -> None:
        """Refuse (401, as LexikJWT words it) a request without a live bearer token."""
        header = request.headers.get("authorization")
        if not header:
            raise Refused(401, {"code": 401, "message": "JWT Token not found"})
        found = self.backend.access(header.removeprefix("Bearer ").strip(), now)
        if found != "valid":
            raise Refused(401, {"code": 401, "message": FIREWALL_MESSAGES[found]})
