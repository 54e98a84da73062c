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
from typing import TYPE_CHECKING, Any, Literal, NotRequired, Required, TypedDict, Union

from korusticket._operation import _shown, check_json, closest, is_count, refuse_controls
from korusticket.errors import InvalidRequestError
from korusticket_client.models import (
    OfferEmbeddedTicket,
    TicketingOffer,
    TicketingOfferTicket,
    TicketingOfferTicketSession,
)

__all__ = ["Beneficiary", "Customer", "Item", "OfferInput", "OfferRef", "SessionRef", "Title"]

Title = Literal["mr", "mrs", "mx"]
OfferRef = str | TicketingOffer
"""An offer: its IRI (or absolute URL), its model, or its id together with `catalog_id`."""
if TYPE_CHECKING:
    from korusticket.booking.results import SessionChoice

SessionRef = Union[str, TicketingOfferTicketSession, "SessionChoice"]  # results imports this module
"""A session: its IRI, its model, a `SessionChoice` of `kt.offer_choice`, or its id (the ticket it belongs to is
then the one it is given for)."""
TicketRef = str | OfferEmbeddedTicket | TicketingOfferTicket

# What the checks below accept; the API documents no format, these are the conventions its examples follow.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 .()-]{4,19}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
LANGUAGE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
REFERENCE_FILTER_LIMIT = 50
"""The `external_reference` filter of the orders collection accepts 1 to 50 characters (`^.{1,50}$`)."""
REFERENCE_BODY_LIMIT = 255
TEXT_LIMIT = 255
"""Longest name, email, phone or place accepted: the API documents none, and 255 is the width API Platform's
Doctrine mapping gives a string column by default; a longer value is a mistake, not a name."""
NOTES_LIMIT = 4000
"""Longest `notes` accepted (free text, line breaks allowed)."""


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
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Fields of this item's entry in the reservation body that the SDK does not fill itself: a field the vendor
    added to the API, sent as given (checked against the schema like every body)."""

    def __post_init__(self) -> None:
        if self.catalog_id is not None and (not isinstance(self.catalog_id, str) or "/" in self.catalog_id):
            raise InvalidRequestError(f"catalog_id: expected a catalog id (a UUID), got {_shown(self.catalog_id)}")
        for name in ("sessions", "form_data", "extra"):
            value = getattr(self, name)
            if not isinstance(value, Mapping):
                raise InvalidRequestError(
                    f"{name}: expected a mapping of ticket (id or IRI) to its value, got {type(value).__name__}"
                    if name != "extra"
                    else f"extra: expected a dict of body fields, got {type(value).__name__}"
                )
        for name in ("sessions", "form_data"):
            for key in getattr(self, name):
                if not isinstance(key, str) or not key.strip():
                    raise InvalidRequestError(f"{name}: expected tickets as ids or IRIs (strings), got {_shown(key)}")
                refuse_controls(key, name)


def _refuse_unknown(given: Mapping[str, Any], known: frozenset[str], where: str) -> None:
    for key in given:
        if key not in known:
            close = closest(str(key), known)
            hint = f"did you mean {close!r}?" if close else f"expected one of {', '.join(sorted(known))}"
            raise InvalidRequestError(f"{where}.{key}: not a field the API has; {hint}")


def _text(given: Mapping[str, Any], name: str, where: str, *, required: bool) -> str | None:
    value = given.get(name)
    if value is None:
        if required:
            raise InvalidRequestError(f"{where}.{name}: required, and must not be blank")
        return None
    if not isinstance(value, str):
        raise InvalidRequestError(f"{where}.{name}: expected a string, got {type(value).__name__}")
    if not value.strip():
        hint = "" if required else " (leave it out, or None)"
        raise InvalidRequestError(f"{where}.{name}: must not be blank{hint}")
    if len(value) > TEXT_LIMIT:
        raise InvalidRequestError(f"{where}.{name}: {len(value)} characters; expected at most {TEXT_LIMIT}")
    refuse_controls(value, f"{where}.{name}")
    return value


def _formatted(given: Mapping[str, Any], name: str, where: str, pattern: re.Pattern[str], what: str) -> None:
    value = _text(given, name, where, required=False)
    if value is not None and not pattern.match(value):
        raise InvalidRequestError(f"{where}.{name}: expected {what}, got {_shown(value)}")


def _title(given: Mapping[str, Any], where: str) -> None:
    title = given.get("title")
    if title is not None and title not in ("mr", "mrs", "mx"):
        raise InvalidRequestError(f"{where}.title: expected 'mr', 'mrs' or 'mx', got {_shown(title)}")


def check_customer(customer: Customer | Mapping[str, Any]) -> dict[str, Any]:
    """The customer as the API takes it, or an `InvalidRequestError` naming the field."""
    if not isinstance(customer, Mapping):
        raise InvalidRequestError(f"customer: expected a dict (korusticket.Customer), got {type(customer).__name__}")
    _refuse_unknown(customer, frozenset(Customer.__annotations__), "customer")
    for name in ("firstname", "lastname", "email"):
        _text(customer, name, "customer", required=True)
    _formatted(customer, "email", "customer", EMAIL, "an email address such as ada@example.com")
    _formatted(customer, "phone", "customer", PHONE, "a phone number such as +33610203040")
    _formatted(customer, "country", "customer", COUNTRY, "an ISO 3166-1 country code such as FR")
    _formatted(customer, "language", "customer", LANGUAGE, "an ISO 639-1 language code such as fr")
    _title(customer, "customer")
    if "optin" in customer and not isinstance(customer["optin"], bool):
        raise InvalidRequestError(f"customer.optin: expected True or False, got {_shown(customer['optin'])}")
    return dict(customer)


def check_reference(reference: Any) -> str:
    """`externalReference`: also what a lost order answer is found again by, so the filter's limit applies."""
    if not isinstance(reference, str) or not reference.strip():
        shown = _shown(reference) if isinstance(reference, str) else type(reference).__name__
        raise InvalidRequestError(f"external_reference: expected a non-blank string, got {shown}")
    if reference != reference.strip():
        raise InvalidRequestError(
            "external_reference: must not start or end with spaces (the orders filter would not find it again)"
        )
    if len(reference) > REFERENCE_FILTER_LIMIT:
        raise InvalidRequestError(
            f"external_reference: {len(reference)} characters; an order accepts up to {REFERENCE_BODY_LIMIT}, but "
            f"the orders filter that finds an order again after a lost answer accepts only "
            f"{REFERENCE_FILTER_LIMIT}, so exactly-once ordering needs at most {REFERENCE_FILTER_LIMIT}"
        )
    refuse_controls(reference, "external_reference")
    return reference


