"""Odd values through every public entry point of the facade, each outcome sorted (issue 20, point 8).

Each `Entry` is one argument of one entry point: a strategy of values that are wrong for it (a wrong type, empty,
longer than the spec's `maxLength` or the SDK's limits, control or bidirectional characters, out of range, a bad
IRI) and a function giving one such value to the entry point, every other argument valid. `drive` runs it on a
client wired to the in-process sandbox through a transport that records what is sent, and sorts the outcome:

- clear: a `KorusTicketError` whose message starts with the argument's name, and no request carried the value;
- raw: any other exception, or a `KorusTicketError` that does not name the argument;
- unchecked: the value reached the server (a request carried it, or the server answered an error), or the call
  accepted it without a word.

The entries come from the tables where they can: every parameter of every generated operation (its schema), every
field of every request body (`BODY_RULES`), every IRI builder; the rest (client options, booking workflows, export,
policies) are listed here by hand, since they are the facade's own signatures.
"""

from __future__ import annotations

import asyncio
import collections
import datetime
import inspect
import io
import itertools
import json
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
from hypothesis import Phase, given
from hypothesis import strategies as st

from korusticket import (
    APIStatusError,
    AsyncKorusTicket,
    Backoff,
    BookingPolicy,
    ClientCredentialsAuth,
    Item,
    KorusTicket,
    KorusTicketError,
    MemoryLedger,
    RetryPolicy,
    StaticTokenAuth,
    export_catalog,
    iri,
    money,
    ops,
)
from korusticket._generated import iri_builders
from korusticket._generated.bodies import BODY_RULES
from korusticket._generated.operations import OPERATIONS
from korusticket._operation import ANY_UUID, TEXT_LIMIT, Operation, Parameter
from korusticket.client import DEMO_URL
from korusticket.testing import Sandbox
from tests.fuzzing import bounded

UUID = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e"
HUGE = 2**70
"""An integer no field of the API can hold (its integers are 64-bit)."""
CONTROLS = ("\x00", "\x01", "\x08", "\x1b", "\x7f", "\x85", "\x9f", "\u202e", "\u2066", "\u200f", "\u061c")
"""Control characters and bidirectional controls; line breaks are added where a value is one line."""
LINE_BREAKS = ("\n", "\r", "\t")


class Opaque:
    """A value of no type the SDK knows."""

    def __repr__(self) -> str:
        return "<opaque>"


WRONG: tuple[Any, ...] = (
    0,
    -1,
    HUGE,
    1.5,
    math.nan,
    math.inf,
    -math.inf,
    True,
    False,
    b"bytes",
    bytearray(b"x"),
    [],
    ["x"],
    (),
    {},
    {"k": "v"},
    set(),
    Opaque(),
    datetime.date(2025, 1, 1),
)


def wrong(*allowed: type, none: bool = False) -> st.SearchStrategy[Any]:
    """Values of none of the `allowed` types (a bool is not an int here), and None when `none` says it is wrong."""

    def fits(value: Any) -> bool:
        if isinstance(value, bool):
            return bool in allowed
        return isinstance(value, allowed)

    values = [value for value in WRONG if not fits(value)] + ([None] if none else [])
    return st.sampled_from(values)


def _with(character: st.SearchStrategy[str], good: str) -> st.SearchStrategy[str]:
    return st.builds(
        lambda head, bad, tail: head + bad + tail, st.sampled_from([good, "", "a"]), character, st.just("")
    )


def controls(good: str = "Ada", *, line_breaks: bool = False) -> st.SearchStrategy[str]:
    """`good` with a control character, a bidi control, or (unless `line_breaks`) a line break in it."""
    fixed = CONTROLS + (() if line_breaks else LINE_BREAKS)
    generated = st.characters(categories=["Cc"]).filter(lambda c: not (line_breaks and c in LINE_BREAKS))
    return _with(st.one_of(st.sampled_from(fixed), generated), good)


def bad_text(
    good: str = "Ada", *, limit: int = TEXT_LIMIT, line_breaks: bool = False, blank: bool = False, none: bool = False
) -> st.SearchStrategy[Any]:
    """Wrong for a text argument: another type, empty or blank (unless `blank`), too long, control characters."""
    sizes = [good + "x" * (limit + 1 - len(good)), "x" * 1_000_000]
    empties = [] if blank else ["", "   "]
    return st.one_of(wrong(str, none=none), st.sampled_from(empties + sizes), controls(good, line_breaks=line_breaks))


def bad_uuid(*, none: bool = False) -> st.SearchStrategy[Any]:
    return st.one_of(
        wrong(str, none=none),
        st.sampled_from(["", "not-a-uuid", UUID + "0", UUID[:-1], UUID + "\n", "x" * 1_000_000, " " + UUID]),
        controls(UUID),
    )


def bad_iri(prefix: str = "/v1/booking/orders/", *, none: bool = False, host: bool = False) -> st.SearchStrategy[Any]:
    """Not an IRI of the API: another type, a path of nothing, a bad id, control characters; with `host`, an
    absolute URL of another host (only a client knows its API's host)."""
    return st.one_of(
        wrong(str, none=none),
        st.sampled_from(
            [
                "",
                "/",
                "/v1/nothing/here",
                f"{prefix}not-a-uuid",
                f"https://evil.example.com{prefix}{UUID}" if host else f"{prefix}{UUID}/x",
                f"{prefix}{UUID}/../../catalogs",
                f"{prefix}{'x' * 1_000_000}",
                "http://[::1",
            ]
        ),
        controls(f"{prefix}{UUID}"),
    )


