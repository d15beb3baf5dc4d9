"""A package's re-exports, loaded on first use: importing one module of a
package never loads the rest of it.

The kiosk draws its first frame before peewee and the database drivers load
(a cold start is mostly imports), yet it needs light modules that live in
heavy packages, such as the tracking code's alphabet
(:mod:`models.queue.tracking`). So a package's ``__init__`` names what it offers, for readers and type checkers, and hands
the names to :func:`exports`::

    if TYPE_CHECKING:
        from models.cases.service import Cases

    __getattr__, __all__ = exports(__name__, {"models.cases.service": ("Cases",)})

``models.cases.Cases`` then imports :mod:`models.cases.service` the first
time it is asked for (PEP 562).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def exports(package: str, table: dict[str, tuple[str, ...]]) -> tuple[Callable[[str], Any], list[str]]:
    """The package's ``__getattr__`` and ``__all__`` for ``{module: names}``."""
    home = {name: module for module, names in table.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)  # the next lookup is a plain attribute
        return value

    return __getattr__, sorted(home)
