"""The generated client speaks the vendor's HTTP: query encoding, auth header, media types, typed pages, 422s."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from pytest_httpx import HTTPXMock

from korusticket_client import AuthenticatedClient
from korusticket_client.api.booking_order import create_orders, list_orders
from korusticket_client.api.booking_order_document import update_order_document
from korusticket_client.api.booking_order_item_ticket import update_order_item_ticket
from korusticket_client.api.ticketing_offer import list_offers
from korusticket_client.models import (
    BeneficiaryInput,
    BookingOrder,
    BookingOrderCollection,
    BookingOrderDocumentDownload,
    ConstraintViolationList,
    CreateOrdersInput,
    CreateOrdersInputCustomer,
    TicketingOfferCollection,
    UpdateOrderDocumentInput,
    UpdateOrderItemTicketInput,
)
from tests.vendor_examples import INDEX, load

DEMO = "https://api.demo.korusticket.com"
ORDER_ID = "0194b132-448c-7d1b-bb13-f8e09ae5c18f"
DOCUMENT_ID = "0194b132-449c-79cd-9da1-50be439b6e9d"


def example(file: str) -> Any:
    return load(next(entry for entry in INDEX if entry["file"] == file))


@pytest.fixture
def client() -> AuthenticatedClient:
    return AuthenticatedClient(base_url=DEMO, token="header.payload.signature", prefix="Bearer")


def test_bracketed_filters_are_encoded_as_in_the_vendor_curl_sample(
    httpx_mock: HTTPXMock, client: AuthenticatedClient
) -> None:
    # From the reference page of GET /v1/booking/orders (its sample fills every filter with "string").
    curl_query = (
        "createdAt%5Bafter%5D=string&createdAt%5Bbefore%5D=string&createdAt%5Bstrictly_after%5D=string"
        "&createdAt%5Bstrictly_before%5D=string&external_reference=string&itemsPerPage=10"
        "&order%5BcreatedAt%5D=asc&page=1"
    )
    httpx_mock.add_response(json={"member": [], "totalItems": 0})
    list_orders.sync_detailed(
        client=client,
        page=1,
        items_per_page=10,
        external_reference="string",
        ordercreated_at="asc",
        created_atafter="string",
        created_atstrictly_after="string",
        created_atbefore="string",
        created_atstrictly_before="string",
    )
    request = httpx_mock.get_request()
    assert request is not None
    assert request.url.path == "/v1/booking/orders"
    sent = request.url.query.decode()
    assert sorted(sent.split("&")) == sorted(curl_query.split("&"))


def test_array_filter_repeats_the_bracketed_name(httpx_mock: HTTPXMock, client: AuthenticatedClient) -> None:
    httpx_mock.add_response(json=example("offers_collection_live.json"))
    catalog = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e"
    list_offers.sync_detailed(catalog, client=client, product=["a", "b"], dateafter="2025-06-01")
    request = httpx_mock.get_request()
    assert request is not None
    assert unquote(request.url.query.decode()).split("&") == [
        "page=1",
        "itemsPerPage=10",
        "date[after]=2025-06-01",
        "product[]=a",
        "product[]=b",
    ]


def test_token_goes_in_the_authorization_header(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(json={"member": [], "totalItems": 0})
    httpx_mock.add_response(json={"member": [], "totalItems": 0})
    list_orders.sync_detailed(client=AuthenticatedClient(base_url=DEMO, token="jwt-1", prefix="Bearer"))
    # The spec's apiKey scheme sends the value verbatim: an empty prefix does that.
    list_orders.sync_detailed(client=AuthenticatedClient(base_url=DEMO, token="jwt-2", prefix=""))
    first, second = httpx_mock.get_requests()
    assert first.headers["Authorization"] == "Bearer jwt-1"
    assert second.headers["Authorization"] == "jwt-2"


def test_collection_page_parses_into_typed_models(httpx_mock: HTTPXMock, client: AuthenticatedClient) -> None:
    order = example("orders_bulk_response_live.json")["orders"][0]
    page = {
        "@context": "/contexts/BookingOrder",
        "@id": "/v1/booking/orders",
        "@type": "Collection",
        "totalItems": 3,
        "member": [order],
        "view": {
            "@id": "/v1/booking/orders?itemsPerPage=1&page=1",
            "@type": "PartialCollectionView",
            "first": "/v1/booking/orders?itemsPerPage=1&page=1",
            "last": "/v1/booking/orders?itemsPerPage=1&page=3",
            "next": "/v1/booking/orders?itemsPerPage=1&page=2",
        },
    }
    httpx_mock.add_response(json=page, headers={"Content-Type": "application/ld+json; charset=utf-8"})
    response = list_orders.sync_detailed(client=client, items_per_page=1)
    assert response.status_code == 200
    parsed = response.parsed
    assert isinstance(parsed, BookingOrderCollection)
    assert parsed.total_items == 3
    assert parsed.view.next_ == "/v1/booking/orders?itemsPerPage=1&page=2"
    assert parsed.view.last == "/v1/booking/orders?itemsPerPage=1&page=3"
    (member,) = parsed.member
    assert isinstance(member, BookingOrder)
    assert member.reference == "KT-ORD-6799E80128885"
    assert member.created_at.isoformat() == "2025-01-29T08:34:09+00:00"
    assert member.items[0].offer_tickets[0].session.endswith("/sessions/0195f1a2-6de9-716f-b9f5-f908391de21c")
    assert parsed.to_dict() == page


def test_patch_sends_merge_patch_json(httpx_mock: HTTPXMock, client: AuthenticatedClient) -> None:
    httpx_mock.add_response(json=example("order_document_patch_response.json"))
    response = update_order_document.sync_detailed(
        ORDER_ID, DOCUMENT_ID, client=client, body=UpdateOrderDocumentInput()
    )
    request = httpx_mock.get_request()
    assert request is not None
    assert request.method == "PATCH"
    assert request.url.path == f"/v1/booking/orders/{ORDER_ID}/documents/{DOCUMENT_ID}"
    assert request.headers["Content-Type"] == "application/merge-patch+json"
    assert json.loads(request.content) == {}
    assert isinstance(response.parsed, BookingOrderDocumentDownload)
    assert response.parsed.cached_language == "fr"


def test_patch_beneficiary_body(httpx_mock: HTTPXMock, client: AuthenticatedClient) -> None:
    httpx_mock.add_response(json=example("order_item_ticket_sample_1_0_19.json"))
    body = UpdateOrderItemTicketInput(beneficiary=BeneficiaryInput(firstname="john", lastname="doe", title="mr"))
    update_order_item_ticket.sync_detailed(ORDER_ID, ORDER_ID, ORDER_ID, client=client, body=body)
    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["Content-Type"] == "application/merge-patch+json"
    assert json.loads(request.content) == {"beneficiary": {"firstname": "john", "lastname": "doe", "title": "mr"}}


def test_bulk_order_posts_jsonld_and_parses_the_422_violations(
    httpx_mock: HTTPXMock, client: AuthenticatedClient
) -> None:
    violations = example("orders_bulk_422_reservation_expired.json")
    httpx_mock.add_response(status_code=422, json=violations)
    body = CreateOrdersInput.from_dict(example("orders_bulk_request.json"))
    response = create_orders.sync_detailed(client=client, body=body)
    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["Content-Type"] == "application/ld+json"
    assert json.loads(request.content) == example("orders_bulk_request.json")
    assert response.status_code == 422
    parsed = response.parsed
    assert isinstance(parsed, ConstraintViolationList)
    (violation,) = parsed.violations
    assert violation.property_path == "reservations[0].expired"
    assert violation.code == "d53a91b0-def3-426a-83d7-269da7ab4200"
    assert violation.message == "La réservation a expiré"


def test_request_models_reject_missing_required_fields() -> None:
    with pytest.raises(KeyError):
        CreateOrdersInputCustomer.from_dict({"firstname": "john"})


def test_offer_collection_response_type(httpx_mock: HTTPXMock, client: AuthenticatedClient) -> None:
    httpx_mock.add_response(json=example("offers_collection_live.json"))
    parsed = list_offers.sync("0194abdc-3a71-72b0-a9b9-89d4be0cd73e", client=client)
    assert isinstance(parsed, TicketingOfferCollection)


def test_timeout_and_base_url_come_from_the_client(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(json={"member": []})
    custom = AuthenticatedClient(base_url="https://api.korusticket.com", token="t", timeout=httpx.Timeout(3.0))
    list_orders.sync_detailed(client=custom)
    request = httpx_mock.get_request()
    assert request is not None
    assert request.url.host == "api.korusticket.com"
    assert request.extensions["timeout"]["read"] == 3.0
