"""Contains all the data models used in inputs/outputs"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .beneficiary import Beneficiary
    from .beneficiary_input import BeneficiaryInput
    from .booking_order import BookingOrder
    from .booking_order_collection import BookingOrderCollection
    from .booking_order_document import BookingOrderDocument
    from .booking_order_document_collection import BookingOrderDocumentCollection
    from .booking_order_document_download import BookingOrderDocumentDownload
    from .booking_order_item_ticket import BookingOrderItemTicket
    from .booking_order_item_ticket_seating import BookingOrderItemTicketSeating
    from .booking_order_item_ticket_status import BookingOrderItemTicketStatus
    from .booking_order_status import BookingOrderStatus
    from .booking_reservation import BookingReservation
    from .booking_reservation_collection import BookingReservationCollection
    from .booking_reservation_seats_arrangement import (
        BookingReservationSeatsArrangement,
    )
    from .booking_reservation_status import BookingReservationStatus
    from .constraint_violation import ConstraintViolation
    from .constraint_violation_list import ConstraintViolationList
    from .constraint_violation_payload import ConstraintViolationPayload
    from .create_orders_input import CreateOrdersInput
    from .create_orders_input_customer import CreateOrdersInputCustomer
    from .create_orders_output import CreateOrdersOutput
    from .create_reservations_input import CreateReservationsInput
    from .create_reservations_input_form_data import CreateReservationsInputFormData
    from .create_reservations_input_form_field import CreateReservationsInputFormField
    from .create_reservations_input_item import CreateReservationsInputItem
    from .create_reservations_input_ticket_session import (
        CreateReservationsInputTicketSession,
    )
    from .create_reservations_output import CreateReservationsOutput
    from .error import Error
    from .failed_order import FailedOrder
    from .failed_reservation import FailedReservation
    from .hydra_collection import HydraCollection
    from .hydra_collection_no_pagination import HydraCollectionNoPagination
    from .hydra_item import HydraItem
    from .hydra_search import HydraSearch
    from .hydra_search_mapping import HydraSearchMapping
    from .hydra_view import HydraView
    from .jwt_error import JWTError
    from .media import Media
    from .medias import Medias
    from .offer_embedded_price import OfferEmbeddedPrice
    from .offer_embedded_product import OfferEmbeddedProduct
    from .offer_embedded_ticket import OfferEmbeddedTicket
    from .order_customer import OrderCustomer
    from .order_item import OrderItem
    from .order_item_offer_ticket import OrderItemOfferTicket
    from .order_item_offer_ticket_seating import OrderItemOfferTicketSeating
    from .person_title import PersonTitle
    from .product_base_option_code import ProductBaseOptionCode
    from .reservation_item import ReservationItem
    from .reservation_item_offer_ticket import ReservationItemOfferTicket
    from .reservation_item_offer_ticket_seating import ReservationItemOfferTicketSeating
    from .seat_map_seating_category import SeatMapSeatingCategory
    from .seat_map_zone import SeatMapZone
    from .sort_direction import SortDirection
    from .ticketing_catalog import TicketingCatalog
    from .ticketing_catalog_collection import TicketingCatalogCollection
    from .ticketing_offer import TicketingOffer
    from .ticketing_offer_availability import TicketingOfferAvailability
    from .ticketing_offer_collection import TicketingOfferCollection
    from .ticketing_offer_price import TicketingOfferPrice
    from .ticketing_offer_ticket import TicketingOfferTicket
    from .ticketing_offer_ticket_collection import TicketingOfferTicketCollection
    from .ticketing_offer_ticket_session import TicketingOfferTicketSession
    from .ticketing_product import TicketingProduct
    from .ticketing_product_base import TicketingProductBase
    from .ticketing_product_base_collection import TicketingProductBaseCollection
    from .ticketing_product_base_option import TicketingProductBaseOption
    from .ticketing_product_base_option_collection import (
        TicketingProductBaseOptionCollection,
    )
    from .ticketing_product_base_option_value import TicketingProductBaseOptionValue
    from .ticketing_product_base_option_value_collection import (
        TicketingProductBaseOptionValueCollection,
    )
    from .ticketing_product_base_product_collection import (
        TicketingProductBaseProductCollection,
    )
    from .ticketing_product_collection import TicketingProductCollection
    from .ticketing_seat_map import TicketingSeatMap
    from .ticketing_session_availability import TicketingSessionAvailability
    from .update_order_document_input import UpdateOrderDocumentInput
    from .update_order_item_ticket_input import UpdateOrderItemTicketInput
    from .venue import Venue

_MODULES: dict[str, str] = {
    "Beneficiary": ".beneficiary",
    "BeneficiaryInput": ".beneficiary_input",
    "BookingOrder": ".booking_order",
    "BookingOrderCollection": ".booking_order_collection",
    "BookingOrderDocument": ".booking_order_document",
    "BookingOrderDocumentCollection": ".booking_order_document_collection",
    "BookingOrderDocumentDownload": ".booking_order_document_download",
    "BookingOrderItemTicket": ".booking_order_item_ticket",
    "BookingOrderItemTicketSeating": ".booking_order_item_ticket_seating",
    "BookingOrderItemTicketStatus": ".booking_order_item_ticket_status",
    "BookingOrderStatus": ".booking_order_status",
    "BookingReservation": ".booking_reservation",
    "BookingReservationCollection": ".booking_reservation_collection",
    "BookingReservationSeatsArrangement": ".booking_reservation_seats_arrangement",
    "BookingReservationStatus": ".booking_reservation_status",
    "ConstraintViolation": ".constraint_violation",
    "ConstraintViolationList": ".constraint_violation_list",
    "ConstraintViolationPayload": ".constraint_violation_payload",
    "CreateOrdersInput": ".create_orders_input",
    "CreateOrdersInputCustomer": ".create_orders_input_customer",
    "CreateOrdersOutput": ".create_orders_output",
    "CreateReservationsInput": ".create_reservations_input",
    "CreateReservationsInputFormData": ".create_reservations_input_form_data",
    "CreateReservationsInputFormField": ".create_reservations_input_form_field",
    "CreateReservationsInputItem": ".create_reservations_input_item",
    "CreateReservationsInputTicketSession": ".create_reservations_input_ticket_session",
    "CreateReservationsOutput": ".create_reservations_output",
    "Error": ".error",
    "FailedOrder": ".failed_order",
    "FailedReservation": ".failed_reservation",
    "HydraCollection": ".hydra_collection",
    "HydraCollectionNoPagination": ".hydra_collection_no_pagination",
    "HydraItem": ".hydra_item",
    "HydraSearch": ".hydra_search",
    "HydraSearchMapping": ".hydra_search_mapping",
    "HydraView": ".hydra_view",
    "JWTError": ".jwt_error",
    "Media": ".media",
    "Medias": ".medias",
    "OfferEmbeddedPrice": ".offer_embedded_price",
    "OfferEmbeddedProduct": ".offer_embedded_product",
    "OfferEmbeddedTicket": ".offer_embedded_ticket",
    "OrderCustomer": ".order_customer",
    "OrderItem": ".order_item",
    "OrderItemOfferTicket": ".order_item_offer_ticket",
    "OrderItemOfferTicketSeating": ".order_item_offer_ticket_seating",
    "PersonTitle": ".person_title",
    "ProductBaseOptionCode": ".product_base_option_code",
    "ReservationItem": ".reservation_item",
    "ReservationItemOfferTicket": ".reservation_item_offer_ticket",
    "ReservationItemOfferTicketSeating": ".reservation_item_offer_ticket_seating",
    "SeatMapSeatingCategory": ".seat_map_seating_category",
    "SeatMapZone": ".seat_map_zone",
    "SortDirection": ".sort_direction",
    "TicketingCatalog": ".ticketing_catalog",
    "TicketingCatalogCollection": ".ticketing_catalog_collection",
    "TicketingOffer": ".ticketing_offer",
    "TicketingOfferAvailability": ".ticketing_offer_availability",
    "TicketingOfferCollection": ".ticketing_offer_collection",
    "TicketingOfferPrice": ".ticketing_offer_price",
    "TicketingOfferTicket": ".ticketing_offer_ticket",
    "TicketingOfferTicketCollection": ".ticketing_offer_ticket_collection",
    "TicketingOfferTicketSession": ".ticketing_offer_ticket_session",
    "TicketingProduct": ".ticketing_product",
    "TicketingProductBase": ".ticketing_product_base",
    "TicketingProductBaseCollection": ".ticketing_product_base_collection",
    "TicketingProductBaseOption": ".ticketing_product_base_option",
    "TicketingProductBaseOptionCollection": ".ticketing_product_base_option_collection",
    "TicketingProductBaseOptionValue": ".ticketing_product_base_option_value",
    "TicketingProductBaseOptionValueCollection": ".ticketing_product_base_option_value_collection",
    "TicketingProductBaseProductCollection": ".ticketing_product_base_product_collection",
    "TicketingProductCollection": ".ticketing_product_collection",
    "TicketingSeatMap": ".ticketing_seat_map",
    "TicketingSessionAvailability": ".ticketing_session_availability",
    "UpdateOrderDocumentInput": ".update_order_document_input",
    "UpdateOrderItemTicketInput": ".update_order_item_ticket_input",
    "Venue": ".venue",
}
"""Each model's name and the module, relative to this package, that defines it."""

