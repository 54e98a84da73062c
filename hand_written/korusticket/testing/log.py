"""`BoundedLog`: what the sandbox records for inspection (requests, faults, downloads), capped in size.

A served sandbox can answer millions of requests; keeping every record would grow its memory without end.
The log keeps the last `maxlen` records and reads like a list (indexing, slicing, `len`, iteration, `==`
with a list), while `total` still counts every record ever appended, so counts stay exact past the cap.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar, overload

from korusticket._operation import is_count
from korusticket.errors import InvalidRequestError

T = TypeVar("T")

HISTORY = 100_000
"""How many records of each kind an in-process `Sandbox` keeps by default (`Sandbox(history=...)`)."""
SERVED_HISTORY = 10_000
"""The default for a served sandbox (`korusticket.testing.asgi.create_app(history=...)`), which runs for long."""


def check_history(history: object) -> int:
    """`history` as a log size, or a `ValueError` naming the argument."""
    if not is_count(history, 1):
        raise InvalidRequestError(f"history: expected an integer >= 1 (records kept per log), got {history!r}")
    return history


class BoundedLog(Sequence[T]):
    """The last `maxlen` records appended, oldest first; older ones are dropped as new ones come."""

    def __init__(self, maxlen: int = HISTORY, records: Iterable[T] = ()) -> None:
        self._records: deque[T] = deque(maxlen=check_history(maxlen))
        self.total = 0
        """Records appended since the log was made (or last cleared), including those dropped."""
        for record in records:
            self.append(record)

    @property
    def maxlen(self) -> int:
        """How many records the log keeps."""
        return check_history(self._records.maxlen)

    @property
    def dropped(self) -> int:
        """How many records were appended but are no longer kept."""
        return self.total - len(self._records)

    def append(self, record: T) -> None:
        self._records.append(record)
        self.total += 1

    def clear(self) -> None:
        """Forget every record and reset `total`."""
        self._records.clear()
        self.total = 0

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[T]:
        return iter(self._records)

    def __reversed__(self) -> Iterator[T]:
        return reversed(self._records)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self._records))
            if step == 1:
                return list(itertools.islice(self._records, start, stop))
            return list(self._records)[index]
        return self._records[index]

    def __eq__(self, other: object) -> bool:
        # Compared with a list (or another log) by content, as the plain lists it replaces were.
        if isinstance(other, BoundedLog | list):
            return list(self._records) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        newest: list[Any] = list(itertools.islice(reversed(self._records), 3))[::-1]
        earlier = f"{len(self) - len(newest)} earlier, then " if len(self) > len(newest) else ""
        return f"BoundedLog(maxlen={self.maxlen}, total={self.total}: {earlier}{newest!r})"
