"""Asking the models from a request's worker thread, on that thread's own connection.

peewee keeps one connection per thread; the worker threads of the server are
reused, so each keeps its connection open for its next request. A connection
that failed is dropped, so the next request of that thread opens a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from peewee import DatabaseError, InterfaceError

T = TypeVar("T")


def ask(hall, fn: Callable[[], T]) -> T:
    hall.db.connect(reuse_if_open=True)
    try:
        return fn()
    except (DatabaseError, InterfaceError):
        try:
            hall.db.close()
        except (DatabaseError, InterfaceError):
            pass
        raise
