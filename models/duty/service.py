"""Duty (轮流值班 / 值日, seed 003 §8(3); 000 三(五); 001 卫生保洁制度 四; 002 领导带班).

**Roster.** Each day ``duty.per_day`` people are on duty, taken in turn from
the active staff ordered by code (leaders too when ``duty.include_leaders``),
and one leader is the leader on duty (带班领导), taken in turn from the
active leaders. The turn of a day is a pure function of the date: counted
over every day when weekends and holidays have duty (seed 003 §6,
``duty.weekend_duty``), else over working days only. So :meth:`Duty.roster`
gives the same answer on every terminal without storing anything. A swap
(换班) is stored: on that day ``to`` takes the place of ``from``; later swaps
apply on top of earlier ones.

Hours: on a working day the duty person comes ``duty.arrive_early_minutes``
before the opening; on a weekend or holiday, duty runs ``duty.weekend_hours``
(9:00-16:00).

**Checklists.** The opening and closing checklists are the config's
``opening_checklist`` and ``closing_checklist``. Each item is ticked by
someone, at a time, optionally with a problem noted. A checklist is signed off
once all its items are ticked. The closing sign-off is refused while any of
the day's tickets is waiting, called or being served (nobody waiting is turned
away, seed 002 规范 15); once it is signed the kiosk issues no ticket until
the next day (:func:`refuse_if_closed_for_day`, called by the queue).

**Leader's log.** The leader on duty writes problems found and their fixes
(:meth:`Duty.log_problem`, :meth:`Duty.log_fix`); rows are only appended.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

from peewee import IntegrityError

from models import clock, events
from models.calendar import HallCalendar
from models.config import Config
from models.db import database, is_postgres
from models.schema.duty import CHECKLISTS, ChecklistTick, DutyLog, DutySignOff, DutySwap
from models.i18n import t
from models.schema import Staff, Ticket
from models.errors import StaffRefused
from models.queue.day_hold import closed_for_day, hold_day
from models.staff.whereabouts import approved_leaves, find_active_staff

ANCHOR = date(2024, 1, 1)  # a Monday; the rotation counts days from here
OPEN_TICKET_STATES = ("waiting", "called", "serving")


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() + "Z" if moment else None


@dataclass(frozen=True)
class SwapInfo:
    id: int
    day: date
    from_staff: str
    to_staff: str
    reason: str
    at: datetime

    def as_dict(self) -> dict:
        return {**asdict(self), "day": self.day.isoformat(), "at": _iso(self.at)}


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


@dataclass(frozen=True)
class TickInfo:
    id: int
    day: date
    checklist: str
    item_index: int
    item_text: str
    staff: str
    problem: str
    at: datetime

    def as_dict(self) -> dict:
        return {**asdict(self), "day": self.day.isoformat(), "at": _iso(self.at)}


@dataclass(frozen=True)
class ItemState:
    index: int  # 0-based
    text: str
    ticked: bool
    staff: str | None  # the latest tick
    at: datetime | None
    problem: str
    ticks: tuple[TickInfo, ...]  # every tick, oldest first

    def as_dict(self) -> dict:
        return {
            "index": self.index,
            "text": self.text,
            "ticked": self.ticked,
            "staff": self.staff,
            "at": _iso(self.at),
            "problem": self.problem,
            "ticks": [x.as_dict() for x in self.ticks],
        }


@dataclass(frozen=True)
class SignOffInfo:
    id: int
    day: date
    checklist: str
    staff: str
    note: str
    at: datetime
    by_duty_person: bool

    def as_dict(self) -> dict:
        return {**asdict(self), "day": self.day.isoformat(), "at": _iso(self.at)}


@dataclass(frozen=True)
class ChecklistState:
    checklist: str
    items: tuple[ItemState, ...]
    signed_off: SignOffInfo | None

    @property
    def complete(self) -> bool:
        return all(item.ticked for item in self.items)

    @property
    def missing(self) -> tuple[int, ...]:
        return tuple(item.index for item in self.items if not item.ticked)

    def as_dict(self) -> dict:
        return {
            "checklist": self.checklist,
            "complete": self.complete,
            "items": [i.as_dict() for i in self.items],
            "signed_off": self.signed_off.as_dict() if self.signed_off else None,
        }


@dataclass(frozen=True)
class LogEntry:
    id: int
    day: date
    kind: str  # problem | fix
    leader: str
    text: str
    problem_id: int | None
    at: datetime
    fixes: tuple[LogEntry, ...] = ()  # for a problem: its fixes

    @property
    def fixed(self) -> bool:
        return bool(self.fixes)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "day": self.day.isoformat(),
            "kind": self.kind,
            "leader": self.leader,
            "text": self.text,
            "problem_id": self.problem_id,
            "at": _iso(self.at),
            "fixed": self.fixed,
            "fixes": [f.as_dict() for f in self.fixes],
        }


@dataclass(frozen=True)
class DayChecklists:
    day: date
    duty: DutyDay
    opening: ChecklistState
    closing: ChecklistState
    log: tuple[LogEntry, ...]  # problems found that day (with their fixes) and fixes written that day

    def as_dict(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "duty": self.duty.as_dict(),
            "opening": self.opening.as_dict(),
            "closing": self.closing.as_dict(),
            "log": [e.as_dict() for e in self.log],
        }


class Duty:
    def __init__(self, config: Config):
        self.config = config
        self.calendar = HallCalendar(config)

    # --- the roster ---------------------------------------------------------------

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
        return [self._day(start + timedelta(days=i), people, leaders, swaps, names, leaves) for i in range(max(0, days))]

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
            if hours
            and any(a < day_end and b > day_start for a, b, _s in leaves.get(by_code[code].id, ()))
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

    # --- checklists -----------------------------------------------------------------

    def items(self, checklist: str) -> tuple[str, ...]:
        if checklist not in CHECKLISTS:
            raise StaffRefused("bad_checklist", checklist=checklist)
        return self.config.opening_checklist if checklist == "opening" else self.config.closing_checklist

    def tick(self, day: date | None, checklist: str, item_index: int, staff_code: str, problem: str = "") -> TickInfo:
        """Tick item ``item_index`` (0-based) of the day's ``checklist``, noting any problem."""
        day = day or clock.service_day(self.config.zone)
        items = self.items(checklist)
        if not 0 <= item_index < len(items):
            raise StaffRefused("bad_item", number=item_index + 1, count=len(items))
        if day > clock.service_day(self.config.zone):
            raise StaffRefused("future_day", day=day.isoformat())
        problem = (problem or "").strip()
        with database.atomic():
            staff = find_active_staff(staff_code)
            if _signed(day, checklist) is not None:
                raise StaffRefused("already_signed", checklist=self._name(checklist), day=day.isoformat())
            row = ChecklistTick.create(
                day=day,
                checklist=checklist,
                item_index=item_index,
                item_text=items[item_index],
                staff=staff.id,
                problem=problem,
                at=clock.now(),
            )
            events.record(
                "duty.ticked",
                row.id,
                day=day.isoformat(),
                checklist=checklist,
                item=item_index,
                staff=staff.code,
                problem=problem,
            )
        return TickInfo(row.id, day, checklist, item_index, items[item_index], staff.code, problem, row.at)

    def sign_off(self, day: date | None, checklist: str, staff_code: str, note: str = "") -> SignOffInfo:
        """Sign the day's checklist off: every item ticked; the closing one only
        when none of the day's tickets is waiting or being served."""
        day = day or clock.service_day(self.config.zone)
        self.items(checklist)
        if day > clock.service_day(self.config.zone):
            raise StaffRefused("future_day", day=day.isoformat())
        with database.atomic():
            staff = find_active_staff(staff_code)
            if _signed(day, checklist) is not None:
                raise StaffRefused("already_signed", checklist=self._name(checklist), day=day.isoformat())
            state = self._checklist_state(day, checklist)
            if not state.complete:
                raise StaffRefused(
                    "checklist_incomplete",
                    checklist=self._name(checklist),
                    items="、".join(str(i + 1) for i in state.missing),
                )
            if checklist == "closing":
                hold_day(day)
                count = open_tickets(day)
                if count:
                    raise StaffRefused("tickets_open", count=count)
            try:
                with database.atomic():
                    row = DutySignOff.create(
                        day=day, checklist=checklist, staff=staff.id, note=(note or "").strip(), at=clock.now()
                    )
            except IntegrityError:
                raise StaffRefused("already_signed", checklist=self._name(checklist), day=day.isoformat()) from None
            events.record("duty.signed_off", row.id, day=day.isoformat(), checklist=checklist, staff=staff.code)
        duty = self.on_duty(day)
        return SignOffInfo(row.id, day, checklist, staff.code, row.note, row.at, staff.code in duty.staff)

    def _name(self, checklist: str) -> str:
        return t(f"duty.checklist_{checklist}", self.config.language)

    def _checklist_state(self, day: date, checklist: str, duty: DutyDay | None = None) -> ChecklistState:
        items = self.items(checklist)
        rows = list(
            ChecklistTick.select(ChecklistTick, Staff)
            .join(Staff, on=(ChecklistTick.staff == Staff.id))
            .where((ChecklistTick.day == day) & (ChecklistTick.checklist == checklist))
            .order_by(ChecklistTick.id)
        )
        ticks: dict[int, list[TickInfo]] = {}
        for r in rows:
            ticks.setdefault(r.item_index, []).append(
                TickInfo(r.id, r.day, r.checklist, r.item_index, r.item_text, r.staff.code, r.problem, r.at)
            )
        states = []
        for index in sorted(set(range(len(items))) | set(ticks)):
            done = ticks.get(index, [])
            last = done[-1] if done else None
            text = items[index] if index < len(items) else last.item_text
            states.append(
                ItemState(
                    index=index,
                    text=text,
                    ticked=bool(done),
                    staff=last.staff if last else None,
                    at=last.at if last else None,
                    problem=last.problem if last else "",
                    ticks=tuple(done),
                )
            )
        signed = _signed(day, checklist)
        info = None
        if signed is not None:
            duty = duty or self.on_duty(day)
            code = signed.staff.code
            info = SignOffInfo(signed.id, signed.day, checklist, code, signed.note, signed.at, code in duty.staff)
        return ChecklistState(checklist, tuple(states), info)

    def checklist_history(self, day: date | None = None) -> DayChecklists:
        """The day's duty people, both checklists with every tick, sign-offs, and the leader's log."""
        day = day or clock.service_day(self.config.zone)
        duty = self.on_duty(day)
        return DayChecklists(
            day=day,
            duty=duty,
            opening=self._checklist_state(day, "opening", duty),
            closing=self._checklist_state(day, "closing", duty),
            log=tuple(self.log(day)),
        )

    def closed_for_day(self, day: date | None = None) -> bool:
        return closed_for_day(day or clock.service_day(self.config.zone))

    # --- the leader's log ------------------------------------------------------------

    def log_problem(self, leader_code: str, text: str, day: date | None = None) -> LogEntry:
        """The leader on duty notes a problem found (领导带班记录)."""
        return self._log("problem", leader_code, text, day, None)

    def log_fix(self, problem_id: int, leader_code: str, text: str) -> LogEntry:
        """The fix of a logged problem, as a new row (the problem row is not touched)."""
        return self._log("fix", leader_code, text, None, problem_id)

    def _log(self, kind: str, leader_code: str, text: str, day: date | None, problem_id: int | None) -> LogEntry:
        text = (text or "").strip()
        if not text:
            raise StaffRefused("log_text_needed")
        day = day or clock.service_day(self.config.zone)
        with database.atomic():
            leader = find_active_staff(leader_code)
            if leader.role != "leader":
                raise StaffRefused("not_leader", staff=leader.code)
            if problem_id is not None:
                problem = DutyLog.get_or_none((DutyLog.id == problem_id) & (DutyLog.kind == "problem"))
                if problem is None:
                    raise StaffRefused("unknown_problem", id=problem_id)
            row = DutyLog.create(day=day, kind=kind, leader=leader.id, text=text, problem=problem_id, at=clock.now())
            events.record(f"duty.{kind}", row.id, day=day.isoformat(), leader=leader.code, problem=problem_id)
        return LogEntry(row.id, day, kind, leader.code, text, problem_id, row.at)

    def log(self, day: date | None = None) -> list[LogEntry]:
        """Problems found on ``day`` with all their fixes, then fixes written that day to older problems."""
        day = day or clock.service_day(self.config.zone)
        problems = list(_log_rows((DutyLog.day == day) & (DutyLog.kind == "problem")))
        fixes = _fixes_for([p.id for p in problems])
        out = [_entry(p, fixes.get(p.id, ())) for p in problems]
        seen = {p.id for p in problems}
        out += [_entry(f) for f in _log_rows((DutyLog.day == day) & (DutyLog.kind == "fix")) if f.problem_id not in seen]
        return out

    def open_problems(self) -> list[LogEntry]:
        """Logged problems that have no fix yet, oldest first."""
        problems = list(_log_rows(DutyLog.kind == "problem"))
        fixes = _fixes_for([p.id for p in problems])
        return [_entry(p) for p in problems if p.id not in fixes]


# --- helpers ------------------------------------------------------------------------


def _signed(day: date, checklist: str) -> DutySignOff | None:
    return DutySignOff.get_or_none((DutySignOff.day == day) & (DutySignOff.checklist == checklist))


def open_tickets(day: date) -> int:
    """The day's tickets still waiting, called or being served."""
    return (
        Ticket.select()
        .where((Ticket.service_day == day) & Ticket.status.in_(OPEN_TICKET_STATES))
        .count()
    )


def _log_rows(where):
    return (
        DutyLog.select(DutyLog, Staff)
        .join(Staff, on=(DutyLog.leader == Staff.id))
        .where(where)
        .order_by(DutyLog.id)
    )


def _fixes_for(problem_ids: list[int]) -> dict[int, list[LogEntry]]:
    if not problem_ids:
        return {}
    out: dict[int, list[LogEntry]] = {}
    for row in _log_rows((DutyLog.kind == "fix") & DutyLog.problem.in_(problem_ids)):
        out.setdefault(row.problem_id, []).append(_entry(row))
    return out


def _entry(row: DutyLog, fixes=()) -> LogEntry:
    return LogEntry(row.id, row.day, row.kind, row.leader.code, row.text, row.problem_id, row.at, tuple(fixes))
