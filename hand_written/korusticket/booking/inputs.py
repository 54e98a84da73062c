"""The booking inputs, typed, and the checks they pass before anything is sent.

`Customer` and `Beneficiary` are TypedDicts with the API's own field names, so a type checker catches a
misspelt key and the dict is the JSON that goes out; at run time a key neither has is refused with the
expected name (`date_of_birth` -> `dateOfBirth`). `Item` says what to reserve.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NotRequired, Required, TypedDict

from korusticket._operation import closest, is_integer
from korusticket_client.models import (
    OfferEmbeddedTicket,
    TicketingOffer,
    TicketingOfferTicket,
    TicketingOfferTicketSession,
)

__all__ = ["Beneficiary", "Customer", "Item", "OfferRef", "SessionRef", "Title"]

Title = Literal["mr", "mrs", "mx"]
OfferRef = str | TicketingOffer
"""An offer: its IRI (or absolute URL), its model, or its id together with `catalog_id`."""
SessionRef = str | TicketingOfferTicketSession
"""A session: its IRI, its model, or its id (the ticket it belongs to is then the one it is given for)."""
TicketRef = str | OfferEmbeddedTicket | TicketingOfferTicket

# What the checks below accept; the API documents no format, these are the conventions its examples follow.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 .()-]{4,19}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
LANGUAGE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
REFERENCE_FILTER_LIMIT = 50
"""The `external_reference` filter of the orders collection accepts 1 to 50 characters (`^.{1,50}$`)."""
REFERENCE_BODY_LIMIT = 255


class Customer(TypedDict, total=False):
    """The person placing the order (the API's `customer`)."""

    firstname: Required[str]
    lastname: Required[str]
    email: Required[str]
    phone: str
    """International format, e.g. +33610203040."""
    country: str
    """ISO 3166-1 alpha-2, e.g. FR."""
    language: str
    """ISO 639-1, e.g. fr."""
    optin: bool
    title: Title


class Beneficiary(TypedDict, total=False):
    """The person a ticket is issued to; send at least the fields the ticket's `requiredBeneficiaryFields` name."""

    firstname: Required[str]
    lastname: Required[str]
    title: NotRequired[Title | None]
    nationality: NotRequired[str | None]
    """ISO 3166-1 alpha-2, e.g. FR."""
    dateOfBirth: NotRequired[str | None]
    """YYYY-MM-DD."""
    placeOfBirth: NotRequired[str | None]
    email: NotRequired[str | None]
    phone: NotRequired[str | None]


@dataclass(frozen=True)
class Item:
    """One offer to reserve.

    >>> Item(offer, quantity=2, session=evening)                  # the one ticket that needs a session
    >>> Item(offer_iri, sessions={park_ticket_id: None, show_ticket_id: evening_iri})
    """

    offer: OfferRef
    quantity: int = 1
    session: SessionRef | None = None
    """The session, when exactly one ticket of the offer needs one (the common case)."""
    sessions: Mapping[str, SessionRef | None] = field(default_factory=dict)
    """Ticket (id or IRI) -> its session; all-day tickets (`dateAccess`) take none and may be left out."""
    form_data: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Ticket (id or IRI) -> {form field IRI: answer}; answers are strings, as the API documents."""
    catalog_id: str | None = None
    """Needed only when `offer` is a bare id."""

    def __post_init__(self) -> None:
        for name in ("sessions", "form_data"):
            value = getattr(self, name)
            if not isinstance(value, Mapping):
                raise ValueError(f"{name}: expected a mapping of ticket (id or IRI) to its value, got {value!r}")


def _refuse_unknown(given: Mapping[str, Any], known: frozenset[str], where: str) -> None:
    for key in given:
        if key not in known:
            close = closest(str(key), known)
            hint = f"did you mean {close!r}?" if close else f"expected one of {', '.join(sorted(known))}"
            raise ValueError(f"{where}.{key}: not a field the API has; {hint}")


def _text(given: Mapping[str, Any], name: str, where: str, *, required: bool) -> str | None:
    value = given.get(name)
    if value is None:
        if required:
            raise ValueError(f"{where}.{name}: required, and must not be blank")
        return None
    if not isinstance(value, str):
        raise ValueError(f"{where}.{name}: expected a string, got {type(value).__name__}")
    if required and not value.strip():
        raise ValueError(f"{where}.{name}: must not be blank")
    if any(ord(character) < 32 for character in value):
        raise ValueError(f"{where}.{name}: must not contain control characters (line breaks, tabs)")
    return value


def _formatted(given: Mapping[str, Any], name: str, where: str, pattern: re.Pattern[str], what: str) -> None:
    value = _text(given, name, where, required=False)
    if value is not None and not pattern.match(value):
        raise ValueError(f"{where}.{name}: expected {what}, got {value!r}")


def _title(given: Mapping[str, Any], where: str) -> None:
    title = given.get("title")
    if title is not None and title not in ("mr", "mrs", "mx"):
        raise ValueError(f"{where}.title: expected 'mr', 'mrs' or 'mx', got {title!r}")


def check_customer(customer: Customer | Mapping[str, Any]) -> dict[str, Any]:
    """The customer as the API takes it, or a ValueError naming the field."""
    if not isinstance(customer, Mapping):
        raise ValueError(f"customer: expected a dict (korusticket.Customer), got {type(customer).__name__}")
    _refuse_unknown(customer, frozenset(Customer.__annotations__), "customer")
    for name in ("firstname", "lastname", "email"):
        _text(customer, name, "customer", required=True)
    _formatted(customer, "email", "customer", EMAIL, "an email address such as ada@example.com")
    _formatted(customer, "phone", "customer", PHONE, "a phone number such as +33610203040")
    _formatted(customer, "country", "customer", COUNTRY, "an ISO 3166-1 country code such as FR")
    _formatted(customer, "language", "customer", LANGUAGE, "an ISO 639-1 language code such as fr")
    _title(customer, "customer")
    if "optin" in customer and not isinstance(customer["optin"], bool):
        raise ValueError(f"customer.optin: expected True or False, got {customer['optin']!r}")
    return dict(customer)


def check_reference(reference: Any) -> str:
    """`externalReference`: also what a lost order answer is found again by, so the filter's limit applies."""
    if not isinstance(reference, str) or not reference.strip():
        raise ValueError(f"external_reference: expected a non-blank string, got {reference!r}")
    if any(ord(character) < 32 for character in reference):
        raise ValueError("external_reference: must not contain control characters (line breaks, tabs)")
    if len(reference) > REFERENCE_FILTER_LIMIT:
        raise ValueError(
            f"external_reference: {len(reference)} characters; an order accepts up to {REFERENCE_BODY_LIMIT}, but "
            f"the orders filter that finds an order again after a lost answer accepts only "
            f"{REFERENCE_FILTER_LIMIT}, so exactly-once ordering needs at most {REFERENCE_FILTER_LIMIT}"
        )
    return reference


def check_beneficiary(beneficiary: Beneficiary | Mapping[str, Any], required: list[str], where: str) -> dict[str, Any]:
    """The beneficiary as the API takes it, checked against the fields the ticket requires."""
    if not isinstance(beneficiary, Mapping):
        raise ValueError(f"{where}: expected a dict (korusticket.Beneficiary), got {type(beneficiary).__name__}")
    _refuse_unknown(beneficiary, frozenset(Beneficiary.__annotations__), where)
    for name in ("firstname", "lastname"):
        _text(beneficiary, name, where, required=True)
    for name in required:
        value = beneficiary.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValueError(
                f"{where}.{name}: this ticket requires it (requiredBeneficiaryFields: {', '.join(required)})"
            )
    _formatted(beneficiary, "email", where, EMAIL, "an email address such as ada@example.com")
    _formatted(beneficiary, "phone", where, PHONE, "a phone number such as +33610203040")
    _formatted(beneficiary, "nationality", where, COUNTRY, "an ISO 3166-1 country code such as FR")
    _title(beneficiary, where)
    born = _text(beneficiary, "dateOfBirth", where, required=False)
    if born is not None:
        try:
            datetime.date.fromisoformat(born)
        except ValueError:
            raise ValueError(f"{where}.dateOfBirth: expected a date (YYYY-MM-DD), got {born!r}") from None
    _text(beneficiary, "placeOfBirth", where, required=False)
    return dict(beneficiary)


def check_quantity(quantity: Any, where: str) -> int:
    if not (is_integer(quantity) and quantity >= 1):
        raise ValueError(f"{where}.quantity: expected an integer >= 1, got {quantity!r}")
    return quantity
