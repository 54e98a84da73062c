"""Hypothesis strategies for hostile answers derived from real ones: a field replaced by another JSON value or
removed, the body cut short, wrapped, nested deeply, its numbers made huge, random JSON or bytes; any status and
content type, sometimes odd `Content-Encoding`, `Retry-After`, `Location` or `Date` headers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import orjson
from hypothesis import strategies as st

Answer = tuple[int, dict[str, str], bytes]

JSON_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**64 - 1),  # orjson writes 64 bits; bigger ones: `huge` below
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["", "not-a-date", "2025-13-45T99:99:99Z", "/v1/elsewhere", "https://evil.example/x", "\u202e"]),
)
JSON_VALUE = st.recursive(
    JSON_LEAF,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every location inside a decoded JSON value."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):
            found += paths(item, (*prefix, index))
    return found


def replaced(value: Any, path: tuple[Any, ...], new: Any, remove: bool) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        copy = dict(value)
        if remove and not rest:
            copy.pop(head, None)
        else:
            copy[head] = replaced(value[head], rest, new, remove)
        return copy
    copy_list = list(value)
    if remove and not rest:
        del copy_list[head]
    else:
        copy_list[head] = replaced(value[head], rest, new, remove)
    return copy_list


@dataclass(frozen=True)
class Plan:
    """How to turn a real answer into a hostile one; drawn before the answer is known, so that a test whose answers
    depend on a server's moving state still draws the same way every time."""

    status: int | None
    """The status to send, None to keep the real one."""
    kind: str
    where: float
    """Which location of the decoded body to change, as a fraction of them all."""
    remove: bool
    value: Any
    cut: float
    depth: int
    noise: bytes
    headers: tuple[tuple[str, str], ...]

    def apply(self, status: int, content: bytes) -> Answer:
        return (status if self.status is None else self.status), dict(self.headers), self.body(content)

    def flips_a_flag(self, real: bytes) -> bool:
        """Whether this plan, applied to `real`, only turns a true/false field to the other value, null or absent:
        an answer as valid as the real one, which may rightly change what the SDK asks of its caller (a ticket that
        no longer says it gives all-day access needs a session)."""
        if self.kind != "mutate" or not (self.remove or self.value is None or isinstance(self.value, bool)):
            return False
        try:
            decoded = orjson.loads(real) if real else None
        except orjson.JSONDecodeError:
            return False
        if decoded is None:
            return False
        locations = paths(decoded)
        value: Any = decoded
        for step in locations[min(int(self.where * len(locations)), len(locations) - 1)]:
            value = value[step]
        return isinstance(value, bool)

    def body(self, real: bytes) -> bytes:
        try:
            decoded = orjson.loads(real) if real else None
        except orjson.JSONDecodeError:
            decoded = None
        kind = self.kind
        if kind == "mutate" and decoded is not None:
            locations = paths(decoded)
            where = locations[min(int(self.where * len(locations)), len(locations) - 1)]
            return orjson.dumps(replaced(decoded, where, self.value, self.remove and bool(where)))
        if kind == "cut" and real:
            return real[: int(self.cut * len(real))]
        if kind == "wrap":
            return orjson.dumps([decoded] if self.remove else {"member": decoded})
        if kind == "deep":
            return b"[" * self.depth + b"]" * self.depth
        if kind == "huge" and real:
            # Every number of the real answer 400 digits long (past any int64 or double).
            return re.sub(rb'(":\s*)(-?\d+(\.\d+)?)', rb"\g<1>" + b"9" * 400, real)
        if kind == "json":
            return orjson.dumps(self.value)
        if kind == "bytes":
            return self.noise
        return b""


CONTENT_TYPES = [
    "application/ld+json; charset=utf-8",
    "application/ld+json",
    "application/json",
    "application/problem+json",
    "text/html",
    "application/ld+json; charset=latin-1",
    "",
    "garbage",
]
STATUSES = [200, 200, 200, 200, 201, 202, 204, 206, 301, 302, 304, 307, 400, 401, 403, 404, 409, 422, 429, 500, 503]


ODD_HEADERS = [
    ("content-encoding", "gzip"),
    ("content-encoding", "br, nonsense"),
    ("retry-after", "1e9"),
    ("retry-after", "-1"),
    ("retry-after", "Wed, 21 Oct 2099 07:28:00 GMT"),
    ("location", "https://evil.example/steal"),
    ("location", "/v1/ticketing/catalogs"),
    ("location", "::not a url::"),
    ("date", "yesterday"),
    ("date", "Mon, 01 Jan 1900 00:00:00 GMT"),
]
KINDS = ["mutate", "mutate", "mutate", "mutate", "cut", "wrap", "deep", "huge", "json", "bytes", "empty"]


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """A hostile answer's recipe: the real status or another, a mutated body, a content type and odd headers."""
    status = draw(st.sampled_from([None, *STATUSES]))
    headers: list[tuple[str, str]] = []
    content_type = draw(st.sampled_from(CONTENT_TYPES))
    if content_type:
        headers.append(("content-type", content_type))
    headers += draw(st.lists(st.sampled_from(ODD_HEADERS), max_size=2, unique_by=lambda pair: pair[0]))
    return Plan(
        status=status,
        kind=draw(st.sampled_from(KINDS)),
        where=draw(st.floats(min_value=0, max_value=1)),
        remove=draw(st.booleans()),
        value=draw(JSON_VALUE),
        cut=draw(st.floats(min_value=0, max_value=0.999)),
        depth=draw(st.integers(min_value=100, max_value=100_000)),
        noise=draw(st.binary(max_size=200)),
        headers=tuple(headers),
    )


def answers(status: int, content: bytes) -> st.SearchStrategy[Answer]:
    """Hostile answers derived from the real one (`status`, `content`)."""
    return plans().map(lambda plan: plan.apply(status, content))