def bad_int(*, minimum: int | None = None, maximum: int | None = None, none: bool = False) -> st.SearchStrategy[Any]:
    """Not an integer in [minimum, maximum]: another type (a bool or a float too), below, above, huge."""
    out = [HUGE, -HUGE]
    if minimum is not None:
        out += [minimum - 1, minimum - 1000]
    if maximum is not None:
        out += [maximum + 1]
    return st.one_of(wrong(int, none=none), st.sampled_from(out), st.just(str(minimum if minimum is not None else 1)))


def bad_seconds(*, none: bool = False, zero: bool = True) -> st.SearchStrategy[Any]:
    """Not a finite number of seconds >= 0 (> 0 unless `zero`)."""
    out: list[Any] = [-1, -0.5, math.nan, math.inf, -math.inf, "5", True] + ([] if zero else [0, 0.0])
    return st.one_of(wrong(int, float, none=none), st.sampled_from(out))


def bad_callable() -> st.SearchStrategy[Any]:
    return st.sampled_from([0, "pay", b"x", ["f"], {}, True, Opaque()])


def bad_mapping(*, none: bool = False) -> st.SearchStrategy[Any]:
    """Not a dict of JSON body fields: another type, a key that is not a string, a value that is not JSON."""
    return st.one_of(
        wrong(dict, none=none),
        st.sampled_from(
            [
                {5: "x"},
                {"": "x"},
                {"field": math.nan},
                {"field": Opaque()},
                {"field": b"bytes"},
                {"field": "a\x00b"},
                {"field": "x" * 1_000_000},
                {"field": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]},
            ]
        ),
    )


# ------------------------------------------------------------------------------------------------ the harness


class Recorder(httpx.BaseTransport):
    """The sandbox's transport, keeping every request sent."""

    def __init__(self, inner: httpx.BaseTransport, sent: list[httpx.Request]) -> None:
        self.inner, self.sent = inner, sent

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.sent.append(request)
        return self.inner.handle_request(request)


class AsyncRecorder(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, sent: list[httpx.Request]) -> None:
        self.inner, self.sent = inner, sent

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self.sent.append(request)
        return await self.inner.handle_async_request(request)


class Env:
    """One sandbox, a client on it that records what it sends, and valid values to put beside an odd one."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.sandbox = Sandbox(seed=0)
        self.sent: list[httpx.Request] = []
        self.kt = KorusTicket(**self.options())
        data = self.sandbox.state.data
        day = next(
            offer
            for offer in data.offers.values()
            if offer.catalog_id == self.sandbox.catalog_id and all(ticket.date_access for ticket in offer.tickets)
        )
        self.offer_iri = iri.offer(day.catalog_id, day.id)
        self.catalog_id = self.sandbox.catalog_id
        self.customer: dict[str, Any] = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}
        self.reservation = iri.reservation(UUID)
        self.order = iri.order(UUID)
        self.ticket = iri.order_item_ticket(UUID, UUID, UUID)
        self.directory = tmp / "documents"
        self.directory.mkdir()
        self.references = itertools.count()

    def options(self, **changes: Any) -> dict[str, Any]:
        """A sync client's options on the recording sandbox transport, with `changes`."""
        options: dict[str, Any] = {
            "base_url": DEMO_URL,
            "token": self.sandbox.issue_token(),
            "environ": {},
            "ledger": MemoryLedger(),
            "retry": RetryPolicy(max_retries=0),
            "transport": Recorder(self.sandbox.transport(), self.sent),
        }
        options.update(changes)
        return {key: value for key, value in options.items() if value is not REMOVE}

    def async_options(self, **changes: Any) -> dict[str, Any]:
        changes.setdefault("transport", AsyncRecorder(self.sandbox.async_transport(), self.sent))
        return self.options(**changes)

    def reference(self) -> str:
        return f"fuzz-{next(self.references)}"


REMOVE = object()
"""An option left out."""


@dataclass(frozen=True)
class Entry:
    """One argument of one entry point: the odd values to give it, and how to give one."""

    name: str
    argument: str
    """The name the error must start with (`customer.firstname`, `body.items[0].quantity`)."""
    odd: st.SearchStrategy[Any]
    run: Callable[[Env, Any], Any]


@dataclass
class Tally:
    """The outcomes of one entry, with an example of each kind that is not clear."""

    cases: int = 0
    clear: int = 0
    raw: int = 0
    unchecked: int = 0
    examples: list[str] = field(default_factory=list)


