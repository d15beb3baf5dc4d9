"""Staff: accounts and PINs, sign-in and lock-out, whereabouts, A/B cover and leave.

- :mod:`~models.staff.accounts` — staff records, their A/B posts, salted PIN hashes.
- :mod:`~models.staff.signin` — signing in and unlocking; the :class:`Shift` a person proved; the lock-out.
- :mod:`~models.staff.pins` — the same help from the command line, the leader proving it with their PIN.
- :mod:`~models.staff.signin_help` — a leader lifting a lock-out, or a new PIN typed by its owner.
- :mod:`~models.staff.whereabouts` — the whereabouts board (在岗/开会/外出/走访/休息/请假), A/B cover, leave.
- :mod:`~models.staff.day_state` — whereabouts belong to a day: 未到岗 each morning, leave and rest days by themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy_exports import exports

if TYPE_CHECKING:
    from models.staff.accounts import StaffInfo, add_staff, find_staff, hash_pin, list_staff, pin_matches, staff_info

__getattr__, __all__ = exports(
    __name__,
    {
        "models.staff.accounts": (
            "StaffInfo",
            "add_staff",
            "find_staff",
            "hash_pin",
            "list_staff",
            "pin_matches",
            "staff_info",
        ),
    },
)
