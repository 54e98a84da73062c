"""Lazy iteration over Hydra collections, sync and async, with optional bounded prefetch.

A `Paginator` fetches nothing until iterated, then one page at a time: memory holds one page (or, with
`prefetch=N`, N requests in flight and at most 2N pages fetched ahead, as bytes: see `AHEAD`). The next page is the
one `view.next` names; when the server omits `view`, `totalItems` and the page size decide. A broken answer raises
`UnexpectedResponseError` rather than silently ending the iteration early or going round in circles: a page holding
fewer members than its own `totalItems` promises, a `view.next` that does not advance (the same page or an earlier
one), and a page whose members (by `@id`) are exactly those of a page already read. A `view` that stops giving `next`
before the `totalItems` promised is not taken as the end: the following pages are asked for, and must deliver.
"""

from __future__ import annotations

import contextlib
import math
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import parse_qs, urlsplit

from korusticket._lazy import lazy_module
from korusticket._operation import is_count, is_integer
from korusticket.errors import InvalidRequestError, UnexpectedResponseError

if TYPE_CHECKING:
    import asyncio
    from concurrent import futures
    from concurrent.futures import Future
else:  # loaded on first use (make bench: start-up): a sync client never starts an event loop
    asyncio = lazy_module("asyncio")
    futures = lazy_module("concurrent.futures")

__all__ = ["MAX_PAGE_SIZE", "AsyncPaginator", "Page", "PagePlan", "Paginator"]

T = TypeVar("T")
MAX_PAGE_SIZE = 50
"""The API's `itemsPerPage` maximum."""
AHEAD = 2
"""With `prefetch=N`, N requests are in flight and up to AHEAD x N pages are queued ahead of the reader, so a
request starts as soon as a slot frees rather than when the reader takes a page (make bench, 2a: the sync 10k
crawl at prefetch=8 went from 1.36 to 1.22 times the latency bound).

The queue holds each page as the bytes that came (read whole; an error status raised there); the reader's thread or task
checks and parses a page when it takes it, so a slot is free as soon as its bytes are in, and only the page being
read is held as models. Parsed in the window instead, up to 2N pages of models (about 1,000 objects each) lived
long enough to be promoted to the collector's oldest generation, whose passes walk every long-lived object in
the process: an unthrottled 10k crawl at prefetch=16 spent 90-104 of its 285-290 ms of CPU in the collector, now
33-34 of 177-189 (`benchmarks.probe_collector`, fixed bytes, no latency).

Sync, the reader parses while the worker threads wait on the network (each releases the GIL there). The 10k crawl
at 20 ms (fixed bytes, the two versions taking turns in fresh processes, 4 rounds of 5 crawls): prefetch=16 took
0.36 s instead of 0.45 s (CPU 0.30 s instead of 0.39 s), prefetch=8 0.59 s instead of 0.62 s; the traced peak of
an unthrottled prefetch=16 crawl fell from 7.9 to 3.3 MB. Async, the reader gives the event loop one turn before
each parse, so the requests it just started and the answers already in run first: CPU fell 10-15%, wall time
stayed the same."""


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a collection."""

    items: list[T]
    number: int | None
    """The page number, or None for collections the API does not paginate."""
    total_items: int | None
    next_page: int | None
    """The page `view.next` points at, if any."""
    collection: Any
    """The generated collection model (`view`, `search`, JSON-LD keys)."""
    json: list[Any] | None = None
    """The members as the API sent them (decoded JSON, one per item), when the paginator was asked to keep them
    (the catalog export writes them); None otherwise."""


# The generated attributes of a Hydra collection's keys: API Platform 4.x writes `member`, `totalItems`,
# `view.next`; 3.x writes `hydra:member`, `hydra:totalItems`, `hydra:view`/`hydra:next` (the generator drops the colon).
MEMBER_ATTRIBUTES = ("member", "hydramember")
TOTAL_ATTRIBUTES = ("total_items", "hydratotal_items")
VIEW_ATTRIBUTES = ("view", "hydraview")
NEXT_ATTRIBUTES = ("next_", "hydranext")


def _first_attribute(model: Any, names: tuple[str, ...]) -> Any:
    from korusticket_client.types import Unset

    for name in names:
        value = getattr(model, name, None)
        if value is not None and not isinstance(value, Unset):
            return value
    return None


_MAPPINGS: dict[type[Any], bool] = {}
"""Whether each type of member seen is a Mapping (members come in a handful of types)."""


def _is_mapping(kind: type[Any]) -> bool:
    known = _MAPPINGS.get(kind)
    if known is None:
        if len(_MAPPINGS) >= 256:  # types made on the fly: keep the table small
            _MAPPINGS.clear()
        known = _MAPPINGS[kind] = issubclass(kind, Mapping)
    return known


def _member_id(item: Any) -> str | None:
    """A member's (or a collection's) `@id`, kept among a generated model's additional properties, or None.

    The repeated-page check reads one per member: whether a type is a Mapping is asked once per type, and a
    generated model's plain dict is read without the ABC check the general case makes."""
    if _is_mapping(type(item)):
        properties = item
    else:
        properties = getattr(item, "additional_properties", None)
        if type(properties) is dict:
            value = properties.get("@id")
            return value if isinstance(value, str) else None
    value = properties.get("@id") if isinstance(properties, Mapping) else None
    return value if isinstance(value, str) else None


