"""Staff: accounts and PINs, sign-in and lock-out, whereabouts, A/B cover and leave.

- :mod:`~models.staff.accounts` — staff records, their A/B posts, salted PIN hashes.
- :mod:`~models.staff.signin` — signing in and unlocking; the :class:`Shift` a person proved.
- :mod:`~models.staff.whereabouts` — the whereabouts board (在岗/开会/外出/走访/休息/请假), A/B cover, leave.
"""

from models.errors import StaffRefused
from models.staff.accounts import StaffInfo, add_staff, find_staff, hash_pin, list_staff, pin_matches, staff_info

__all__ = [
    "StaffInfo",
    "StaffRefused",
    "add_staff",
    "find_staff",
    "hash_pin",
    "list_staff",
    "pin_matches",
    "staff_info",
]
