"""The sandbox's JSON-LD documents, shaped as openapi.yaml describes them (tests validate every one).

A package so the documents can be split by resource group; for now everything is in `ticketing`.
"""

from korusticket.testing.render.ticketing import *  # noqa: F403 - the documents, as `render.<name>`