def page_from_collection(collection: Any, number: int | None, decoded: Any = None) -> Page[Any]:
    """Read `member`, `totalItems` and `view.next` (or their `hydra:` spellings) from a generated collection model;
    with `decoded` (the JSON it was parsed from), the members' JSON too."""
    members = _first_attribute(collection, MEMBER_ATTRIBUTES)
    if members is None:
        raise TypeError(f"{type(collection).__name__} is not a Hydra collection: it has no member list")
    total = _first_attribute(collection, TOTAL_ATTRIBUTES)
    view = _first_attribute(collection, VIEW_ATTRIBUTES)
    next_iri = _first_attribute(view, NEXT_ATTRIBUTES) if view is not None else None
    next_page = None
    if isinstance(next_iri, str):
        values = parse_qs(urlsplit(next_iri).query).get("page")
        if values and values[0].isascii() and values[0].isdigit() and len(values[0]) <= 18:
            next_page = int(values[0])
        elif number is not None:
            next_page = number + 1
    items = list(members)
    return Page(
        items=items,
        number=number,
        total_items=total if isinstance(total, int) else None,
        next_page=next_page,
        collection=collection,
        json=_members_json(decoded, len(items)),
    )


def _members_json(decoded: Any, count: int) -> list[Any] | None:
    """The decoded members of a collection's JSON, when they are the `count` the model read (else None)."""
    if not isinstance(decoded, dict):
        return None
    found = decoded.get("member", decoded.get("hydra:member"))
    return found if isinstance(found, list) and len(found) == count else None


def _pick(values: list[Any] | None, indexes: list[int]) -> list[Any] | None:
    return None if values is None else [values[index] for index in indexes]


def check_page_size(page_size: Any) -> None:
    """`itemsPerPage`: None (the API's default) or an integer from 1 to `MAX_PAGE_SIZE`."""
    if page_size is not None and not (is_integer(page_size) and 1 <= page_size <= MAX_PAGE_SIZE):
        raise InvalidRequestError(f"page_size: expected an integer from 1 to {MAX_PAGE_SIZE}, got {page_size!r}")


