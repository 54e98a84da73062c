"""The facade tables' generator: names and types read from the generated modules."""

from __future__ import annotations

import ast
import inspect
from typing import Any

import pytest

from codegen.facade import member_model, read_generated_module, readable_alias
from korusticket._generated.operations import OPERATIONS
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("wire", "alias"),
    [
        ("order[createdAt]", "order_created_at"),
        ("createdAt[strictly_before]", "created_at_strictly_before"),
        ("product[]", "product"),
        ("optionValuesContext[]", "option_values_context"),
        ("itemsPerPage", "items_per_page"),
        ("external_reference", "external_reference"),
        ("productBaseId", "product_base_id"),
    ],
)
def test_readable_aliases(wire: str, alias: str) -> None:
    assert readable_alias(wire) == alias


def test_reads_a_generated_module() -> None:
    source = (ROOT / "korusticket_client/api/booking_order/list_orders.py").read_text(encoding="utf-8")
    module = read_generated_module(source)
    assert module.path_arguments == []
    assert module.query_arguments["order[createdAt]"] == "ordercreated_at"
    assert module.query_arguments["createdAt[after]"] == "created_atafter"
    assert module.return_annotation == "Response[BookingOrderCollection | Error | JWTError]"
    assert module.success_model == "BookingOrderCollection"
    assert module.body_model is None
    model = (ROOT / "korusticket_client/models/booking_order_collection.py").read_text(encoding="utf-8")
    assert member_model(model, "BookingOrderCollection") == "BookingOrder"


def test_the_table_covers_every_operation_with_every_parameter(prepared_spec: dict[str, object]) -> None:
    assert len(OPERATIONS) == 29
    create_orders = next(operation for operation in OPERATIONS if operation.name == "create_orders")
    assert (create_orders.method, create_orders.path, create_orders.body_model) == (
        "POST",
        "/v1/booking/orders/_bulk",
        "CreateOrdersInput",
    )
    offers = next(operation for operation in OPERATIONS if operation.name == "list_offers")
    assert offers.is_paginated
    assert offers.member_model == "TicketingOffer"
    assert {p.alias for p in offers.parameters} >= {"catalog_id", "date", "date_after", "product", "session"}
    documents = next(operation for operation in OPERATIONS if operation.name == "list_order_documents")
    assert documents.is_collection
    assert not documents.is_paginated


@pytest.mark.parametrize("wire", ["timeout", "maxRetries", "language"])
def test_a_query_parameter_named_like_a_per_call_option_stops_generation(wire: str) -> None:
    from codegen.facade import collect
    from codegen.prepare import prepare
    from codegen.specfile import load_spec

    spec, _ = prepare(load_spec(ROOT / "openapi.yaml"))
    operation = spec["paths"]["/v1/ticketing/catalogs/{catalogId}/offers"]["get"]
    operation["parameters"].append({"name": wire, "in": "query", "schema": {"type": "string"}})
    with pytest.raises(ValueError, match=rf"^list_offers: query parameter '{wire}' would clash with the keyword"):
        collect(spec, ROOT / "korusticket_client")


def test_the_generated_per_call_options_are_those_of_call_options() -> None:
    import dataclasses

    from codegen.facade import OPTION_TYPES
    from korusticket import CallOptions

    assert list(OPTION_TYPES) == [field.name for field in dataclasses.fields(CallOptions)]


def test_body_fields_cover_every_model_a_body_can_hold() -> None:
    """The facade refuses unknown keys in the models listed in BODY_FIELDS: each body model, and every model
    nested in one, must be there, with its attributes and the keys its `from_dict` reads."""
    import inspect
    import re
    import typing

    import attrs

    import korusticket_client.models as models
    import korusticket_client.types as types
    from korusticket._generated.bodies import BODY_FIELDS

    bodies = {operation.body_model for operation in OPERATIONS if operation.body_model}
    assert bodies <= set(BODY_FIELDS)
    for name, fields in BODY_FIELDS.items():
        model = getattr(models, name)
        attributes = [field.name for field in attrs.fields(model) if field.name != "additional_properties"]
        assert list(fields) == attributes, name
        assert list(fields.values()) == re.findall(r'd\.pop\("([^"]+)"', inspect.getsource(model.from_dict)), name
        every_model = {name: getattr(models, name) for name in models.__all__}  # loaded on first use
        hints = typing.get_type_hints(model, {**vars(types), **every_model})
        nested = {
            kind.__name__
            for attribute in attributes
            for kind in [hints[attribute], *typing.get_args(hints[attribute])]
            for kind in [kind, *typing.get_args(kind)]
            if attrs.has(kind)
        }
        assert nested <= set(BODY_FIELDS), (name, nested - set(BODY_FIELDS))


