"""Nothing of openapi.yaml is missing from korusticket_client: every operation, response and schema."""

from __future__ import annotations

import importlib
import inspect
import re
from typing import Any

import pytest
import yaml
from openapi_python_client.strings import ClassName

import korusticket_client.models as models
from codegen.prepare import operations
from tests.conftest import ROOT

CONFIG = yaml.safe_load((ROOT / "generator-config.yaml").read_text(encoding="utf-8"))


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def generated_module(operation: dict[str, Any]) -> Any:
    return importlib.import_module(f"korusticket_client.api.{snake(operation['tags'][0])}.{operation['operationId']}")


def test_every_operation_has_its_four_entry_points(prepared_spec: dict[str, Any]) -> None:
    count = 0
    for _, _, operation in operations(prepared_spec):
        module = generated_module(operation)
        for entry_point in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
            assert callable(getattr(module, entry_point)), (operation["operationId"], entry_point)
        count += 1
    assert count == 29


def test_every_documented_response_is_parsed(prepared_spec: dict[str, Any]) -> None:
    for path, method, operation in operations(prepared_spec):
        source = inspect.getsource(generated_module(operation)._parse_response)
        for status in operation["responses"]:
            assert f"response.status_code == {status}:" in source, (method, path, status)
        assert "-> Any" not in inspect.getsource(generated_module(operation).sync_detailed)


def test_every_path_and_query_parameter_is_an_argument(prepared_spec: dict[str, Any]) -> None:
    for path, method, operation in operations(prepared_spec):
        source = inspect.getsource(generated_module(operation)._get_kwargs)
        for parameter in operation["parameters"]:
            if parameter["in"] == "query":
                assert f'params["{parameter["name"]}"]' in source, (method, path, parameter["name"])
            else:
                assert "{" + snake(parameter["name"]) + "}" in source, (method, path, parameter["name"])


def expected_class_name(schema_name: str) -> str:
    default = str(ClassName(schema_name, "field_"))
    return CONFIG["class_overrides"].get(default, {}).get("class_name", default)


def test_every_component_schema_is_a_model(prepared_spec: dict[str, Any]) -> None:
    for schema_name in prepared_spec["components"]["schemas"]:
        assert hasattr(models, expected_class_name(schema_name)), schema_name


def test_every_class_override_is_used() -> None:
    for original, override in CONFIG["class_overrides"].items():
        assert hasattr(models, override["class_name"]), original
        module = importlib.import_module(f"korusticket_client.models.{override['module_name']}")
        assert hasattr(module, override["class_name"]), original


@pytest.mark.parametrize("name", sorted(models.__all__))
def test_model_names_are_readable(name: str) -> None:
    assert not re.search(r"Jsonld|V1|Response\d{3}|Type\d|sItem$", name), name
