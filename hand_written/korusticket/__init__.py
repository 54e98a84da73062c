"""korusticket: the Python SDK for the KorusTicket ticketing and booking API.

The low-level client generated from the vendor's OpenAPI description lives in `korusticket_client`
(one module per operation, attrs models); this package adds what a booking integration needs on top.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
