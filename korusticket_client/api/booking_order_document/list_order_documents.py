from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.booking_order_document_collection import BookingOrderDocumentCollection
from ...models.error import Error
from ...models.jwt_error import JWTError
from ...types import Response


def _get_kwargs(
    order_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/booking/orders/{order_id}/documents".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BookingOrderDocumentCollection | Error | JWTError | None:
    if response.status_code == 200:
        response_200 = BookingOrderDocumentCollection.from_dict(response.json())

        return response_200

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
) -> Response[BookingOrderDocumentCollection | Error | JWTError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BookingOrderDocumentCollection | Error | JWTError]:
    """Retrieves the collection of BookingOrderDocument resources.

     Retrieves the collection of BookingOrderDocument resources.

    Vendor operationId: `api_v1bookingorders_orderIddocuments_get_collection`.

    Args:
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderDocumentCollection | Error | JWTError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> BookingOrderDocumentCollection | Error | JWTError | None:
    """Retrieves the collection of BookingOrderDocument resources.

     Retrieves the collection of BookingOrderDocument resources.

    Vendor operationId: `api_v1bookingorders_orderIddocuments_get_collection`.

    Args:
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderDocumentCollection | Error | JWTError
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BookingOrderDocumentCollection | Error | JWTError]:
    """Retrieves the collection of BookingOrderDocument resources.

     Retrieves the collection of BookingOrderDocument resources.

    Vendor operationId: `api_v1bookingorders_orderIddocuments_get_collection`.

    Args:
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderDocumentCollection | Error | JWTError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> BookingOrderDocumentCollection | Error | JWTError | None:
    """Retrieves the collection of BookingOrderDocument resources.

     Retrieves the collection of BookingOrderDocument resources.

    Vendor operationId: `api_v1bookingorders_orderIddocuments_get_collection`.

    Args:
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderDocumentCollection | Error | JWTError
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
        )
    ).parsed
