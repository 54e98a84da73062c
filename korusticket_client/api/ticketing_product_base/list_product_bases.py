from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.jwt_error import JWTError
from ...models.ticketing_product_base_collection import TicketingProductBaseCollection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    catalog_id: str,
    *,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    with_disabled: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["itemsPerPage"] = items_per_page

    params["withDisabled"] = with_disabled

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ticketing/catalogs/{catalog_id}/product_bases".format(
            catalog_id=quote(str(catalog_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | JWTError | TicketingProductBaseCollection | None:
    if response.status_code == 200:
        response_200 = TicketingProductBaseCollection.from_dict(response.json())

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
) -> Response[Error | JWTError | TicketingProductBaseCollection]:
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
    with_disabled: bool | Unset = UNSET,
) -> Response[Error | JWTError | TicketingProductBaseCollection]:
    """Retrieves the collection of TicketingProductBase resources.

     ---
    List the product bases of a catalog.

    ---

    ## Attributes details

    ### Name
    ### Description, ShortDescription, TermsOfUse
    HTML strings, localized.
    ### UseSession
    When true, booking an offer of this product base requires choosing a session.
    ### Timezone
    Time zone of the product base, e.g. Europe/Paris.
    ### Recurring
    When true, offers exist on several dates.
    ### BeneficiaryInfoMayBeRequired
    When true, tickets may need beneficiary details before their documents can be produced.
    ### InstantDocumentDelivery
    When true, order documents can be downloaded right after the order.
    ### MaxAmountPerOrder
    The largest number of offers one order may contain.
    ### Universe
    Kind of event, e.g. show.
    ### Venue
    Same fields as the catalog venue; latitude and longitude are strings.
    ### Medias
    logo, and gallery ordered by position.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdproduct_bases_get_collection`.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        with_disabled (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingProductBaseCollection]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        page=page,
        items_per_page=items_per_page,
        with_disabled=with_disabled,
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
    with_disabled: bool | Unset = UNSET,
) -> Error | JWTError | TicketingProductBaseCollection | None:
    """Retrieves the collection of TicketingProductBase resources.

     ---
    List the product bases of a catalog.

    ---

    ## Attributes details

    ### Name
    ### Description, ShortDescription, TermsOfUse
    HTML strings, localized.
    ### UseSession
    When true, booking an offer of this product base requires choosing a session.
    ### Timezone
    Time zone of the product base, e.g. Europe/Paris.
    ### Recurring
    When true, offers exist on several dates.
    ### BeneficiaryInfoMayBeRequired
    When true, tickets may need beneficiary details before their documents can be produced.
    ### InstantDocumentDelivery
    When true, order documents can be downloaded right after the order.
    ### MaxAmountPerOrder
    The largest number of offers one order may contain.
    ### Universe
    Kind of event, e.g. show.
    ### Venue
    Same fields as the catalog venue; latitude and longitude are strings.
    ### Medias
    logo, and gallery ordered by position.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdproduct_bases_get_collection`.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        with_disabled (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingProductBaseCollection
    """

    return sync_detailed(
        catalog_id=catalog_id,
        client=client,
        page=page,
        items_per_page=items_per_page,
        with_disabled=with_disabled,
    ).parsed


async def asyncio_detailed(
    catalog_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    with_disabled: bool | Unset = UNSET,
) -> Response[Error | JWTError | TicketingProductBaseCollection]:
    """Retrieves the collection of TicketingProductBase resources.

     ---
    List the product bases of a catalog.

    ---

    ## Attributes details

    ### Name
    ### Description, ShortDescription, TermsOfUse
    HTML strings, localized.
    ### UseSession
    When true, booking an offer of this product base requires choosing a session.
    ### Timezone
    Time zone of the product base, e.g. Europe/Paris.
    ### Recurring
    When true, offers exist on several dates.
    ### BeneficiaryInfoMayBeRequired
    When true, tickets may need beneficiary details before their documents can be produced.
    ### InstantDocumentDelivery
    When true, order documents can be downloaded right after the order.
    ### MaxAmountPerOrder
    The largest number of offers one order may contain.
    ### Universe
    Kind of event, e.g. show.
    ### Venue
    Same fields as the catalog venue; latitude and longitude are strings.
    ### Medias
    logo, and gallery ordered by position.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdproduct_bases_get_collection`.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        with_disabled (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingProductBaseCollection]
    """

    kwargs = _get_kwargs(
        catalog_id=catalog_id,
        page=page,
        items_per_page=items_per_page,
        with_disabled=with_disabled,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    catalog_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    items_per_page: int | Unset = 10,
    with_disabled: bool | Unset = UNSET,
) -> Error | JWTError | TicketingProductBaseCollection | None:
    """Retrieves the collection of TicketingProductBase resources.

     ---
    List the product bases of a catalog.

    ---

    ## Attributes details

    ### Name
    ### Description, ShortDescription, TermsOfUse
    HTML strings, localized.
    ### UseSession
    When true, booking an offer of this product base requires choosing a session.
    ### Timezone
    Time zone of the product base, e.g. Europe/Paris.
    ### Recurring
    When true, offers exist on several dates.
    ### BeneficiaryInfoMayBeRequired
    When true, tickets may need beneficiary details before their documents can be produced.
    ### InstantDocumentDelivery
    When true, order documents can be downloaded right after the order.
    ### MaxAmountPerOrder
    The largest number of offers one order may contain.
    ### Universe
    Kind of event, e.g. show.
    ### Venue
    Same fields as the catalog venue; latitude and longitude are strings.
    ### Medias
    logo, and gallery ordered by position.

    Vendor operationId: `api_v1ticketingcatalogs_catalogIdproduct_bases_get_collection`.

    Args:
        catalog_id (str):
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        with_disabled (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingProductBaseCollection
    """

    return (
        await asyncio_detailed(
            catalog_id=catalog_id,
            client=client,
            page=page,
            items_per_page=items_per_page,
            with_disabled=with_disabled,
        )
    ).parsed
