"""A month as the hall counts it: ``"2026-11"``, its days, and the weeks that belong to it."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

from models.worklog.rights import WorklogRefused


def month_days(month: str) -> tuple[date, date]:
    """The first and last day of ``month`` (``YYYY-MM``)."""
    try:
        year, number = (int(part) for part in month.strip().split("-"))
        first = date(year, number, 1)
    except ValueError:
        raise WorklogRefused("bad_month", month=month[:20]) from None
    return first, date(year, number, monthrange(year, number)[1])


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_weeks(month: str) -> list[date]:
    """The Mondays of the weeks that belong to ``month``: those whose Monday falls in it,
    so a week across a month's end is counted once, by the month it starts in."""
    first, last = month_days(month)
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    weeks = []
    while monday <= last:
        weeks.append(monday)
        monday += timedelta(days=7)
    return weeks
