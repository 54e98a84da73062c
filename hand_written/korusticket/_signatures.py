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


def as_written(method: Any) -> Any:
    """What each decorator of `_generated/typed.py` does at run time: return the method as it is."""
    return method


class RunTimeDecorators:
    """`_generated/typed.py` at run time, without executing it: every decorator is `as_written`.

    The module's 2,600 lines of Protocols and overloads matter to type checkers only (the clients import it under
    `TYPE_CHECKING`); defining them cost some 20 ms of `from korusticket import KorusTicket`.
    `tests/codegen/test_facade.py` checks that each generated decorator does return its method unchanged.
    """

    def __getattr__(self, name: str) -> Any:
        if name.startswith(("sync_", "async_")):
            return as_written
        raise AttributeError(name)
