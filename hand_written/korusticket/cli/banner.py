"""What `korusticket sandbox serve` prints: where the sandbox is, its switches, and the exact `export` lines
that point a client at it (the `korusticket` command, `KorusTicket()` without arguments, another language)."""

from __future__ import annotations

import shlex
from typing import Any

__all__ = ["banner", "environment"]


def environment(sandbox: Any, base_url: str) -> dict[str, str]:
    """The variables a client needs for the served sandbox, its default catalog included."""
    return {
        "KORUSTICKET_BASE_URL": base_url,
        "KORUSTICKET_TOKEN_URL": sandbox.token_url(base_url),
        "KORUSTICKET_CLIENT_ID": sandbox.client_id,
        "KORUSTICKET_CLIENT_SECRET": sandbox.client_secret,
        "KORUSTICKET_CATALOG": sandbox.catalog_id,
    }


def banner(sandbox: Any, host: str, port: int, *, frozen_clock: bool) -> list[str]:
    """The lines to print before serving `sandbox` on `host:port`."""
    shown_host = f"[{host}]" if ":" in host else host
    base = f"http://{shown_host}:{port}"
    switches = [
        f"double ordering {'allowed' if sandbox.double_ordering else 'refused'}",
        f"bulk POST answers {sandbox.created_status}",
        f"?date= {'honoured' if sandbox.exact_date_filter else 'ignored'}",
        "clock frozen" if frozen_clock else "clock ticking",
    ]
    return [
        f"KorusTicket sandbox on {base} (seed {sandbox.seed}; {', '.join(switches)})",
        f"  catalogs: {sandbox.catalog_id} (park), {sandbox.stadium_catalog_id} (stadium)",
        "  For the korusticket command, KorusTicket() without arguments, or a client in another language:",
        *(f"export {name}={shlex.quote(value)}" for name, value in environment(sandbox, base).items()),
    ]
