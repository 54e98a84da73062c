from typing import Literal

BookingOrderStatus = Literal["cancelled", "confirmed"]

BOOKING_ORDER_STATUS_VALUES: set[BookingOrderStatus] = {
    "cancelled",
    "confirmed",
}


def check_booking_order_status(value: str) -> BookingOrderStatus:
    if value in BOOKING_ORDER_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BOOKING_ORDER_STATUS_VALUES!r}"
    )
