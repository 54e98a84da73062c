"""What a live, newer API may send, generated from every vendor example and sandbox response, read by the facade.

For each response body and the model its operation documents, variants are made with:
- an unknown value in every enum field;
- null in every field the docs did not show as non-null (the model's type admits None);
- each optional field left out;
- an unknown field, holding nested data, added to every object.
Each variant must be served over the facade's HTTP client, parse through the facade, and `to_dict()` must give back
exactly what was parsed.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import types
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

import attrs
import httpx
import pytest

import korusticket_client.models as models
from korusticket import KorusTicket
from korusticket._context import OPERATION
from korusticket._generated.operations import OPERATIONS
from korusticket.testing import Sandbox
from korusticket.testing.app import route
from korusticket_client.types import Unset
from tests.testing.helpers import Validated, options, tour_of_every_operation
from tests.vendor_examples import API_EXAMPLES, as_python_writes_it, load

FUTURE_VALUE = "a_value_from_a_newer_api"
FUTURE_FIELD = "fieldFromANewerApi"
FUTURE_DATA = {"nested": [1, "two", {"three": None}]}
TEMPLATE = next(operation for operation in OPERATIONS if operation.name == "get_order")


@dataclasses.dataclass(frozen=True)
class Slot:
    """One field of one object in a JSON document: where it is and what the model says it holds."""

    path: tuple[str | int, ...]
    key: str
    admits_none: bool
    optional: bool
    is_enum: bool


@cache
def hints(cls: type) -> dict[str, Any]:
    every_model = {name: getattr(models, name) for name in models.__all__}  # the package loads them on first use
    return typing.get_type_hints(cls, localns=every_model)


def json_key(cls: type, field: str, value: dict[str, Any]) -> str | None:
    """The JSON key of an attrs field: the generator snake-cases camelCase keys (`next` becomes `next_`)."""
    head, *rest = field.rstrip("_").split("_")
    key = head + "".join(part[:1].upper() + part[1:] for part in rest)
    return key if key in value else None


def parts(annotation: Any) -> list[Any]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return [part for member in typing.get_args(annotation) for part in parts(member)]
    return [annotation]


def is_literal(annotation: Any) -> bool:
    return typing.get_origin(annotation) is typing.Literal


def slots(value: Any, cls: Any, path: tuple[str | int, ...] = ()) -> Iterator[Slot]:
    """Every modelled field present in `value`, recursing into nested models and lists of them."""
    if not (isinstance(value, dict) and attrs.has(cls)):
        return
    for field in attrs.fields(cls):
        if field.name == "additional_properties":
            continue
        key = json_key(cls, field.name, value)
        if key is None:
            continue
        annotation = hints(cls)[field.name]
        members = parts(annotation)
        yield Slot(
            path=path,
            key=key,
            admits_none=type(None) in members,
            optional=Unset in members,
            is_enum=any(is_literal(member) for member in members) and isinstance(value[key], str),
        )
        for member in members:
            inner = value[key]
            if attrs.has(member):
                yield from slots(inner, member, (*path, key))
            elif typing.get_origin(member) is list and isinstance(inner, list):
                (item_type,) = typing.get_args(member)
                for index, item in enumerate(inner):
                    for candidate in parts(item_type):
                        yield from slots(item, candidate, (*path, key, index))


def objects(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if isinstance(value, dict):
        yield path
        for key, item in value.items():
            yield from objects(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from objects(item, (*path, index))


def at(document: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def variants(document: dict[str, Any], model: str) -> Iterator[tuple[str, dict[str, Any]]]:
    cls = getattr(models, model)
    for slot in slots(document, cls):
        where = ".".join(map(str, (*slot.path, slot.key)))
        if slot.is_enum:
            changed = copy.deepcopy(document)
            at(changed, slot.path)[slot.key] = FUTURE_VALUE
            yield f"unknown enum value at {where}", changed
        if slot.admits_none and at(document, slot.path)[slot.key] is not None:
            changed = copy.deepcopy(document)
            at(changed, slot.path)[slot.key] = None
            yield f"null at {where}", changed
        if slot.optional:
            changed = copy.deepcopy(document)
            del at(changed, slot.path)[slot.key]
            yield f"{where} left out", changed
    for path in objects(document):
        changed = copy.deepcopy(document)
        at(changed, path)[FUTURE_FIELD] = copy.deepcopy(FUTURE_DATA)
        yield f"unknown field in {'.'.join(map(str, path)) or 'the body'}", changed


def sandbox_responses() -> list[tuple[str, str, dict[str, Any]]]:
    """(method, model, body) of every success the sandbox sends on a tour of all 29 operations."""
    sandbox = Sandbox(seed=3)
    validated = Validated(sandbox)
    inner = validated.transport()
    seen: list[tuple[str, str, dict[str, Any]]] = []

    class Recording(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = inner.handle_request(request)
            operation = route(request.method, request.url.path)[0] if request.url.path.startswith("/v1/") else None
            if operation is not None and response.is_success and operation.success_model:
                seen.append((request.method, operation.success_model, json.loads(response.read())))
            return response

    with KorusTicket(transport=Recording(), **options(sandbox)) as kt:
        tour_of_every_operation(kt, sandbox, validated)
    return seen


def vendor_responses() -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for entry in API_EXAMPLES:
        if entry["direction"] == "response" and isinstance(load(entry), dict):
            method = entry["operation"].split(" ", 1)[0]
            found.append((method, entry["model"], as_python_writes_it(load(entry))))
    return found


def read_through_the_facade(kt: KorusTicket, method: str, model: str, body: bytes) -> Any:
    entry = dataclasses.replace(TEMPLATE, success_model=model)
    content = body if method != "GET" else None
    response = kt.http.request(method, "/v1/variants", content=content, extensions={OPERATION: entry})
    return kt._parsed(None, entry, kt.client, response)


@pytest.fixture(scope="module")
def sources() -> list[tuple[str, str, dict[str, Any]]]:
    return vendor_responses() + sandbox_responses()


def test_every_variant_parses_and_round_trips(sources: list[tuple[str, str, dict[str, Any]]]) -> None:
    served: dict[str, bytes] = {}

    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=served["body"], headers={"content-type": "application/ld+json"})

    counts: dict[str, int] = {"unknown enum value": 0, "null": 0, "left out": 0, "unknown field": 0}
    failures = []
    with KorusTicket.demo(token="t", transport=httpx.MockTransport(serve), max_retries=0) as kt:
        for method, model, document in sources:
            for description, variant in variants(document, model):
                served["body"] = json.dumps(variant).encode()
                try:
                    parsed = read_through_the_facade(kt, method, model, served["body"])
                    back = parsed.to_dict()
                except Exception as error:
                    failures.append(f"{model}: {description}: {error!r}")
                    continue
                if back != variant:
                    failures.append(f"{model}: {description}: to_dict() differs")
                kind = next(name for name in counts if name in description)
                counts[kind] += 1
    total = sum(counts.values())
    print(f"\n{total} variants of {len(sources)} responses read through the facade: {counts}")
    assert failures == []
    assert len(sources) >= 45
    assert all(counts.values())
