"""Responsibility areas (网格, 分片包干) and their households, from a file a maintainer loads.

- :mod:`~models.households.rules` — the words (care, contact rule, how a visit was made), the refusal, the masks.
- :mod:`~models.households.area_file` — checking a TOML or CSV area file: every bad line as ``file:line: sentence``.
- :mod:`~models.households.store` — loading a checked file (retiring, never deleting); :class:`AreaFileRefused`.
- :mod:`~models.households.register` — :class:`Households`: masked lists, and a reveal only with a logged reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy_exports import exports

if TYPE_CHECKING:
    from models.households.area_file import AreaFile, check_file
    from models.households.register import AreaRow, HouseholdRow, Households, find_household
    from models.households.rules import CARES, CONTACTS, HOWS, MET, MONTHLY_TARGET, HouseholdRefused
    from models.households.store import AreaFileRefused, load_file

__getattr__, __all__ = exports(
    __name__,
    {
        "models.households.area_file": ("AreaFile", "check_file"),
        "models.households.register": ("AreaRow", "HouseholdRow", "Households", "find_household"),
        "models.households.rules": ("CARES", "CONTACTS", "HOWS", "MET", "MONTHLY_TARGET", "HouseholdRefused"),
        "models.households.store": ("AreaFileRefused", "load_file"),
    },
)
