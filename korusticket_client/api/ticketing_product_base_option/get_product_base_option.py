from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.jwt_error import JWTError
from ...models.product_base_option_code import (
    ProductBaseOptionCode,
)
from ...models.ticketing_product_base_option import TicketingProductBaseOption
from ...types import Response


def _get_kwargs(
    catalog_id: str,
    product_base_id: str,
    code: ProductBaseOptionCode,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ticketing/catalogs/{catalog_id}/product_bases/{product_base_id}/options/{code}".format(
            catalog_id=quote(str(catalog_id), safe=""),
            product_base_id=quote(str(product_base_id), safe=""),
            code=quote(str(code), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | JWTError | TicketingProductBaseOption | None:
    if response.status_code == 200:
        response_200 = TicketingProductBaseOption.from_dict(response.json())

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
) -> Response[Error | JWTError | TicketingProductBaseOption]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    catalog_id: str,
    product_base_id: str,
    code: ProductBaseOptionCode,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | JWTError | TicketingProductBaseOption]:
    """Retrieves a TicketingProductBaseOption resource.

     Retrieves a TicketingProductBaseOption resource.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdproduct_bases_productBaseIdoptions_code_get`.

    Args:
        catalog_id (str):
        product_base_id (str):
        code (ProductBaseOptionCode):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingProductBaseOption]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        product_base_id=product_base_id,
        code=code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    catalog_id: str,
    product_base_id: str,
    code: ProductBaseOptionCode,
    *,
    client: AuthenticatedClient | Client,
) -> Error | JWTError | TicketingProductBaseOption | None:
    """Retrieves a TicketingProductBaseOption resource.

     Retrieves a TicketingProductBaseOption resource.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdproduct_bases_productBaseIdoptions_code_get`.

    Args:
        catalog_id (str):
        product_base_id (str):
        code (ProductBaseOptionCode):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingProductBaseOption
    """

    return sync_detailed(
        catalog_id=catalog_id,
        product_base_id=product_base_id,
        code=code,
        client=client,
    ).parsed


async def asyncio_detailed(
    catalog_id: str,
    product_base_id: str,
    code: ProductBaseOptionCode,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | JWTError | TicketingProductBaseOption]:
    """Retrieves a TicketingProductBaseOption resource.

     Retrieves a TicketingProductBaseOption resource.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdproduct_bases_productBaseIdoptions_code_get`.

    Args:
        catalog_id (str):
        product_base_id (str):
        code (ProductBaseOptionCode):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingProductBaseOption]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        product_base_id=product_base_id,
        code=code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    catalog_id: str,
    product_base_id: str,
    code: ProductBaseOptionCode,
    *,
    client: AuthenticatedClient | Client,
) -> Error | JWTError | TicketingProductBaseOption | None:
    """Retrieves a TicketingProductBaseOption resource.

     Retrieves a TicketingProductBaseOption resource.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdproduct_bases_productBaseIdoptions_code_get`.

    Args:
        catalog_id (str):
        product_base_id (str):
        code (ProductBaseOptionCode):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingProductBaseOption
    """

    return (
        await asyncio_detailed(
            catalog_id=catalog_id,
            product_base_id=product_base_id,
            code=code,
            client=client,
        )
    ).parsed
