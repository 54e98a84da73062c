"""One API request as the handlers read it (`Call`), and the checks API Platform makes before any handler runs."""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar
from urllib.parse import parse_qs

import httpx

from korusticket._operation import Operation, Parameter
from korusticket.testing.render.collection import collection
from korusticket.testing.render.common import Json
from korusticket.testing.violations import refused

T = TypeVar("T")
RANGE_FILTERS: tuple[tuple[str, Callable[[Any, Any], bool]], ...] = (
    ("after", operator.ge),
    ("strictly_after", operator.gt),
    ("before", operator.le),
    ("strictly_before", operator.lt),
)
"""API Platform's date filter: `x[after]` keeps x >= value, and so on."""

JSON_BODY = ("application/ld+json", "application/json")
MERGE_PATCH = ("application/merge-patch+json",)


@dataclass
class Call:
    """One API request being handled: its operation, path and query parameters, language and time."""

    request: httpx.Request
    operation: Operation
    path: dict[str, str]
    query: dict[str, list[str]]
    language: str
    now: datetime

    @classmethod
    def of(cls, request: httpx.Request, operation: Operation, now: datetime) -> Call:
        """Parse a routed request; a path value the spec's pattern refuses is a 404, a bad query value a 400."""
        call = cls(
            request=request,
            operation=operation,
            path=path_parameters(operation, request.url.path),
            query=parse_qs(request.url.query.decode(), keep_blank_values=True),
            language=language(request.headers.get("accept-language")),
            now=now,
        )
        check_query(call)
        return call

    def one(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def collection(self, members: Sequence[T], render_one: Callable[[T], Json]) -> Json:
        """The Hydra collection of `members` this request asks for (its page, with links)."""
        return collection(self.operation, self.request.url.path, self.query, members, render_one)

    def body(self, media_types: tuple[str, ...]) -> Any:
        content_type = self.request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if content_type not in media_types:
            supported = ", ".join(media_types)
            raise refused(
                415, f'The content-type "{content_type}" is not supported. Supported MIME types are "{supported}".'
            )
        try:
            return json.loads(self.request.content or b"null")
        except ValueError:
            raise refused(400, "Syntax error") from None

    def requested_language(self) -> str | None:
        """The language the client asked for, or None when it sent no `Accept-Language`."""
        return (
            language(self.request.headers.get("accept-language"))
            if self.request.headers.get("accept-language")
            else None
        )


def language(header: str | None) -> str:
    """The first of French and English in an `Accept-Language` header (French when neither)."""
    for part in (header or "").split(","):
        tag = part.split(";", 1)[0].strip().lower()[:2]
        if tag in ("fr", "en"):
            return tag
    return "fr"


def path_parameters(operation: Operation, path: str) -> dict[str, str]:
    match = operation.path_pattern.fullmatch(path)
    assert match is not None  # noqa: S101 - routed by this pattern
    values = {}
    for parameter in operation.path_parameters:
        value = match.group(parameter.python)
        pattern = parameter.schema.get("pattern")
        allowed = parameter.schema.get("enum")
        if (pattern and not re.fullmatch(pattern, value)) or (allowed and value not in allowed):
            raise refused(404, f'No route found for "{operation.method} {path}"', "Not Found")
        values[parameter.wire] = value
    return values


def check_query(call: Call) -> None:
    declared = {parameter.wire: parameter for parameter in call.operation.parameters if parameter.location == "query"}
    for name, values in call.query.items():
        parameter = declared.get(name)
        if parameter is None:
            continue  # unknown query parameters are ignored, as API Platform does
        for value in values:
            problem = query_problem(parameter, value)
            if problem:
                raise refused(400, f'Query parameter "{name}" {problem}')


def query_problem(parameter: Parameter, value: str) -> str | None:
    """What is wrong with one query value for its declared schema, or None."""
    schema = parameter.schema.get("items", {}) if parameter.is_array else parameter.schema
    kind = schema.get("type")
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            return "must be an integer"
        number = int(value)
        if "minimum" in schema and number < schema["minimum"]:
            return f"must be greater than or equal to {schema['minimum']}"
        if "maximum" in schema and number > schema["maximum"]:
            return f"must be less than or equal to {schema['maximum']}"
        if parameter.wire == "page" and number < 1:
            return "must be greater than or equal to 1"
        return None
    if kind == "boolean":
        return None if value in ("true", "false", "1", "0") else "must be a boolean (true or false)"
    if "enum" in schema and value not in schema["enum"]:
        return "must be one of " + ", ".join(f'"{choice}"' for choice in schema["enum"])
    if schema.get("format") == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return "must be a date (YYYY-MM-DD)"
    pattern = schema.get("pattern")
    if pattern and not re.match(pattern, value):
        return f'must match pattern "{pattern}"'
    if pattern and re.match(r"\d{4}-\d{2}-\d{2}", value):
        try:
            instant(value)
        except ValueError:
            return "must be a valid date"
    return None


def instant(value: str) -> datetime:
    """A date filter's value as an aware datetime (midnight UTC for a bare date)."""
    parsed = (
        datetime.fromisoformat(value) if "T" in value or " " in value else datetime.fromisoformat(value + "T00:00:00")
    )
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def last_segment(value: str) -> str:
    """An id given as itself or as an IRI."""
    return value.rstrip("/").rsplit("/", 1)[-1]
