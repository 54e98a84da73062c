"""Pagination: lazy, following view.next and totalItems, sync and async, with bounded prefetch."""

from __future__ import annotations

import asyncio
import math
import threading
import time
import weakref
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from korusticket import Page, UnexpectedResponseError
from korusticket_client.api.booking_order import list_orders
from korusticket_client.api.booking_order_document import list_order_documents
from korusticket_client.api.ticketing_offer import get_offer, list_offers
from tests.facade.conftest import CATALOG, ORDER, Script, async_client, client, jsonld

OFFERS = f"/v1/ticketing/catalogs/{CATALOG}/offers"


class CollectionServer:
    """Serves `total` offers, paginated the way API Platform does it."""

    def __init__(self, total: int, *, view: bool = True, total_items: bool = True, delay: float = 0.0) -> None:
        self.total = total
        self.view = view
        self.total_items = total_items
        self.delay = delay
        self.queries: list[dict[str, str]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()

    def page(self, request: httpx.Request) -> httpx.Response:
        query = {key: values[0] for key, values in parse_qs(request.url.query.decode()).items()}
        self.queries.append(query)
        number = int(query.get("page", 1))
        size = int(query.get("itemsPerPage", 30))
        start = (number - 1) * size
        members = [
            {"@id": f"{OFFERS}/{index}", "@type": "TicketingOffer", "id": str(index)}
            for index in range(start, min(start + size, self.total))
        ]
        body: dict[str, Any] = {"@id": OFFERS, "@type": "Collection", "member": members}
        if self.total_items:
            body["totalItems"] = self.total
        if self.view:
            last = max(1, math.ceil(self.total / size))
            view = {"@id": f"{OFFERS}?itemsPerPage={size}&page={number}", "@type": "PartialCollectionView"}
            if last > 1:
                view |= {
                    "first": f"{OFFERS}?itemsPerPage={size}&page=1",
                    "last": f"{OFFERS}?itemsPerPage={size}&page={last}",
                }
                if number < last:
                    view["next"] = f"{OFFERS}?itemsPerPage={size}&page={number + 1}"
                if number > 1:
                    view["previous"] = f"{OFFERS}?itemsPerPage={size}&page={number - 1}"
            body["view"] = view
        return jsonld(body)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.delay:
                time.sleep(self.delay)
            return self.page(request)
        finally:
            with self._lock:
                self.in_flight -= 1

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
            return self.page(request)
        finally:
            self.in_flight -= 1


def ids(offers: list[Any]) -> list[int]:
    return [int(offer.id) for offer in offers]


CASES = [(0, 10), (3, 10), (4, 2), (123, 10), (50, 50), (51, 50)]


@pytest.mark.parametrize("prefetch", [0, 3])
@pytest.mark.parametrize(("total", "size"), CASES)
def test_sync_iterates_every_member_in_order(total: int, size: int, prefetch: int) -> None:
    server = CollectionServer(total)
    with client(Script(server)) as kt:
        offers = list(kt.paginate(list_offers, catalog_id=CATALOG, page_size=size, prefetch=prefetch))
    assert ids(offers) == list(range(total))
    assert len(server.queries) == max(1, math.ceil(total / size))
    assert sorted(int(query["page"]) for query in server.queries) == list(range(1, len(server.queries) + 1))
    assert {query["itemsPerPage"] for query in server.queries} == {str(size)}


@pytest.mark.parametrize("prefetch", [0, 3])
@pytest.mark.parametrize(("total", "size"), CASES)
async def test_async_iterates_every_member_in_order(total: int, size: int, prefetch: int) -> None:
    server = CollectionServer(total)
    script = Script(server)
    async with async_client(script) as kt:
        offers = [
            offer async for offer in kt.paginate(list_offers, catalog_id=CATALOG, page_size=size, prefetch=prefetch)
        ]
    assert ids(offers) == list(range(total))
    assert len(server.queries) == max(1, math.ceil(total / size))


def test_nothing_is_fetched_until_iteration() -> None:
    server = CollectionServer(5)
    with client(Script(server)) as kt:
        paginator = kt.paginate(list_offers, catalog_id=CATALOG)
        assert server.queries == []
        assert len(list(paginator)) == 5
    assert server.queries == [{"page": "1", "itemsPerPage": "50"}]  # the API's maximum page size by default


def test_pages_carry_their_number_and_the_total() -> None:
    server = CollectionServer(25)
    with client(Script(server)) as kt:
        pages = list(kt.paginate(list_offers, catalog_id=CATALOG, page_size=10).pages())
    assert [(page.number, len(page.items), page.total_items, page.next_page) for page in pages] == [
        (1, 10, 25, 2),
        (2, 10, 25, 3),
        (3, 5, 25, None),
    ]
    assert all(isinstance(page, Page) for page in pages)
    assert pages[0].collection.view.last == f"{OFFERS}?itemsPerPage=10&page=3"


@pytest.mark.parametrize("prefetch", [0, 4])
def test_max_items_stops_early(prefetch: int) -> None:
    server = CollectionServer(1000)
    with client(Script(server)) as kt:
        offers = list(kt.paginate(list_offers, catalog_id=CATALOG, page_size=10, max_items=25, prefetch=prefetch))
        assert ids(offers) == list(range(25))
        assert len(server.queries) == 3
        small = list(kt.paginate(list_offers, catalog_id=CATALOG, max_items=7))
    assert ids(small) == list(range(7))
    assert server.queries[-1] == {"page": "1", "itemsPerPage": "7"}  # never more than will be yielded


def test_without_view_the_total_decides() -> None:
    server = CollectionServer(21, view=False)
    with client(Script(server)) as kt:
        assert len(list(kt.paginate(list_offers, catalog_id=CATALOG, page_size=10))) == 21
    assert len(server.queries) == 3


def test_without_view_or_total_full_pages_continue() -> None:
    server = CollectionServer(20, view=False, total_items=False)
    with client(Script(server)) as kt:
        assert len(list(kt.paginate(list_offers, catalog_id=CATALOG, page_size=10))) == 20
    assert len(server.queries) == 3  # the third, empty page ends it


def test_start_page_and_filters_use_readable_names() -> None:
    server = CollectionServer(30)
    with client(Script(server)) as kt:
        offers = list(
            kt.paginate(
                list_offers,
                catalog_id=CATALOG,
                page=2,
                items_per_page=10,
                order_date="desc",
                date_after="2025-06-01",
                product="0194abfe-1c04-7ade-9bc3-dbcfefb12652",
            )
        )
    assert ids(offers) == list(range(10, 30))
    assert server.queries[0] == {
        "page": "2",
        "itemsPerPage": "10",
        "order[date]": "desc",
        "date[after]": "2025-06-01",
        "product[]": "0194abfe-1c04-7ade-9bc3-dbcfefb12652",
    }


def test_call_sends_only_what_the_caller_set() -> None:
    server = CollectionServer(3)
    script = Script(server)
    with client(script) as kt:
        kt.call(list_offers, catalog_id=CATALOG)
        kt.call(list_orders, created_at_after="2025-01-01", order_created_at="desc")
    assert script.requests[0].url.query == b""  # no page=1&itemsPerPage=10 spec defaults
    assert parse_qs(script.requests[1].url.query.decode()) == {
        "createdAt[after]": ["2025-01-01"],
        "order[createdAt]": ["desc"],
    }


def test_unpaginated_collections_are_fetched_once() -> None:
    documents = {"totalItems": 1, "member": [{"@id": f"/v1/booking/orders/{ORDER}/documents/x", "id": "x"}]}
    script = Script(lambda request: jsonld(documents))
    with client(script) as kt:
        found = list(kt.paginate(list_order_documents, order_id=ORDER))
    assert [document.id for document in found] == ["x"]
    assert [request.url.query for request in script.requests] == [b""]


def test_sync_prefetch_overlaps_requests_within_its_bound() -> None:
    server = CollectionServer(200, delay=0.02)
    with client(Script(server), max_connections=10) as kt:
        offers = list(kt.paginate(list_offers, catalog_id=CATALOG, page_size=10, prefetch=4))
    assert ids(offers) == list(range(200))
    assert 2 <= server.max_in_flight <= 4


async def test_async_prefetch_overlaps_requests_within_its_bound() -> None:
    server = CollectionServer(200, delay=0.01)
    transport = httpx.MockTransport(server.handle_async)
    from korusticket import AsyncKorusTicket
    from tests.facade.conftest import FAST, TOKEN

    async with AsyncKorusTicket.demo(token=TOKEN, retry=FAST, transport=transport) as kt:
        offers = [offer async for offer in kt.paginate(list_offers, catalog_id=CATALOG, page_size=10, prefetch=5)]
    assert ids(offers) == list(range(200))
    assert 2 <= server.max_in_flight <= 5


class LiveCollections:
    """Counts the collection models alive: the window must keep the pages it fetched ahead as bytes."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from korusticket_client.models.ticketing_offer_collection import TicketingOfferCollection

        self.built: list[weakref.ref[Any]] = []
        self.most = 0
        self.at_parse: list[int] = []
        """How many were alive as each page was parsed."""
        parse = TicketingOfferCollection.from_dict.__func__  # type: ignore[attr-defined]

        def spy(cls: type[TicketingOfferCollection], data: dict[str, Any]) -> TicketingOfferCollection:
            self.at_parse.append(sum(ref() is not None for ref in self.built))
            model = parse(cls, data)
            self.built.append(weakref.ref(model))
            return model  # type: ignore[no-any-return]

        monkeypatch.setattr(TicketingOfferCollection, "from_dict", classmethod(spy))

    def count(self) -> None:
        self.most = max(self.most, sum(ref() is not None for ref in self.built))


def test_the_sync_window_holds_only_the_page_being_read_as_models(monkeypatch: pytest.MonkeyPatch) -> None:
    live = LiveCollections(monkeypatch)
    server = CollectionServer(200, delay=0.001)
    with client(Script(server), max_connections=10) as kt:
        for offer in kt.paginate(list_offers, catalog_id=CATALOG, page_size=10, prefetch=4):
            if offer.id is not None and int(offer.id) % 10 == 0:
                time.sleep(0.005)  # a slow reader: the window runs ahead and fills its queue of 8 pages
            live.count()
    assert len(live.built) == 20
    assert server.max_in_flight >= 2
    assert live.most == 1


async def test_the_async_window_holds_only_the_page_being_read_as_models(monkeypatch: pytest.MonkeyPatch) -> None:
    from korusticket import AsyncKorusTicket
    from tests.facade.conftest import FAST, TOKEN

    live = LiveCollections(monkeypatch)
    server = CollectionServer(200)
    transport = httpx.MockTransport(server.handle_async)
    async with AsyncKorusTicket.demo(token=TOKEN, retry=FAST, transport=transport) as kt:
        async for offer in kt.paginate(list_offers, catalog_id=CATALOG, page_size=10, prefetch=4):
            if offer.id is not None and int(offer.id) % 10 == 0:
                await asyncio.sleep(0.005)
            live.count()
    assert len(live.built) == 20
    assert live.most == 1


def test_a_lazy_crawl_lets_each_page_go_before_it_builds_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    live = LiveCollections(monkeypatch)
    with client(Script(CollectionServer(100))) as kt:
        assert len([offer.id for offer in kt.paginate(list_offers, catalog_id=CATALOG, page_size=10)]) == 100
    assert live.at_parse == [0] * 10


async def test_a_lazy_async_crawl_lets_each_page_go_before_it_builds_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    live = LiveCollections(monkeypatch)
    async with async_client(Script(CollectionServer(100))) as kt:
        assert len([offer.id async for offer in kt.paginate(list_offers, catalog_id=CATALOG, page_size=10)]) == 100
    assert live.at_parse == [0] * 10


async def test_async_window_sends_the_next_request_before_parsing_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """The slot frees when a page's bytes arrive, so the following request is not held up by the parse."""
    from korusticket import AsyncKorusTicket
    from korusticket_client.models.ticketing_offer_collection import TicketingOfferCollection
    from tests.facade.conftest import FAST, TOKEN

    events: list[str] = []
    server = CollectionServer(40, delay=0.001)

    async def handle(request: httpx.Request) -> httpx.Response:
        events.append(f"request {parse_qs(request.url.query.decode()).get('page', ['1'])[0]}")
        return await server.handle_async(request)

    parse = TicketingOfferCollection.from_dict.__func__  # type: ignore[attr-defined]

    def spy(cls: type[TicketingOfferCollection], data: dict[str, Any]) -> TicketingOfferCollection:
        events.append(f"parsed {data['view']['@id'].rsplit('=', 1)[1]}")
        return parse(cls, data)  # type: ignore[no-any-return]

    monkeypatch.setattr(TicketingOfferCollection, "from_dict", classmethod(spy))
    transport = httpx.MockTransport(handle)
    async with AsyncKorusTicket.demo(token=TOKEN, retry=FAST, transport=transport) as kt:
        pages = kt.paginate(list_offers, catalog_id=CATALOG, page_size=10, prefetch=1)
        offers = [offer async for offer in pages]
    assert ids(offers) == list(range(40))
    for number in (2, 3):
        assert events.index(f"request {number + 1}") < events.index(f"parsed {number}"), events


async def test_async_reader_gives_the_loop_a_turn_before_each_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """The async window's pages wait as bytes, and its reader parses each when it takes it. Before each parse it
    gives the event loop a turn, so the request it has just started goes out before the parse, even when the
    page to parse was already in (else the window would refill only after every page queued had been parsed)."""
    from korusticket import AsyncKorusTicket
    from korusticket_client.models.ticketing_offer_collection import TicketingOfferCollection
    from tests.facade.conftest import FAST, TOKEN

    events: list[str] = []
    server = CollectionServer(80)  # every page answers at once: the reader never waits for one

    async def handle(request: httpx.Request) -> httpx.Response:
        events.append(f"request {parse_qs(request.url.query.decode()).get('page', ['1'])[0]}")
        return await server.handle_async(request)

    parse = TicketingOfferCollection.from_dict.__func__  # type: ignore[attr-defined]

    def spy(cls: type[TicketingOfferCollection], data: dict[str, Any]) -> TicketingOfferCollection:
        events.append(f"parsed {data['view']['@id'].rsplit('=', 1)[1]}")
        return parse(cls, data)  # type: ignore[no-any-return]

    monkeypatch.setattr(TicketingOfferCollection, "from_dict", classmethod(spy))
    async with AsyncKorusTicket.demo(token=TOKEN, retry=FAST, transport=httpx.MockTransport(handle)) as kt:
        offers = [o async for o in kt.paginate(list_offers, catalog_id=CATALOG, page_size=10, prefetch=2)]
    assert ids(offers) == list(range(80))
    # pages 2-5 are asked for first (2 in flight, 2 x 2 queued); the reader starts page 6 once it has taken page 2
    assert events.index("request 5") < events.index("parsed 2"), events
    for taken in (2, 3):
        assert (
            events.index(f"parsed {taken}") < events.index(f"request {taken + 4}") < events.index(f"parsed {taken + 1}")
        ), events


def test_bad_options_raise_before_any_request() -> None:
    server = CollectionServer(3)
    with client(Script(server)) as kt:
        with pytest.raises(ValueError, match=r"^page_size: expected an integer from 1 to 50, got 51"):
            kt.paginate(list_offers, catalog_id=CATALOG, page_size=51)
        with pytest.raises(ValueError, match=r"^prefetch: expected an integer >= 0"):
            kt.paginate(list_offers, catalog_id=CATALOG, prefetch=-1)
        with pytest.raises(ValueError, match=r"^catalog_id: expected a UUID"):
            kt.paginate(list_offers, catalog_id="nope")
        with pytest.raises(TypeError, match="needs a collection operation"):
            kt.paginate(get_offer, catalog_id=CATALOG, id=CATALOG)
    assert server.queries == []


@pytest.mark.parametrize("prefetch", [0, 2])
def test_the_arguments_are_checked_once_not_for_every_page(prefetch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from korusticket._operation import Operation

    checks: list[str] = []
    original = Operation.arguments

    def counted(self: Operation, given: Any) -> dict[str, Any]:
        checks.append(self.name)
        return original(self, given)

    monkeypatch.setattr(Operation, "arguments", counted)
    server = CollectionServer(120)
    with client(Script(server)) as kt:
        offers = list(
            kt.paginate(list_offers, catalog_id=CATALOG, page_size=10, prefetch=prefetch, date_after="2025-06-01")
        )
    assert len(offers) == 120
    assert len(server.queries) == 12
    assert checks == ["list_offers"]  # once, when paginate() was called
    assert all(query["date[after]"] == "2025-06-01" for query in server.queries)
    assert sorted(int(query["page"]) for query in server.queries) == list(range(1, 13))


class BrokenCollection(CollectionServer):
    """A collection server with one fault: `stuck` (page `at`'s view.next names itself), `back` (it names page 1),
    `repeat` (the page number is ignored: page 1's members every time, with a next that advances), `stop` (page
    `at`'s view has no next though totalItems promises more), `stop-empty` (and the pages after it are empty)."""

    def __init__(self, total: int, fault: str, at: int = 2) -> None:
        super().__init__(total)
        self.fault = fault
        self.at = at

    def page(self, request: httpx.Request) -> httpx.Response:
        number = int(parse_qs(request.url.query.decode()).get("page", ["1"])[0])
        if self.fault == "repeat":
            request = httpx.Request("GET", request.url.copy_set_param("page", "1"))
        body = httpx.Response(200, content=super().page(request).content).json()
        if number == self.at and self.fault in ("stuck", "back"):
            target = number if self.fault == "stuck" else 1
            body["view"]["next"] = f"{OFFERS}?itemsPerPage=50&page={target}"
        if self.fault == "repeat" and number * 50 < self.total:
            body["view"]["next"] = f"{OFFERS}?itemsPerPage=50&page={number + 1}"
        if number == self.at and self.fault.startswith("stop"):
            del body["view"]["next"]
        if number > self.at and self.fault == "stop-empty":
            body["member"] = []
        return jsonld(body)


def crawl(server: CollectionServer, prefetch: int) -> tuple[list[int], UnexpectedResponseError | None]:
    """The members read before the iteration ended, and the error that ended it (None: it ran to the end)."""
    read: list[Any] = []
    with client(Script(server)) as kt:
        try:
            for offer in kt.paginate(list_offers, catalog_id=CATALOG, prefetch=prefetch):
                read.append(offer)
        except UnexpectedResponseError as error:
            return ids(read), error
    return ids(read), None


async def async_crawl(server: CollectionServer, prefetch: int) -> tuple[list[int], UnexpectedResponseError | None]:
    read: list[Any] = []
    async with async_client(Script(server)) as kt:
        try:
            async for offer in kt.paginate(list_offers, catalog_id=CATALOG, prefetch=prefetch):
                read.append(offer)
        except UnexpectedResponseError as error:
            return ids(read), error
    return ids(read), None


NOT_ADVANCING = [
    ("stuck", 2, 0, "page 2's view.next points at page 2, which does not advance", 100),
    ("back", 2, 0, "page 2's view.next points at page 1, which does not advance", 100),
    ("back", 1, 0, "page 1's view.next points at page 1, which does not advance", 50),
    ("back", 1, 3, "page 1's view.next points at page 1, which does not advance", 50),
    ("repeat", 0, 0, "page 2 holds exactly the members of page 1", 50),
    ("repeat", 0, 3, "page 2 holds exactly the members of page 1", 50),
]


@pytest.mark.parametrize(("fault", "at", "prefetch", "message", "read"), NOT_ADVANCING)
def test_a_collection_that_does_not_advance_raises_rather_than_ending_early(
    fault: str, at: int, prefetch: int, message: str, read: int
) -> None:
    server = BrokenCollection(200, fault, at)
    offers, error = crawl(server, prefetch)
    assert error is not None, f"ended quietly after {len(offers)} of 200 members"
    assert message in str(error)
    assert error.url == OFFERS
    assert offers == list(range(read))  # what came before the broken page, each member once
    assert len(server.queries) <= 4  # it did not go round in circles


@pytest.mark.parametrize(("fault", "at", "prefetch", "message", "read"), NOT_ADVANCING)
async def test_async_a_collection_that_does_not_advance_raises_rather_than_ending_early(
    fault: str, at: int, prefetch: int, message: str, read: int
) -> None:
    server = BrokenCollection(200, fault, at)
    offers, error = await async_crawl(server, prefetch)
    assert error is not None, f"ended quietly after {len(offers)} of 200 members"
    assert message in str(error)
    assert offers == list(range(read))


@pytest.mark.parametrize("fault", ["stuck", "stop"])
@pytest.mark.parametrize("prefetch", [3, 8])
async def test_prefetch_reads_by_number_so_a_bad_next_loses_nothing(fault: str, prefetch: int) -> None:
    """With prefetch the pages are asked for by number from the first page's totalItems: a later page's bad
    view.next does not change what is read, and every member arrives once."""
    offers, error = crawl(BrokenCollection(200, fault), prefetch)
    assert error is None
    assert offers == list(range(200))
    offers, error = await async_crawl(BrokenCollection(200, fault), prefetch)
    assert error is None
    assert offers == list(range(200))


@pytest.mark.parametrize("prefetch", [0, 3])
@pytest.mark.parametrize(("total", "total_items"), [(125, True), (125, False), (150, True), (150, False), (0, True)])
async def test_a_consistent_collection_still_ends_normally(total: int, total_items: bool, prefetch: int) -> None:
    """A short last page without next (totalItems matching, or no totalItems at all) is the normal end."""
    offers, error = crawl(CollectionServer(total, total_items=total_items), prefetch)
    assert error is None
    assert offers == list(range(total))
    offers, error = await async_crawl(CollectionServer(total, total_items=total_items), prefetch)
    assert error is None
    assert offers == list(range(total))


@pytest.mark.parametrize("prefetch", [0, 3])
async def test_a_view_that_stops_giving_next_early_is_not_the_end(prefetch: int) -> None:
    """Page 2 of 4 lacks view.next though totalItems says 200: the following pages are read; when they are empty,
    that raises rather than ending after 100 of 200."""
    offers, error = crawl(BrokenCollection(200, "stop"), prefetch)
    assert error is None
    assert offers == list(range(200))
    offers, error = await async_crawl(BrokenCollection(200, "stop"), prefetch)
    assert error is None
    assert offers == list(range(200))
    offers, error = crawl(BrokenCollection(200, "stop-empty"), prefetch)
    assert error is not None
    assert "page 3 holds 0 members, but its totalItems (200)" in str(error)
    assert offers == list(range(100))
    offers, error = await async_crawl(BrokenCollection(200, "stop-empty"), prefetch)
    assert error is not None
    assert "page 3 holds 0 members, but its totalItems (200)" in str(error)


class DatedCollection(CollectionServer):
    """A server that ignores the unverified `date` filter: page 1's members are all on another day."""

    def page(self, request: httpx.Request) -> httpx.Response:
        body = httpx.Response(200, content=super().page(request).content).json()
        number = int(parse_qs(request.url.query.decode()).get("page", ["1"])[0])
        for member in body["member"]:
            member["date"] = "2025-06-08" if number == 1 else "2025-06-07"
        return jsonld(body)


@pytest.mark.parametrize("prefetch", [0, 3])
async def test_a_page_whose_members_are_all_filtered_out_does_not_end_the_collection(prefetch: int) -> None:
    server = DatedCollection(30)
    with client(Script(server)) as kt:
        kept = list(kt.paginate(list_offers, catalog_id=CATALOG, date="2025-06-07", page_size=10, prefetch=prefetch))
    assert ids(kept) == list(range(10, 30))
    server = DatedCollection(30)
    async with async_client(Script(server)) as kt:
        pages = kt.paginate(list_offers, catalog_id=CATALOG, date="2025-06-07", page_size=10, prefetch=prefetch)
        kept = [offer async for offer in pages]
    assert ids(kept) == list(range(10, 30))


def test_a_member_id_is_read_from_models_mappings_and_nothing_else() -> None:
    """`_member_id` (the repeated-page check reads one per member) answers alike for every kind of member."""
    from collections import UserDict

    from korusticket.pagination import _member_id
    from korusticket_client.models.ticketing_offer import TicketingOffer

    class Text(str):
        pass

    model = TicketingOffer.from_dict({"@id": f"{OFFERS}/1", "@type": "TicketingOffer", "id": "1"})
    assert _member_id(model) == f"{OFFERS}/1"
    assert _member_id(TicketingOffer.from_dict({"id": "1"})) is None
    assert _member_id(TicketingOffer.from_dict({"@id": 7})) is None
    assert _member_id(TicketingOffer.from_dict({"@id": Text("x")})) == "x"
    assert _member_id({"@id": "/a"}) == "/a"

    class Tagged(dict[str, Any]):
        additional_properties = {"@id": "/attribute"}  # noqa: RUF012 - a Mapping's own keys come first

    assert _member_id(Tagged({"@id": "/key"})) == "/key"

    class Strict(dict[str, Any]):
        def __getattr__(self, name: str) -> Any:
            raise KeyError(name)  # an attribute-dict: the id is read as a key, never as an attribute

    assert _member_id(Strict({"@id": "/e"})) == "/e"
    assert _member_id(UserDict({"@id": "/b"})) == "/b"
    assert _member_id({"id": "/c"}) is None
    assert _member_id("/d") is None
    assert _member_id(None) is None


async def test_closing_an_async_iteration_cancels_its_window_at_once() -> None:
    """`aclose()` on a member iteration (or an exception in its loop) stops the window's requests then, not when
    the event loop finalizes the generators inside it."""
    from korusticket import AsyncKorusTicket
    from tests.facade.conftest import FAST, TOKEN

    server = CollectionServer(200, delay=0.05)
    async with AsyncKorusTicket.demo(token=TOKEN, retry=FAST, transport=httpx.MockTransport(server.handle_async)) as kt:
        members = kt.paginate(list_offers, catalog_id=CATALOG, page_size=10, prefetch=4).__aiter__()
        read = [await members.__anext__() for _ in range(11)]  # page 1, then the window's first page
        assert ids(read) == list(range(11))
        await members.aclose()  # type: ignore[attr-defined]
        others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        assert others == [] or all(task.done() for task in others), others
        assert server.in_flight == 0


@pytest.mark.parametrize("prefetch", [0, 4])
def test_a_total_the_server_inflates_costs_nothing_until_its_pages_are_fetched(prefetch: int) -> None:
    """`totalItems: 10**18` on a collection of 3: the window plans its pages lazily (it listed them all, and ran
    out of memory), and the short page that breaks the promise is a clear error, not an early end."""

    def claim(request: httpx.Request) -> httpx.Response:
        body = CollectionServer(3).page(request).json()
        return jsonld({**body, "totalItems": 10**18, "view": {"@id": OFFERS}})

    script = Script(claim)
    read: list[Any] = []
    with client(script) as kt, pytest.raises(UnexpectedResponseError, match=r"page 2 holds 1 members, but its"):
        read.extend(kt.paginate(list_offers, catalog_id=CATALOG, page_size=2, prefetch=prefetch))
    assert ids(read) == [0, 1]
    assert len(script.requests) <= 2 + 4 * 2  # at most the window sent ahead of the page that broke it


@pytest.mark.parametrize("page", ["\u00b2", "9" * 5000])
def test_a_next_page_number_python_cannot_read_is_not_a_raw_error(page: str) -> None:
    def odd_next(request: httpx.Request) -> httpx.Response:
        body = CollectionServer(4).page(request).json()
        if body["view"].get("next"):
            body["view"]["next"] = f"{OFFERS}?itemsPerPage=2&page={page}"
        return jsonld(body)

    with client(Script(odd_next)) as kt:
        assert ids(list(kt.paginate(list_offers, catalog_id=CATALOG, page_size=2))) == [0, 1, 2, 3]
