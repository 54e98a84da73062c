from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.booking_order_collection import BookingOrderCollection
from ...models.error import Error
from ...models.jwt_error import JWTError
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    external_reference: str | Unset = UNSET,
    ordercreated_at: SortDirection | Unset = UNSET,
    created_atafter: str | Unset = UNSET,
    created_atstrictly_after: str | Unset = UNSET,
    created_atbefore: str | Unset = UNSET,
    created_atstrictly_before: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["itemsPerPage"] = items_per_page

    params["external_reference"] = external_reference

    json_ordercreated_at: str | Unset = UNSET
    if not isinstance(ordercreated_at, Unset):
        json_ordercreated_at = ordercreated_at

    params["order[createdAt]"] = json_ordercreated_at

    params["createdAt[after]"] = created_atafter

    params["createdAt[strictly_after]"] = created_atstrictly_after

    params["createdAt[before]"] = created_atbefore

    params["createdAt[strictly_before]"] = created_atstrictly_before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/booking/orders",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BookingOrderCollection | Error | JWTError | None:
    if response.status_code == 200:
        response_200 = BookingOrderCollection.from_dict(response.json())

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
) -> Response[BookingOrderCollection | Error | JWTError]:
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
    external_reference: str | Unset = UNSET,
    ordercreated_at: SortDirection | Unset = UNSET,
    created_atafter: str | Unset = UNSET,
    created_atstrictly_after: str | Unset = UNSET,
    created_atbefore: str | Unset = UNSET,
    created_atstrictly_before: str | Unset = UNSET,
) -> Response[BookingOrderCollection | Error | JWTError]:
    """Retrieves the collection of BookingOrder resources.

     Retrieves the collection of BookingOrder resources.

    Vendor operationId: `api_v1bookingorders_get_collection`.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        external_reference (str | Unset):
        ordercreated_at (SortDirection | Unset):
        created_atafter (str | Unset):
        created_atstrictly_after (str | Unset):
        created_atbefore (str | Unset):
        created_atstrictly_before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderCollection | Error | JWTError]
    """

    kwargs = _get_kwargs(
        page=page,
        items_per_page=items_per_page,
        external_reference=external_reference,
        ordercreated_at=ordercreated_at,
        created_atafter=created_atafter,
        created_atstrictly_after=created_atstrictly_after,
        created_atbefore=created_atbefore,
        created_atstrictly_before=created_atstrictly_before,
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
    external_reference: str | Unset = UNSET,
    ordercreated_at: SortDirection | Unset = UNSET,
    created_atafter: str | Unset = UNSET,
    created_atstrictly_after: str | Unset = UNSET,
    created_atbefore: str | Unset = UNSET,
    created_atstrictly_before: str | Unset = UNSET,
) -> BookingOrderCollection | Error | JWTError | None:
    """Retrieves the collection of BookingOrder resources.

     Retrieves the collection of BookingOrder resources.

    Vendor operationId: `api_v1bookingorders_get_collection`.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        external_reference (str | Unset):
        ordercreated_at (SortDirection | Unset):
        created_atafter (str | Unset):
        created_atstrictly_after (str | Unset):
        created_atbefore (str | Unset):
        created_atstrictly_before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderCollection | Error | JWTError
    """

    return sync_detailed(
        client=client,
        page=page,
        items_per_page=items_per_page,
        external_reference=external_reference,
        ordercreated_at=ordercreated_at,
        created_atafter=created_atafter,
        created_atstrictly_after=created_atstrictly_after,
        created_atbefore=created_atbefore,
        created_atstrictly_before=created_atstrictly_before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    external_reference: str | Unset = UNSET,
    ordercreated_at: SortDirection | Unset = UNSET,
    created_atafter: str | Unset = UNSET,
    created_atstrictly_after: str | Unset = UNSET,
    created_atbefore: str | Unset = UNSET,
    created_atstrictly_before: str | Unset = UNSET,
) -> Response[BookingOrderCollection | Error | JWTError]:
    """Retrieves the collection of BookingOrder resources.

     Retrieves the collection of BookingOrder resources.

    Vendor operationId: `api_v1bookingorders_get_collection`.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        external_reference (str | Unset):
        ordercreated_at (SortDirection | Unset):
        created_atafter (str | Unset):
        created_atstrictly_after (str | Unset):
        created_atbefore (str | Unset):
        created_atstrictly_before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderCollection | Error | JWTError]
    """

    kwargs = _get_kwargs(
        page=page,
        items_per_page=items_per_page,
        external_reference=external_reference,
        ordercreated_at=ordercreated_at,
        created_atafter=created_atafter,
        created_atstrictly_after=created_atstrictly_after,
        created_atbefore=created_atbefore,
        created_atstrictly_before=created_atstrictly_before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    external_reference: str | Unset = UNSET,
    ordercreated_at: SortDirection | Unset = UNSET,
    created_atafter: str | Unset = UNSET,
    created_atstrictly_after: str | Unset = UNSET,
    created_atbefore: str | Unset = UNSET,
    created_atstrictly_before: str | Unset = UNSET,
) -> BookingOrderCollection | Error | JWTError | None:
    """Retrieves the collection of BookingOrder resources.

     Retrieves the collection of BookingOrder resources.

    Vendor operationId: `api_v1bookingorders_get_collection`.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        external_reference (str | Unset):
        ordercreated_at (SortDirection | Unset):
        created_atafter (str | Unset):
        created_atstrictly_after (str | Unset):
        created_atbefore (str | Unset):
        created_atstrictly_before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderCollection | Error | JWTError
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            items_per_page=items_per_page,
            external_reference=external_reference,
            ordercreated_at=ordercreated_at,
            created_atafter=created_atafter,
            created_atstrictly_after=created_atstrictly_after,
            created_atbefore=created_atbefore,
            created_atstrictly_before=created_atstrictly_before,
        )
    ).parsed
