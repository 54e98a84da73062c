from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.booking_order_document_download import BookingOrderDocumentDownload
from ...models.constraint_violation_list import ConstraintViolationList
from ...models.error import Error
from ...models.jwt_error import JWTError
from ...models.update_order_document_input import UpdateOrderDocumentInput
from ...types import Response


def _get_kwargs(
    order_id: str,
    id: str,
    *,
    body: UpdateOrderDocumentInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/booking/orders/{order_id}/documents/{id}".format(
            order_id=quote(str(order_id), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/merge-patch+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BookingOrderDocumentDownload | ConstraintViolationList | Error | JWTError | None:
    if response.status_code == 200:
        response_200 = BookingOrderDocumentDownload.from_dict(response.json())

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

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ConstraintViolationList.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    BookingOrderDocumentDownload | ConstraintViolationList | Error | JWTError
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateOrderDocumentInput,
) -> Response[
    BookingOrderDocumentDownload | ConstraintViolationList | Error | JWTError
]:
    """Updates the BookingOrderDocument resource.

     Updates the BookingOrderDocument resource.

    Send an empty object to obtain a temporary download URL (`temporaryUrl`) for the document. `Accept-
    Language` selects the document's language when it exists; otherwise the catalog's default language
    is used, and `cachedLanguage` tells which one was served. The URL expires: store the file, or call
    again for a fresh URL.

    Vendor operationId: `api_v1bookingorders_orderIddocuments_id_patch`.

    Args:
        order_id (str):
        id (str):
        body (UpdateOrderDocumentInput): Send an empty object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderDocumentDownload | ConstraintViolationList | Error | JWTError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateOrderDocumentInput,
) -> BookingOrderDocumentDownload | ConstraintViolationList | Error | JWTError | None:
    """Updates the BookingOrderDocument resource.

     Updates the BookingOrderDocument resource.

    Send an empty object to obtain a temporary download URL (`temporaryUrl`) for the document. `Accept-
    Language` selects the document's language when it exists; otherwise the catalog's default language
    is used, and `cachedLanguage` tells which one was served. The URL expires: store the file, or call
    again for a fresh URL.

    Vendor operationId: `api_v1bookingorders_orderIddocuments_id_patch`.

    Args:
        order_id (str):
        id (str):
        body (UpdateOrderDocumentInput): Send an empty object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderDocumentDownload | ConstraintViolationList | Error | JWTError
    """

    return sync_detailed(
        order_id=order_id,
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    order_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateOrderDocumentInput,
) -> Response[
    BookingOrderDocumentDownload | ConstraintViolationList | Error | JWTError
]:
    """Updates the BookingOrderDocument resource.

     Updates the BookingOrderDocument resource.

    Send an empty object to obtain a temporary download URL (`temporaryUrl`) for the document. `Accept-
    Language` selects the document's language when it exists; otherwise the catalog's default language
    is used, and `cachedLanguage` tells which one was served. The URL expires: store the file, or call
    again for a fresh URL.

    Vendor operationId: `api_v1bookingorders_orderIddocuments_id_patch`.

    Args:
        order_id (str):
        id (str):
        body (UpdateOrderDocumentInput): Send an empty object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingOrderDocumentDownload | ConstraintViolationList | Error | JWTError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateOrderDocumentInput,
) -> BookingOrderDocumentDownload | ConstraintViolationList | Error | JWTError | None:
    """Updates the BookingOrderDocument resource.

     Updates the BookingOrderDocument resource.

    Send an empty object to obtain a temporary download URL (`temporaryUrl`) for the document. `Accept-
    Language` selects the document's language when it exists; otherwise the catalog's default language
    is used, and `cachedLanguage` tells which one was served. The URL expires: store the file, or call
    again for a fresh URL.

    Vendor operationId: `api_v1bookingorders_orderIddocuments_id_patch`.

    Args:
        order_id (str):
        id (str):
        body (UpdateOrderDocumentInput): Send an empty object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingOrderDocumentDownload | ConstraintViolationList | Error | JWTError
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            id=id,
            client=client,
            body=body,
        )
    ).parsed
