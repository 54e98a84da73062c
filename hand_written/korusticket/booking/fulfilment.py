"""After the order: finding orders, naming beneficiaries, downloading the documents."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from korusticket import iri
from korusticket.auth import Secret
from korusticket.booking.inputs import Beneficiary, check_beneficiary, check_reference
from korusticket.booking.policy import BookingPolicy
from korusticket.booking.results import DocumentsNotReadyError, PendingBeneficiary
from korusticket.booking.steps import Call, Collect, Download, Flow, Monotonic, Now, Sleep
from korusticket.errors import InvalidRequestError
from korusticket.fields import answer_id, answer_iri, require
from korusticket_client.api.booking_order import get_order, list_orders
from korusticket_client.api.booking_order_document import (
    get_order_document,
    list_order_documents,
    update_order_document,
)
from korusticket_client.api.booking_order_item_ticket import get_order_item_ticket, update_order_item_ticket
from korusticket_client.models import BookingOrder, BookingOrderDocumentDownload, BookingOrderItemTicket
from korusticket_client.types import Unset


def find_order(value: BookingOrder | str) -> Flow[BookingOrder]:
    found = yield from _order_model(value)
    return found


def find_orders(external_reference: str) -> Flow[list[BookingOrder]]:
    reference = check_reference(external_reference)
    listed: list[BookingOrder] = yield Collect(list_orders, {"external_reference": reference})
    return [found for found in listed if found.external_reference == reference]


def _order_model(value: BookingOrder | str) -> Flow[BookingOrder]:
    """The order as the server has it now (a model given is read again: ticket states change)."""
    if isinstance(value, BookingOrder):
        order_id = require(value.id, "order.id")
    elif not isinstance(value, str):
        raise InvalidRequestError(f"order: expected a BookingOrder, its IRI or its id, got {type(value).__name__}")
    elif "/" in value:
        parsed = iri.parse(value, name="order")
        if parsed.kind != "order":
            raise InvalidRequestError(f"order: expected an order IRI, got the IRI of a {parsed.kind}")
        order_id = parsed.identifiers["id"]
    else:
        order_id = iri.check_id(value, "order")
    found: BookingOrder = yield Call(get_order, {"id": order_id})
    return found


def pending_beneficiaries(value: BookingOrder | str) -> Flow[list[PendingBeneficiary]]:
    found = yield from _order_model(value)
    return _waiting_for_beneficiary(found)


def _waiting_for_beneficiary(found: BookingOrder) -> list[PendingBeneficiary]:
    pending = []
    for item in [] if isinstance(found.items, Unset) else found.items:
        for ticket in [] if isinstance(item.tickets, Unset) else item.tickets:
            required = (
                [] if isinstance(ticket.required_beneficiary_fields, Unset) else ticket.required_beneficiary_fields
            )
            unnamed = isinstance(ticket.beneficiary, Unset | None)
            if required and (ticket.status == "waiting_beneficiary_data" or unnamed):
                deadline = ticket.beneficiary_designation_deadline
                pending.append(
                    PendingBeneficiary(
                        ticket,
                        answer_iri(ticket, "order.items[].tickets[]", "order_item_ticket"),
                        required,
                        deadline if isinstance(deadline, datetime) else None,
                    )
                )
    return pending


def set_beneficiary(
    ticket: PendingBeneficiary | BookingOrderItemTicket | str, beneficiary: Beneficiary | Mapping[str, Any]
) -> Flow[BookingOrderItemTicket]:
    if isinstance(ticket, PendingBeneficiary):
        ticket_iri, required = ticket.iri, ticket.required_fields
    elif isinstance(ticket, BookingOrderItemTicket):
        ticket_iri = iri.parse(iri.of(ticket)).path
        required = [] if isinstance(ticket.required_beneficiary_fields, Unset) else ticket.required_beneficiary_fields
    elif isinstance(ticket, str):
        given = iri.parse(ticket, name="ticket")
        if given.kind != "order_item_ticket":
            raise InvalidRequestError(f"ticket: expected an order item ticket IRI, got the IRI of a {given.kind}")
        check_beneficiary(beneficiary, [], "beneficiary")  # all but the ticket's own needs, before reading it
        ticket_iri = given.path
        current: BookingOrderItemTicket = yield Call(get_order_item_ticket, given.identifiers)
        required = [] if isinstance(current.required_beneficiary_fields, Unset) else current.required_beneficiary_fields
    else:
        raise InvalidRequestError(
            f"ticket: expected a PendingBeneficiary, a BookingOrderItemTicket or its IRI, got {type(ticket).__name__}"
        )
    parsed = iri.parse(ticket_iri, name="ticket")
    if parsed.kind != "order_item_ticket":
        raise InvalidRequestError(f"ticket: expected an order item ticket IRI, got the IRI of a {parsed.kind}")
    body = {"beneficiary": check_beneficiary(beneficiary, required, "beneficiary")}
    updated: BookingOrderItemTicket = yield Call(update_order_item_ticket, {**parsed.identifiers, "body": body})
    return updated


def download_documents(
    value: BookingOrder | str, target: Path | IO[bytes], language: str | None, policy: BookingPolicy
) -> Flow[list[Path] | int]:
    """Wait for each document, get its signed URL in `language`, download it (the JWT stays home)."""
    found = yield from _order_model(value)
    order_id = answer_id(found.id, "order.id")  # names the files: a UUID, never a path
    unnamed = _waiting_for_beneficiary(found)
    if unnamed:
        raise InvalidRequestError(
            f"order: {len(unnamed)} ticket(s) of order {order_id} wait for a beneficiary; their documents come "
            "once set_beneficiary() names them"
        )
    documents = yield Collect(list_order_documents, {"order_id": order_id})
    headers = {"Accept-Language": language} if language else {}
    written: list[Path] = []
    total = 0
    for document in documents:
        document_id = answer_id(document.id, "document.id")
        yield from _wait_until_downloadable(order_id, document_id, document.downloadable_at, policy)
        destination: Path | IO[bytes] = target / f"{order_id}-{document_id}.pdf" if isinstance(target, Path) else target
        for attempt in (1, 2):  # a signed URL that expired meanwhile is asked for once more
            arguments = {"order_id": order_id, "id": document_id, "body": {}}
            url = _signed_url((yield Call(update_order_document, arguments, headers)))
            outcome = yield Download(url, destination)
            if isinstance(outcome, int):
                total += outcome
                break
            if attempt == 2:
                raise outcome
        if isinstance(destination, Path):
            written.append(destination)
    return written if isinstance(target, Path) else total


def _signed_url(download: BookingOrderDocumentDownload) -> Secret:
    """The temporary URL, kept out of reprs and tracebacks: whoever has it can download the tickets."""
    return Secret(require(download.temporary_url, "temporaryUrl"), "temporaryUrl")


def _wait_until_downloadable(order_id: str, document_id: str, ready: Any, policy: BookingPolicy) -> Flow[None]:
    started: float = yield Monotonic()
    waits = policy.waits()
    while True:
        now: datetime = yield Now()
        if isinstance(ready, datetime) and ready <= now:
            return
        elapsed: float = yield Monotonic()
        if elapsed - started >= policy.document_wait:
            raise DocumentsNotReadyError(
                f"document {document_id} of order {order_id} is not downloadable after {policy.document_wait:g} s "
                "(name the tickets' beneficiaries first?)"
            )
        yield Sleep(next(waits))
        document = yield Call(get_order_document, {"order_id": order_id, "id": document_id})
        ready = document.downloadable_at