class PagePlan:
    """Which pages to ask for: the I/O-free part shared by the sync and async paginators."""

    def __init__(self, *, paginated: bool, page_size: int | None, max_items: int | None, prefetch: int) -> None:
        check_page_size(page_size)
        if max_items is not None and not is_count(max_items):
            raise InvalidRequestError(f"max_items: expected an integer >= 0, got {max_items!r}")
        if not is_count(prefetch):
            raise InvalidRequestError(f"prefetch: expected an integer >= 0, got {prefetch!r}")
        self.paginated = paginated
        size = page_size or MAX_PAGE_SIZE
        if max_items is not None and 0 < max_items < size:
            size = max_items  # do not fetch more than will be yielded
        self.page_size = size
        self.max_items = max_items
        self.prefetch = prefetch
        self.yielded = 0
        self.first_page = 1
        self.recheck: dict[str, Any] = {}
        """Unverified filters (member field -> value) the server may have ignored: members are re-checked."""
        self.page_keys = ("page", "items_per_page")
        """The names the page number and size go under: the caller's keywords while the filters are checked,
        then the generated function's (the client sets them once the filters are)."""
        self.last_received = 0
        """How many members the last page taken held as the server sent it (before re-checking and `max_items`)."""
        self._seen: dict[int, int] = {}
        """The members of each page read so far, as a hash of their `@id`s, to the page's number."""

    def arguments(self, filters: dict[str, Any], number: int | None) -> dict[str, Any]:
        """The arguments of the request for page `number` (None: a collection the API does not paginate)."""
        if number is None:
            return dict(filters)
        page, size = self.page_keys
        return {**filters, page: number, size: self.page_size}

    @property
    def exhausted(self) -> bool:
        return self.max_items is not None and self.yielded >= self.max_items

    def take(self, page: Page[T]) -> Page[T]:
        """The page as it should be handed out: checked against its own `totalItems`, cut at `max_items`."""
        self._check_complete(page)
        self._check_new(page)
        self.last_received = len(page.items)
        if self.recheck:
            kept = [index for index, item in enumerate(page.items) if self._matches(item)]
            page = replace(page, items=[page.items[i] for i in kept], json=_pick(page.json, kept))
        if self.max_items is not None and self.yielded + len(page.items) > self.max_items:
            left = self.max_items - self.yielded
            page = replace(page, items=page.items[:left], json=None if page.json is None else page.json[:left])
        self.yielded += len(page.items)
        return page

    def _matches(self, item: Any) -> bool:
        from korusticket_client.types import Unset

        for name, value in self.recheck.items():
            field = getattr(item, name, None)
            if field is not None and not isinstance(field, Unset) and field != value:
                return False
            if field is None and hasattr(item, name):
                return False
        return True

    def _check_complete(self, page: Page[Any]) -> None:
        """A page shorter than its `totalItems` promises is a broken answer, not the end of the collection."""
        if page.number is None or page.total_items is None:
            return
        expected = min(self.page_size, max(page.total_items - (page.number - 1) * self.page_size, 0))
        if len(page.items) < expected:
            raise self._broken(
                page,
                f"page {page.number} holds {len(page.items)} members, but its totalItems ({page.total_items}) at "
                f"{self.page_size} per page promises {expected}; the collection would end early",
                f"totalItems={page.total_items}, {len(page.items)} members",
            )

    @staticmethod
    def _broken(page: Page[Any], message: str, summary: str) -> UnexpectedResponseError:
        """The error for a page that cannot be part of a consistent collection."""
        return UnexpectedResponseError(
            message,
            status_code=200,
            content_type="application/ld+json",
            excerpt=summary,
            method="GET",
            url=_member_id(page.collection) or "",
        )

    def _check_new(self, page: Page[Any]) -> None:
        """A page holding exactly the members of a page already read means the server ignores the page asked for."""
        if page.number is None:
            return
        ids = tuple(member for member in map(_member_id, page.items) if member is not None)
        if not ids:
            return
        key = hash(ids)
        earlier = self._seen.setdefault(key, page.number)
        if earlier != page.number:
            raise self._broken(
                page,
                f"page {page.number} holds exactly the members of page {earlier} ({len(ids)} @ids, the first "
                f"{ids[0]}); the server repeats a page rather than advancing through the collection",
                f"page {page.number} = page {earlier}",
            )

    def next_after(self, page: Page[Any]) -> int | None:
        """The page to read after `page` (just taken), or None at the end; a broken `view` raises."""
        if self.exhausted or page.number is None or not self.last_received:
            return None
        if page.next_page is not None:
            if page.next_page <= page.number:
                raise self._broken(
                    page,
                    f"page {page.number}'s view.next points at page {page.next_page}, which does not advance; "
                    f"following it would repeat pages or end the collection early",
                    f"view.next -> page {page.next_page}",
                )
            return page.next_page
        if page.total_items is not None:
            # Also when a `view` lacks the next it should have: the following page then delivers the members
            # promised, or holds fewer than its totalItems promises and raises (`_check_complete`).
            return page.number + 1 if page.number * self.page_size < page.total_items else None
        return page.number + 1 if self.last_received >= self.page_size else None

    def remaining_pages(self, first: Page[Any]) -> range | None:
        """All pages after the first, when prefetching is on and the total is known (a range: the total is the
        server's word, and a billion pages claimed must cost nothing until they are fetched)."""
        if not self.prefetch or first.total_items is None or first.number is None or self.next_after(first) is None:
            return None
        wanted = first.total_items
        if self.max_items is not None:
            wanted = min(wanted, self.max_items)
        last = math.ceil(wanted / self.page_size)
        return range(first.number + 1, last + 1)


