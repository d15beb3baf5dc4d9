"""The hall calendar: working days, office hours and when tickets are issued.

Working days are Monday to Friday, less the State Council's holidays, plus
its make-up working days (调休) that fall on a weekend, as the
``chinese-calendar`` package knows them (one release per year, published
when the schedule is). ``hall.toml`` only adds to that or overrides it: its
``holidays`` are closed days of the hall's own (or a correction), its
``workdays`` working days whatever the national schedule says. For a year
the package does not know yet, only the config's days and the weekends count,
and :func:`calendar_warnings` says so (``hall doctor``; the leader's terminal
from 1 December, when next year's schedule is due).

Office hours follow the config: seed 001's two seasonal timetables, or seed
003's staggered hours (7:00-19:00 on weekdays, one person on duty 9:00-16:00
on weekends and holidays).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

from models import clock
from models.config import Config
from models.i18n import t

WARN_FROM = (12, 1)  # (month, day) from which next year's schedule is looked for


@dataclass(frozen=True)
class National:
    """The State Council's schedule as the installed package knows it."""

    holidays: dict[date, str]  # date -> the holiday's name (English, as the package gives it)
    workdays: dict[date, str]  # 调休 working days -> the holiday they make up for
    years: range  # the years it knows; empty without the package


@cache
def national() -> National:
    # Imported on first use: the table of two decades costs the kiosk's first
    # frame nothing until a day is looked up.
    try:
        from chinese_calendar import constants
    except ImportError:  # pragma: no cover - a declared dependency
        return National({}, {}, range(0))
    holidays = {day: str(name) for day, name in constants.holidays.items()}
    workdays = {day: str(name) for day, name in constants.workdays.items()}
    known = [day.year for day in holidays]
    return National(holidays, workdays, range(min(known), max(known) + 1) if known else range(0))


@dataclass(frozen=True)
class _Days:
    holidays: frozenset[date]  # closed days that would be working days by the week
    workdays: frozenset[date]  # working days that would be closed by the week
    off_weekdays: tuple[date, ...]  # sorted
    on_weekends: tuple[date, ...]  # sorted


@cache
def _days(local_holidays: tuple[date, ...], local_workdays: tuple[date, ...]) -> _Days:
    nation = national()
    on, off = set(local_workdays), set(local_holidays) - set(local_workdays)

    def working(day: date) -> bool:
        if day in on:
            return True
        if day in off:
            return False
        if day in nation.workdays:
            return True
        return day not in nation.holidays and day.weekday() < 5

    candidates = set(nation.holidays) | set(nation.workdays) | on | off
    holidays = frozenset(d for d in candidates if d.weekday() < 5 and not working(d))
    workdays = frozenset(d for d in candidates if d.weekday() >= 5 and working(d))
    return _Days(holidays, workdays, tuple(sorted(holidays)), tuple(sorted(workdays)))


def _weekdays_after(start: date, end: date) -> int:
    """Monday-to-Friday days after ``start`` up to and including ``end`` (end >= start)."""
    weeks, rest = divmod((end - start).days, 7)
    return weeks * 5 + sum(1 for i in range(1, rest + 1) if (start + timedelta(days=i)).weekday() < 5)


def working_days_between(config: Config, start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative if end < start),
    in constant time whatever the span: whole weeks at once, the exceptions by bisection."""
    if end < start:
        return -working_days_between(config, end, start)
    days = _days(config.holidays, config.workdays)

    def within(sorted_days: tuple[date, ...]) -> int:
        return bisect_right(sorted_days, end) - bisect_right(sorted_days, start)

    return _weekdays_after(start, end) - within(days.off_weekdays) + within(days.on_weekends)


def calendar_words(config: Config, today: date, language: str) -> list[str]:
    """One sentence for each year the hall needs and does not know (see :func:`calendar_warnings`)."""
    return [
        t("calendar.year_unknown_local" if local else "calendar.year_unknown", language, year=year)
        for year, local in calendar_warnings(config, today)
    ]


def calendar_source(config: Config, language: str) -> str:
    """Where the working days come from: the years the package knows, and the config's own days."""
    from importlib import metadata  # dear to import (zip and e-mail parsing): only `hall doctor` asks

    years = national().years
    try:
        version = metadata.version("chinese-calendar")
    except metadata.PackageNotFoundError:  # pragma: no cover - a declared dependency
        version = "-"
    first, last = (years[0], years[-1]) if years else ("-", "-")
    local = len(set(config.holidays) | set(config.workdays))
    return t("calendar.known", language, first=first, last=last, version=version, local=local)


def calendar_warnings(config: Config, today: date) -> list[tuple[int, bool]]:
    """The years the hall needs and the package does not know: this year, and
    next year from 1 December. Each as (year, whether the config names any day of it)."""
    wanted = [today.year]
    if (today.month, today.day) >= WARN_FROM:
        wanted.append(today.year + 1)
    known = national().years
    local = {d.year for d in (*config.holidays, *config.workdays)}
    return [(year, year in local) for year in wanted if year not in known]


@dataclass(frozen=True)
class HallCalendar:
    config: Config

    def is_working_day(self, day: date) -> bool:
        days = _days(self.config.holidays, self.config.workdays)
        if day.weekday() < 5:
            return day not in days.holidays
        return day in days.workdays

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
        return working_days_between(self.config, start, end)

    def holiday_name(self, day: date) -> str | None:
        """The national holiday ``day`` belongs to (the package's English name), or None."""
        nation = national()
        return nation.holidays.get(day) or nation.workdays.get(day)

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
