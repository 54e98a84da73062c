from typing import Literal

BookingReservationSeatsArrangement = Literal["ADJACENT", "NON_ADJACENT", "UNKNOWN"]

BOOKING_RESERVATION_SEATS_ARRANGEMENT_VALUES: set[
    BookingReservationSeatsArrangement
] = {
    "ADJACENT",
    "NON_ADJACENT",
    "UNKNOWN",
}


def check_booking_reservation_seats_arrangement(
    value: str,
) -> BookingReservationSeatsArrangement:
    if value in BOOKING_RESERVATION_SEATS_ARRANGEMENT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BOOKING_RESERVATION_SEATS_ARRANGEMENT_VALUES!r}"
    )
