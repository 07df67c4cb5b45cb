"""Memos of one page: what reading a page works out and its lint asks for again, kept until the page is done.

A bounded LRU cache held for the whole process keeps what a small page needs and, on a page of
more distinct values than it holds, misses nearly every time while still holding its fill. A
page memo instead keeps every value of the page it is working on and lets them all go at once
when that page is done: `forget_page()`, which `api` calls after linting a page and after an edit,
empties every memo and everything registered with `on_forget` (the listings read for a page, the
layout of its text). A memo nobody empties (a program that reads page after page through
`parse_page`) is emptied when it grows past `LIMIT` entries.
"""

from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Generic, TypeVar

    _K = TypeVar("_K")
    _J = TypeVar("_J")
    _V = TypeVar("_V")
else:  # `typing` loads for the type checker only (start-up): at run time the memos need no parameters

    class Generic:
        def __class_getitem__(cls, parameters: object) -> type:
            return cls

    _K = _J = _V = None

LIMIT = 1 << 18  # entries of one memo: more than a page of the biggest size holds values of one kind

_FORGET: list[Callable[[], None]] = []


def on_forget(clear: Callable[[], None]) -> None:
    """Call `clear` whenever a page is done (`forget_page`)."""
    _FORGET.append(clear)


def forget_page() -> None:
    """Let go of everything the memos hold: the page they were kept for is done."""
    for clear in _FORGET:
        clear()


class Memo(Generic[_K, _V]):
    """`function(key)`, worked out once per key until the page is done."""

    __slots__ = ("__wrapped__", "_values")

    def __init__(self, function: Callable[[_K], _V]) -> None:
        self.__wrapped__ = function
        self._values: dict[_K, _V] = {}
        on_forget(self._values.clear)

    def __call__(self, key: _K) -> _V:
        values = self._values
        found = values.get(key, values)  # the dict itself stands for "missing": no value is ever the dict
        if found is not values:
            return found  # type: ignore[return-value]
        if len(values) >= LIMIT:
            values.clear()
        value = values[key] = self.__wrapped__(key)
        return value

    def __len__(self) -> int:
        return len(self._values)

    def cache_clear(self) -> None:
        """Forget this memo's values alone."""
        self._values.clear()


class Memo2(Generic[_K, _J, _V]):
    """`function(key, other)`, worked out once per pair until the page is done (one table per `other`)."""

    __slots__ = ("__wrapped__", "_tables")

    def __init__(self, function: Callable[[_K, _J], _V]) -> None:
        self.__wrapped__ = function
        self._tables: dict[_J, dict[_K, _V]] = {}
        on_forget(self._tables.clear)

    def __call__(self, key: _K, other: _J) -> _V:
        values = self._tables.get(other)
        if values is None:
            values = self._tables[other] = {}
        found = values.get(key, values)
        if found is not values:
            return found  # type: ignore[return-value]
        if len(values) >= LIMIT:
            values.clear()
        value = values[key] = self.__wrapped__(key, other)
        return value

    def __len__(self) -> int:
        return sum(len(values) for values in self._tables.values())

    def cache_clear(self) -> None:
        """Forget this memo's values alone."""
        self._tables.clear()


_SHARED: dict[object, object] = {}
on_forget(_SHARED.clear)


def shared(value: _V) -> _V:
    """The value equal to `value` that the page already holds, else `value` itself (from now on that one).

    A page repeats its dates, times and spans many times over: one object each is held instead
    of one per talk. Only for values whose equals are of their own type (a date, a time, a tuple of ints).
    """
    if len(_SHARED) >= LIMIT:
        _SHARED.clear()
    return _SHARED.setdefault(value, value)  # type: ignore[return-value]
