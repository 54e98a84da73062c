from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.jwt_error import JWTError
from ...models.sort_direction import SortDirection
from ...models.ticketing_catalog_collection import TicketingCatalogCollection
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
        "url": "/v1/ticketing/catalogs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | JWTError | TicketingCatalogCollection | None:
    if response.status_code == 200:
        response_200 = TicketingCatalogCollection.from_dict(response.json())

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
) -> Response[Error | JWTError | TicketingCatalogCollection]:
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
) -> Response[Error | JWTError | TicketingCatalogCollection]:
    """List catalogs

     ---
    Retrieve a collection of catalogs: the ones your organization may sell.

    ---

    ## Attributes details

    ### Name
    The catalog's name.

    ### Timestamps
    * createdAt (UTC): when the catalog was first imported.
    * lastSyncedAt (UTC): when the catalog was last updated.

    ### ShortDescription, Description, TermsOfUse
    HTML strings, localized, possibly null.

    ### Venue
    Where the catalog's events take place, possibly null: name, line1, line2, postalCode, city, country,
    phone, website, latitude and longitude (decimal degrees, sent as strings).

    ### Medias
    * logo: the logo image, when there is one.
    * gallery: gallery images, ordered by position.

    Vendor operationId: `api_v1ticketingcatalogs_get_collection`.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        ordercreated_at (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingCatalogCollection]
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
) -> Error | JWTError | TicketingCatalogCollection | None:
    """List catalogs

     ---
    Retrieve a collection of catalogs: the ones your organization may sell.

    ---

    ## Attributes details

    ### Name
    The catalog's name.

    ### Timestamps
    * createdAt (UTC): when the catalog was first imported.
    * lastSyncedAt (UTC): when the catalog was last updated.

    ### ShortDescription, Description, TermsOfUse
    HTML strings, localized, possibly null.

    ### Venue
    Where the catalog's events take place, possibly null: name, line1, line2, postalCode, city, country,
    phone, website, latitude and longitude (decimal degrees, sent as strings).

    ### Medias
    * logo: the logo image, when there is one.
    * gallery: gallery images, ordered by position.

    Vendor operationId: `api_v1ticketingcatalogs_get_collection`.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        ordercreated_at (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingCatalogCollection
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
) -> Response[Error | JWTError | TicketingCatalogCollection]:
    """List catalogs

     ---
    Retrieve a collection of catalogs: the ones your organization may sell.

    ---

    ## Attributes details

    ### Name
    The catalog's name.

    ### Timestamps
    * createdAt (UTC): when the catalog was first imported.
    * lastSyncedAt (UTC): when the catalog was last updated.

    ### ShortDescription, Description, TermsOfUse
    HTML strings, localized, possibly null.

    ### Venue
    Where the catalog's events take place, possibly null: name, line1, line2, postalCode, city, country,
    phone, website, latitude and longitude (decimal degrees, sent as strings).

    ### Medias
    * logo: the logo image, when there is one.
    * gallery: gallery images, ordered by position.

    Vendor operationId: `api_v1ticketingcatalogs_get_collection`.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        ordercreated_at (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWTError | TicketingCatalogCollection]
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
) -> Error | JWTError | TicketingCatalogCollection | None:
    """List catalogs

     ---
    Retrieve a collection of catalogs: the ones your organization may sell.

    ---

    ## Attributes details

    ### Name
    The catalog's name.

    ### Timestamps
    * createdAt (UTC): when the catalog was first imported.
    * lastSyncedAt (UTC): when the catalog was last updated.

    ### ShortDescription, Description, TermsOfUse
    HTML strings, localized, possibly null.

    ### Venue
    Where the catalog's events take place, possibly null: name, line1, line2, postalCode, city, country,
    phone, website, latitude and longitude (decimal degrees, sent as strings).

    ### Medias
    * logo: the logo image, when there is one.
    * gallery: gallery images, ordered by position.

    Vendor operationId: `api_v1ticketingcatalogs_get_collection`.

    Args:
        page (int | Unset):  Default: 1.
        items_per_page (int | Unset):  Default: 10.
        ordercreated_at (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWTError | TicketingCatalogCollection
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            items_per_page=items_per_page,
            ordercreated_at=ordercreated_at,
        )
    ).parsed
