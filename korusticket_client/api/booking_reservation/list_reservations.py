from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.booking_reservation_collection import BookingReservationCollection
from ...models.error import Error
from ...models.jwt_error import JWTError
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    ordercreated_at: SortDirection | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["itemsPerPage"] = items_per_page

    json_ordercreated_at: str | Unset = UNSET
    if not isinstance(ordercreated_at, Unset):
        json_ordercreated_at = ordercreated_at

    params["order[createdAt]"] = json_ordercreated_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/booking/reservations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BookingReservationCollection | Error | JWTError | None:
    if response.status_code == 200:
        response_200 = BookingReservationCollection.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BookingReservationCollection | Error | JWTError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    ordercreated_at: SortDirection | Unset = UNSET,
) -> Response[BookingReservationCollection | Error | JWTError]:
    """Retrieves the collection of BookingReservation resources.

     Retrieves the collection of BookingReservation resources.

    Vendor operationId: `api_v1bookingreservations_get_collection`.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        ordercreated_at (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingReservationCollection | Error | JWTError]
    """

    kwargs = _get_kwargs(
        page=page,
        items_per_page=items_per_page,
        ordercreated_at=ordercreated_at,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    ordercreated_at: SortDirection | Unset = UNSET,
) -> BookingReservationCollection | Error | JWTError | None:
    """Retrieves the collection of BookingReservation resources.

     Retrieves the collection of BookingReservation resources.

    Vendor operationId: `api_v1bookingreservations_get_collection`.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        ordercreated_at (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingReservationCollection | Error | JWTError
    """

    return sync_detailed(
        client=client,
        page=page,
        items_per_page=items_per_page,
        ordercreated_at=ordercreated_at,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    ordercreated_at: SortDirection | Unset = UNSET,
) -> Response[BookingReservationCollection | Error | JWTError]:
    """Retrieves the collection of BookingReservation resources.

     Retrieves the collection of BookingReservation resources.

    Vendor operationId: `api_v1bookingreservations_get_collection`.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        ordercreated_at (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingReservationCollection | Error | JWTError]
    """

    kwargs = _get_kwargs(
        page=page,
        items_per_page=items_per_page,
        ordercreated_at=ordercreated_at,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    ordercreated_at: SortDirection | Unset = UNSET,
) -> BookingReservationCollection | Error | JWTError | None:
    """Retrieves the collection of BookingReservation resources.

     Retrieves the collection of BookingReservation resources.

    Vendor operationId: `api_v1bookingreservations_get_collection`.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        ordercreated_at (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingReservationCollection | Error | JWTError
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            items_per_page=items_per_page,
            ordercreated_at=ordercreated_at,
        )
    ).parsed
