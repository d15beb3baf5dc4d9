"""The slots of a line's day that may be booked, and how many places each holds.

A session (office hours, or a weekend or holiday's duty hours) is cut into
slots of the item's service minutes, from its opening; a slot that would run
past the closing is not offered, so no slot straddles the lunch break. The
session holds ``windows × slots`` places (the windows serving the line); the
``appointments.share_percent`` of them, rounded down, is kept for bookings and
spread evenly over the session's slots from its opening (slot *i* of *n*
gets ``⌈(i+1)·B/n⌉ − ⌈i·B/n⌉`` of the *B* booked places); walk-ins get the rest.

A day may be booked when it lies within ``horizon_days`` working days after
today and the cut-off (``cutoff``, local time, the day before) has not passed.
A working day's slots follow the office hours (seasonal or staggered); a
weekend or holiday has slots only in the duty hours, and only when the
roster has someone on duty that day (the duty person calls the window's
staff in: seed 001 第四篇 三), its places counted as if the people on duty
were the windows, when they are fewer.

Places taken are counted per line, day and slot start, whichever of the
line's items was booked. Listing the whole horizon reads the item with its
windows, the people on duty and the places taken once each, in hand-written
statements (:mod:`models.appointments.sql`), however many days and slots.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from models import clock
from models.appointments.sql import statement
from models.calendar import HallCalendar, in_season
from models.config import Config
from models.db import database, is_postgres
from models.duty.roster import Roster
from models.schema import Item, Line, Window, WindowLine


@dataclass(frozen=True)
class Slot:
    day: date
    start: time  # local
    minutes: int
    places: int
    taken: int
    out_of_hours: bool  # a weekend or holiday duty slot

    @property
    def free(self) -> int:
        return max(0, self.places - self.taken)

    @property
    def label(self) -> str:
        return f"{self.start:%H:%M}"

    def as_dict(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "time": self.label,
            "minutes": self.minutes,
            "places": self.places,
            "taken": self.taken,
            "free": self.free,
            "out_of_hours": self.out_of_hours,
        }


@dataclass(frozen=True)
class DaySlots:
    """A day's slots for an item, or why it has none: ``state`` is open, past
    (today or before), cutoff, beyond (past the horizon), season, closed (no
    hours or nobody on duty) or no_windows."""

    day: date
    state: str
    slots: tuple[Slot, ...] = ()

    def as_dict(self) -> dict:
        return {"day": self.day.isoformat(), "state": self.state, "slots": [s.as_dict() for s in self.slots]}


def session_places(opens: time, closes: time, minutes: int, windows: int, share_percent: int) -> list[tuple[time, int]]:
    """The slot starts of one session and the booked places of each (those with none left out)."""
    day = date(2000, 1, 3)
    start, end = datetime.combine(day, opens), datetime.combine(day, closes)
    count = max(0, int((end - start).total_seconds() // 60) // max(1, minutes))
    booked = windows * count * share_percent // 100
    out = []
    for i in range(count):
        places = -(-(i + 1) * booked // count) + (i * booked // -count)
        if places > 0:
            out.append(((start + timedelta(minutes=i * minutes)).time(), places))
    return out


class SlotPlan:
    """Which days and slots of a line may be booked (no writes)."""

    def __init__(self, config: Config):
        self.config = config
        self.calendar = HallCalendar(config)
        self.roster = Roster(config)

    def last_day(self, today: date) -> date:
        return self.calendar.add_working_days(today, self.config.appointments.horizon_days)

    def cutoff_of(self, day: date) -> datetime:
        """When booking ``day`` closes (aware local): the cut-off time the day before."""
        hour, minute = (int(x) for x in self.config.appointments.cutoff.split(":"))
        return datetime.combine(day - timedelta(days=1), time(hour, minute), self.config.zone)

    def hours(self, day: date, on_duty: int | None = None) -> tuple[tuple[tuple[time, time], ...], int | None]:
        """The sessions slots are cut from on ``day``, and on a weekend or holiday how many
        people are on duty (None on a working day): they, not the windows, receive residents then.
        ``on_duty`` is that number when the caller has read the roster already."""
        if self.calendar.is_working_day(day):
            return self.calendar.sessions(day), None
        if not self.config.appointments.duty_days:
            return (), 0
        people = self.roster.head_counts([day])[day] if on_duty is None else on_duty
        return (self.roster.hours(day) if people else ()), people

    def state_of(
        self,
        day: date,
        open_from: str | None,
        open_to: str | None,
        at: datetime | None = None,
        last: date | None = None,
    ) -> str:
        """``last``: the horizon's last day when the caller has counted it already."""
        moment = clock.local(at or clock.now(), self.config.zone)
        today = moment.date()
        if day <= today:
            return "past"
        if day > (last or self.last_day(today)):
            return "beyond"
        if moment >= self.cutoff_of(day):
            return "cutoff"
        if not in_season(day, open_from, open_to):
            return "season"
        return "open"

    def day_slots(self, item, day: date, at: datetime | None = None) -> DaySlots:
        """``item`` (an Item row with its line) on ``day``: its slots with the places taken.
        An item read by :func:`item_with_line` carries the windows serving its line already."""
        return self._day(item, day, at, None, getattr(item, "windows", None), None, None)

    def _day(self, item, day: date, at, on_duty: int | None, windows: int | None, taken: dict | None, last) -> DaySlots:
        """One day's slots; what :meth:`open_days` has read for the whole horizon at once is passed in."""
        state = self.state_of(day, item.open_from, item.open_to, at, last)
        if state != "open":
            return DaySlots(day, state)
        sessions, on_duty = self.hours(day, on_duty)
        if not sessions:
            return DaySlots(day, "closed")
        windows = windows_serving(item.line_id) if windows is None else windows
        out_of_hours = on_duty is not None
        if on_duty is not None:
            windows = min(windows, on_duty)
        if not windows:
            return DaySlots(day, "no_windows")
        if taken is None:
            taken = places_taken(item.line_id, day, day).get(day, {})
        share = self.config.appointments.share_percent
        slots = tuple(
            Slot(day, start, item.service_minutes, places, taken.get(f"{start:%H:%M}", 0), out_of_hours)
            for opens, closes in sessions
            for start, places in session_places(opens, closes, item.service_minutes, windows, share)
        )
        return DaySlots(day, "open", slots)

    def open_days(self, item, at: datetime | None = None) -> list[DaySlots]:
        """Every day from tomorrow to the horizon that has slots for ``item``."""
        today = clock.service_day(self.config.zone, at)
        last = self.last_day(today)
        days = [today + timedelta(days=i) for i in range(1, (last - today).days + 1)]
        # One read of each for the whole horizon: the people on duty, the windows and the places taken.
        duty = {}
        if self.config.appointments.duty_days and any(not self.calendar.is_working_day(day) for day in days):
            duty = self.roster.head_counts(days)
        windows = getattr(item, "windows", None)
        windows = windows_serving(item.line_id) if windows is None else windows
        taken = places_taken(item.line_id, days[0], days[-1])
        answers = [self._day(item, day, at, duty.get(day, 0), windows, taken.get(day, {}), last) for day in days]
        return [answer for answer in answers if answer.slots]


