"""Fixtures of the sandbox tests: a sandbox, and clients on it whose every API answer is validated against
openapi.yaml (see `tests.testing.helpers`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from korusticket import AsyncKorusTicket, KorusTicket
from korusticket.testing import Sandbox
from tests.testing.helpers import Validated, options


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=0)


@pytest.fixture
def validated(sandbox: Sandbox) -> Validated:
    return Validated(sandbox)


@pytest.fixture
def kt(sandbox: Sandbox, validated: Validated) -> Iterator[KorusTicket]:
    """A client on the sandbox whose every API response is validated against openapi.yaml."""
    with KorusTicket(transport=validated.transport(), **options(sandbox)) as client:
        yield client


@pytest.fixture
def akt(sandbox: Sandbox, validated: Validated) -> AsyncKorusTicket:
    return AsyncKorusTicket(transport=validated.async_transport(), **options(sandbox))
