"""The window's terminal asks its rating pad for the resident's rating of the visit.

The clerk may *ask*, never give: :func:`ask` writes a :class:`RatingRequest`
for the visit at the clerk's window (the ticket called there last, while it
is called or served, or just finished) and a ``rating.asked`` event the pad
wakes on. A request is never updated; it is open while all of these hold
(read by :func:`open_request`):

- it is the window's latest request, and its time (``ratings.pad_seconds``) has not run out;
- its visit has no rating yet (the resident tapped, at the pad or on the phone);
- the window has not called another ticket since (the next call ends it).

:func:`rate_at_pad` takes the resident's tap only for the request that is open now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from models import clock, events
from models.config import Config
from models.db import database
from models.ratings.refusals import RatingRefused
from models.ratings.visits import check_open, record_rating
from models.schema import Staff, Ticket, Window
from models.schema.ratings import RatingRequest, VisitRating
from models.staff.signin import Shift, SigninRefused

RATEABLE = ("called", "serving", "done")


@dataclass(frozen=True)
class RatingAsked:
    """The request written: the pad of ``window`` shows the levels for ticket ``number`` until ``until`` (UTC)."""

    id: int
    number: str
    window: int
    until: datetime


def _window(number: int) -> Window:
    window = Window.get_or_none(Window.number == number)
    if window is None:
        raise RatingRefused("unknown_window", window=number)
    return window


def _visit_at(config: Config, window: Window) -> Ticket | None:
    """The ticket the window called last today, if it is still there or was finished there.
    Read within the service day: a window's calls of every past day are a year of rows."""
    last = (
        Ticket.select()
        .where(
            (Ticket.service_day == clock.service_day(config.zone))
            & (Ticket.window == window.id)
            & Ticket.called_at.is_null(False)
        )
        .order_by(Ticket.called_at.desc(), Ticket.id.desc())
        .first()
    )
    return last if last is not None and last.status in RATEABLE else None


def ask(config: Config, shift: Shift) -> RatingAsked:
    """Ask the pad of the shift's window to show the five levels for the visit there."""
    if not shift.may_work_at(shift.window):
        raise SigninRefused("not_your_window", window=shift.window)
    staff = Staff.get_or_none((Staff.code == shift.code) & Staff.active)
    if staff is None:
        raise RatingRefused("unknown_staff", staff=shift.code)
    with database.atomic():
        window = _window(shift.window)
        ticket = _visit_at(config, window)
        if ticket is None:
            raise RatingRefused("nobody_to_rate", window=window.number)
        check_open(config, ticket, at_window_too=True)
        now = clock.now()
        request = RatingRequest.create(
            window=window.id,
            ticket=ticket.id,
            asked_by=staff.id,
            at=now,
            until=now + timedelta(seconds=config.ratings.pad_seconds),
        )
        events.record("rating.asked", window.id, window=window.number, ticket=ticket.number)
    return RatingAsked(request.id, ticket.number, window.number, request.until)


def open_request(config: Config, window_number: int) -> dict | None:
    """The request the window's pad shows now, or None (then nothing can be rated there)."""
    window = Window.get_or_none(Window.number == window_number)
    if window is None:
        return None
    request = RatingRequest.select().where(RatingRequest.window == window.id).order_by(RatingRequest.id.desc()).first()
    if request is None or clock.now() >= request.until:
        return None
    if VisitRating.select().where(VisitRating.ticket == request.ticket_id).exists():
        return None
    ticket = Ticket.get_by_id(request.ticket_id)
    later = Ticket.select().where(
        (Ticket.service_day == ticket.service_day)  # a later day's call comes long after the request ran out
        & (Ticket.window == window.id)
        & (Ticket.id != ticket.id)
        & (Ticket.called_at > ticket.called_at)
    )
    if later.exists():
        return None
    return {
        "id": request.id,
        "ticket_id": ticket.id,
        "ticket": ticket.number,
        "window": window.number,
        "until": request.until,
    }


def rate_at_pad(config: Config, window_number: int, request_id: int, level: str, reasons=(), text: str = "") -> dict:
    """The pad's way in: the request it shows must still be its window's open one."""
    request = open_request(config, window_number)
    if request is None or request["id"] != request_id:
        raise RatingRefused("not_asked")
    ticket = Ticket.get_by_id(request["ticket_id"])
    check_open(config, ticket, at_window_too=True)
    return record_rating(config, ticket, level, reasons, text, "pad")
