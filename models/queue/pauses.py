"""A window's pause with the clerk's expected resume time (预计恢复时间).

The time is kept where the pause is: in the ``window.paused`` event's data
(``resume_at``, naive UTC ISO text), appended with the pause and never
changed; the latest such event of a paused window is its current pause.

A line whose windows are all paused still issues tickets during a *short*
pause: one whose expected resume comes before the current session closes
(the resident then waits for that resume plus the people ahead). A pause
with no time, or one that runs past closing, refuses tickets as before.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, time, timedelta

from peewee import SQL

from models import clock
from models.config import Config
from models.errors import Refused
from models.schema import Event, Window

_HHMM = re.compile(r"^\s*([01]?\d|2[0-3])[:：]([0-5]\d)\s*$")


def parse_resume(text: str | None, config: Config, now: datetime | None = None) -> datetime | None:
    """The expected resume time typed as HH:MM (today, local) as naive UTC; None for none.

    Refused when it is not a time of day or not later than now."""
    if text is None or not text.strip():
        return None
    match = _HHMM.match(text)
    if match is None:
        raise Refused("resume_time_bad", value=text.strip())
    moment = now or clock.now()
    today = clock.service_day(config.zone, moment)
    local = datetime.combine(today, time(int(match.group(1)), int(match.group(2))), config.zone)
    resume = clock.to_utc(local)
    if resume <= moment:
        raise Refused("resume_time_past", value=local.strftime("%H:%M"))
    return resume


def resume_times(numbers: list[int] | None = None) -> dict[int, datetime]:
    """Window number → expected resume (naive UTC) of each window paused now with a time given."""
    query = Window.select(Window.id, Window.number).where(Window.paused & ~Window.retired)
    if numbers is not None:
        query = query.where(Window.number.in_(numbers))
    number_of = dict(query.tuples())
    paused = list(number_of)
    if not paused:
        return {}
    latest: dict[int, dict] = {}
    rows = (
        Event.select(Event.ref, Event.data)
        # The kind as written, not a parameter: only then may either database use the index of
        # the pauses (models.schema.tickets.WINDOW_PAUSES_INDEX), which holds that kind alone.
        .where((Event.kind == SQL("'window.paused'")) & Event.ref.in_(paused))
        .order_by(Event.id)
        .tuples()
    )
    for ref, data in rows:
        latest[ref] = data or {}
    result = {}
    for ref, data in latest.items():
        text = data.get("resume_at")
        if text:
            result[number_of[ref]] = datetime.fromisoformat(text)
    return result


def session_end(calendar, moment: datetime | None = None) -> datetime | None:
    """When the session running at ``moment`` closes (naive UTC); the day's closing
    outside a session; None on a day without sessions."""
    config = calendar.config
    local = clock.local(moment or clock.now(), config.zone)
    day = local.date()
    for opens, closes in calendar.sessions(day):
        start = datetime.combine(day, opens, config.zone)
        end = datetime.combine(day, closes, config.zone)
        if start <= local < end:
            return clock.to_utc(end)
    closing = calendar.closing_of(day)
    return clock.to_utc(closing) if closing is not None and closing > local else None


def carrying_resumes(calendar, resumes: list[datetime], moment: datetime | None = None) -> list[datetime]:
    """The resume times (sorted) that make a pause short: later than now and before the session closes.
    With no closing known (a day without sessions, as a demo hall issuing at any hour), any time today."""
    moment = moment or clock.now()
    end = session_end(calendar, moment)
    if end is None:
        today = clock.service_day(calendar.config.zone, moment)
        end = clock.local_days(today, today, calendar.config.zone)[1]
    return sorted(at for at in resumes if moment < at < end)


def minutes_until(at: datetime, moment: datetime | None = None) -> int:
    return max(0, math.ceil((at - (moment or clock.now())) / timedelta(minutes=1)))
