"""Reading optional fields of generated models.

The API documents almost every field as optional, so the generated models type them `X | Unset`
(and `X | None | Unset` when nullable). `require` turns such a value into `X` for the code that needs
it, with an error naming the field when the API did not send it:

    name = require(offer.product, "offer.product").name
"""

from __future__ import annotations

import reprlib
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from korusticket.errors import InvalidRequestError, MissingFieldError
from korusticket_client.types import Unset

__all__ = ["answer_id", "answer_iri", "money", "require"]

T = TypeVar("T")
AMOUNT_DIGITS = 30
"""Furthest power of ten an amount may reach either way: no price has 30 digits (`1e999999999` is not money)."""


def require(value: T | Unset | None, name: str) -> T:
    """`value` itself, or `MissingFieldError` naming `name` when it is unset or null."""
    if isinstance(value, Unset) or value is None:
        state = "null" if value is None else "missing"
        raise MissingFieldError(f"{name}: expected a value in the API's answer, but it is {state}")
    return value


def money(value: str | Decimal | Unset | None, name: str = "amount") -> Decimal:
    """An amount the API sends as a decimal string (`"87.00"`), as a `Decimal`, so sums stay exact.

    `money(offer.price.amount_incl_tax)`; a missing or null amount is a `MissingFieldError` naming `name`,
    and a value that is not a decimal number a `MissingFieldError` (a `ValueError`) naming it too.
    """
    present = require(value, name)
    if isinstance(present, Decimal) and present.is_finite():
        return present
    try:
        amount = Decimal(present.strip()) if isinstance(present, str) and len(present) <= 100 else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or not -AMOUNT_DIGITS <= amount.adjusted() <= AMOUNT_DIGITS:
        raise MissingFieldError(
            f"{name}: expected a decimal amount such as '87.00' in the API's answer, got {reprlib.repr(present)}"
        )
    return amount


def answer_iri(model: Any, name: str, kind: str | None = None) -> str:
    """The path of the `@id` the API sent on `model` (a resource read from an answer).

    A `MissingFieldError` naming `name` when the answer carries no `@id`, one that is not an IRI of this API, or
    (with `kind`) the IRI of another kind of resource: the server's fault, not an argument of the caller's.
    """
    from korusticket import iri

    try:
        parsed = iri.parse(iri.of(model, name=name), name=name)
    except InvalidRequestError as error:
        raise MissingFieldError(f"{name}.@id: expected the resource's IRI in the API's answer; {error}") from None
    if kind is not None and parsed.kind != kind:
        raise MissingFieldError(f"{name}.@id: expected the IRI of a {kind} in the API's answer, got a {parsed.kind}'s")
    return parsed.path


def answer_id(value: Any, name: str) -> str:
    """An identifier the API sent (`order.id`), checked as a UUID before it names a file or a request.

    A `MissingFieldError` naming `name` when it is missing or not a UUID: an id such as `../../x` must never
    become a path, and a request built from a bad one would blame the caller's arguments.
    """
    from korusticket import iri

    present = require(value, name)
    try:
        return iri.check_id(present, name)
    except InvalidRequestError as error:
        raise MissingFieldError(f"{error} in the API's answer") from None
