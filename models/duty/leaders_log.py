"""The leader's log (领导带班, seed 002): problems found and their fixes.

The leader on duty writes what went wrong and, later, how it was put right
(:meth:`LeadersLog.log_problem`, :meth:`LeadersLog.log_fix`); rows are only
appended, so a fix is a new row pointing at its problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from models import clock, events
from models.config import Config
from models.db import database
from models.errors import StaffRefused
from models.schema import Staff
from models.schema.duty import DutyLog
from models.staff.presence import find_active_staff, iso


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
            "at": iso(self.at),
            "fixed": self.fixed,
            "fixes": [f.as_dict() for f in self.fixes],
        }


class LeadersLog:
    config: Config

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
        out += [
            _entry(f) for f in _log_rows((DutyLog.day == day) & (DutyLog.kind == "fix")) if f.problem_id not in seen
        ]
        return out

    def open_problems(self) -> list[LogEntry]:
        """Logged problems that have no fix yet, oldest first."""
        return unfixed_problems()


def unfixed_problems() -> list[LogEntry]:
    """Logged problems that have no fix yet, oldest first."""
    problems = list(_log_rows(DutyLog.kind == "problem"))
    fixes = _fixes_for([p.id for p in problems])
    return [_entry(p) for p in problems if p.id not in fixes]


def _log_rows(where):
    return DutyLog.select(DutyLog, Staff).join(Staff, on=(DutyLog.leader == Staff.id)).where(where).order_by(DutyLog.id)


def _fixes_for(problem_ids: list[int]) -> dict[int, list[LogEntry]]:
    if not problem_ids:
        return {}
    out: dict[int, list[LogEntry]] = {}
    for row in _log_rows((DutyLog.kind == "fix") & DutyLog.problem.in_(problem_ids)):
        out.setdefault(row.problem_id, []).append(_entry(row))
    return out


def _entry(row: DutyLog, fixes=()) -> LogEntry:
    return LogEntry(row.id, row.day, row.kind, row.leader.code, row.text, row.problem_id, row.at, tuple(fixes))
