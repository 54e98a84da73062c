"""Mistakes mypy --strict must reject: `tests/typing/test_typing.py` checks it reports exactly these errors.

Not in `make typecheck`'s file list (it is meant to fail); every line marked `# E:` must give that error code.
"""

from __future__ import annotations

from korusticket import KorusTicket, ops
from korusticket.bodies import CreateOrdersInputDict


def mistakes(kt: KorusTicket) -> None:
    kt.call(ops.get_offer, catalgo_id="c", id="o")  # E: call-overload
    kt.call(ops.get_offer, catalog_id="c", id=3)  # E: call-overload
    kt.call(ops.get_offer, catalog_id="c")  # E: arg-type (mypy names the closest overload, list_offers)
    kt.call(ops.list_orders, order_created_at="newest")  # E: call-overload
    kt.paginate(ops.list_offers, catalog_id="c", date_afer="2025-01-01")  # E: call-overload
    kt.call(ops.list_offers, catalog_id="c", timeout="soon")  # E: call-overload
    body: CreateOrdersInputDict = {  # E: typeddict-item # E: typeddict-unknown-key
        "reservations": [],
        "customer": {"firstname": "A", "lastname": "B", "email": "a@b.c"},
        "external_reference": "R-1",
    }
    kt.call(ops.create_orders, body={"reservations": [], "customer": {"firstname": "A"}})  # E: call-overload
    kt.with_raw_response.call(ops.get_offer, catalog_id="c", idd="o")  # E: call-overload
    print(body)
