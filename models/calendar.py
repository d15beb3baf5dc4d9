"""The hall calendar: working days, office hours and when tickets are issued.

Working days are Monday to Friday, less the configured holidays, plus the
configured make-up days (调休) that fall on a weekend. Office hours follow the
config: seed 001's two seasonal timetables, or seed 003's staggered hours
(7:00-19:00 on weekdays, one person on duty 9:00-16:00 on weekends and
holidays).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from models import clock
from models.config import Config


@dataclass(frozen=True)
class HallCalendar:
    config: Config

    def is_working_day(self, day: date) -> bool:
        if day in self.config.workdays:
            return True
        if day in self.config.holidays:
            return False
        return day.weekday() < 5

    def add_working_days(self, start: date, days: int) -> date:
        """The date ``days`` working days after ``start`` (start itself not counted)."""
        day = start
        counted = 0
        while counted < days:
            day += timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative if end < start)."""
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def sessions(self, day: date) -> tuple[tuple[time, time], ...]:
        """Office-hour sessions on ``day`` (empty when the hall is closed)."""
        hours = self.config.hours
        if hours.mode == "staggered":
            if self.is_working_day(day):
                return hours.staggered_weekday
            return hours.staggered_weekend
        if not self.is_working_day(day):
            return ()
        return hours.summer_autumn if self._is_summer(day) else hours.winter_spring

    def _is_summer(self, day: date) -> bool:
        start, end = self.config.hours.summer_from, self.config.hours.summer_to
        key = (day.month, day.day)
        if start <= end:
            return start <= key <= end
        return key >= start or key <= end

    def issuing_windows(self, day: date) -> list[tuple[datetime, datetime]]:
        """Aware local datetimes between which tickets are issued on ``day``."""
        zone = self.config.zone
        stop = timedelta(minutes=self.config.tickets.stop_before_close_minutes)
        spans = []
        for opens, closes in self.sessions(day):
            start = datetime.combine(day, opens, zone)
            end = datetime.combine(day, closes, zone) - stop
            if end > start:
                spans.append((start, end))
        return spans

    def issuing_now(self, at: datetime | None = None) -> bool:
        if self.config.tickets.always_open:
            return True
        moment = clock.local(at or clock.now(), self.config.zone)
        return any(start <= moment < end for start, end in self.issuing_windows(moment.date()))

    def next_issuing(self, at: datetime | None = None) -> datetime | None:
        """When ticket issuing next opens (aware local), within the next 60 days."""
        moment = clock.local(at or clock.now(), self.config.zone)
        for offset in range(60):
            day = moment.date() + timedelta(days=offset)
            for start, _end in self.issuing_windows(day):
                if start > moment:
                    return start
        return None

    def issuing_pause(self, at: datetime | None = None) -> tuple[str, datetime | None]:
        """Why tickets are not issued at ``at`` (UTC, as :func:`models.clock.now`) and when they are next:
        ("open", None); ("before", next) before today's first session; ("lunch", next)
        between two of today's sessions; ("ended", next) after today's last one;
        ("rest_day", next) on a day with no sessions. ``next`` is None past the horizon."""
        if self.issuing_now(at):
            return "open", None
        moment = clock.local(at or clock.now(), self.config.zone)
        nxt = self.next_issuing(at)
        windows = self.issuing_windows(moment.date())
        if not windows:
            return "rest_day", nxt
        if moment < windows[0][0]:
            return "before", nxt
        if moment >= windows[-1][1]:
            return "ended", nxt
        return "lunch", nxt

    def opening_of(self, day: date) -> datetime | None:
        sessions = self.sessions(day)
        return datetime.combine(day, sessions[0][0], self.config.zone) if sessions else None

    def closing_of(self, day: date) -> datetime | None:
        sessions = self.sessions(day)
        return datetime.combine(day, sessions[-1][1], self.config.zone) if sessions else None


def in_season(day: date, open_from: str | None, open_to: str | None) -> bool:
    """Whether an item with an open period ("MM-DD" bounds) is open on ``day``."""
    if not open_from or not open_to:
        return True
    start = tuple(int(x) for x in open_from.split("-"))
    end = tuple(int(x) for x in open_to.split("-"))
    key = (day.month, day.day)
    if start <= end:
        return start <= key <= end
    return key >= start or key <= end


def next_season_start(day: date, open_from: str) -> date:
    month, dom = (int(x) for x in open_from.split("-"))
    for year in (day.year, day.year + 1, day.year + 2):
        try:
            candidate = date(year, month, dom)
        except ValueError:  # 02-29 outside a leap year
            continue
        if candidate >= day:
            return candidate
    return date(day.year + 1, month, min(dom, 28))
