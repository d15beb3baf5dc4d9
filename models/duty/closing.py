"""The closing of a service day follows the hours (seed 001 工作考勤制度; 000 三(五)).

- The closing sign-off is refused before the day's last session has stopped
  issuing, unless a leader gives the reason for closing early; the reason is
  kept with the sign-off, is in the day's history and the kiosk shows it.
- It is refused while the leader's log has a problem with no fix, or an item
  of the day's checklists was ticked with a problem, unless each is answered
  with a note (kept with the sign-off).
- A leader can reopen a day's closing signed off by mistake, with a reason,
  as a new record; issuing then resumes and the closing is signed again.
- A working day whose closing nobody signed is told to the next day's leader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from models import clock, events
from models.calendar import HallCalendar
from models.config import Config
from models.db import database
from models.duty.leaders_log import unfixed_problems
from models.duty.tick_state import standing_ticks
from models.errors import StaffRefused
from models.schema import Staff, Ticket
from models.schema.duty import ChecklistTick, DutyReopen, DutySignOff
from models.staff.presence import find_active_staff, iso

# How far back the next day's leader is told of days left unsigned.
UNSIGNED_LOOKBACK_DAYS = 14


@dataclass(frozen=True)
class ReopenInfo:
    id: int
    day: date
    leader: str
    reason: str
    at: datetime
    # What the reopened sign-off had recorded: it no longer stands, but stays the day's history.
    early_reason: str = ""
    answers: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "day": self.day.isoformat(),
            "leader": self.leader,
            "reason": self.reason,
            "at": iso(self.at),
            "early_reason": self.early_reason,
            "answers": dict(self.answers),
        }


def standing_sign_off(day: date, checklist: str) -> DutySignOff | None:
    """The day's sign-off of ``checklist`` that stands: the latest, unless a leader reopened it."""
    row = (
        DutySignOff.select()
        .where((DutySignOff.day == day) & (DutySignOff.checklist == checklist))
        .order_by(DutySignOff.round.desc())
        .first()
    )
    if row is None or DutyReopen.select().where(DutyReopen.sign_off == row.id).exists():
        return None
    return row


def next_round(day: date, checklist: str) -> int:
    return DutySignOff.select().where((DutySignOff.day == day) & (DutySignOff.checklist == checklist)).count()


def issuing_ends(config: Config, day: date) -> datetime | None:
    """When the day's last session stops issuing (aware local); None when it issues no tickets by the hours."""
    if config.tickets.always_open:
        return None
    windows = HallCalendar(config).issuing_windows(day)
    return windows[-1][1] if windows else None


def check_early_closing(config: Config, day: date, staff: Staff, early_reason: str) -> str:
    """The early-closing reason the closing sign-off keeps ("" when on time); refuses
    a closing before the issuing has stopped unless a leader gives a reason."""
    ends = issuing_ends(config, day)
    if ends is None or day != clock.service_day(config.zone) or clock.now() >= clock.to_utc(ends):
        return ""
    if not early_reason:
        raise StaffRefused("closing_too_early", time=f"{ends:%H:%M}")
    if staff.role != "leader":
        raise StaffRefused("early_closing_needs_leader", staff=staff.code)
    return early_reason


def open_problems_for(day: date) -> dict[str, str]:
    """What the closing of ``day`` must answer, by answer key: every problem of the
    leader's log with no fix ("log:<id>"), and every item of the day's checklists
    whose standing tick noted a problem ("opening:<n>", "closing:<n>", from 1)."""
    found = {f"log:{entry.id}": entry.text for entry in unfixed_problems()}
    for (checklist, index), tick in sorted(standing_ticks(day).items()):
        if tick.problem:
            found[f"{checklist}:{index + 1}"] = f"{tick.item_text}：{tick.problem}"
    return found