def _carried(sent: list[httpx.Request], value: Any) -> bool:
    """Whether a request sent carries `value` (a string or a number), in its URL, headers or body."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return False
    text = value if isinstance(value, str) else str(value)
    if len(text) < 3:
        return False
    forms = {text, json.dumps(text)[1:-1], text[:200]}
    for request in sent:
        seen = unquote(str(request.url)) + "\n" + str(request.headers) + "\n"
        seen += request.content.decode("utf-8", errors="replace")
        if any(form in seen for form in forms):
            return True
    return False


def _names(error: BaseException, argument: str) -> bool:
    head = str(error).split(": ", 1)[0]
    return head.startswith(argument) or argument in head


def classify(entry: Entry, env: Env, value: Any) -> tuple[str, str]:
    """("clear" | "raw" | "unchecked", what happened) for one odd value."""
    env.sent.clear()
    shown = repr(value)[:60]
    try:
        outcome = entry.run(env, value)
        if inspect.isawaitable(outcome):
            outcome = asyncio.run(_awaited(outcome))
        if isinstance(outcome, Iterator):  # a paginator: its first page
            next(outcome, None)
    except APIStatusError as error:
        return "unchecked", f"{shown}: the server answered {error.status_code}"
    except KorusTicketError as error:
        if _carried(env.sent, value):
            return "unchecked", f"{shown}: sent before {type(error).__name__}"
        if not _names(error, entry.argument):
            return "raw", f"{shown}: {type(error).__name__} not naming {entry.argument}: {str(error)[:120]}"
        return "clear", ""
    except Exception as error:
        return "raw", f"{shown}: {type(error).__name__}: {str(error)[:120]}"
    sent = f", {len(env.sent)} request(s) sent" if env.sent else ""
    return "unchecked", f"{shown}: accepted{sent}"


async def _awaited(outcome: Any) -> Any:
    result = await outcome
    if hasattr(result, "__aiter__"):
        async for _ in result:
            break
    elif isinstance(result, AsyncKorusTicket):
        await result.aclose()
    return result


def drive(entry: Entry, env: Env, examples: int) -> Tally:
    """Give `examples` odd values (a fixed, derandomized sequence) to one entry and tally the outcomes."""
    tally = Tally()

    @bounded(examples, [Phase.explicit, Phase.generate])
    @given(entry.odd)
    def one(value: Any) -> None:
        kind, what = classify(entry, env, value)
        tally.cases += 1
        setattr(tally, kind, getattr(tally, kind) + 1)
        if what and len(tally.examples) < 3:
            tally.examples.append(f"{kind}: {what}")

    one()
    return tally


# ------------------------------------------------------------------------------------------------ the entries


def _url(*, query: bool = True) -> st.SearchStrategy[Any]:
    """Wrong for a server URL; with `query`, a query string is wrong too (an API root takes none; a token endpoint
    may have one, RFC 6749 3.2)."""
    return st.one_of(
        wrong(str),
        st.sampled_from(
            [
                "",
                "   ",
                "not a url",
                "ftp://api.example.com",
                "http://api.example.com",
                "https://",
                "https://api.example.com?x=1" if query else "https://api.example.com/\u202e",
                "https://api.example.com/#f",
                "https://" + "a" * 5000 + ".com",
                "http://[::1",
            ]
        ),
        controls("https://api.example.com"),
    )


def _client_options() -> dict[str, st.SearchStrategy[Any]]:
    """Each option of `KorusTicket(...)` and the values wrong for it."""
    return {
        "base_url": _url(),
        "token": bad_text("eyJ.abc.def", limit=16384),
        "auth": st.one_of(wrong(), st.just("Bearer abc")),
        "auth_scheme": st.one_of(bad_text("Bearer", blank=True), st.just("two words")),
        "language": st.one_of(
            bad_text("fr"), st.sampled_from(["日本語", "fr,", "fr-" + "A" * 9, "fr, " * 2000 + "en"])
        ),
        "timeout": st.one_of(bad_seconds(zero=False), st.just(httpx.Timeout(5, read=0))),
        "max_connections": bad_int(minimum=1),
        "proxy": st.one_of(wrong(str), st.sampled_from(["", "not a url", "ftp://proxy:21"]), controls("http://p:3128")),
        "http_client": st.one_of(wrong(), st.just("client")),
        "max_response_bytes": bad_int(minimum=1024),
        "retry": st.one_of(wrong(), st.just("retry")),
        "max_retries": bad_int(minimum=0),
        "environ": st.one_of(wrong(dict), st.just("KORUSTICKET_TOKEN=x")),
        "booking_policy": st.one_of(wrong(), st.just("policy")),
        "ledger": st.one_of(wrong(str), st.sampled_from(["", "nosuch:", "x" * 5000, "sqlite:///\x00"])),
        "transport": st.one_of(wrong(), st.just("transport")),
    }


CREDENTIALS = ("client_id", "client_secret", "token_url")
SENDERS = ("proxy", "http_client")
"""Options that replace the transport: a client built with one is closed unused (it would reach the network)."""


def client_entries() -> Iterator[Entry]:
    for cls, options in ((KorusTicket, Env.options), (AsyncKorusTicket, Env.async_options)):
        for name, odd in _client_options().items():

            def build(env: Env, value: Any, cls: Any = cls, options: Any = options, name: str = name) -> Any:
                if name in SENDERS:  # alone (with the transport it would be refused for that), and never used
                    client = cls(**options(env, transport=REMOVE, **{name: value}))
                    return client.close() if isinstance(client, KorusTicket) else client.aclose()
                client = cls(**options(env, **{name: value}))
                if isinstance(client, KorusTicket):
                    with client:
                        client.call(ops.list_catalogs)
                    return client
                return _async_use(client)

            yield Entry(f"{cls.__name__}({name}=)", name, odd, build)
        for name in CREDENTIALS:
            odd = bad_text("abc", limit=16384) if name != "token_url" else _url(query=False)

            def credentials(env: Env, value: Any, cls: Any = cls, options: Any = options, name: str = name) -> Any:
                given = {"client_id": "id", "client_secret": "secret", "token_url": f"{DEMO_URL}/token", name: value}
                client = cls(**options(env, token=REMOVE, **given))
                if isinstance(client, KorusTicket):
                    with client:
                        client.call(ops.list_catalogs)
                    return client
                return _async_use(client)

            yield Entry(f"{cls.__name__}({name}=)", name, odd, credentials)


async def _async_use(client: AsyncKorusTicket) -> None:
    async with client:
        await client.call(ops.list_catalogs)


def _parameter_odd(parameter: Parameter) -> st.SearchStrategy[Any]:
    """Values wrong for a path or query parameter, from its schema."""
    schema = parameter.schema
    kind = schema.get("type")
    if kind == "integer":
        return bad_int(minimum=schema.get("minimum"), maximum=schema.get("maximum"))
    if kind == "boolean":
        return st.one_of(wrong(bool), st.sampled_from(["true", "yes"]))
    if kind == "array":
        item = _parameter_odd(Parameter("x", "x", "x", "query", False, schema.get("items", {})))
        return st.one_of(st.sampled_from([0, 1.5, Opaque(), b"x"]), st.lists(item, min_size=1, max_size=2))
    if schema.get("format") == "date":
        return st.one_of(wrong(str, datetime.date), st.sampled_from(["", "2025-02-31", "tomorrow", "2025-01-01\x00"]))
    if schema.get("pattern") == ANY_UUID.pattern:
        return bad_uuid()
    if "enum" in schema:
        return st.one_of(wrong(str), st.sampled_from(["", "ASC", "x" * 5000]), controls(schema["enum"][0]))
    if "pattern" in schema:  # a date filter, or a reference of 1 to 50 characters
        good = "2025-01-01" if "[0-9]{4}" in schema["pattern"] else "R-1"
        extra = ["2025-02-31", "2025-13-01", "01/01/2025"] if good != "R-1" else ["x" * 51]
        return st.one_of(wrong(str, datetime.date), st.sampled_from(["", *extra]), controls(good))
    return bad_text("abc", limit=schema.get("maxLength", TEXT_LIMIT))


def _baseline(operation: Operation) -> dict[str, Any]:
    """Valid arguments of an operation: its path ids, and a body when it takes one."""
    given: dict[str, Any] = {p.alias: p.schema.get("enum", [UUID])[0] for p in operation.path_parameters}
    if operation.body_model:
        given["body"] = _valid(operation.body_model)
    return given


def _good(rule: Mapping[str, Any]) -> Any:
    """A valid value for a body field that is not a model, from its rule."""
    kinds = rule["type"] if isinstance(rule.get("type"), list) else [rule.get("type")]
    if "enum" in rule:
        return rule["enum"][0]
    if "integer" in kinds:
        return max(rule.get("minimum", 1), 1)
    if "boolean" in kinds:
        return True
    if "array" in kinds:
        return [_good(rule.get("items", {}))] if rule.get("minItems") else []
    return {"email": "ada@example.com", "iri-reference": iri.reservation(UUID)}.get(rule.get("format", ""), "Ada")


def _valid(model: str) -> dict[str, Any]:
    """A valid body of `model`, with every nested model present (a list of models holds one)."""
    body: dict[str, Any] = {}
    for key, rule in BODY_RULES[model].items():
        nested, listed = rule.get("model"), rule.get("items", {}).get("model")
        if nested:
            body[key] = _valid(nested)
        elif listed:
            body[key] = [_valid(listed)]
        elif rule.get("required"):
            body[key] = _good(rule)
    return body


def _rule_odd(rule: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """Values wrong for a body field, from its generated rule."""
    kinds = rule["type"] if isinstance(rule.get("type"), list) else [rule.get("type")]
    none = "null" not in kinds
    if "enum" in rule:
        return st.one_of(wrong(str, none=none), st.sampled_from(["", "sir", "MR"]), controls(rule["enum"][0]))
    if "integer" in kinds:
        return bad_int(minimum=rule.get("minimum"), maximum=rule.get("maximum"), none=none)
    if "boolean" in kinds:
        return st.one_of(wrong(bool, none=none), st.sampled_from(["yes", "true"]))
    if "array" in kinds:
        return st.one_of(wrong(list, tuple, none=none), st.just([]) if rule.get("minItems") else st.nothing())
    if "object" in kinds:
        return wrong(dict, none=none)
    free = not any(key in rule for key in ("format", "pattern", "enum", "maxLength"))
    formatted = "format" in rule or rule.get("minLength", 0) >= 1
    good = _good(rule)
    odd = bad_text(good, limit=rule.get("maxLength", TEXT_LIMIT), line_breaks=free, blank=not formatted, none=none)
    if rule.get("format") == "email":
        odd = st.one_of(odd, st.sampled_from(["ada", "ada@", "@example.com", "a b@example.com"]))
    if rule.get("format") == "iri-reference":
        odd = st.one_of(odd, st.sampled_from(["not an iri", "/v1/ x"]))
    return odd


Path_ = tuple[str | int, ...]


def _body_paths(model: str, prefix: Path_ = ()) -> Iterator[tuple[Path_, Mapping[str, Any]]]:
    """(key path, rule) of each field of a body model and of the models nested in it (a list's first item)."""
    for key, rule in BODY_RULES[model].items():
        path = (*prefix, key)
        yield path, rule
        nested, listed = rule.get("model"), rule.get("items", {}).get("model")
        if nested:
            yield from _body_paths(nested, path)
        elif listed:
            yield from _body_paths(listed, (*path, 0))


def _spelt(path: Path_) -> str:
    return "body" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)


