"""The duty roster (轮流值班 / 值日, seed 003 §8(3); 000 三(五); 002 领导带班).

Each day ``duty.per_day`` people are on duty, taken in turn from the active
staff ordered by code (leaders too when ``duty.include_leaders``), and one
leader is the leader on duty (带班领导), taken in turn from the active leaders.
The turn of a day is a pure function of the date: counted over every day when
weekends and holidays have duty (seed 003 §6, ``duty.weekend_duty``), else
over working days only. So :meth:`Roster.roster` gives the same answer on every
terminal without storing anything. A swap (换班) is stored: on that day ``to``
takes the place of ``from``; later swaps apply on top of earlier ones.

Hours: on a working day the duty person comes ``duty.arrive_early_minutes``
before the opening; on a weekend or holiday, duty runs ``duty.weekend_hours``
(9:00-16:00).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

from models import clock, events
from models.calendar import HallCalendar
from models.config import Config
from models.db import database
from models.errors import StaffRefused
from models.schema import Staff
from models.schema.duty import DutySwap
from models.staff.leave import approved_leaves
from models.staff.presence import find_active_staff, iso

ANCHOR = date(2024, 1, 1)  # a Monday; the rotation counts days from here


@dataclass(frozen=True)
class SwapInfo:
    id: int
    day: date
    from_staff: str
    to_staff: str
    reason: str
    at: datetime

    def as_dict(self) -> dict:
        return {**asdict(self), "day": self.day.isoformat(), "at": iso(self.at)}


@dataclass(frozen=True)
class DutyDay:
    day: date
    working_day: bool
    staff: tuple[str, ...]  # codes on duty, after swaps
    names: tuple[str, ...]
    leader: str | None  # 带班领导, after swaps
    leader_name: str | None
    rotation: tuple[str, ...]  # who the rotation named, before swaps
    rotation_leader: str | None
    swaps: tuple[SwapInfo, ...]
    hours: tuple[tuple[time, time], ...]  # local; empty: no duty that day
    arrive_by: time | None  # local time the duty person is due
    on_leave: tuple[str, ...]  # on-duty people with approved leave that day (arrange a swap)

    @property
    def people(self) -> tuple[str, ...]:
        """Everyone on duty that day, the leader on duty included; nobody on a day without duty hours."""
        if not self.hours:
            return ()
        return self.staff + ((self.leader,) if self.leader else ())

    def as_dict(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "working_day": self.working_day,
            "staff": list(self.staff),
            "names": list(self.names),
            "leader": self.leader,
            "leader_name": self.leader_name,
            "rotation": list(self.rotation),
            "rotation_leader": self.rotation_leader,
            "swaps": [s.as_dict() for s in self.swaps],
            "hours": [f"{a:%H:%M}-{b:%H:%M}" for a, b in self.hours],
            "arrive_by": f"{self.arrive_by:%H:%M}" if self.arrive_by else None,
            "on_leave": list(self.on_leave),
        }


class Roster:
    def __init__(self, config: Config):
        self.config = config
        self.calendar = HallCalendar(config)

    def hours(self, day: date) -> tuple[tuple[time, time], ...]:
        """Local duty hours on ``day``: office hours, or the weekend duty hours."""
        if self.calendar.is_working_day(day):
            return self.calendar.sessions(day)
        return self.config.duty.weekend_hours if self.config.duty.weekend_duty else ()

    def _turn(self, day: date) -> int:
        """How many duty days lie between ANCHOR and ``day`` (negative before it)."""
        if self.config.duty.weekend_duty:
            return (day - ANCHOR).days
        return self.calendar.working_days_between(ANCHOR, day)

    def rotation_staff(self) -> list[Staff]:
        query = Staff.select().where(Staff.active).order_by(Staff.code)
        if not self.config.duty.include_leaders:
            query = query.where(Staff.role != "leader")
        return list(query)

    def rotation_leaders(self) -> list[Staff]:
        return list(Staff.select().where(Staff.active & (Staff.role == "leader")).order_by(Staff.code))

    def roster(self, start: date | None = None, days: int = 7) -> list[DutyDay]:
        """Who is on duty on each of ``days`` days from ``start`` (default today)."""
        start = start or clock.service_day(self.config.zone)
        end = start + timedelta(days=max(0, days))
        people, leaders = self.rotation_staff(), self.rotation_leaders()
        swaps: dict[date, list[DutySwap]] = {}
        for swap in DutySwap.select().where((DutySwap.day >= start) & (DutySwap.day < end)).order_by(DutySwap.id):
            swaps.setdefault(swap.day, []).append(swap)
        names = {s.id: s for s in Staff.select()}
        span = clock.local_days(start, end - timedelta(days=1), self.config.zone)
        leaves = approved_leaves(*span)
        return [
            self._day(start + timedelta(days=i), people, leaders, swaps, names, leaves) for i in range(max(0, days))
        ]

    def head_counts(self, days: list[date]) -> dict[date, int]:
        """How many people are on duty on each of ``days`` (``len(DutyDay.people)``), in one read
        of the staff: a swap puts one person in another's place, so it never changes the count."""
        from peewee import Case, fn

        leader = Staff.role == "leader"
        everyone, leaders = (
            Staff.select(fn.COUNT(Staff.id), fn.SUM(Case(None, ((leader, 1),), 0))).where(Staff.active).tuples().get()
        )
        leaders = int(leaders or 0)
        people = everyone if self.config.duty.include_leaders else everyone - leaders
        per_day = min(self.config.duty.per_day, people) + (1 if leaders else 0)
        return {day: per_day if self.hours(day) else 0 for day in days}

    def on_duty(self, day: date | None = None) -> DutyDay:
        return self.roster(day, 1)[0]

    def _day(self, day, people, leaders, swaps, names, leaves) -> DutyDay:
        working = self.calendar.is_working_day(day)
        hours = self.hours(day)
        rotation: list[str] = []
        rotation_leader = None
        if hours:
            turn = self._turn(day)
            per_day = min(self.config.duty.per_day, len(people))
            rotation = [people[(turn * per_day + k) % len(people)].code for k in range(per_day)] if people else []
            rotation_leader = leaders[turn % len(leaders)].code if leaders else None
        by_code = {s.code: s for s in names.values()}
        staff, leader = list(rotation), rotation_leader
        day_swaps = []
        for swap in swaps.get(day, []):
            old, new = names[swap.from_staff_id].code, names[swap.to_staff_id].code
            if old in staff:
                staff[staff.index(old)] = new
            elif old == leader:
                leader = new
            day_swaps.append(SwapInfo(swap.id, swap.day, old, new, swap.reason, swap.at))
        if hours:
            day_start = clock.to_utc(datetime.combine(day, hours[0][0], self.config.zone))
            day_end = clock.to_utc(datetime.combine(day, hours[-1][1], self.config.zone))
        on_leave = tuple(
            code
            for code in staff + ([leader] if leader else [])
            if hours and any(a < day_end and b > day_start for a, b, _s in leaves.get(by_code[code].id, ()))
        )
        arrive_by = None
        if hours:
            early = self.config.duty.arrive_early_minutes if working else 0
            arrive_by = (datetime.combine(day, hours[0][0]) - timedelta(minutes=early)).time()
        return DutyDay(
            day=day,
            working_day=working,
            staff=tuple(staff),
            names=tuple(by_code[c].name for c in staff),
            leader=leader,
            leader_name=by_code[leader].name if leader else None,
            rotation=tuple(rotation),
            rotation_leader=rotation_leader,
            swaps=tuple(day_swaps),
            hours=tuple(hours),
            arrive_by=arrive_by,
            on_leave=on_leave,
        )

    def swap(self, day: date, from_code: str, to_code: str, reason: str, *, by: str | None = None) -> DutyDay:
        """On ``day``, ``to_code`` takes the duty of ``from_code`` (a new row; nothing is rewritten)."""
        reason = (reason or "").strip()
        if not reason:
            raise StaffRefused("swap_reason_needed")
        with database.atomic():
            old = find_active_staff(from_code)
            new = find_active_staff(to_code)
            setter = find_active_staff(by) if by else None
            current = self.on_duty(day)
            if old.code not in current.staff and old.code != current.leader:
                raise StaffRefused("not_on_duty_that_day", staff=old.code, day=day.isoformat())
            if new.code in current.staff or new.code == current.leader:
                raise StaffRefused("already_on_duty_that_day", staff=new.code, day=day.isoformat())
            if old.code == current.leader and new.role != "leader":
                raise StaffRefused("not_leader", staff=new.code)
            row = DutySwap.create(day=day, from_staff=old.id, to_staff=new.id, reason=reason, at=clock.now())
            events.record(
                "duty.swapped",
                row.id,
                day=day.isoformat(),
                from_staff=old.code,
                to_staff=new.code,
                reason=reason,
                by=setter.code if setter else None,
            )
        return self.on_duty(day)
