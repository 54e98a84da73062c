"""What the facade knows about each generated operation, and the checks it runs before a request.

`korusticket._generated.operations` holds one `Operation` per endpoint of openapi.yaml; `make generate`
writes it from the prepared spec and the generated client, so a spec bump updates it with the client.
"""

from __future__ import annotations

import datetime
import difflib
import importlib
import math
import re
import reprlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType
from typing import Any, Literal, TypeGuard

from korusticket.errors import ArgumentTypeError, InvalidRequestError, MissingBodyFieldError

ANY_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$")
"""The identifier pattern `codegen.prepare.accept_any_uuid` gives every id parameter."""
UUID_EXAMPLE = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e"
CALENDAR_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
TEXT_LIMIT = 4000
"""Longest string sent where the spec gives no `maxLength`: a body field or a query value longer than this is a
mistake (a file read into a name), refused before sending rather than sent and stored."""
INTEGER_LIMIT = 2**63 - 1
"""Largest integer the API can hold (its integers are 64-bit): a larger one sent would overflow or be refused."""
COUNT_LIMIT = 2**31 - 1
"""Largest count a setting of the SDK takes (retries, connections, pages ahead, bytes): past it, a mistake."""
FIELD_VALUE = re.compile(r"[\x21-\x7e]+(?:[ \t]+[\x21-\x7e]+)*")
"""A header value as h11 sends it (ASCII only here): visible characters with spaces or tabs between them,
none at either end."""
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
"""What a field of `format: email` must look like (the API checks more; this catches what is surely wrong)."""
DEPTH_LIMIT = 32
"""Deepest nesting of lists and dicts a body may have: the API's own bodies are a few levels deep."""
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Characters that reorder the text around them: in a name or a reference they make what is shown differ from
what is stored (a "Trojan Source" reference), so they are refused."""
_SHORT = reprlib.Repr()  # Python 3.11's takes no keywords
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxother, _SHORT.maxlist, _SHORT.maxdict = 3, 60, 60, 4, 4


def refuse_controls(value: str, where: str, *, line_breaks: bool = False) -> None:
    """Refuse control characters (NUL, escapes; line breaks and tabs unless `line_breaks`) and bidi controls."""
    for character in value:
        code = ord(character)
        if (code < 32 or 0x7F <= code < 0xA0) and not (line_breaks and character in "\n\r\t"):
            allowed = "" if line_breaks else " (line breaks, tabs)"
            raise InvalidRequestError(f"{where}: must not contain control characters{allowed}, found {character!r}")
        if character in BIDI_CONTROLS:
            raise InvalidRequestError(
                f"{where}: must not contain bidirectional control characters (U+{code:04X}): they make the "
                "text shown differ from the text stored"
            )


def check_text(
    value: Any,
    where: str,
    *,
    limit: int = TEXT_LIMIT,
    blank: bool = False,
    line_breaks: bool = False,
) -> str:
    """`value` if it is a string of at most `limit` characters, not blank (unless `blank`), without control
    characters (line breaks allowed with `line_breaks`); else an `InvalidRequestError` naming `where`."""
    if not isinstance(value, str):
        raise InvalidRequestError(f"{where}: expected a string, got {_shown(value)}")
    if not blank and not value.strip():
        raise InvalidRequestError(f"{where}: must not be empty or blank, got {_shown(value)}")
    if len(value) > limit:
        raise InvalidRequestError(f"{where}: {len(value)} characters; expected at most {limit}")
    refuse_controls(value, where, line_breaks=line_breaks)
    return value


@dataclass(frozen=True)
class Parameter:
    """A path or query parameter of an operation."""

    wire: str
    """Its name in the URL: `order[createdAt]`."""
    python: str
    """The generated function's argument: `ordercreated_at`."""
    alias: str
    """The readable keyword the facade accepts too: `order_created_at`."""
    location: Literal["path", "query", "header"]
    required: bool
    schema: Mapping[str, Any] = field(default_factory=dict)
    verified: bool = True
    """False for a filter no reference page lists (`x-unverified`): the server may ignore it."""

    @property
    def is_array(self) -> bool:
        return self.schema.get("type") == "array"

    @cached_property
    def takes_any_uuid(self) -> bool:
        """A string parameter whose only rule is the UUID pattern: `check` takes a matching string as it is."""
        schema = self.schema
        described = schema.keys() <= {"type", "pattern", "description", "example"}  # any other key may be a rule
        return described and schema.get("type") == "string" and schema.get("pattern") == ANY_UUID.pattern

    def check(self, value: Any) -> Any:
        """The value to pass to the generated function, or a ValueError naming this parameter."""
        if value.__class__ is str and self.takes_any_uuid and ANY_UUID.fullmatch(value):
            return value  # what the checks below return for an id, without walking them (each IRI runs this)
        is_date = isinstance(value, datetime.datetime | datetime.date)
        if is_date and self.schema.get("type") == "string" and self.schema.get("format") != "date":
            written = value.isoformat()
            if re.match(self.schema.get("pattern", "(?!)"), written):  # a date filter: the day or instant it takes
                value = written
        if self.location == "header":
            return _check_header_value(self.alias, _check_scalar(self.alias, value, self.schema))
        if self.is_array:
            if not isinstance(value, str | list | tuple | set | frozenset):
                raise InvalidRequestError(f"{self.alias}: expected a string or a list of them, got {_shown(value)}")
            values = [value] if isinstance(value, str) else list(value)
            items = self.schema.get("items", {})
            return [_check_scalar(self.alias, item, items) for item in values]
        return _check_scalar(self.alias, value, self.schema)