def _place(body: Any, path: Path_, value: Any) -> None:
    for part in path[:-1]:
        body = body[part]
    body[path[-1]] = value


def call_entries() -> Iterator[Entry]:
    """`kt.call` on every operation: each parameter, the body, each body field; and the per-call options."""
    for operation in OPERATIONS:
        module = operation.module()
        for parameter in operation.parameters:

            def run(env: Env, value: Any, operation: Operation = operation, parameter: Parameter = parameter) -> Any:
                return env.kt.call(operation.module(), **{**_baseline(operation), parameter.alias: value})

            yield Entry(
                f"kt.call({operation.name}, {parameter.alias}=)", parameter.alias, _parameter_odd(parameter), run
            )
        if not operation.body_model:
            continue

        def whole(env: Env, value: Any, module: Any = module, operation: Operation = operation) -> Any:
            return env.kt.call(module, **{**_baseline(operation), "body": value})

        yield Entry(f"kt.call({operation.name}, body=)", "body", wrong(dict), whole)
        for path, rule in _body_paths(operation.body_model):

            def nested(
                env: Env, value: Any, module: Any = module, operation: Operation = operation, path: Path_ = path
            ) -> Any:
                given = _baseline(operation)
                _place(given["body"], path, value)
                return env.kt.call(module, **given)

            yield Entry(f"kt.call({operation.name}, {_spelt(path)}=)", _spelt(path), _rule_odd(rule), nested)

    def options(name: str) -> Callable[[Env, Any], Any]:
        return lambda env, value: env.kt.call(ops.get_catalog, id=UUID, **{name: value})

    yield from _option_entries("kt.call", options)
    yield Entry("kt.call(operation)", "operation", st.one_of(wrong(), st.just("get_offer")), _call_operation)
    yield Entry(
        "kt.with_raw_response.call(operation)",
        "operation",
        st.one_of(wrong(), st.just("get_offer")),
        lambda env, value: env.kt.with_raw_response.call(value),
    )


