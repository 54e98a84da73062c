from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.jwt_error import JWTError
from ...models.ticketing_offer_price import TicketingOfferPrice
from ...types import Response


def _get_kwargs(
    catalog_id: str,
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ticketing/catalogs/{catalog_id}/offers/{id}/price".format(
            catalog_id=quote(str(catalog_id), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | JWTError | TicketingOfferPrice | None:
    if response.status_code == 200:
        response_200 = TicketingOfferPrice.from_dict(response.json())

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
) -> Response[Error | JWTError | TicketingOfferPrice]:
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
) -> Response[Error | JWTError | TicketingOfferPrice]:
    """Retrieve the offer's price

     ---
    Retrieve the offer's price.

    ---

    ## Attributes details

    ### Amount
    - amountInclTax is the amount including tax
    - amountExclTax is the amount excluding tax, when the ticket issuer provides it

    ### Currency
    Only EUR is supported for now.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdoffers_idprice_get`.

    Args:
        catalog_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingOfferPrice]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        id=id,
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
) -> Error | JWTError | TicketingOfferPrice | None:
    """Retrieve the offer's price

     ---
    Retrieve the offer's price.

    ---

    ## Attributes details

    ### Amount
    - amountInclTax is the amount including tax
    - amountExclTax is the amount excluding tax, when the ticket issuer provides it

    ### Currency
    Only EUR is supported for now.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdoffers_idprice_get`.

    Args:
        catalog_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingOfferPrice
    """

    return sync_detailed(
        catalog_id=catalog_id,
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    catalog_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | JWTError | TicketingOfferPrice]:
    """Retrieve the offer's price

     ---
    Retrieve the offer's price.

    ---

    ## Attributes details

    ### Amount
    - amountInclTax is the amount including tax
    - amountExclTax is the amount excluding tax, when the ticket issuer provides it

    ### Currency
    Only EUR is supported for now.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdoffers_idprice_get`.

    Args:
        catalog_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingOfferPrice]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    catalog_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | JWTError | TicketingOfferPrice | None:
    """Retrieve the offer's price

     ---
    Retrieve the offer's price.

    ---

    ## Attributes details

    ### Amount
    - amountInclTax is the amount including tax
    - amountExclTax is the amount excluding tax, when the ticket issuer provides it

    ### Currency
    Only EUR is supported for now.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdoffers_idprice_get`.

    Args:
        catalog_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingOfferPrice
    """

    return (
        await asyncio_detailed(
            catalog_id=catalog_id,
            id=id,
            client=client,
        )
    ).parsed
