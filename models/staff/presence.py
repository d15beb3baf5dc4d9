"""The small conversions every whereabouts module shares: a state's words,
a duration as people say it, instants as stored and shown."""

from __future__ import annotations

from datetime import datetime
from typing import overload

from models import clock
from models.errors import StaffRefused
from models.i18n import DEFAULT_LANGUAGE, t
from models.schema import Staff
from models.staff.accounts import find_staff


def state_label(state: str, language: str = DEFAULT_LANGUAGE) -> str:
    return t(f"whereabouts.state_{state}", language)


def duration_words(minutes: int, language: str = DEFAULT_LANGUAGE) -> str:
    """A span as people say it: "35分钟", "2小时16分", "2小时", "1天" (en: 35 min, 2h 16m, 1 day).

    From a day on, whole days: nobody counts the minutes of a leave."""
    minutes = max(0, int(minutes))
    if minutes < 60:
        return t("whereabouts.dur_minutes", language, m=minutes)
    if minutes < 24 * 60:
        hours, rest = divmod(minutes, 60)
        if rest == 0:
            return t("whereabouts.dur_hours", language, h=hours)
        return t("whereabouts.dur_hours_minutes", language, h=hours, m=rest)
    days = minutes // (24 * 60)
    return t("whereabouts.dur_day" if days == 1 else "whereabouts.dur_days", language, d=days)


# The longest duration_words can be under a day, and a leave of up to 99 days:
# what a column must hold so that no duration loses a character.
LONGEST_DURATIONS = (59, 23 * 60 + 59, 99 * 24 * 60)


@overload
def to_utc(moment: datetime) -> datetime: ...
@overload
def to_utc(moment: None) -> None: ...
def to_utc(moment: datetime | None) -> datetime | None:
    """An aware datetime, or a naive one already in UTC, as stored (naive UTC)."""
    if moment is None:
        return None
    return clock.to_utc(moment) if moment.tzinfo is not None else moment


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() + "Z" if moment else None


def find_active_staff(code: str) -> Staff:
    return find_staff(code, active_or=StaffRefused)
