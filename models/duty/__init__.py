"""Duty (值班 / 值日) and attendance (考勤).

- :mod:`~models.duty.service` — :class:`Duty`: the roster and swaps, the opening and closing checklists, the leader's log.
- :mod:`~models.duty.attendance` — late and early against office hours, read from the whereabouts history and the roster.
"""

from models.duty.service import Duty, open_tickets

__all__ = ["Duty", "open_tickets"]
