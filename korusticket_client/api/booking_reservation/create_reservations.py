from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.constraint_violation_list import ConstraintViolationList
from ...models.create_reservations_input import CreateReservationsInput
from ...models.create_reservations_output import CreateReservationsOutput
from ...models.error import Error
from ...models.jwt_error import JWTError
from ...types import Response


def _get_kwargs(
    *,
    body: CreateReservationsInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/booking/reservations/_bulk",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/ld+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConstraintViolationList | CreateReservationsOutput | Error | JWTError | None:
    if response.status_code == 200:
        response_200 = CreateReservationsOutput.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CreateReservationsOutput.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = JWTError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
) -> Response[ConstraintViolationList | CreateReservationsOutput | Error | JWTError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateReservationsInput,
) -> Response[ConstraintViolationList | CreateReservationsOutput | Error | JWTError]:
    """Creates a BookingReservation resource.

     ---
    Create one or many reservations.

    ---

    Several offers can be reserved in one call: send one entry of `items` per offer.

    ### Items attributes
    #### Offer
    IRI of the offer to reserve.
    #### Quantity
    How many units of the offer to reserve.
    #### TicketSessions
    One entry per ticket of the offer, mapping the ticket to the session chosen for it (tickets with
    all-day access have no session).

    ### Form field values
    Form answers are always sent as strings:
     - text field: "M. Doe"
     - bool field: "true" or "false"
     - integer field: "3"
     - decimal field: "2.99"
     - date field: "2025-01-01"
     - time field: "07:30"
     - datetime field: "2025-01-01 00:00:00"
     - single_choice or multi_choice field: one of the field's predefined values.

    Vendor operationId: `api_v1bookingreservations_bulk_post`.

    Args:
        body (CreateReservationsInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConstraintViolationList | CreateReservationsOutput | Error | JWTError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateReservationsInput,
) -> ConstraintViolationList | CreateReservationsOutput | Error | JWTError | None:
    """Creates a BookingReservation resource.

     ---
    Create one or many reservations.

    ---

    Several offers can be reserved in one call: send one entry of `items` per offer.

    ### Items attributes
    #### Offer
    IRI of the offer to reserve.
    #### Quantity
    How many units of the offer to reserve.
    #### TicketSessions
    One entry per ticket of the offer, mapping the ticket to the session chosen for it (tickets with
    all-day access have no session).

    ### Form field values
    Form answers are always sent as strings:
     - text field: "M. Doe"
     - bool field: "true" or "false"
     - integer field: "3"
     - decimal field: "2.99"
     - date field: "2025-01-01"
     - time field: "07:30"
     - datetime field: "2025-01-01 00:00:00"
     - single_choice or multi_choice field: one of the field's predefined values.

    Vendor operationId: `api_v1bookingreservations_bulk_post`.

    Args:
        body (CreateReservationsInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConstraintViolationList | CreateReservationsOutput | Error | JWTError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateReservationsInput,
) -> Response[ConstraintViolationList | CreateReservationsOutput | Error | JWTError]:
    """Creates a BookingReservation resource.

     ---
    Create one or many reservations.

    ---

    Several offers can be reserved in one call: send one entry of `items` per offer.

    ### Items attributes
    #### Offer
    IRI of the offer to reserve.
    #### Quantity
    How many units of the offer to reserve.
    #### TicketSessions
    One entry per ticket of the offer, mapping the ticket to the session chosen for it (tickets with
    all-day access have no session).

    ### Form field values
    Form answers are always sent as strings:
     - text field: "M. Doe"
     - bool field: "true" or "false"
     - integer field: "3"
     - decimal field: "2.99"
     - date field: "2025-01-01"
     - time field: "07:30"
     - datetime field: "2025-01-01 00:00:00"
     - single_choice or multi_choice field: one of the field's predefined values.

    Vendor operationId: `api_v1bookingreservations_bulk_post`.

    Args:
        body (CreateReservationsInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConstraintViolationList | CreateReservationsOutput | Error | JWTError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateReservationsInput,
) -> ConstraintViolationList | CreateReservationsOutput | Error | JWTError | None:
    """Creates a BookingReservation resource.

     ---
    Create one or many reservations.

    ---

    Several offers can be reserved in one call: send one entry of `items` per offer.

    ### Items attributes
    #### Offer
    IRI of the offer to reserve.
    #### Quantity
    How many units of the offer to reserve.
    #### TicketSessions
    One entry per ticket of the offer, mapping the ticket to the session chosen for it (tickets with
    all-day access have no session).

    ### Form field values
    Form answers are always sent as strings:
     - text field: "M. Doe"
     - bool field: "true" or "false"
     - integer field: "3"
     - decimal field: "2.99"
     - date field: "2025-01-01"
     - time field: "07:30"
     - datetime field: "2025-01-01 00:00:00"
     - single_choice or multi_choice field: one of the field's predefined values.

    Vendor operationId: `api_v1bookingreservations_bulk_post`.

    Args:
        body (CreateReservationsInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConstraintViolationList | CreateReservationsOutput | Error | JWTError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
