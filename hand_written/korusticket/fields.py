"""Reading optional fields of generated models.

The API documents almost every field as optional, so the generated models type them `X | Unset`
(and `X | None | Unset` when nullable). `require` turns such a value into `X` for the code that needs
it, with an error naming the field when the API did not send it:

    name = require(offer.product, "offer.product").name
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TypeVar

from korusticket.errors import InvalidRequestError, MissingFieldError
from korusticket_client.types import Unset

__all__ = ["money", "require"]

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
    and a value that is not a decimal number a `ValueError` naming it too.
    """
    present = require(value, name)
    if isinstance(present, Decimal) and present.is_finite():
        return present
    try:
        amount = Decimal(present.strip()) if isinstance(present, str) and len(present) <= 100 else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or not -AMOUNT_DIGITS <= amount.adjusted() <= AMOUNT_DIGITS:
        raise InvalidRequestError(f"{name}: expected a decimal amount such as '87.00', got {present!r}")
    return amount
