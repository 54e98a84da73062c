"""What the facade knows about each generated operation, and the checks it runs before a request.

`korusticket._generated.operations` holds one `Operation` per endpoint of openapi.yaml; `make generate`
writes it from the prepared spec and the generated client, so a spec bump updates it with the client.
"""

from __future__ import annotations

import datetime
import difflib
import importlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType
from typing import Any, Literal, TypeGuard

from korusticket.errors import InvalidRequestError

ANY_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$")
"""The identifier pattern `codegen.prepare.accept_any_uuid` gives every id parameter."""
UUID_EXAMPLE = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e"
CALENDAR_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Parameter:
    """A path or query parameter of an operation."""

    wire: str
    """Its name in the URL: `order[createdAt]`."""
    python: str
    """The generated function's argument: `ordercreated_at`."""
    alias: str
    """The readable keyword the facade accepts too: `order_created_at`."""
    location: Literal["path", "query"]
    required: bool
    schema: Mapping[str, Any] = field(default_factory=dict)
    verified: bool = True
    """False for a filter no reference page lists (`x-unverified`): the server may ignore it."""

    @property
    def is_array(self) -> bool:
        return self.schema.get("type") == "array"

    def check(self, value: Any) -> Any:
        """The value to pass to the generated function, or a ValueError naming this parameter."""
        is_date = isinstance(value, datetime.datetime | datetime.date)
        if is_date and self.schema.get("type") == "string" and self.schema.get("format") != "date":
            value = value.isoformat()
        if self.is_array:
            values = [value] if isinstance(value, str) else list(value)
            items = self.schema.get("items", {})
            return [_check_scalar(self.alias, item, items) for item in values]
        return _check_scalar(self.alias, value, self.schema)


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known name a misspelt one most likely meant: the same letters without underscores or case first
    (`date_of_birth` -> `dateOfBirth`), else the nearest one difflib finds."""
    names = sorted(known)
    flat = name.replace("_", "").lower()
    same = [candidate for candidate in names if candidate.lower() == flat]
    near = same or difflib.get_close_matches(name, names, n=1) or difflib.get_close_matches(flat, names, n=1)
    return near[0] if near else None


def is_integer(value: Any) -> TypeGuard[int]:
    """An int that is not a bool (`prefetch=True` is a mistake, not 1)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _check_scalar(name: str, value: Any, schema: Mapping[str, Any]) -> Any:
    kind = schema.get("type")
    if kind == "integer" and not is_integer(value):
        raise InvalidRequestError(f"{name}: expected an integer, got {_shown(value)}")
    if kind == "boolean" and not isinstance(value, bool):
        raise InvalidRequestError(f"{name}: expected True or False, got {_shown(value)}")
    if kind == "string":
        if schema.get("format") == "date":
            if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
                try:
                    value = datetime.date.fromisoformat(str(value))
                except ValueError:
                    raise InvalidRequestError(f"{name}: expected a date (YYYY-MM-DD), got {_shown(value)}") from None
            return value
        if not isinstance(value, str):
            raise InvalidRequestError(f"{name}: expected a string, got {_shown(value)}")
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(repr(choice) for choice in schema["enum"])
        raise InvalidRequestError(f"{name}: expected one of {allowed}, got {_shown(value)}")
    if "minimum" in schema and value < schema["minimum"]:
        raise InvalidRequestError(f"{name}: expected at least {schema['minimum']}, got {_shown(value)}")
    if "maximum" in schema and value > schema["maximum"]:
        raise InvalidRequestError(f"{name}: expected at most {schema['maximum']}, got {_shown(value)}")
    pattern = schema.get("pattern")
    if pattern is not None and isinstance(value, str):
        if pattern == ANY_UUID.pattern:
            if not ANY_UUID.fullmatch(value):
                hint = " (an IRI is not an id: use kt.get(iri) or korusticket.iri.parse)" if "/" in value else ""
                raise InvalidRequestError(f"{name}: expected a UUID like {UUID_EXAMPLE}, got {_shown(value)}{hint}")
        # Stricter than JSON Schema's search: the value must start with what the pattern describes.
        elif not re.match(pattern, value):
            raise InvalidRequestError(f"{name}: expected a value matching {pattern!r}, got {_shown(value)}")
        elif CALENDAR_DAY.match(value):
            _check_calendar_day(name, value)
    return value


