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
from ...models.ticketing_product_base_option_value_collection import (
    TicketingProductBaseOptionValueCollection,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    catalog_id: str,
    product_base_id: str,
    code: ProductBaseOptionCode,
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
        "url": "/v1/ticketing/catalogs/{catalog_id}/product_bases/{product_base_id}/options/{code}/values".format(
            catalog_id=quote(str(catalog_id), safe=""),
            product_base_id=quote(str(product_base_id), safe=""),
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | JWTError | TicketingProductBaseOptionValueCollection | None:
    if response.status_code == 200:
        response_200 = TicketingProductBaseOptionValueCollection.from_dict(
            response.json()
        )

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
) -> Response[Error | JWTError | TicketingProductBaseOptionValueCollection]:
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
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
) -> Response[Error | JWTError | TicketingProductBaseOptionValueCollection]:
    """Retrieves the collection of TicketingProductBaseOptionValue resources.

     Retrieves the collection of TicketingProductBaseOptionValue resources.

    Vendor operationId:
    `api_v1ticketingcatalogs_catalogIdproduct_bases_productBaseIdoptions_codevalues_get_collection`.

    Args:
        catalog_id (str):
        product_base_id (str):
        code (ProductBaseOptionCode):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingProductBaseOptionValueCollection]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        product_base_id=product_base_id,
        code=code,
        page=page,
        items_per_page=items_per_page,
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
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
) -> Error | JWTError | TicketingProductBaseOptionValueCollection | None:
    """Retrieves the collection of TicketingProductBaseOptionValue resources.

     Retrieves the collection of TicketingProductBaseOptionValue resources.

    Vendor operationId:
    `api_v1ticketingcatalogs_catalogIdproduct_bases_productBaseIdoptions_codevalues_get_collection`.

    Args:
        catalog_id (str):
        product_base_id (str):
        code (ProductBaseOptionCode):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingProductBaseOptionValueCollection
    """

    return sync_detailed(
        catalog_id=catalog_id,
        product_base_id=product_base_id,
        code=code,
        client=client,
        page=page,
        items_per_page=items_per_page,
    ).parsed


async def asyncio_detailed(
    catalog_id: str,
    product_base_id: str,
    code: ProductBaseOptionCode,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
) -> Response[Error | JWTError | TicketingProductBaseOptionValueCollection]:
    """Retrieves the collection of TicketingProductBaseOptionValue resources.

     Retrieves the collection of TicketingProductBaseOptionValue resources.

    Vendor operationId:
    `api_v1ticketingcatalogs_catalogIdproduct_bases_productBaseIdoptions_codevalues_get_collection`.

    Args:
        catalog_id (str):
        product_base_id (str):
        code (ProductBaseOptionCode):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingProductBaseOptionValueCollection]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        product_base_id=product_base_id,
        code=code,
        page=page,
        items_per_page=items_per_page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    catalog_id: str,
    product_base_id: str,
    code: ProductBaseOptionCode,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
) -> Error | JWTError | TicketingProductBaseOptionValueCollection | None:
    """Retrieves the collection of TicketingProductBaseOptionValue resources.

     Retrieves the collection of TicketingProductBaseOptionValue resources.

    Vendor operationId:
    `api_v1ticketingcatalogs_catalogIdproduct_bases_productBaseIdoptions_codevalues_get_collection`.

    Args:
        catalog_id (str):
        product_base_id (str):
        code (ProductBaseOptionCode):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingProductBaseOptionValueCollection
    """

    return (
        await asyncio_detailed(
            catalog_id=catalog_id,
            product_base_id=product_base_id,
            code=code,
            client=client,
            page=page,
            items_per_page=items_per_page,
        )
    ).parsed