def _call_operation(env: Env, value: Any) -> Any:
    return env.kt.call(value)


def _option_entries(where: str, run: Callable[[str], Callable[[Env, Any], Any]]) -> Iterator[Entry]:
    odd = {
        "timeout": st.one_of(bad_seconds(zero=False), st.just(httpx.Timeout(5, read=-1))),
        "max_retries": bad_int(minimum=0),
        "language": st.one_of(bad_text("fr"), st.sampled_from(["日本語", "fr, " * 2000 + "en"])),
        "headers": st.one_of(
            wrong(dict),
            st.sampled_from(
                [
                    {"X-A": "a\x00b"},
                    {"X-A": "a\r\nb"},
                    {"X-A": 5},
                    {5: "a"},
                    {"": "a"},
                    {"X A": "a"},
                    {"Authorization": "Bearer x"},
                    {"X-A": "é"},
                    {"X-A": "x" * 1_000_000},
                    {"X-A": "a\u202eb"},
                ]
            ),
        ),
    }
    for name, strategy in odd.items():
        yield Entry(f"{where}({name}=)", name, strategy, run(name))


def surface_entries() -> Iterator[Entry]:
    """`kt.get`, `kt.paginate`, `kt.with_options`, and the IRI helpers."""
    yield Entry("kt.get(iri)", "iri", bad_iri(host=True), lambda env, value: env.kt.get(value))
    yield Entry(
        "kt.get(expect=)",
        "expect",
        st.sampled_from([0, "BookingOrder", Opaque(), [], int | str]),
        lambda env, value: env.kt.get(iri.catalog(env.catalog_id), value),
    )
    yield from _option_entries("kt.get", lambda name: lambda env, value: env.kt.get(iri.catalog(UUID), **{name: value}))
    paging = {
        "page_size": bad_int(minimum=1, maximum=50),
        "max_items": bad_int(minimum=0),
        "prefetch": bad_int(minimum=0),
    }
    for name, strategy in paging.items():
        yield Entry(
            f"kt.paginate({name}=)",
            name,
            strategy,
            lambda env, value, name=name: iter(env.kt.paginate(ops.list_catalogs, **{name: value})),
        )
    yield Entry(
        "kt.paginate(page=)",
        "page",
        bad_int(minimum=1),
        lambda env, value: iter(env.kt.paginate(ops.list_catalogs, page=value)),
    )
    yield Entry(
        "kt.paginate(operation)",
        "operation",
        st.one_of(wrong(), st.just(ops.get_catalog)),
        lambda env, value: iter(env.kt.paginate(value)),
    )
    yield from _option_entries(
        "kt.paginate", lambda name: lambda env, value: iter(env.kt.paginate(ops.list_catalogs, **{name: value}))
    )
    yield from _option_entries(
        "kt.with_options",
        lambda name: lambda env, value: env.kt.with_options(**{name: value}).call(ops.get_catalog, id=UUID),
    )
    for name in iri_builders.__all__:
        builder = getattr(iri, name)
        count = len(inspect.signature(builder).parameters)
        for position in range(count):

            def build(
                env: Env, value: Any, builder: Any = builder, position: int = position, count: int = count
            ) -> Any:
                arguments = [UUID] * count
                arguments[position] = value
                return builder(*arguments)

            argument = list(inspect.signature(builder).parameters)[position]
            yield Entry(f"iri.{name}({argument})", argument, bad_uuid(none=True), build)
    yield Entry("iri.parse(value)", "iri", bad_iri(), lambda env, value: iri.parse(value))
    yield Entry("iri.check_id(value)", "id", bad_uuid(none=True), lambda env, value: iri.check_id(value))
    yield Entry("iri.of(model)", "model", st.one_of(wrong(), st.just({"@id": 5})), lambda env, value: iri.of(value))
    yield Entry("iri.type_of(model)", "model", wrong(), lambda env, value: iri.type_of(value))
    yield Entry(
        "money(value)",
        "amount",
        st.one_of(wrong(str), st.sampled_from(["", "abc", "NaN", "Infinity", "1e999999999", "87,00", "x" * 5000])),
        lambda env, value: money(value),
    )


