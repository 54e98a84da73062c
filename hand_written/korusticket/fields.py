"""Reading optional fields of generated models.

The API documents almost every field as optional, so the generated models type them `X | Unset`
(and `X | None | Unset` when nullable). `require` turns such a value into `X` for the code that needs
it, with an error naming the field when the API did not send it:

    name = require(offer.product, "offer.product").name
"""

from __future__ import annotations

from typing import TypeVar

from korusticket.errors import MissingFieldError
from korusticket_client.types import Unset

__all__ = ["require"]

T = TypeVar("T")


def require(value: T | Unset | None, name: str) -> T:
    """`value` itself, or `MissingFieldError` naming `name` when it is unset or null."""
    if isinstance(value, Unset) or value is None:
        state = "null" if value is None else "missing"
        raise MissingFieldError(f"{name}: expected a value in the API's answer, but it is {state}")
    return value
