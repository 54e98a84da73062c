"""Request bodies as TypedDicts, `<Model>Dict`: API field names, required keys as the spec says.

    body: CreateOrdersInputDict = {"reservations": [...], "customer": {...}, "externalReference": "AGENCY-1"}
    kt.call(ops.create_orders, body=body)

Wherever a body is accepted, the generated attrs model or one of these dicts may be given; a key the schema
lacks is a type error here and refused before sending at run time. Written by `make generate`.
"""

from korusticket._generated.bodies import *  # noqa: F403 - the generated list is the public one
from korusticket._generated.bodies import __all__ as __all__