def booking_entries() -> Iterator[Entry]:
    """The booking workflows: each argument, each customer and beneficiary field, each field of an `Item`."""

    def order(env: Env, **changes: Any) -> Any:
        arguments: dict[str, Any] = {
            "customer": env.customer,
            "external_reference": env.reference(),
            **changes,
        }
        reservations = arguments.pop("reservations", [env.reservation])
        return env.kt.order(reservations, **arguments)

    def book(env: Env, **changes: Any) -> Any:
        arguments: dict[str, Any] = {"customer": env.customer, "external_reference": env.reference(), **changes}
        arguments.setdefault("confirm_payment", _paid)
        items = arguments.pop("items", [Item(env.offer_iri)])
        return env.kt.book(items, **arguments)

    reservations = st.one_of(
        wrong(list, tuple, str),
        st.sampled_from([[], [0], [None], ["not-a-uuid"], [iri.order(UUID)], [iri.reservation(UUID)] * 2, b"x"]),
        bad_iri("/v1/booking/reservations/").map(lambda value: [value] if isinstance(value, str) else value),
    )
    common = {
        "customer": st.one_of(wrong(dict), st.just({"firstname": "Ada"}), st.just({"firstname": "A", "x": 1})),
        "external_reference": st.one_of(bad_text("R-1", limit=50), st.just(" R-1")),
        "notes": bad_text("Call me", line_breaks=True, blank=True),
        "extra_body": st.one_of(bad_mapping(), st.just({"customer": {}})),
        "timeout": bad_seconds(zero=False),
        "max_retries": bad_int(minimum=0),
    }
    customer = {
        "firstname": bad_text("Ada", limit=255, none=True),
        "lastname": bad_text("Lovelace", limit=255, none=True),
        "email": st.one_of(bad_text("ada@example.com", limit=255, none=True), st.sampled_from(["ada", "a@b"])),
        "phone": st.one_of(bad_text("+33610203040"), st.sampled_from(["call me", "+3361020304012345678901"])),
        "country": st.one_of(bad_text("FR"), st.sampled_from(["fr", "FRA", "F"])),
        "language": st.one_of(bad_text("fr"), st.sampled_from(["FR", "french"])),
        "title": st.one_of(wrong(str), st.sampled_from(["sir", "", "MR"])),
        "optin": st.one_of(wrong(bool), st.sampled_from(["yes", 1])),
    }
    yield Entry(
        "kt.order(reservations)", "reservations", reservations, lambda env, value: order(env, reservations=value)
    )
    for name, strategy in common.items():
        yield Entry(f"kt.order({name}=)", name, strategy, lambda env, value, name=name: order(env, **{name: value}))
        yield Entry(f"kt.book({name}=)", name, strategy, lambda env, value, name=name: book(env, **{name: value}))
    for name, strategy in customer.items():
        where = f"customer.{name}"
        yield Entry(
            f"kt.order({where}=)",
            where,
            strategy,
            lambda env, value, name=name: order(env, customer={**env.customer, name: value}),
        )
        yield Entry(
            f"kt.book({where}=)",
            where,
            strategy,
            lambda env, value, name=name: book(env, customer={**env.customer, name: value}),
        )
    yield Entry(
        "kt.book(reserve_extra_body=)",
        "reserve_extra_body",
        st.one_of(bad_mapping(), st.just({"items": []})),
        lambda env, value: book(env, reserve_extra_body=value),
    )
    yield Entry(
        "kt.book(confirm_payment=)",
        "confirm_payment",
        bad_callable(),
        lambda env, value: book(env, confirm_payment=value),
    )
    items = st.one_of(wrong(list, tuple, Item), st.sampled_from([[], [0], [None], ["offer"], [{"offer": "x"}]]))
    yield Entry("kt.reserve(items)", "items", items, lambda env, value: env.kt.reserve(value))
    yield Entry("kt.book(items)", "items", items, lambda env, value: book(env, items=value))
    item_fields: dict[str, st.SearchStrategy[Any]] = {
        "offer": st.one_of(wrong(str, none=True), bad_iri("/v1/ticketing/catalogs/")),
        "quantity": bad_int(minimum=1, maximum=None),
        "session": st.one_of(
            wrong(str), bad_iri(f"/v1/ticketing/catalogs/{UUID}/offers/{UUID}/tickets/{UUID}/sessions/")
        ),
        "sessions": st.one_of(wrong(dict), st.sampled_from([{5: "x"}, {"x": 5}, {UUID: "bad"}, {"\x00": None}])),
        "form_data": st.one_of(wrong(dict), st.sampled_from([{UUID: "x"}, {UUID: {"f": 5}}, {UUID: {"f": "a\x00"}}])),
        "catalog_id": bad_uuid(),
        "extra": st.one_of(bad_mapping(), st.just({"quantity": 2})),
    }
    for name, strategy in item_fields.items():
        where = name  # named by the Item (`sessions: ...`) or by the reservation (`items[0].sessions: ...`)

        def reserve(env: Env, value: Any, name: str = name) -> Any:
            return env.kt.reserve([Item(**{"offer": env.offer_iri, name: value})])

        yield Entry(f"kt.reserve(Item({name}=))", where, strategy, reserve)
    yield Entry(
        "kt.reserve(extra_body=)",
        "extra_body",
        st.one_of(bad_mapping(), st.just({"items": []})),
        lambda env, value: env.kt.reserve(Item(env.offer_iri), extra_body=value),
    )
    yield Entry(
        "kt.settle(external_reference)",
        "external_reference",
        bad_text("R-1", limit=50),
        lambda env, value: env.kt.settle(value),
    )
    yield Entry(
        "kt.settle(reservations=)",
        "reservations",
        reservations,
        lambda env, value: env.kt.settle("R-1", reservations=value),
    )
    yield Entry(
        "kt.resolve(error)",
        "error",
        st.one_of(wrong(), st.just(ValueError("x"))),
        lambda env, value: env.kt.resolve(value),
    )
    yield Entry(
        "kt.recover(confirm_payment=)",
        "confirm_payment",
        bad_callable(),
        lambda env, value: env.kt.recover(confirm_payment=value),
    )
    offer = st.one_of(wrong(str, Item), bad_iri("/v1/ticketing/catalogs/"))
    yield Entry("kt.offer_choice(offer)", "offer", offer, lambda env, value: env.kt.offer_choice(value))
    # An offer id alone: what is missing, and named, is the catalog it belongs to.
    yield Entry("kt.offer_choice(offer id)", "catalog_id", st.just(UUID), lambda env, value: env.kt.offer_choice(value))
    yield Entry(
        "kt.offer_choice(catalog_id=)",
        "catalog_id",
        bad_uuid(),
        lambda env, value: env.kt.offer_choice(UUID, catalog_id=value),
    )
    day = datetime.date(2025, 1, 1)
    days = st.one_of(
        wrong(datetime.date), st.sampled_from(["2025-02-31", "", "tomorrow", datetime.datetime(2025, 1, 1)])
    )
    yield Entry(
        "kt.calendar(catalog_id)", "catalog_id", bad_uuid(), lambda env, value: env.kt.calendar(value, day, day)
    )
    yield Entry("kt.calendar(start)", "start", days, lambda env, value: env.kt.calendar(env.catalog_id, value, day))
    yield Entry(
        "kt.calendar(end)",
        "end",
        st.one_of(days, st.just(day - datetime.timedelta(days=1))),
        lambda env, value: env.kt.calendar(env.catalog_id, day, value),
    )
    yield Entry(
        "kt.calendar(product=)",
        "product",
        bad_text("abc"),
        lambda env, value: env.kt.calendar(env.catalog_id, day, day, product=value),
    )
    yield Entry(
        "kt.calendar(prefetch=)",
        "prefetch",
        bad_int(minimum=0),
        lambda env, value: env.kt.calendar(env.catalog_id, day, day, prefetch=value),
    )
    order_ref = st.one_of(wrong(str), bad_iri(), st.just(iri.reservation(UUID)))
    for method in ("find_order", "pending_beneficiaries"):
        yield Entry(
            f"kt.{method}(order)", "order", order_ref, lambda env, value, method=method: getattr(env.kt, method)(value)
        )
    yield Entry(
        "kt.find_orders(external_reference)",
        "external_reference",
        bad_text("R-1", limit=50),
        lambda env, value: env.kt.find_orders(value),
    )
    yield Entry(
        "kt.download_documents(order)",
        "order",
        order_ref,
        lambda env, value: env.kt.download_documents(value, env.directory),
    )
    yield Entry(
        "kt.download_documents(directory)",
        "directory",
        st.one_of(wrong(str, Path), st.sampled_from(["", "/nonexistent/dir", "a\x00b"])),
        lambda env, value: env.kt.download_documents(env.order, value),
    )
    yield Entry(
        "kt.download_documents(language=)",
        "language",
        bad_text("fr"),
        lambda env, value: env.kt.download_documents(env.order, env.directory, language=value),
    )
    yield Entry(
        "kt.stream_documents(order)",
        "order",
        order_ref,
        lambda env, value: env.kt.stream_documents(value, io.BytesIO()),
    )
    yield Entry(
        "kt.stream_documents(stream)",
        "stream",
        st.one_of(wrong(), st.just("out.pdf")),
        lambda env, value: env.kt.stream_documents(env.order, value),
    )
    yield Entry(
        "kt.stream_documents(language=)",
        "language",
        bad_text("fr"),
        lambda env, value: env.kt.stream_documents(env.order, io.BytesIO(), language=value),
    )
    ticket = st.one_of(
        wrong(str), bad_iri(f"/v1/booking/orders/{UUID}/items/{UUID}/tickets/"), st.just(iri.order(UUID))
    )
    yield Entry(
        "kt.set_beneficiary(ticket)",
        "ticket",
        ticket,
        lambda env, value: env.kt.set_beneficiary(value, {"firstname": "Ada", "lastname": "Lovelace"}),
    )
    yield Entry(
        "kt.set_beneficiary(beneficiary)",
        "beneficiary",
        st.one_of(wrong(dict), st.just({"firstname": "Ada"}), st.just({"firstname": "Ada", "lastname": "L", "x": 1})),
        lambda env, value: env.kt.set_beneficiary(env.ticket, value),
    )
    beneficiary = {
        "firstname": bad_text("Ada", limit=255, none=True),
        "lastname": bad_text("Lovelace", limit=255, none=True),
        "title": st.one_of(wrong(str), st.sampled_from(["sir", ""])),
        "nationality": st.one_of(bad_text("FR"), st.just("fr")),
        "dateOfBirth": st.one_of(bad_text("1990-01-01"), st.sampled_from(["1990-02-31", "01/01/1990"])),
        "placeOfBirth": bad_text("Paris", limit=255),
        "email": st.one_of(bad_text("ada@example.com", limit=255), st.just("ada")),
        "phone": st.one_of(bad_text("+33610203040"), st.just("call me")),
    }
    for name, strategy in beneficiary.items():
        where = f"beneficiary.{name}"
        yield Entry(
            f"kt.set_beneficiary({where}=)",
            where,
            strategy,
            lambda env, value, name=name: env.kt.set_beneficiary(
                env.ticket, {"firstname": "Ada", "lastname": "Lovelace", name: value}
            ),
        )


