"""Small specs in the shapes API Platform really exports (tests/codegen/specs/), each through `make generate`'s
three steps: prepare, openapi-python-client with --fail-on-warning, and the facade step. Every operation must
come out generated, under a readable name, and collections in either Hydra spelling must page."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from codegen.prepare import operations
from codegen.specfile import load_spec
from korusticket._operation import Operation
from korusticket.errors import ArgumentTypeError, InvalidRequestError
from korusticket.pagination import page_from_collection
from tests.codegen.pipeline import Generated, generate

SPECS = Path(__file__).parent / "specs"

EXPECTED_NAMES = {
    "apip3_yaml_export.yaml": {
        "list_users",
        "create_user",
        "get_user",
        "update_user",
        "delete_user",
        "activate_user",
    },
    "apip_unknown_type.yaml": {"get_book"},
    "apip_optional_path_parameter.yaml": {"list_books", "create_book", "get_book"},
    "apip_array_without_items.yaml": {"get_product", "update_product"},
    "apip_untagged_operations.yaml": {"get_user", "activate_user", "get_statistics"},
    "apip_path_characters.yaml": {
        "list_user_groups",
        "get_user_group",
        "reset_password_user_group",
        "get_password_policy",
    },
    "apip_hydra_spellings.yaml": {"list_authors", "list_books"},
    "apip_optional_request_body.yaml": {"create_media_object", "update_media_object"},
    "apip_component_references.yaml": {"list_books"},
    "apip_header_parameter.yaml": {"get_book"},
    "apip_actions_without_models.yaml": {"publish_book"},
    "apip4_with_fastapi.json": {
        "list_books",
        "create_book",
        "get_book",
        "update_book",
        "delete_book",
        "list_items",
        "create_item",
        "replace_item",
        "get_healthz",
    },
}


def package_name(spec_file: str) -> str:
    return "fixture_" + Path(spec_file).stem


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Generated]:
    """Each spec is generated once for all the tests of this module (a generation takes seconds)."""
    done: dict[str, Generated] = {}

    def get(spec_file: str) -> Generated:
        if spec_file not in done:
            directory = tmp_path_factory.mktemp(Path(spec_file).stem)
            done[spec_file] = generate(SPECS / spec_file, directory, package_name(spec_file))
        return done[spec_file]

    return get


@pytest.fixture(params=sorted(EXPECTED_NAMES))
def generated(request: pytest.FixtureRequest, generated_once: Callable[[str], Generated]) -> tuple[str, Generated]:
    return request.param, generated_once(request.param)


def facade_operations(result: Generated) -> tuple[Operation, ...]:
    namespace: dict[str, Any] = {}
    exec(compile((result.facade / "operations.py").read_text(), "operations.py", "exec"), namespace)  # noqa: S102
    found: tuple[Operation, ...] = namespace["OPERATIONS"]
    return found


def test_the_corpus_has_one_spec_per_shape() -> None:
    assert sorted(path.name for path in SPECS.iterdir()) == sorted(EXPECTED_NAMES)


def test_every_operation_is_generated_under_a_readable_name(generated: tuple[str, Generated]) -> None:
    spec_file, result = generated
    vendor = load_spec(SPECS / spec_file)
    vendor_operations = {(method.upper(), path) for path, method, _ in operations(vendor)}
    table = facade_operations(result)
    assert {(operation.method, operation.path) for operation in table} == vendor_operations
    assert {operation.name for operation in table} == EXPECTED_NAMES[spec_file]
    for operation in table:
        module = operation.module_name.split(".")
        assert module[0] == package_name(spec_file)
        assert (result.package / "/".join(module[1:])).with_suffix(".py").is_file(), operation
    for name in ("typed.py", "bodies.py", "iri_builders.py", "ops.py"):
        ast.parse((result.facade / name).read_text(encoding="utf-8"))


def test_every_path_parameter_is_a_required_argument(generated: tuple[str, Generated]) -> None:
    _, result = generated
    for operation in facade_operations(result):
        assert [p.wire for p in operation.path_parameters] == [
            part[1:-1] for part in operation.path.split("/") if part.startswith("{")
        ]
        assert all(p.required for p in operation.path_parameters), operation


def test_fields_of_unknown_type_and_arrays_without_items_stay_in_their_models(
    generated: tuple[str, Generated],
) -> None:
    spec_file, result = generated
    expected = {
        "apip_unknown_type.yaml": ("book.py", ["payload", "previous_edition", "attachments", "settings"]),
        "apip_array_without_items.yaml": ("product.py", ["tags", "dimensions", "pricing"]),
    }
    if spec_file not in expected:
        return
    module, fields = expected[spec_file]
    source = (result.package / "models" / module).read_text(encoding="utf-8")
    for field in fields:
        assert f"\n    {field}: " in source, (module, field)


PAGES = {
    # API Platform 3.x spelling, and 4.x spelling; each page promises a total and maybe a next page.
    "list_authors": (
        {"hydra:member": [{"name": "Ada"}], "hydra:totalItems": 3, "hydra:view": {"hydra:next": "/authors?page=2"}},
        3,
        2,
    ),
    "list_books": ({"member": [{"title": "Dune"}], "totalItems": 1, "view": {"next": None}}, 1, None),
}


def test_collections_page_in_both_hydra_spellings(
    generated_once: Callable[[str], Generated], monkeypatch: pytest.MonkeyPatch
) -> None:
    spec_file = "apip_hydra_spellings.yaml"
    result = generated_once(spec_file)
    monkeypatch.syspath_prepend(str(result.package.parent))
    models = importlib.import_module(f"{package_name(spec_file)}.models")
    for operation in facade_operations(result):
        body, total, next_page = PAGES[operation.name]
        assert operation.is_paginated, operation
        collection = getattr(models, str(operation.success_model)).from_dict(body)
        page = page_from_collection(collection, 1)
        member_class = getattr(models, str(operation.member_model))
        sent = body.get("member", body.get("hydra:member"))
        assert [(type(item), item.to_dict()) for item in page.items] == [(member_class, item) for item in sent]
        assert (page.total_items, page.next_page) == (total, next_page)


def fixture_operation(result: Generated, name: str) -> Operation:
    return next(operation for operation in facade_operations(result) if operation.name == name)


def test_an_optional_request_body_may_be_left_out(generated_once: Callable[[str], Generated]) -> None:
    result = generated_once("apip_optional_request_body.yaml")
    upload, update = (fixture_operation(result, name) for name in ("create_media_object", "update_media_object"))
    assert (upload.body_model, upload.body_required) == ("CreateMediaObjectBody", False)
    assert (update.body_model, update.body_required) == ("MediaObjectWrite", False)
    assert "body" not in update.arguments({"id": "m1"})
    assert "body" not in update.arguments({"id": "m1", "body": None})
    assert update.arguments({"id": "m1", "body": {"caption": "Dune"}})["body"] == {"caption": "Dune"}
    typed = (result.facade / "typed.py").read_text(encoding="utf-8")
    assert "body: MediaObjectWrite | MediaObjectWriteDict | None = None" in typed


def test_body_is_refused_by_an_operation_that_takes_none(generated_once: Callable[[str], Generated]) -> None:
    publish = fixture_operation(generated_once("apip_actions_without_models.yaml"), "publish_book")
    with pytest.raises(
        ArgumentTypeError, match=r"body: publish_book\(\) got an unexpected keyword 'body'; it accepts: id"
    ):
        publish.arguments({"id": "b1", "body": {}})


def test_parameters_given_by_reference_or_for_the_whole_path_are_the_operations(
    generated_once: Callable[[str], Generated],
) -> None:
    result = generated_once("apip_component_references.yaml")
    books = fixture_operation(result, "list_books")
    assert [(p.wire, p.location, p.schema.get("type")) for p in books.parameters] == [
        ("locale", "query", "string"),
        ("page", "query", "integer"),
        ("itemsPerPage", "query", "integer"),
    ]
    assert books.is_paginated
    # The 404's schema is used only through components.responses: it is kept, and generated.
    assert (result.package / "models" / "error.py").is_file()


def test_header_parameters_are_checked_arguments_sent_as_headers(
    generated_once: Callable[[str], Generated], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = generated_once("apip_header_parameter.yaml")
    monkeypatch.syspath_prepend(str(result.package.parent))
    book = fixture_operation(result, "get_book")
    assert [(p.wire, p.alias, p.location, p.required) for p in book.parameters if p.location == "header"] == [
        ("X-Tenant", "x_tenant", "header", True),
        ("X-Revision", "x_revision", "header", False),
        ("X-Preview", "x_preview", "header", False),
    ]
    given = {"id": "b1", "x_tenant": "acme", "x_revision": 3, "x_preview": True}
    sent = book.module()._get_kwargs(**book.arguments(given))
    assert sent["headers"] == {"X-Tenant": "acme", "X-Revision": "3", "X-Preview": "true"}
    with pytest.raises(InvalidRequestError, match=r"^x_preview: expected True or False"):
        book.arguments({**given, "x_preview": "yes"})
    with pytest.raises(ArgumentTypeError, match="x_tenant: get_book\\(\\) is missing the required argument 'x_tenant'"):
        book.arguments({"id": "b1"})
    for bad in ("acme\r\nX-Admin: 1", "caf\u00e9", " acme"):
        with pytest.raises(InvalidRequestError, match=r"^x_tenant: "):
            book.arguments({"id": "b1", "x_tenant": bad})
    with pytest.raises(InvalidRequestError, match=r"^x_revision: expected an integer"):
        book.arguments({"id": "b1", "x_tenant": "acme", "x_revision": "3"})
