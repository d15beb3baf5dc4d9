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
the next day (:mod:`models.queue.day_hold`).

**Leader's log.** The leader on duty writes problems found and their fixes
(:meth:`Duty.log_problem`, :meth:`Duty.log_fix`); rows are only appended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models import clock
from models.duty.checklists import Checklists, ChecklistState
from models.duty.leaders_log import LeadersLog, LogEntry
from models.duty.roster import DutyDay


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


class Duty(Checklists, LeadersLog):
    """Duty as one service: the roster (:mod:`~models.duty.roster`), the checklists
    (:mod:`~models.duty.checklists`) and the leader's log (:mod:`~models.duty.leaders_log`)."""

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
