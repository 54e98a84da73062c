"""The sandbox's handlers, by resource: each parses a request, calls the backend, and renders the answer.

- `ticketing`: the 17 catalog reads; `booking`: reservations, orders, documents, tickets (12);
- `auth`: the token endpoint and the JWT firewall; `storage`: the document storage host;
- `request`: `Call` (one routed request) and the query checks shared by all.

Handlers get the backend and the settings they read, never the `Sandbox`. An API operation is handled by the
method of the same name (`list_offers`); `operation_handlers` gathers them for the router.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from korusticket._iri_core import ALL_BY_SPECIFICITY
from korusticket.testing.backend import SandboxBackend
from korusticket.testing.handlers.booking import BookingHandlers
from korusticket.testing.handlers.request import Call
from korusticket.testing.handlers.ticketing import TicketingHandlers
from korusticket.testing.settings import SandboxSettings

Handler = Callable[[Call], Any]
"""Answers one API operation: the JSON body of its success (refusals are raised)."""


def operation_handlers(backend: SandboxBackend, settings: SandboxSettings) -> dict[str, Handler]:
    """Operation name -> handler, for every operation some resource's handlers answer."""
    resources: list[object] = [TicketingHandlers(backend, settings), BookingHandlers(backend)]
    names = {operation.name for operation in ALL_BY_SPECIFICITY}
    return {
        name: getattr(resource, name) for resource in resources for name in sorted(names) if hasattr(resource, name)
    }
