"""How a hand-written method takes the signatures the generator writes for it.

`KorusTicket.call` has one signature per operation of the API: that list is generated (`_generated/typed.py`,
Protocols whose `__call__` is overloaded), the method is written by hand in `client.py`. A decorator made for the
method types it as a `Method[Signatures]`: a descriptor whose `__get__` returns the Protocol, so type checkers
and editors see the overloads on `kt.call`, while at run time the method is the hand-written function itself
(its docstring, its body, its plain signature in `help()`).
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar, overload

__all__ = ["Method"]

S_co = TypeVar("S_co", covariant=True)


class Method(Protocol[S_co]):
    """A method whose bound form is typed `S_co` (a Protocol with an overloaded `__call__`)."""

    @overload
    def __get__(self, instance: None, owner: type[Any], /) -> Method[S_co]: ...

    @overload
    def __get__(self, instance: object, owner: type[Any], /) -> S_co: ...
