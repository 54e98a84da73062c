"""`korusticket.testing`: a stateful KorusTicket sandbox for your tests (like moto for boto, or stripe-mock).

    from korusticket.testing import Sandbox

    def test_booking():
        sandbox = Sandbox(seed=1)
        with sandbox.client() as kt:
            ...                                   # real requests, answered in memory
        assert len(sandbox.state.orders) == 1

With pytest, the `korusticket_sandbox` and `korusticket_client` fixtures are ready to use (this package
registers itself as a pytest plugin). `korusticket sandbox serve` runs the same sandbox over HTTP.
"""

from korusticket.testing.clock import SandboxClock
from korusticket.testing.faults import Fault, FaultKind, Faults
from korusticket.testing.sandbox import Sandbox
from korusticket.testing.transport import AsyncSandboxTransport, SandboxTransport

__all__ = ["AsyncSandboxTransport", "Fault", "FaultKind", "Faults", "Sandbox", "SandboxClock", "SandboxTransport"]