def _check_header_value(name: str, value: Any) -> Any:
    """A header parameter's value once its schema's checks passed: what HTTP can carry in a header field."""
    written = str(value)
    if written and not FIELD_VALUE.fullmatch(written):
        raise InvalidRequestError(
            f"{name}: a header value must be visible ASCII characters (spaces inside only), got {_shown(written)}"
        )
    return value


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


def is_count(value: Any, minimum: int = 0) -> TypeGuard[int]:
    """An integer from `minimum` to `COUNT_LIMIT` (a setting of the SDK: retries, connections, pages)."""
    return is_integer(value) and minimum <= value <= COUNT_LIMIT


def check_count(value: Any, where: str, minimum: int = 0) -> int:
    """`value` if `is_count`, else an `InvalidRequestError` naming `where`."""
    if not is_count(value, minimum):
        raise InvalidRequestError(f"{where}: expected an integer from {minimum} to {COUNT_LIMIT}, got {_shown(value)}")
    return value


def _check_integer(name: str, value: int) -> None:
    if not -INTEGER_LIMIT <= value <= INTEGER_LIMIT:
        raise InvalidRequestError(f"{name}: {_shown(value)} is out of the API's 64-bit integer range")


def _check_scalar(name: str, value: Any, schema: Mapping[str, Any]) -> Any:
    kind = schema.get("type")
    if kind == "integer":
        if not is_integer(value):
            raise InvalidRequestError(f"{name}: expected an integer, got {_shown(value)}")
        _check_integer(name, value)
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
        if "enum" not in schema and schema.get("pattern") != ANY_UUID.pattern:  # those say exactly what is allowed
            check_text(value, name, limit=schema.get("maxLength", TEXT_LIMIT), blank="pattern" in schema)
        if len(value) < schema.get("minLength", 0):
            shortest = schema["minLength"]
            raise InvalidRequestError(f"{name}: expected at least {shortest} characters, got {_shown(value)}")
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
    """A value for an error message: long input is cut, never echoed whole; a deep one is abbreviated."""
    if isinstance(value, str | bytes):
        text = repr(value[: limit + 1])
        if len(value) <= limit:
            return text
        return f"{text[:limit]}... ({len(value)} characters)"
    if isinstance(value, list | tuple | dict | set | frozenset):
        return _SHORT.repr(value)
    try:
        text = repr(value)
    except Exception:  # a value whose repr fails is still named by its type
        return f"a {type(value).__name__}"
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def check_body(value: Any, model: str, where: str = "body") -> None:
    """Check a request body (a dict) against its model's rules (`BODY_RULES`, written from openapi.yaml by
    `make generate`): each field's type, length, enum, range and nested models, plus no control characters
    and no non-finite numbers anywhere. An `InvalidRequestError` names the field (`body.customer.firstname`)."""
    from korusticket._generated.bodies import BODY_RULES

    rules: dict[str, dict[str, Any]] = BODY_RULES.get(model) or {}
    if not isinstance(value, Mapping):
        raise InvalidRequestError(f"{where}: expected a dict or a {model}, got {_shown(value)}")
    for key, rule in rules.items():
        if rule.get("required") and key not in value:
            raise MissingBodyFieldError(
                f"{where}: missing required field {key!r} for {model}", field=key, model=model, argument=where
            )
    for key, item in value.items():
        if not isinstance(key, str):
            raise InvalidRequestError(f"{where}: expected field names (strings), got {_shown(key)}")
        if key in rules:
            _check_field(item, rules[key], f"{where}.{key}", 1)
        else:
            check_json(item, f"{where}.{key}")


