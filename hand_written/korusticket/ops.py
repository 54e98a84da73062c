"""Every operation of the API under one import, for `kt.call` and `kt.paginate`.

    from korusticket import KorusTicket, ops

    offer = kt.call(ops.get_offer, catalog_id=catalog, id=offer_id)

Each name is the generated module itself (`ops.get_offer is korusticket_client.api.ticketing_offer.get_offer`),
so the generated `sync`/`asyncio` functions stay reachable too. Written by `make generate`.
"""

from korusticket._generated.ops import *  # noqa: F403 - the generated list is the public one
from korusticket._generated.ops import __all__ as __all__
