"""Duty (值班 / 值日) and attendance (考勤).

- :mod:`~models.duty.roster` — who is on duty each day (a pure function of the date), and swaps.
- :mod:`~models.duty.checklists` — the opening and closing checklists, ticked and signed off.
- :mod:`~models.duty.undo` — a tick taken back with a reason, as a record of its own.
- :mod:`~models.duty.leaders_log` — the leader's log of problems and fixes.
- :mod:`~models.duty.service` — :class:`Duty`: the three as one service.
- :mod:`~models.duty.attendance` — late and early against office hours, read from the whereabouts history and the roster.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy_exports import exports

if TYPE_CHECKING:
    from models.duty.checklists import open_tickets
    from models.duty.service import Duty

__getattr__, __all__ = exports(
    __name__,
    {
        "models.duty.checklists": ("open_tickets",),
        "models.duty.service": ("Duty",),
    },
)
