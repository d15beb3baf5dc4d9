"""Appointments (预约): slots, booking, check-in and the no-shows.

- :mod:`~models.appointments.slots` — :class:`SlotPlan`: the days and slots of a line that may be booked, and their places.
- :mod:`~models.appointments.booking` — :class:`Booking` (what is shown of a booking, phone masked), the refusals.
- :mod:`~models.appointments.service` — :class:`Appointments`: book, cancel, check in, no-shows, a day's list.
- :mod:`~models.appointments.home` — :class:`HomeVisits`: 上门服务 booked, assigned by a leader, visited.
- :mod:`~models.appointments.home_area` — :func:`home_area`: the area a home visit lies in, and its worker.
- :mod:`~models.appointments.sql` — the hand-written statements of listing slots and booking.
- :mod:`~models.appointments.report` — booked, kept, no-show, cancelled; booked and walk-in waits side by side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy_exports import exports

if TYPE_CHECKING:
    from models.appointments.booking import AppointmentRefused, Booking
    from models.appointments.home import HomeVisit, HomeVisits
    from models.appointments.home_area import HomeArea, home_area
    from models.appointments.report import AppointmentReport, appointment_report
    from models.appointments.service import Appointments, CheckIn
    from models.appointments.slots import DaySlots, Slot, SlotPlan

__getattr__, __all__ = exports(
    __name__,
    {
        "models.appointments.booking": ("AppointmentRefused", "Booking"),
        "models.appointments.home": ("HomeVisit", "HomeVisits"),
        "models.appointments.home_area": ("HomeArea", "home_area"),
        "models.appointments.report": ("AppointmentReport", "appointment_report"),
        "models.appointments.service": ("Appointments", "CheckIn"),
        "models.appointments.slots": ("DaySlots", "Slot", "SlotPlan"),
    },
)
