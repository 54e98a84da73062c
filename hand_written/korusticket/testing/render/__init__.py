"""The sandbox's JSON-LD documents, shaped as openapi.yaml describes them (tests validate every one).

- `common`: the top-level `@context`, the error and 422 bodies (`error`, `root`, `violations`, also here);
- `collection`: Hydra collections and their pages;
- `ticketing`: catalog data; `booking`: reservations, orders, documents, tickets, the bulk POST outputs.
"""

from korusticket.testing.render.common import error, root, violations

__all__ = ["error", "root", "violations"]
