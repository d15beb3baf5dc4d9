"""Where each person is on the service day: whereabouts belong to a day.

A state set on an earlier day says nothing about today. At the start of each
service day (local midnight) everyone is 未到岗 (:data:`NOT_IN`) until they
sign in at a terminal or set a state. Two things speak by themselves, without
anyone setting a state:

- approved leave running now puts the person in 请假 (``leave``), unless they
  set a state after it came into force (they came in anyway);
- on a day the hall is closed (weekend, holiday), someone the duty roster
  does not name is 休息 (``resting``).

A ``leave`` row whose leave is over no longer holds: the person is 未到岗
again. An expected return (``back_at``) is overdue only when it falls on
today and has passed by a minute or more: yesterday's "back at 16:00" is
nobody's concern today.

Who the roster names on a closed day is the duty's to say (a layer above
this one), so :class:`DayStates` is handed a ``rostered`` function when the
hall is wired (:meth:`models.hall.Hall.wired`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from peewee import fn

from models import clock
from models.calendar import HallCalendar
from models.config import Config
from models.schema import Staff
from models.schema.whereabouts import WhereaboutsChange
from models.staff.leave import leaves_running

NOT_IN = "not_in"  # 未到岗: a derived state, never set by anyone
OVERDUE_AFTER = timedelta(minutes=1)  # "超时0分钟" is no news: overdue from the first whole minute

Rostered = Callable[[date], Collection[str]]  # staff codes on duty on a day


def nobody_rostered(_day: date) -> tuple[str, ...]:
    return ()


@dataclass(frozen=True)
class DayState:
    """One person's state now, as the day sees it."""

    state: str
    since: datetime | None  # naive UTC; None: nothing set today
    back_at: datetime | None  # naive UTC
    overdue_by: timedelta | None  # today's expected return has passed
    note: str = ""
    row: WhereaboutsChange | None = None  # today's change that holds, if any
    stand_in: str | None = None  # on leave: who stands in
    leave_until: datetime | None = None  # on leave: when it ends (naive UTC, exclusive)


class DayStates:
    def __init__(self, config: Config, rostered: Rostered | None = None):
        self.config = config
        self.calendar = HallCalendar(config)
        self.rostered = rostered or nobody_rostered

    def day_start(self, now: datetime) -> datetime:
        """Local midnight of the service day at ``now``, as naive UTC."""
        day = clock.service_day(self.config.zone, now)
        return clock.local_days(day, day, self.config.zone)[0]

    def states(self, staff_ids: Collection[int], now: datetime | None = None) -> dict[int, DayState]:
        """The state of each staff id at ``now`` (default: the clock's now)."""
        ids = sorted(set(staff_ids))
        if not ids:
            return {}
        now = now or clock.now()
        start = self.day_start(now)
        # Today's changes only, found by time: filtering by staff too would make
        # SQLite walk each person's whole history through the staff index.
        latest = (
            WhereaboutsChange.select(fn.MAX(WhereaboutsChange.id))
            .where((WhereaboutsChange.at >= start) & (WhereaboutsChange.at <= now))
            .group_by(WhereaboutsChange.staff)
        )
        wanted = set(ids)
        rows = {
            r.staff_id: r
            for r in WhereaboutsChange.select().where(WhereaboutsChange.id.in_(latest))
            if r.staff_id in wanted
        }
        leaves = leaves_running(now)
        today = clock.service_day(self.config.zone, now)
        resting = self._resting(ids, today)
        out = {}
        for sid in ids:
            row, leave = rows.get(sid), leaves.get(sid)
            if leave is not None and (row is None or row.at < leave[0]):
                starts, ends, stand_in = leave
                out[sid] = DayState("leave", starts, ends, None, stand_in=stand_in, leave_until=ends)
            elif row is not None and not (row.to_state == "leave" and leave is None):
                out[sid] = self._as_set(row, leave if row.to_state == "leave" else None, now, today)
            else:
                out[sid] = DayState("resting" if sid in resting else NOT_IN, None, None, None)
        return out

    def _as_set(self, row: WhereaboutsChange, leave, now: datetime, today: date) -> DayState:
        """The state someone set today; its expected return is overdue only on today."""
        back = row.back_at
        overdue = None
        if back is not None and row.to_state != "on_duty" and back <= now - OVERDUE_AFTER:
            overdue = now - back if clock.service_day(self.config.zone, back) == today else None
        return DayState(
            row.to_state,
            row.at,
            back,
            overdue,
            note=row.note,
            row=row,
            stand_in=leave[2] if leave else None,
            leave_until=leave[1] if leave else None,
        )

    def _resting(self, ids: list[int], day: date) -> set[int]:
        """Who has a rest day: the hall is closed and the roster does not name them."""
        if self.calendar.is_working_day(day):
            return set()
        on_duty = set(self.rostered(day))
        codes = dict(Staff.select(Staff.id, Staff.code).where(Staff.id.in_(ids)).tuples())
        return {sid for sid in ids if codes.get(sid) not in on_duty}
