"""Duty (轮流值班 / 值日, seed 003 §8(3); 000 三(五); 001 卫生保洁制度 四; 002 领导带班) as one service.

:class:`Duty` is the roster (who is on duty each day, and swaps:
:mod:`models.duty.roster`), the opening and closing checklists
(:mod:`models.duty.checklists`) and the leader's log
(:mod:`models.duty.leaders_log`); :meth:`Duty.checklist_history` is a day's
view of all three.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models import clock
from models.duty.checklists import ChecklistState
from models.duty.closing import ReopenInfo, Reopening
from models.duty.leaders_log import LeadersLog, LogEntry
from models.duty.roster import DutyDay
from models.duty.undo import Undoing


@dataclass(frozen=True)
class DayChecklists:
    day: date
    duty: DutyDay
    opening: ChecklistState
    closing: ChecklistState
    log: tuple[LogEntry, ...]  # problems found that day (with their fixes) and fixes written that day
    reopenings: tuple[ReopenInfo, ...] = ()  # closings of the day signed by mistake and reopened

    def as_dict(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "duty": self.duty.as_dict(),
            "opening": self.opening.as_dict(),
            "closing": self.closing.as_dict(),
            "log": [e.as_dict() for e in self.log],
            "reopenings": [r.as_dict() for r in self.reopenings],
        }


class Duty(Undoing, LeadersLog, Reopening):
    """Duty as one service: the roster (:mod:`~models.duty.roster`), the checklists
    (:mod:`~models.duty.checklists`, a tick taken back: :mod:`~models.duty.undo`) and the leader's log (:mod:`~models.duty.leaders_log`)."""

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
            reopenings=tuple(self.reopenings(day)),
        )