def _paid(hold: Any) -> bool:
    return True


def module_entries() -> Iterator[Entry]:
    """`export_catalog`, the policies and the authentication objects."""

    def export(env: Env, **changes: Any) -> Any:
        arguments: dict[str, Any] = {
            "kt": env.kt,
            "catalog_id": env.catalog_id,
            "out_dir": env.tmp / f"export-{env.reference()}",
        }
        arguments.update(changes)
        return export_catalog(arguments.pop("kt"), arguments.pop("catalog_id"), arguments.pop("out_dir"), **arguments)

    odd = {
        "kt": st.one_of(wrong(), st.just("kt")),
        "catalog_id": bad_uuid(),
        "out_dir": st.one_of(wrong(str, Path), st.sampled_from(["", "a\x00b"])),
        "page_size": bad_int(minimum=1, maximum=50),
        "prefetch": bad_int(minimum=0),
        "progress": bad_callable(),
    }
    for name, strategy in odd.items():
        yield Entry(
            f"export_catalog({name}=)", name, strategy, lambda env, value, name=name: export(env, **{name: value})
        )
    for cls, names in (
        (RetryPolicy, ("max_retries", "initial_delay", "max_delay", "max_retry_after", "total_time")),
        (BookingPolicy, ("attempts", "settle_timeout", "first_wait", "batch_size", "document_wait", "claim_wait")),
        (Backoff, ("initial_delay", "max_delay", "max_retry_after", "jitter")),
    ):
        for name in names:
            counts = name in ("max_retries", "attempts", "batch_size")
            strategy = bad_int(minimum=1 if name != "max_retries" else 0) if counts else bad_seconds()
            yield Entry(
                f"{cls.__name__}({name}=)", name, strategy, lambda env, value, cls=cls, name=name: cls(**{name: value})
            )
    yield Entry(
        "StaticTokenAuth(token)", "token", bad_text("eyJ.a.b", limit=16384), lambda env, value: StaticTokenAuth(value)
    )
    yield Entry(
        "StaticTokenAuth(scheme=)",
        "auth_scheme",
        st.one_of(wrong(str), st.sampled_from(["two words", "Bearer\n"])),
        lambda env, value: StaticTokenAuth("abc", scheme=value),
    )
    for position, name in enumerate(("client_id", "client_secret")):

        def credentials(env: Env, value: Any, position: int = position) -> Any:
            given = ["id", "secret"]
            given[position] = value
            return ClientCredentialsAuth(*given)

        yield Entry(f"ClientCredentialsAuth({name})", name, bad_text("abc", limit=16384), credentials)
    yield Entry(
        "ClientCredentialsAuth(token_url=)",
        "token_url",
        _url(query=False),
        lambda env, value: ClientCredentialsAuth("id", "secret", token_url=value),
    )