def _kinds(rule: Mapping[str, Any]) -> list[str]:
    kinds = rule.get("type")
    return kinds if isinstance(kinds, list) else [kinds] if isinstance(kinds, str) else []


def _check_field(value: Any, rule: Mapping[str, Any], where: str, depth: int) -> None:
    kinds = _kinds(rule)
    if value is None:
        if kinds and "null" not in kinds:
            raise InvalidRequestError(f"{where}: expected {_expected(kinds)}, got None")
        return
    kind = next((k for k in kinds if k != "null" and _is_kind(value, k)), None)
    if kinds and kind is None:
        raise InvalidRequestError(f"{where}: expected {_expected(kinds)}, got {_shown(value)}")
    if "enum" in rule and value not in rule["enum"]:
        allowed = ", ".join(repr(choice) for choice in rule["enum"])
        raise InvalidRequestError(f"{where}: expected one of {allowed}, got {_shown(value)}")
    if isinstance(value, str):
        free = not any(key in rule for key in ("format", "pattern", "enum", "maxLength"))
        formatted = "format" in rule or rule.get("minLength", 0) >= 1
        check_text(value, where, limit=rule.get("maxLength", TEXT_LIMIT), blank=not formatted, line_breaks=free)
        if len(value) < rule.get("minLength", 0):
            raise InvalidRequestError(f"{where}: expected at least {rule['minLength']} characters, got {_shown(value)}")
        _check_format(value, rule.get("format"), where)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise InvalidRequestError(f"{where}: expected a finite number, got {_shown(value)}")
        if isinstance(value, int):
            _check_integer(where, value)
        if "minimum" in rule and value < rule["minimum"]:
            raise InvalidRequestError(f"{where}: expected at least {rule['minimum']}, got {_shown(value)}")
        if "maximum" in rule and value > rule["maximum"]:
            raise InvalidRequestError(f"{where}: expected at most {rule['maximum']}, got {_shown(value)}")
    elif isinstance(value, list | tuple):
        if len(value) < rule.get("minItems", 0):
            raise InvalidRequestError(f"{where}: expected at least {rule['minItems']} item(s), got {len(value)}")
        if "maxItems" in rule and len(value) > rule["maxItems"]:
            raise InvalidRequestError(f"{where}: expected at most {rule['maxItems']} item(s), got {len(value)}")
        for index, item in enumerate(value):
            _check_field(item, rule.get("items", {}), f"{where}[{index}]", depth + 1)
    elif isinstance(value, Mapping):
        if "model" in rule:
            check_body(value, rule["model"], where)
        else:
            check_json(value, where, depth)
    elif not kinds and not hasattr(value, "to_dict"):
        check_json(value, where, depth)


