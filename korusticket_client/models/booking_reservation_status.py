from typing import Literal

BookingReservationStatus = Literal["released", "reserved"]

BOOKING_RESERVATION_STATUS_VALUES: set[BookingReservationStatus] = {
    "released",
    "reserved",
}


def check_booking_reservation_status(value: str) -> BookingReservationStatus:
    if value in BOOKING_RESERVATION_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BOOKING_RESERVATION_STATUS_VALUES!r}"
    )
