"""Appointments in the reports: how many were booked, kept, missed and cancelled, and
how long booked residents waited beside walk-ins.

Kept counts the residents who checked in on time and those who came late (and
took an ordinary ticket); still open are bookings not yet due. A booked
resident's wait runs from the later of their check-in and their slot's start
to the call (they are asked to come a little early); a walk-in's from the
ticket to the call. Late arrivals' ordinary tickets count as walk-ins.
"""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass
from datetime import date

from peewee import JOIN, fn

from models.schema import Ticket
from models.schema.appointments import Appointment, BookedTicket


@dataclass(frozen=True)
class Waits:
    count: int
    median_minutes: float | None
    p90_minutes: float | None


@dataclass(frozen=True)
class AppointmentReport:
    first: date
    last: date
    booked: int  # every booking for these days, cancelled ones included
    kept: int
    no_show: int
    cancelled: int
    still_open: int
    booked_waits: Waits
    walk_in_waits: Waits

    def as_dict(self) -> dict:
        data = asdict(self)
        data["first"], data["last"] = self.first.isoformat(), self.last.isoformat()
        return data


def _waits(minutes: list[float]) -> Waits:
    if not minutes:
        return Waits(0, None, None)
    ordered = sorted(minutes)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return Waits(len(ordered), round(statistics.median(ordered), 1), round(p90, 1))


def appointment_report(first: date, last: date) -> AppointmentReport:
    """The appointments of the service days ``first`` to ``last`` (both included)."""
    counts = {state: 0 for state in ("booked", "checked_in", "late", "no_show", "cancelled")}
    for status, n in (
        Appointment.select(Appointment.status, fn.COUNT(Appointment.id))
        .where(Appointment.day.between(first, last))
        .group_by(Appointment.status)
        .tuples()
    ):
        counts[status] = counts.get(status, 0) + n
    booked: list[float] = []
    walk_in: list[float] = []
    rows = (
        Ticket.select(Ticket.issued_at, Ticket.called_at, BookedTicket.due_at)
        .join(BookedTicket, JOIN.LEFT_OUTER, on=(BookedTicket.ticket == Ticket.id))
        .where(Ticket.service_day.between(first, last) & Ticket.called_at.is_null(False))
        .tuples()
    )
    for issued, called, due in rows:
        start = max(issued, due) if due is not None else issued
        (booked if due is not None else walk_in).append(max(0.0, (called - start).total_seconds() / 60))
    return AppointmentReport(
        first=first,
        last=last,
        booked=sum(counts.values()),
        kept=counts["checked_in"] + counts["late"],
        no_show=counts["no_show"],
        cancelled=counts["cancelled"],
        still_open=counts["booked"],
        booked_waits=_waits(booked),
        walk_in_waits=_waits(walk_in),
    )