def _check_calendar_day(name: str, value: str) -> None:
    """A date filter's value must be a real day (or instant): the server cannot compare with 2025-02-31."""
    try:
        if len(value) == 10:
            datetime.date.fromisoformat(value)
        else:
            datetime.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidRequestError(
            f"{name}: expected a real day (YYYY-MM-DD) or ISO 8601 instant, got {_shown(value)}"
        ) from None


def _shown(value: Any, limit: int = 80) -> str:
    """A value for an error message: long input is cut, never echoed whole."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


@dataclass(frozen=True)
class Operation:
    """One endpoint: where it is, its generated module, its parameters, what it returns."""

    name: str
    module_name: str
    method: str
    path: str
    vendor_id: str
    tag: str
    parameters: tuple[Parameter, ...]
    body_model: str | None
    success_model: str | None
    member_model: str | None
    """For Hydra collections: the class of `member` items."""

    def __repr__(self) -> str:
        return f"Operation({self.name!r}: {self.method} {self.path})"

    @property
    def is_collection(self) -> bool:
        return self.member_model is not None

    @property
    def is_paginated(self) -> bool:
        return self.is_collection and {"page", "itemsPerPage"} <= {p.wire for p in self.parameters}

    @cached_property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")

    @cached_property
    def by_keyword(self) -> dict[str, Parameter]:
        """Every keyword the facade accepts for this operation: readable aliases and generated names."""
        keywords: dict[str, Parameter] = {}
        for parameter in self.parameters:
            keywords[parameter.python] = parameter
            keywords[parameter.alias] = parameter
        return keywords

    @cached_property
    def path_pattern(self) -> re.Pattern[str]:
        """Matches this operation's path; groups are named after the generated arguments."""
        pattern = re.escape(self.path)
        for parameter in self.path_parameters:
            pattern = pattern.replace(re.escape("{" + parameter.wire + "}"), f"(?P<{parameter.python}>[^/]+)")
        return re.compile(pattern)

    @property
    def literal_length(self) -> int:
        """How much fixed text the path has: match longer ones first, so /offers/{id}/price is not /offers/{id}."""
        return len(re.sub(r"{\w+}", "", self.path))

    @cached_property
    def success_class(self) -> Any:
        """The generated model of a success body, or None when the operation documents none."""
        if self.success_model is None:
            return None
        import korusticket_client.models as models

        return getattr(models, self.success_model)

    def module(self) -> ModuleType:
        return importlib.import_module(self.module_name)

    def arguments(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """Turn the caller's keywords into the generated function's, checking each value.

        Query parameters the caller leaves out are not sent (the generated functions would send
        their spec defaults, e.g. `page=1&itemsPerPage=10`).
        """
        from korusticket_client.types import UNSET

        arguments: dict[str, Any] = {}
        for keyword, value in given.items():
            if keyword == "body":
                arguments["body"] = value
                continue
            parameter = self.by_keyword.get(keyword)
            if parameter is None:
                accepted = sorted({p.alias for p in self.parameters} | ({"body"} if self.body_model else set()))
                raise TypeError(
                    f"{self.name}() got an unexpected keyword {keyword!r}; it accepts: {', '.join(accepted)}"
                )
            if parameter.python in arguments:
                raise TypeError(f"{self.name}(): {parameter.alias!r} was given twice")
            if value is None:
                if parameter.required:
                    raise InvalidRequestError(f"{parameter.alias}: required by {self.name}(), got None")
                continue
            arguments[parameter.python] = parameter.check(value)
        for parameter in self.parameters:
            if parameter.python in arguments:
                continue
            if parameter.required:
                raise TypeError(f"{self.name}() is missing the required argument {parameter.alias!r}")
            arguments[parameter.python] = UNSET
        if self.body_model and "body" not in arguments:
            raise TypeError(f"{self.name}() is missing the required argument 'body' ({self.body_model})")
        return arguments

    def unverified_filters(self, arguments: Mapping[str, Any]) -> dict[str, Any]:
        """The unverified query filters among the generated function's `arguments`, by member field name."""
        from korusticket_client.types import Unset

        return {
            parameter.python: arguments[parameter.python]
            for parameter in self.parameters
            if not parameter.verified
            and parameter.location == "query"
            and not isinstance(arguments.get(parameter.python), Unset | None)
        }

    def url_path(self, arguments: Mapping[str, Any]) -> str:
        path = self.path
        for parameter in self.path_parameters:
            path = path.replace("{" + parameter.wire + "}", str(arguments[parameter.python]))
        return path
