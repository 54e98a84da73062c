"""A prototype measurement, not shipped code: what decoding the 50-offer and 50-order pages straight into
C-level structures (msgspec `Struct`s) would cost, beside `json.loads`, `orjson.loads` and the generated models.

issue 22 asks the note to say what a decode straight into C-level structures would gain; this script measures it
on the same captured page bytes as `bench_parse`, candidates interleaved in rounds, ratios within each round.
msgspec is not a dependency of the SDK: install it into the virtualenv to run this (`pip install msgspec`).

The Structs below declare the fields the generated models declare, with the same types (dates and instants parsed,
nested objects as Structs, unions as `X | None`); JSON-LD's `@id` and `@type` are declared too, so that the
Structs keep what the generated models keep in `additional_properties`. Unknown keys are ignored, not kept.

    PYTHONPATH=. .venv/bin/python -m benchmarks.proto_msgspec
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any

import msgspec
import orjson

from benchmarks.bench_parse import captured_pages
from benchmarks.common import Spread, interleaved, ratios, rounds, table, timing

ROUNDS = rounds(9, 3)
CALLS = 100


class _JsonLD(msgspec.Struct, kw_only=True, rename="camel"):
    at_id: str | None = msgspec.field(default=None, name="@id")
    at_type: str | None = msgspec.field(default=None, name="@type")


# ------------------------------------------------------------------------------------------------- offers


class OfferPrice(_JsonLD, kw_only=True):
    amount_incl_tax: str | None = None
    original_amount_incl_tax: str | None = None
    currency: str | None = None
    sync_at: datetime.datetime | None = None


class OfferProduct(_JsonLD, kw_only=True):
    id: str | None = None
    name: str | None = None
    description: str | None = None
    disabled: bool | None = None


class OfferTicket(_JsonLD, kw_only=True):
    id: str | None = None
    name: str | None = None
    description: str | None = None
    date_access: bool | None = None
    form: str | None = None


class Offer(_JsonLD, kw_only=True):
    id: str | None = None
    date: datetime.date | None = None
    availability_check_required: bool | None = None
    realtime_price_required: bool | None = None
    price: OfferPrice | None = None
    product: OfferProduct | None = None
    tickets: list[OfferTicket] | None = None
    available_quantity: int | None = None


class SearchMapping(_JsonLD, kw_only=True):
    variable: str | None = None
    property: str | None = None
    required: bool | None = None


class Search(_JsonLD, kw_only=True):
    template: str | None = None
    variable_representation: str | None = None
    mapping: list[SearchMapping] | None = None


class OfferCollection(_JsonLD, kw_only=True):
    context: str | None = msgspec.field(default=None, name="@context")
    total_items: int | None = None
    member: list[Offer] = []
    search: Search | None = None


# ------------------------------------------------------------------------------------------------- orders


class Customer(_JsonLD, kw_only=True):
    firstname: str | None = None
    lastname: str | None = None
    email: str | None = None
    phone: str | None = None
    optin: bool | None = None
    country: str | None = None
    language: str | None = None
    title: str | None = None


class ItemOfferTicket(_JsonLD, kw_only=True):
    ticket: str | None = None
    session: str | None = None
    seating: dict[str, Any] | None = None


class ItemTicket(_JsonLD, kw_only=True):
    id: str | None = None
    voucher: str | None = None
    occurs_at: datetime.datetime | None = None
    event: str | None = None
    required_beneficiary_fields: list[str] | None = None
    beneficiary: dict[str, Any] | None = None
    beneficiary_designation_deadline: datetime.datetime | None = None
    beneficiary_amendable: bool | None = None
    status: str | None = None
    seating: dict[str, Any] | None = None


class OrderItem(_JsonLD, kw_only=True):
    id: str | None = None
    amount_incl_tax: str | None = None
    amount_excl_tax: str | None = None
    quantity: int | None = None
    unit_amount_incl_tax: str | None = None
    unit_amount_excl_tax: str | None = None
    total_amount_incl_tax: str | None = None
    total_amount_excl_tax: str | None = None
    date: datetime.date | None = None
    offer: str | None = None
    product: str | None = None
    offer_tickets: list[ItemOfferTicket] | None = None
    tickets: list[ItemTicket] | None = None


class Order(_JsonLD, kw_only=True):
    id: str | None = None
    created_at: datetime.datetime | None = None
    catalog: str | None = None
    organization: str | None = None
    reference: str | None = None
    external_reference: str | None = None
    connector_reference: str | None = None
    total_amount_incl_tax: str | None = None
    total_amount_excl_tax: str | None = None
    reservation: str | None = None
    customer: Customer | list[Any] | None = None
    status: str | None = None
    cancelled_at: datetime.datetime | None = None
    items: list[OrderItem] | None = None
    documents: list[str] | None = None
    notes: str | None = None


class OrderCollection(_JsonLD, kw_only=True):
    context: str | None = msgspec.field(default=None, name="@context")
    total_items: int | None = None
    member: list[Order] = []
    search: Search | None = None


STRUCTS: dict[str, type[Any]] = {"offers": OfferCollection, "orders": OrderCollection}
FLOOR, GENERATED = "json.loads (stdlib floor)", "orjson + from_dict (generated)"


def main() -> None:
    lines = [
        f"Fixed bytes; each candidate's time per call is the mean of {CALLS} calls, {ROUNDS} rounds taking turns;"
        " ratios within each round, median (min-max).",
        "",
    ]
    for name, (body, model, _operation, _arguments) in captured_pages().items():
        decoder = msgspec.json.Decoder(STRUCTS[name])
        page = decoder.decode(body)
        if len(page.member) != len(orjson.loads(body)["member"]):
            raise RuntimeError(f"the {name} Structs did not read every member")
        runs: dict[str, Callable[[], object]] = {
            FLOOR: lambda body=body: json.loads(body),
            "orjson.loads": lambda body=body: orjson.loads(body),
            "msgspec.json.decode (untyped)": lambda body=body: msgspec.json.decode(body),
            "msgspec Structs (typed decode)": lambda body=body, decoder=decoder: decoder.decode(body),
            GENERATED: lambda body=body, model=model: model.from_dict(orjson.loads(body)),
        }
        samples = interleaved({label: timing(run, CALLS) for label, run in runs.items()}, ROUNDS)
        rows = [
            [
                label,
                Spread.of(values).show(1000),
                Spread.of(ratios(samples, label, FLOOR)).show(digits=2, unit="x"),
                Spread.of(ratios(samples, label, GENERATED)).show(digits=2, unit="x"),
            ]
            for label, values in samples.items()
        ]
        header = [f"{name} page (50, {len(body) / 1000:.0f} KB)", "ms per call", "/ json.loads", "/ generated"]
        lines += [*table(header, rows), ""]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