def check_notes(notes: Any) -> str | None:
    """`notes`: free text (line breaks allowed), bounded, without other control characters."""
    if notes is None:
        return None
    if not isinstance(notes, str):
        raise InvalidRequestError(f"notes: expected a string, got {type(notes).__name__}")
    if len(notes) > NOTES_LIMIT:
        raise InvalidRequestError(f"notes: {len(notes)} characters; expected at most {NOTES_LIMIT}")
    refuse_controls(notes, "notes", line_breaks=True)
    return notes


def check_extra_body(extra: Any, filled: tuple[str, ...], where: str) -> dict[str, Any]:
    """Fields a workflow call sends beside the ones it fills itself (`filled`), which they may not replace."""
    if extra is None:
        return {}
    if not isinstance(extra, Mapping):
        raise InvalidRequestError(f"{where}: expected a dict of body fields, got {type(extra).__name__}")
    for key in extra:
        if not isinstance(key, str) or not key:
            raise InvalidRequestError(f"{where}: expected field names (strings), got {_shown(key)}")
        if key in filled:
            raise InvalidRequestError(f"{where}.{key}: filled by the workflow itself; pass it as its own argument")
        check_json(extra[key], f"{where}.{key}", 1)
    return dict(extra)


def check_beneficiary(beneficiary: Beneficiary | Mapping[str, Any], required: list[str], where: str) -> dict[str, Any]:
    """The beneficiary as the API takes it, checked against the fields the ticket requires."""
    if not isinstance(beneficiary, Mapping):
        raise InvalidRequestError(
            f"{where}: expected a dict (korusticket.Beneficiary), got {type(beneficiary).__name__}"
        )
    _refuse_unknown(beneficiary, frozenset(Beneficiary.__annotations__), where)
    for name in ("firstname", "lastname"):
        _text(beneficiary, name, where, required=True)
    for name in required:
        value = beneficiary.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise InvalidRequestError(
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
            raise InvalidRequestError(
                f"{where}.dateOfBirth: expected a date (YYYY-MM-DD), got {_shown(born)}"
            ) from None
    _text(beneficiary, "placeOfBirth", where, required=False)
    return dict(beneficiary)


def check_callback(function: Any, where: str) -> None:
    """A callback the workflow calls later (`confirm_payment`, `progress`): refused now if it cannot be called."""
    if function is not None and not callable(function):
        raise InvalidRequestError(f"{where}: expected a function (or None), got {_shown(function)}", argument=where)


def check_quantity(quantity: Any, where: str) -> int:
    if not is_count(quantity, 1):
        raise InvalidRequestError(f"{where}.quantity: expected an integer >= 1, got {_shown(quantity)}")
    return quantity


OfferInput = Item | str | TicketingOffer
"""What names an offer for the booking methods: an `Item`, an offer's id or IRI, or the offer itself."""
