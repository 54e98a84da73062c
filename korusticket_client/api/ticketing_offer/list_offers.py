import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.jwt_error import JWTError
from ...models.sort_direction import SortDirection
from ...models.ticketing_offer_collection import TicketingOfferCollection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    catalog_id: str,
    *,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    orderdate: SortDirection | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    dateafter: str | Unset = UNSET,
    datestrictly_after: str | Unset = UNSET,
    datebefore: str | Unset = UNSET,
    datestrictly_before: str | Unset = UNSET,
    product: list[str] | Unset = UNSET,
    product_base_id: str | Unset = UNSET,
    session: str | Unset = UNSET,
    option_values_context: list[str] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["itemsPerPage"] = items_per_page

    json_orderdate: str | Unset = UNSET
    if not isinstance(orderdate, Unset):
        json_orderdate = orderdate

    params["order[date]"] = json_orderdate

    json_date: str | Unset = UNSET
    if not isinstance(date, Unset):
        json_date = date.isoformat()
    params["date"] = json_date

    params["date[after]"] = dateafter

    params["date[strictly_after]"] = datestrictly_after

    params["date[before]"] = datebefore

    params["date[strictly_before]"] = datestrictly_before

    json_product: list[str] | Unset = UNSET
    if not isinstance(product, Unset):
        json_product = product

    params["product[]"] = json_product

    params["productBaseId"] = product_base_id

    params["session"] = session

    json_option_values_context: list[str] | Unset = UNSET
    if not isinstance(option_values_context, Unset):
        json_option_values_context = option_values_context

    params["optionValuesContext[]"] = json_option_values_context

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ticketing/catalogs/{catalog_id}/offers".format(
            catalog_id=quote(str(catalog_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | JWTError | TicketingOfferCollection | None:
    if response.status_code == 200:
        response_200 = TicketingOfferCollection.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = JWTError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | JWTError | TicketingOfferCollection]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    catalog_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    orderdate: SortDirection | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    dateafter: str | Unset = UNSET,
    datestrictly_after: str | Unset = UNSET,
    datebefore: str | Unset = UNSET,
    datestrictly_before: str | Unset = UNSET,
    product: list[str] | Unset = UNSET,
    product_base_id: str | Unset = UNSET,
    session: str | Unset = UNSET,
    option_values_context: list[str] | Unset = UNSET,
) -> Response[Error | JWTError | TicketingOfferCollection]:
    """List offers

     ---
    Retrieve a list of offers.

    ---

    ## Attributes details

    `availableQuantity` is close to real time; call the availability operation for an exact figure when
    `availabilityCheckRequired` is true. When `realtimePriceRequired` is true, read the current price
    from the price operation before reserving.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdoffers_get_collection`.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        orderdate (SortDirection | Unset):
        date (datetime.date | Unset):
        dateafter (str | Unset):
        datestrictly_after (str | Unset):
        datebefore (str | Unset):
        datestrictly_before (str | Unset):
        product (list[str] | Unset):
        product_base_id (str | Unset):
        session (str | Unset):
        option_values_context (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingOfferCollection]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        page=page,
        items_per_page=items_per_page,
        orderdate=orderdate,
        date=date,
        dateafter=dateafter,
        datestrictly_after=datestrictly_after,
        datebefore=datebefore,
        datestrictly_before=datestrictly_before,
        product=product,
        product_base_id=product_base_id,
        session=session,
        option_values_context=option_values_context,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    catalog_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    orderdate: SortDirection | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    dateafter: str | Unset = UNSET,
    datestrictly_after: str | Unset = UNSET,
    datebefore: str | Unset = UNSET,
    datestrictly_before: str | Unset = UNSET,
    product: list[str] | Unset = UNSET,
    product_base_id: str | Unset = UNSET,
    session: str | Unset = UNSET,
    option_values_context: list[str] | Unset = UNSET,
) -> Error | JWTError | TicketingOfferCollection | None:
    """List offers

     ---
    Retrieve a list of offers.

    ---

    ## Attributes details

    `availableQuantity` is close to real time; call the availability operation for an exact figure when
    `availabilityCheckRequired` is true. When `realtimePriceRequired` is true, read the current price
    from the price operation before reserving.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdoffers_get_collection`.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        orderdate (SortDirection | Unset):
        date (datetime.date | Unset):
        dateafter (str | Unset):
        datestrictly_after (str | Unset):
        datebefore (str | Unset):
        datestrictly_before (str | Unset):
        product (list[str] | Unset):
        product_base_id (str | Unset):
        session (str | Unset):
        option_values_context (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingOfferCollection
    """

    return sync_detailed(
        catalog_id=catalog_id,
        client=client,
        page=page,
        items_per_page=items_per_page,
        orderdate=orderdate,
        date=date,
        dateafter=dateafter,
        datestrictly_after=datestrictly_after,
        datebefore=datebefore,
        datestrictly_before=datestrictly_before,
        product=product,
        product_base_id=product_base_id,
        session=session,
        option_values_context=option_values_context,
    ).parsed


async def asyncio_detailed(
    catalog_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    orderdate: SortDirection | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    dateafter: str | Unset = UNSET,
    datestrictly_after: str | Unset = UNSET,
    datebefore: str | Unset = UNSET,
    datestrictly_before: str | Unset = UNSET,
    product: list[str] | Unset = UNSET,
    product_base_id: str | Unset = UNSET,
    session: str | Unset = UNSET,
    option_values_context: list[str] | Unset = UNSET,
) -> Response[Error | JWTError | TicketingOfferCollection]:
    """List offers

     ---
    Retrieve a list of offers.

    ---

    ## Attributes details

    `availableQuantity` is close to real time; call the availability operation for an exact figure when
    `availabilityCheckRequired` is true. When `realtimePriceRequired` is true, read the current price
    from the price operation before reserving.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdoffers_get_collection`.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        orderdate (SortDirection | Unset):
        date (datetime.date | Unset):
        dateafter (str | Unset):
        datestrictly_after (str | Unset):
        datebefore (str | Unset):
        datestrictly_before (str | Unset):
        product (list[str] | Unset):
        product_base_id (str | Unset):
        session (str | Unset):
        option_values_context (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingOfferCollection]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        page=page,
        items_per_page=items_per_page,
        orderdate=orderdate,
        date=date,
        dateafter=dateafter,
        datestrictly_after=datestrictly_after,
        datebefore=datebefore,
        datestrictly_before=datestrictly_before,
        product=product,
        product_base_id=product_base_id,
        session=session,
        option_values_context=option_values_context,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    catalog_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    orderdate: SortDirection | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    dateafter: str | Unset = UNSET,
    datestrictly_after: str | Unset = UNSET,
    datebefore: str | Unset = UNSET,
    datestrictly_before: str | Unset = UNSET,
    product: list[str] | Unset = UNSET,
    product_base_id: str | Unset = UNSET,
    session: str | Unset = UNSET,
    option_values_context: list[str] | Unset = UNSET,
) -> Error | JWTError | TicketingOfferCollection | None:
    """List offers

     ---
    Retrieve a list of offers.

    ---

    ## Attributes details

    `availableQuantity` is close to real time; call the availability operation for an exact figure when
    `availabilityCheckRequired` is true. When `realtimePriceRequired` is true, read the current price
    from the price operation before reserving.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdoffers_get_collection`.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        orderdate (SortDirection | Unset):
        date (datetime.date | Unset):
        dateafter (str | Unset):
        datestrictly_after (str | Unset):
        datebefore (str | Unset):
        datestrictly_before (str | Unset):
        product (list[str] | Unset):
        product_base_id (str | Unset):
        session (str | Unset):
        option_values_context (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingOfferCollection
    """

    return (
        await asyncio_detailed(
            catalog_id=catalog_id,
            client=client,
            page=page,
            items_per_page=items_per_page,
            orderdate=orderdate,
            date=date,
            dateafter=dateafter,
            datestrictly_after=datestrictly_after,
            datebefore=datebefore,
            datestrictly_before=datestrictly_before,
            product=product,
            product_base_id=product_base_id,
            session=session,
            option_values_context=option_values_context,
        )
    ).parsed