def item_with_line(code: str):
    """The item of ``code`` with its line (``item.line``) and the number of windows serving
    the line (``item.windows``), in one read; None for no such item."""
    row = database.execute_sql(statement("item", is_postgres()), (code,)).fetchone()
    if row is None:
        return None
    item_id, item_code, name, name_en, kind, minutes, open_from, open_to, retired = row[:9]
    line_id, line_code, prefix, line_name, line_name_en, line_retired, windows = row[9:]
    line = Line(
        id=line_id, code=line_code, prefix=prefix, name=line_name, name_en=line_name_en, retired=bool(line_retired)
    )
    item = Item(
        id=item_id,
        code=item_code,
        line=line,
        name=name,
        name_en=name_en,
        kind=kind,
        service_minutes=minutes,
        open_from=open_from,
        open_to=open_to,
        retired=bool(retired),
    )
    item.windows = int(windows)
    return item


def places_taken(line_id: int, first: date, last: date) -> dict[date, dict[str, int]]:
    """The places taken of the line's slots from ``first`` to ``last``, by day and slot start."""
    out: dict[date, dict[str, int]] = {}
    rows = database.execute_sql(statement("places_taken", is_postgres()), (line_id, first, last)).fetchall()
    for day, slot, taken in rows:
        out.setdefault(day if isinstance(day, date) else date.fromisoformat(str(day)), {})[slot] = taken
    return out


def windows_serving(line_id: int) -> int:
    return (
        Window.select()
        .join(WindowLine)
        .where((WindowLine.line == line_id) & ~WindowLine.retired & ~Window.retired)
        .count()
    )