class AsyncTwin:
    """Stands for `env.kt` in an async twin: each method runs on a fresh `AsyncKorusTicket` on the same recording
    sandbox, and returns the coroutine (which `classify` awaits)."""

    def __init__(self, env: Env) -> None:
        self.env = env

    def __getattr__(self, method: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            async def run() -> Any:
                async with AsyncKorusTicket(**self.env.async_options()) as akt:
                    return await getattr(akt, method)(*args, **kwargs)

            return run()

        return call


def async_twins(entries: Iterator[Entry]) -> Iterator[Entry]:
    """The same entries on `AsyncKorusTicket`: its booking methods check their arguments as the sync ones do."""
    for entry in entries:

        def twin(env: Env, value: Any, run: Callable[[Env, Any], Any] = entry.run) -> Any:
            real = env.kt
            env.kt = AsyncTwin(env)  # type: ignore[assignment]
            try:
                return run(env, value)
            finally:
                env.kt = real

        yield Entry(entry.name.replace("kt.", "akt.", 1), entry.argument, entry.odd, twin)


def sandbox_entries() -> Iterator[Entry]:
    """`korusticket.testing.Sandbox(...)`: each setting (refused before the catalog is generated)."""
    odd: dict[str, st.SearchStrategy[Any]] = {
        "seed": st.one_of(wrong(int), st.just("0")),
        "offers": bad_int(minimum=1),
        "catalog_offers": bad_int(minimum=1),
        "client_id": bad_text("sandbox-client", limit=255),
        "client_secret": bad_text("sandbox-secret", limit=255),
        "storage_url": _url(query=False).filter(lambda value: value != "http://api.example.com"),
        "reservation_lifetime": st.one_of(
            wrong(datetime.timedelta), st.sampled_from([datetime.timedelta(0), datetime.timedelta(minutes=-1)])
        ),
        "token_lifetime": bad_int(minimum=1),
        "double_ordering": st.one_of(wrong(bool), st.just("yes")),
        "created_status": st.sampled_from([0, 204, 404, True, "200", 200.0, None]),
        "exact_date_filter": st.one_of(wrong(bool), st.just(1)),
        "history": bad_int(minimum=1),
        "clock": st.one_of(wrong(), st.just(datetime.datetime(2025, 1, 1))),
    }
    for name, strategy in odd.items():
        yield Entry(f"Sandbox({name}=)", name, strategy, lambda env, value, name=name: Sandbox(**{name: value}))


def entries() -> list[Entry]:
    """Every entry point's arguments, in a fixed order."""
    return [
        *client_entries(),
        *call_entries(),
        *surface_entries(),
        *booking_entries(),
        *async_twins(booking_entries()),
        *async_twins(entry for entry in call_entries() if entry.name.startswith("kt.call(")),
        *module_entries(),
        *sandbox_entries(),
    ]


def fuzz(tmp: Path, examples: int) -> dict[str, Tally]:
    """Drive every entry; the tallies by entry name."""
    env = Env(tmp)
    return {entry.name: drive(entry, env, examples) for entry in entries()}


def summary(tallies: Mapping[str, Tally]) -> collections.Counter[str]:
    total: collections.Counter[str] = collections.Counter()
    for tally in tallies.values():
        total.update({"entries": 1, "cases": tally.cases, "clear": tally.clear, "raw": tally.raw})
        total.update({"unchecked": tally.unchecked})
    return total
