from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.constraint_violation_list import ConstraintViolationList
from ...models.create_orders_input import CreateOrdersInput
from ...models.create_orders_output import CreateOrdersOutput
from ...models.error import Error
from ...models.jwt_error import JWTError
from ...types import Response


def _get_kwargs(
    *,
    body: CreateOrdersInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/booking/orders/_bulk",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/ld+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConstraintViolationList | CreateOrdersOutput | Error | JWTError | None:
    if response.status_code == 200:
        response_200 = CreateOrdersOutput.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CreateOrdersOutput.from_dict(response.json())

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
) -> Response[ConstraintViolationList | CreateOrdersOutput | Error | JWTError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateOrdersInput,
) -> Response[ConstraintViolationList | CreateOrdersOutput | Error | JWTError]:
    """Creates a BookingOrder resource.

     Creates a BookingOrder resource.

    Turns reservations into orders in the ticket issuer's system; call it only once the customer's
    payment has succeeded. A synchronous consistency check runs first and answers 422 with a violation
    list (for instance `reservations[0].expired` for an expired reservation). When it passes, the body
    lists the orders created in `orders` and the ones the ticketing system refused in `failedOrders`.
    `externalReference` is your own reference; several calls may share it to group orders of one
    booking.

    Vendor operationId: `api_v1bookingorders_bulk_post`.

    Args:
        body (CreateOrdersInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConstraintViolationList | CreateOrdersOutput | Error | JWTError]
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
    body: CreateOrdersInput,
) -> ConstraintViolationList | CreateOrdersOutput | Error | JWTError | None:
    """Creates a BookingOrder resource.

     Creates a BookingOrder resource.

    Turns reservations into orders in the ticket issuer's system; call it only once the customer's
    payment has succeeded. A synchronous consistency check runs first and answers 422 with a violation
    list (for instance `reservations[0].expired` for an expired reservation). When it passes, the body
    lists the orders created in `orders` and the ones the ticketing system refused in `failedOrders`.
    `externalReference` is your own reference; several calls may share it to group orders of one
    booking.

    Vendor operationId: `api_v1bookingorders_bulk_post`.

    Args:
        body (CreateOrdersInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConstraintViolationList | CreateOrdersOutput | Error | JWTError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateOrdersInput,
) -> Response[ConstraintViolationList | CreateOrdersOutput | Error | JWTError]:
    """Creates a BookingOrder resource.

     Creates a BookingOrder resource.

    Turns reservations into orders in the ticket issuer's system; call it only once the customer's
    payment has succeeded. A synchronous consistency check runs first and answers 422 with a violation
    list (for instance `reservations[0].expired` for an expired reservation). When it passes, the body
    lists the orders created in `orders` and the ones the ticketing system refused in `failedOrders`.
    `externalReference` is your own reference; several calls may share it to group orders of one
    booking.

    Vendor operationId: `api_v1bookingorders_bulk_post`.

    Args:
        body (CreateOrdersInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConstraintViolationList | CreateOrdersOutput | Error | JWTError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateOrdersInput,
) -> ConstraintViolationList | CreateOrdersOutput | Error | JWTError | None:
    """Creates a BookingOrder resource.

     Creates a BookingOrder resource.

    Turns reservations into orders in the ticket issuer's system; call it only once the customer's
    payment has succeeded. A synchronous consistency check runs first and answers 422 with a violation
    list (for instance `reservations[0].expired` for an expired reservation). When it passes, the body
    lists the orders created in `orders` and the ones the ticketing system refused in `failedOrders`.
    `externalReference` is your own reference; several calls may share it to group orders of one
    booking.

    Vendor operationId: `api_v1bookingorders_bulk_post`.

    Args:
        body (CreateOrdersInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConstraintViolationList | CreateOrdersOutput | Error | JWTError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