def test_an_operation_the_generator_did_not_emit_is_named_not_a_crash(tmp_path: Any, capsys: Any) -> None:
    from codegen.__main__ import main
    from codegen.facade import MissingOperationsError, collect
    from codegen.prepare import prepare
    from codegen.specfile import dump_spec, load_spec

    spec, _ = prepare(load_spec(ROOT / "openapi.yaml"))
    cancel = {"operationId": "cancel_order", "tags": ["BookingOrder"], "x-vendor-operation-id": "api_cancel"}
    spec["paths"]["/v1/booking/orders/{id}/cancel"] = {"post": {**cancel, "responses": {"200": {"description": "ok"}}}}
    spec["paths"]["/v1/ping"] = {"get": {"operationId": "ping", "responses": {"200": {"description": "ok"}}}}
    with pytest.raises(MissingOperationsError) as raised:
        collect(spec, ROOT / "korusticket_client")
    assert raised.value.missing == [
        "POST /v1/booking/orders/{id}/cancel (api_cancel): no api/booking_order/cancel_order.py",
        "GET /v1/ping (ping): no api/default/ping.py",
    ]
    prepared = tmp_path / "prepared.yaml"
    dump_spec(spec, prepared)
    assert main(["facade", str(prepared), str(ROOT / "korusticket_client"), str(tmp_path / "out")]) == 1
    error = capsys.readouterr().err
    assert error.startswith("codegen facade: 2 operation(s) of the spec have no generated module in ")
    assert "--fail-on-warning" in error
    assert not (tmp_path / "out").exists()


GENERATED = ROOT / "hand_written" / "korusticket" / "_generated"


def test_generated_code_declares_and_hand_written_code_behaves() -> None:
    """The generated signatures hold no behaviour: every method in `typed.py` is an overload stub, every function
    returns the method it types; `call`, `get` and `paginate` run what `client.py` says."""
    tree = ast.parse((GENERATED / "typed.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for member in node.body:
                if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef):
                    assert ast.unparse(member.body[-1]) == "...", (node.name, member.name)  # a declaration
                    if member.name == "__call__":
                        assert [ast.unparse(d) for d in member.decorator_list] == ["overload"], node.name
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert functions
    assert all(ast.unparse(function.body[-1]) == "return method" for function in functions)
    from korusticket import AsyncKorusTicket, KorusTicket

    for method in (KorusTicket.call, KorusTicket.get, KorusTicket.paginate, AsyncKorusTicket.call):
        assert inspect.getsourcefile(method).endswith("korusticket/client.py")  # type: ignore[union-attr]
        assert method.__doc__


def test_every_generated_file_says_it_is_generated() -> None:
    for path in GENERATED.glob("*.py"):
        if path.name == "__init__.py":
            continue
        assert "Generated by `make generate` (hand_written/codegen/facade.py)" in path.read_text(encoding="utf-8")[:800]


def test_every_generated_decorator_returns_its_method_as_the_clients_assume() -> None:
    """The clients skip executing `_generated/typed.py` at run time (`RunTimeDecorators`): that holds only while
    each of its decorators returns the method it is given, unchanged."""
    from korusticket import AsyncKorusTicket, KorusTicket
    from korusticket._generated import typed
    from korusticket._signatures import RunTimeDecorators, as_written

    decorators = {
        name: value
        for name, value in vars(typed).items()
        if inspect.isfunction(value) and name.startswith(("sync_", "async_"))
    }
    assert len(decorators) == 8

    def method(self: object) -> None: ...

    for name, decorator in decorators.items():
        assert decorator(method) is method, name
        assert getattr(RunTimeDecorators(), name) is as_written
    assert KorusTicket.call.__qualname__ == "KorusTicket.call"
    assert AsyncKorusTicket.paginate.__qualname__ == "AsyncKorusTicket.paginate"
