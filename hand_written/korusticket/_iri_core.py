"""IRI building and parsing over the generated operation table (see `korusticket.iri` for the public API)."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from korusticket._generated.operations import OPERATIONS
from korusticket._operation import Operation, _shown
from korusticket._urls import Origin, origin, origin_text
from korusticket.errors import InvalidRequestError

GET_OPERATIONS = {operation.name: operation for operation in OPERATIONS if operation.method == "GET"}


@dataclass(frozen=True)
class ParsedIri:
    """What an IRI points at: its kind (`offer`), the GET operation serving it, and its identifiers."""

    kind: str
    operation: Operation
    identifiers: dict[str, str]
    """Path parameters by the generated function's argument names: {"catalog_id": ..., "id": ...}."""

    @property
    def path(self) -> str:
        return self.operation.url_path(self.identifiers)


def kind_of(operation: Operation) -> str:
    return operation.name.removeprefix("get_").removeprefix("list_")


def format_iri(operation_name: str, values: tuple[str, ...]) -> str:
    operation = GET_OPERATIONS[operation_name]
    parameters = operation.path_parameters
    return operation.url_path({p.python: p.check(value) for p, value in zip(parameters, values, strict=True)})


BY_SPECIFICITY = sorted(GET_OPERATIONS.values(), key=lambda operation: -operation.literal_length)
ALL_BY_SPECIFICITY = sorted(OPERATIONS, key=lambda operation: -operation.literal_length)


def path_root(path: str) -> str:
    """A path's first segment (`v1` of `/v1/booking/orders`)."""
    return path.split("/", 2)[1] if path.startswith("/") else ""


API_ROOTS = frozenset(path_root(operation.path) for operation in OPERATIONS)
"""The first path segments of the spec's operations (`v1`; an export may hold several, one per route prefix)."""


def operation_at(method: str, path: str) -> Operation | None:
    """The operation serving `method path`, if the API has one."""
    for operation in ALL_BY_SPECIFICITY:
        if operation.method == method and operation.path_pattern.fullmatch(path):
            return operation
    return None


def parse_iri(value: str, *, api_origins: tuple[Origin, ...] = (), name: str = "iri") -> ParsedIri:
    """What `value` points at; an `InvalidRequestError` naming `name` when it is no IRI of the API."""
    if not isinstance(value, str) or not value:
        raise InvalidRequestError(
            f"{name}: expected an IRI such as /v1/booking/orders/<id>, got {_shown(value)}", argument=name
        )
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, TypeError, ValueError) as error:
        raise InvalidRequestError(f"{name}: not a URL path ({error}), got {_shown(value)}", argument=name) from None
    if url.is_absolute_url and api_origins and origin(url) not in api_origins:
        where = ", ".join(origin_text(allowed) for allowed in api_origins)
        raise InvalidRequestError(f"{name}: {_shown(value)} is not on the KorusTicket API ({where})", argument=name)
    path = url.path
    for operation in BY_SPECIFICITY:
        match = operation.path_pattern.fullmatch(path)
        if match:
            try:
                identifiers = {
                    parameter.python: parameter.check(match.group(parameter.python))
                    for parameter in operation.path_parameters
                }
            except InvalidRequestError as error:  # a bad id inside the IRI: named as part of the argument
                raise InvalidRequestError(f"{name}: {error}", argument=name) from None
            return ParsedIri(kind=kind_of(operation), operation=operation, identifiers=identifiers)
    raise InvalidRequestError(
        f"{name}: {_shown(value)} is not the path of any resource of the KorusTicket API", argument=name
    )
