"""The hypothesis settings every fuzz test of the suite runs under: bounded and reproducible."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import HealthCheck, Phase, settings

__all__ = ["bounded"]


def bounded(examples: int, phases: Sequence[Phase] | None = None) -> settings:
    """`examples` cases in a fixed order (derandomized, no example database, no deadline, no health check):
    the same cases on every run and every machine. `phases` narrows what hypothesis does (generation only, for a
    test whose server moves on, so that an example cannot be replayed)."""
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        **({"phases": list(phases)} if phases is not None else {}),
    )