def _check_format(value: str, kind: Any, where: str) -> None:
    """The formats of the spec a value can surely fail: an email without its parts, an IRI with spaces."""
    if kind == "email" and not EMAIL.match(value):
        raise InvalidRequestError(f"{where}: expected an email address such as ada@example.com, got {_shown(value)}")
    if kind == "iri-reference" and (not value.strip() or any(character.isspace() for character in value)):
        raise InvalidRequestError(
            f"{where}: expected an IRI such as /v1/booking/reservations/<id>, got {_shown(value)}"
        )


def _is_kind(value: Any, kind: str) -> bool:
    match kind:
        case "string":
            return isinstance(value, str)
        case "integer":
            return is_integer(value)
        case "number":
            return isinstance(value, int | float) and not isinstance(value, bool)
        case "boolean":
            return isinstance(value, bool)
        case "array":
            return isinstance(value, list | tuple)
        case "object":
            return isinstance(value, Mapping) or hasattr(value, "to_dict")
    return True


def _expected(kinds: list[str]) -> str:
    words = {
        "string": "a string",
        "integer": "an integer",
        "number": "a number",
        "boolean": "True or False",
        "array": "a list",
        "object": "a dict",
    }
    named = [words.get(kind, kind) for kind in kinds if kind != "null"]
    return " or ".join(named) + (" (or None)" if "null" in kinds else "")


def check_json(value: Any, where: str, depth: int = 0) -> None:
    """A value the schema says nothing about must still be JSON: strings without control characters, finite
    numbers, lists and dicts with string keys, at most `DEPTH_LIMIT` deep."""
    if depth > DEPTH_LIMIT:
        raise InvalidRequestError(f"{where}: nested more than {DEPTH_LIMIT} levels deep")
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, str):
        check_text(value, where, blank=True, line_breaks=True)
    elif isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise InvalidRequestError(f"{where}: expected a finite number, got {_shown(value)}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            check_json(item, f"{where}[{index}]", depth + 1)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidRequestError(f"{where}: expected field names (strings), got {_shown(key)}")
            check_json(item, f"{where}.{key}", depth + 1)
    else:
        raise InvalidRequestError(
            f"{where}: expected a JSON value (str, int, float, bool, list, dict), got {_shown(value)}"
        )


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
    body_required: bool = True
    """False when the spec's request body is optional (`required: false`): `body=` may then be left out."""

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
            if keyword == "body" and self.body_model:
                if value is not None or self.body_required:
                    arguments["body"] = value
                continue
            parameter = self.by_keyword.get(keyword)
            if parameter is None:
                accepted = sorted({p.alias for p in self.parameters} | ({"body"} if self.body_model else set()))
                raise ArgumentTypeError(
                    f"{keyword}: {self.name}() got an unexpected keyword {keyword!r}; "
                    f"it accepts: {', '.join(accepted)}",
                    argument=keyword,
                )
            if parameter.python in arguments:
                raise ArgumentTypeError(
                    f"{parameter.alias}: {self.name}(): {parameter.alias!r} was given twice", argument=parameter.alias
                )
            if value is None:
                if parameter.required:
                    raise InvalidRequestError(f"{parameter.alias}: required by {self.name}(), got None")
                continue
            arguments[parameter.python] = parameter.check(value)
        for parameter in self.parameters:
            if parameter.python in arguments:
                continue
            if parameter.required:
                raise ArgumentTypeError(
                    f"{parameter.alias}: {self.name}() is missing the required argument {parameter.alias!r}",
                    argument=parameter.alias,
                )
            arguments[parameter.python] = UNSET
        if self.body_model and self.body_required and "body" not in arguments:
            raise ArgumentTypeError(
                f"body: {self.name}() is missing the required argument 'body' ({self.body_model})", argument="body"
            )
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

    @cached_property
    def path_template(self) -> str:
        """The path as a %-template keyed by the generated argument names: `/v1/orders/%(id)s`."""
        template = self.path.replace("%", "%%")
        for parameter in self.path_parameters:
            template = template.replace("{" + parameter.wire + "}", f"%({parameter.python})s")
        return template

    def url_path(self, arguments: Mapping[str, Any]) -> str:
        """The path with each path parameter's value in its place (a value is never read as a placeholder)."""
        return self.path_template % arguments