def check_answers(day: date, answers: dict[str, str]) -> dict[str, str]:
    """The answers the sign-off keeps; refuses while any open problem is unanswered."""
    given = {key.strip(): (note or "").strip() for key, note in (answers or {}).items()}
    problems = open_problems_for(day)
    missing = [key for key in problems if not given.get(key)]
    if missing:
        listed = "；".join(f"{key}「{problems[key]}」" for key in missing)
        raise StaffRefused("closing_problems_open", problems=listed, first=missing[0])
    return {key: given[key] for key in problems}


@dataclass(frozen=True)
class ClosingQuestions:
    """What the closing sign-off of a day will ask, for a screen to ask it first."""

    early_until: str | None  # "16:15" while the day still issues tickets: a leader's reason is needed
    problems: dict[str, str]  # answer key → the problem, each needing a note

    @property
    def any(self) -> bool:
        return bool(self.early_until or self.problems)


class Reopening:
    """A leader reopens the closing of today signed off by mistake; what the closing asks; unsigned days."""

    config: Config

    def closing_questions(self, day: date | None = None) -> ClosingQuestions:
        day = day or clock.service_day(self.config.zone)
        ends = issuing_ends(self.config, day)
        early = ends is not None and day == clock.service_day(self.config.zone) and clock.now() < clock.to_utc(ends)
        return ClosingQuestions(f"{ends:%H:%M}" if early and ends else None, open_problems_for(day))

    def reopen(self, day: date | None, leader_code: str, reason: str) -> ReopenInfo:
        today = clock.service_day(self.config.zone)
        day = day or today
        reason = (reason or "").strip()
        if not reason:
            raise StaffRefused("reopen_reason_needed")
        if day != today:
            raise StaffRefused("reopen_only_today", day=day.isoformat())
        with database.atomic():
            leader = find_active_staff(leader_code)
            if leader.role != "leader":
                raise StaffRefused("not_leader", staff=leader.code)
            signed = standing_sign_off(day, "closing")
            if signed is None:
                raise StaffRefused("reopen_not_signed", day=day.isoformat())
            row = DutyReopen.create(sign_off=signed.id, day=day, leader=leader.id, reason=reason, at=clock.now())
            events.record("duty.reopened", row.id, day=day.isoformat(), staff=leader.code, reason=reason)
        return ReopenInfo(row.id, day, leader.code, reason, row.at)

    def reopenings(self, day: date) -> list[ReopenInfo]:
        rows = (
            DutyReopen.select(DutyReopen, Staff, DutySignOff)
            .join(Staff, on=(DutyReopen.leader == Staff.id))
            .switch(DutyReopen)
            .join(DutySignOff, on=(DutyReopen.sign_off == DutySignOff.id))
            .where(DutyReopen.day == day)
            .order_by(DutyReopen.id)
        )
        return [
            ReopenInfo(
                r.id, r.day, r.leader.code, r.reason, r.at, r.sign_off.early_reason, dict(r.sign_off.answers or {})
            )
            for r in rows
        ]

    def unsigned_days(self, before: date | None = None) -> list[date]:
        """Working days before ``before`` (default today), within the last two weeks,
        on which the hall worked (tickets or checklist ticks) and whose closing
        nobody signed off, or was reopened and not signed again: what the next
        day's leader is shown."""
        before = before or clock.service_day(self.config.zone)
        first = before - timedelta(days=UNSIGNED_LOOKBACK_DAYS)
        worked = {
            day
            for (day,) in Ticket.select(Ticket.service_day)
            .where((Ticket.service_day >= first) & (Ticket.service_day < before))
            .distinct()
            .tuples()
        } | {
            day
            for (day,) in ChecklistTick.select(ChecklistTick.day)
            .where((ChecklistTick.day >= first) & (ChecklistTick.day < before))
            .distinct()
            .tuples()
        }
        calendar = HallCalendar(self.config)
        return sorted(d for d in worked if calendar.sessions(d) and standing_sign_off(_as_date(d), "closing") is None)


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
