from typing import Literal

BookingOrderItemTicketStatus = Literal["validated", "waiting_beneficiary_data"]

BOOKING_ORDER_ITEM_TICKET_STATUS_VALUES: set[BookingOrderItemTicketStatus] = {
    "validated",
    "waiting_beneficiary_data",
}


def check_booking_order_item_ticket_status(value: str) -> BookingOrderItemTicketStatus:
    if value in BOOKING_ORDER_ITEM_TICKET_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BOOKING_ORDER_ITEM_TICKET_STATUS_VALUES!r}"
    )