__all__ = (
    "Beneficiary",
    "BeneficiaryInput",
    "BookingOrder",
    "BookingOrderCollection",
    "BookingOrderDocument",
    "BookingOrderDocumentCollection",
    "BookingOrderDocumentDownload",
    "BookingOrderItemTicket",
    "BookingOrderItemTicketSeating",
    "BookingOrderItemTicketStatus",
    "BookingOrderStatus",
    "BookingReservation",
    "BookingReservationCollection",
    "BookingReservationSeatsArrangement",
    "BookingReservationStatus",
    "ConstraintViolation",
    "ConstraintViolationList",
    "ConstraintViolationPayload",
    "CreateOrdersInput",
    "CreateOrdersInputCustomer",
    "CreateOrdersOutput",
    "CreateReservationsInput",
    "CreateReservationsInputFormData",
    "CreateReservationsInputFormField",
    "CreateReservationsInputItem",
    "CreateReservationsInputTicketSession",
    "CreateReservationsOutput",
    "Error",
    "FailedOrder",
    "FailedReservation",
    "HydraCollection",
    "HydraCollectionNoPagination",
    "HydraItem",
    "HydraSearch",
    "HydraSearchMapping",
    "HydraView",
    "JWTError",
    "Media",
    "Medias",
    "OfferEmbeddedPrice",
    "OfferEmbeddedProduct",
    "OfferEmbeddedTicket",
    "OrderCustomer",
    "OrderItem",
    "OrderItemOfferTicket",
    "OrderItemOfferTicketSeating",
    "PersonTitle",
    "ProductBaseOptionCode",
    "ReservationItem",
    "ReservationItemOfferTicket",
    "ReservationItemOfferTicketSeating",
    "SeatMapSeatingCategory",
    "SeatMapZone",
    "SortDirection",
    "TicketingCatalog",
    "TicketingCatalogCollection",
    "TicketingOffer",
    "TicketingOfferAvailability",
    "TicketingOfferCollection",
    "TicketingOfferPrice",
    "TicketingOfferTicket",
    "TicketingOfferTicketCollection",
    "TicketingOfferTicketSession",
    "TicketingProduct",
    "TicketingProductBase",
    "TicketingProductBaseCollection",
    "TicketingProductBaseOption",
    "TicketingProductBaseOptionCollection",
    "TicketingProductBaseOptionValue",
    "TicketingProductBaseOptionValueCollection",
    "TicketingProductBaseProductCollection",
    "TicketingProductCollection",
    "TicketingSeatMap",
    "TicketingSessionAvailability",
    "UpdateOrderDocumentInput",
    "UpdateOrderItemTicketInput",
    "Venue",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULES})
