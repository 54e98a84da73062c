from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.jwt_error import JWTError
from ...models.ticketing_product_base_option_collection import (
    TicketingProductBaseOptionCollection,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    catalog_id: str,
    id: str,
    *,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["itemsPerPage"] = items_per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ticketing/catalogs/{catalog_id}/product_bases/{id}/options".format(
            catalog_id=quote(str(catalog_id), safe=""),
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | JWTError | TicketingProductBaseOptionCollection | None:
    if response.status_code == 200:
        response_200 = TicketingProductBaseOptionCollection.from_dict(response.json())

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
) -> Response[Error | JWTError | TicketingProductBaseOptionCollection]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    catalog_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
) -> Response[Error | JWTError | TicketingProductBaseOptionCollection]:
    """Retrieves the collection of TicketingProductBaseOption resources.

     Retrieves the collection of TicketingProductBaseOption resources.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdproduct_bases_idoptions_get_collection`.

    Args:
        catalog_id (str):
        id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingProductBaseOptionCollection]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        id=id,
        page=page,
        items_per_page=items_per_page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    catalog_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
) -> Error | JWTError | TicketingProductBaseOptionCollection | None:
    """Retrieves the collection of TicketingProductBaseOption resources.

     Retrieves the collection of TicketingProductBaseOption resources.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdproduct_bases_idoptions_get_collection`.

    Args:
        catalog_id (str):
        id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingProductBaseOptionCollection
    """

    return sync_detailed(
        catalog_id=catalog_id,
        id=id,
        client=client,
        page=page,
        items_per_page=items_per_page,
    ).parsed


async def asyncio_detailed(
    catalog_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
) -> Response[Error | JWTError | TicketingProductBaseOptionCollection]:
    """Retrieves the collection of TicketingProductBaseOption resources.

     Retrieves the collection of TicketingProductBaseOption resources.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdproduct_bases_idoptions_get_collection`.

    Args:
        catalog_id (str):
        id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingProductBaseOptionCollection]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        id=id,
        page=page,
        items_per_page=items_per_page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    catalog_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
) -> Error | JWTError | TicketingProductBaseOptionCollection | None:
    """Retrieves the collection of TicketingProductBaseOption resources.

     Retrieves the collection of TicketingProductBaseOption resources.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdproduct_bases_idoptions_get_collection`.

    Args:
        catalog_id (str):
        id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingProductBaseOptionCollection
    """

    return (
        await asyncio_detailed(
            catalog_id=catalog_id,
            id=id,
            client=client,
            page=page,
            items_per_page=items_per_page,
        )
    ).parsed