class Paginator(Generic[T]):
    """Iterate the members of a collection (`for offer in kt.paginate(...)`) or its pages (`.pages()`)."""

    def __init__(
        self,
        fetch: Callable[[dict[str, Any], int | None], Callable[[], Page[T]]],
        filters: dict[str, Any],
        plan: PagePlan,
    ):
        self._fetch = fetch
        """Sends one page's request and reads its bytes; what it returns builds the page (checks and parses it)."""
        self._filters = filters
        self._plan = plan

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            items = page.items
            del page  # let go before the next page is built: only the page being read is held as models
            yield from items
            del items

    def pages(self) -> Generator[Page[T]]:
        """The collection page by page: `Page` objects with their `items`, `total_items` and `number`.

        Pages are fetched lazily, or `prefetch` at a time once the first page gave the total.
        """
        plan = self._plan
        number = plan.first_page if plan.paginated else None
        page = plan.take(self._fetch(plan.arguments(self._filters, number), number)())
        yield page
        ahead = plan.remaining_pages(page)
        if ahead is not None:
            del page
            yield from self._prefetched(ahead)
            return
        following = plan.next_after(page)
        del page
        while following is not None:
            page = plan.take(self._fetch(plan.arguments(self._filters, following), following)())
            yield page
            following = plan.next_after(page)
            del page

    def _prefetched(self, numbers: range) -> Iterator[Page[T]]:
        plan = self._plan
        pending: deque[Future[Callable[[], Page[T]]]] = deque()
        todo = iter(numbers)
        with futures.ThreadPoolExecutor(max_workers=plan.prefetch, thread_name_prefix="korusticket-page") as pool:
            try:
                for number in todo:
                    pending.append(pool.submit(self._fetch, plan.arguments(self._filters, number), number))
                    if len(pending) >= plan.prefetch * AHEAD:
                        break
                while pending:
                    page = plan.take(pending.popleft().result()())
                    yield page
                    del page  # see __iter__
                    if not plan.last_received or plan.exhausted:
                        return
                    for number in todo:
                        pending.append(pool.submit(self._fetch, plan.arguments(self._filters, number), number))
                        break
            finally:
                for future in pending:
                    future.cancel()


class AsyncPaginator(Generic[T]):
    """The asynchronous twin of `Paginator`: `async for offer in akt.paginate(...)`."""

    def __init__(
        self,
        fetch: Callable[[dict[str, Any], int | None], Awaitable[Callable[[], Page[T]]]],
        filters: dict[str, Any],
        plan: PagePlan,
    ):
        self._fetch = fetch
        """See `Paginator._fetch`."""
        self._filters = filters
        self._plan = plan

    async def __aiter__(self) -> AsyncIterator[T]:
        # aclosing: an iteration closed early (aclose, or an exception in its loop) closes the pages it reads at
        # once, which cancels the window's requests then, rather than whenever the loop finalizes the generator
        async with contextlib.aclosing(self.pages()) as pages:
            async for page in pages:
                items = page.items
                del page  # see Paginator.__iter__
                for item in items:
                    yield item
                del items

    async def pages(self) -> AsyncGenerator[Page[T]]:
        """The collection page by page (`async for page in kt.paginate(...).pages()`); see `Paginator.pages`."""
        plan = self._plan
        number = plan.first_page if plan.paginated else None
        page = plan.take((await self._fetch(plan.arguments(self._filters, number), number))())
        yield page
        ahead = plan.remaining_pages(page)
        if ahead is not None:
            del page
            async with contextlib.aclosing(self._prefetched(ahead)) as window:  # see __aiter__
                async for page in window:
                    yield page
                    del page
            return
        following = plan.next_after(page)
        del page
        while following is not None:
            page = plan.take((await self._fetch(plan.arguments(self._filters, following), following))())
            yield page
            following = plan.next_after(page)
            del page

    async def _prefetched(self, numbers: range) -> AsyncGenerator[Page[T]]:
        plan = self._plan
        pending: deque[asyncio.Task[Callable[[], Page[T]]]] = deque()
        todo = iter(numbers)
        in_flight = asyncio.Semaphore(plan.prefetch)

        async def fetch(number: int) -> Callable[[], Page[T]]:
            async with in_flight:  # freed once the page's bytes are in: the reader parses it later
                return await self._fetch(plan.arguments(self._filters, number), number)

        def start(number: int) -> None:
            pending.append(asyncio.ensure_future(fetch(number)))

        try:
            for number in todo:
                start(number)
                if len(pending) >= plan.prefetch * AHEAD:
                    break
            while pending:
                build = await pending.popleft()
                # One turn of the loop before the parse, even when the page was already in: the requests just
                # started and the answers that arrived meanwhile run first, rather than behind this parse.
                await asyncio.sleep(0)
                page = plan.take(build())
                del build
                yield page
                del page  # see Paginator.__iter__
                if not plan.last_received or plan.exhausted:
                    return
                for number in todo:
                    start(number)
                    break
        finally:
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
