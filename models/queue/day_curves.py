"""The shape of a service day, hour by hour: arrivals and people waiting.

:func:`day_curves` answers two questions about one local service day, for
the reports screen's charts and CSV:

- **arrivals**: tickets issued in each local hour (08:00-08:59 …);
- **waiting**: the most people waiting at once during each hour. A ticket
  waits from ``issued_at`` until it is called (``called_at``); one not
  called yet still waits (until now, for today). A ticket sent back to the
  queue by a transfer or a returned no-show counts once, from its issue to
  its latest call: the curve is the hall's load, not an audit.

It also gives the tickets waiting now per line and per window (the reports
screen's "waiting" column; for a past day, those never called that day).

The hours run from the earlier of the first ticket and the day's first
session to the later of the last activity and the last session, so an empty
morning still shows as a flat line rather than nothing. Read-only; call
inside ``connection_context``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from models import clock
from models.config import Config
from models.schema import Line, Ticket, Window, WindowLine

WAITING_STATES = ("waiting", "not_called")  # a past day's never-called tickets ended as not_called


@dataclass(frozen=True)
class DayCurves:
    day: date
    hours: tuple[int, ...]  # local hours, e.g. (8, 9, 10, 11)
    arrivals: tuple[int, ...]  # tickets issued in each hour
    waiting: tuple[int, ...]  # most people waiting at once in each hour
    waiting_by_line: dict[str, int] = field(default_factory=dict)  # line code → waiting now
    waiting_by_window: dict[int, int] = field(default_factory=dict)  # window number → waiting for its lines

    @property
    def total_arrivals(self) -> int:
        return sum(self.arrivals)

    @property
    def peak_waiting(self) -> int:
        return max(self.waiting, default=0)

    def as_dict(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "hours": list(self.hours),
            "arrivals": list(self.arrivals),
            "waiting": list(self.waiting),
            "waiting_by_line": dict(self.waiting_by_line),
            "waiting_by_window": {str(k): v for k, v in self.waiting_by_window.items()},
        }


def day_curves(config: Config, day: date | None = None) -> DayCurves:
    """Arrivals and peak waiting per local hour of ``day`` (default today)."""
    zone = config.zone
    today = clock.service_day(zone)
    day = day or today
    now = clock.now()
    day_end = clock.local_days(day, day, zone)[1]
    horizon = min(now, day_end) if day >= today else day_end

    rows = list(
        Ticket.select(Ticket.issued_at, Ticket.called_at, Ticket.status, Ticket.line)
        .where(Ticket.service_day == day)
        .tuples()
    )

    def hour_of(instant: datetime) -> int:
        return clock.local(instant, zone).hour

    # The span of hours to show.
    first, last = [], []
    from models.calendar import HallCalendar

    sessions = HallCalendar(config).sessions(day)
    if sessions:
        first.append(sessions[0][0].hour)
        closing = sessions[-1][1]
        closing_hour = closing.hour - (1 if closing.minute == 0 and closing.hour > 0 else 0)
        # Today ends at now: later hours have no numbers yet.
        last.append(min(closing_hour, hour_of(now)) if day == today else closing_hour)
    for issued, called, _status, _line in rows:
        first.append(hour_of(issued))
        last.append(hour_of(issued))
        if called is not None and called < day_end:
            last.append(hour_of(called))
    if day == today and rows:
        last.append(hour_of(now))
    if not first:
        return DayCurves(day, (), (), (), {}, {})
    start_hour, end_hour = min(first), max(max(last), min(first))
    hours = tuple(range(start_hour, end_hour + 1))

    arrivals = [0] * len(hours)
    for issued, *_rest in rows:
        index = hour_of(issued) - start_hour
        if 0 <= index < len(hours):
            arrivals[index] += 1

    # Sweep: +1 at issue, -1 at call; the peak inside each hour.
    changes: list[tuple[datetime, int]] = []
    for issued, called, _status, _line in rows:
        end = called if called is not None else horizon
        if end <= issued:
            continue
        changes.append((issued, 1))
        if called is not None:
            changes.append((called, -1))
    changes.sort(key=lambda change: (change[0], change[1]))  # a call before an issue at the same instant
    waiting = [0] * len(hours)
    level, position = 0, 0
    for index, hour in enumerate(hours):
        hour_start = clock.to_utc(datetime.combine(day, time(hour), zone))
        hour_end = hour_start + timedelta(hours=1)
        while position < len(changes) and changes[position][0] < hour_start:
            level += changes[position][1]
            position += 1
        peak = level
        while position < len(changes) and changes[position][0] < hour_end:
            level += changes[position][1]
            position += 1
            peak = max(peak, level)
        waiting[index] = peak if hour_start < horizon or day < today else 0

    # Waiting now (today) or left uncalled (a past day), per line and per window.
    lines = {line_id: code for line_id, code in Line.select(Line.id, Line.code).tuples()}
    by_line: dict[str, int] = {}
    for _issued, _called, status, line_id in rows:
        if status in WAITING_STATES:
            code = lines.get(line_id, "?")
            by_line[code] = by_line.get(code, 0) + 1
    by_window: dict[int, int] = {}
    for number, line_id in (
        Window.select(Window.number, WindowLine.line)
        .join(WindowLine, on=(WindowLine.window == Window.id))
        .where(~Window.retired & ~WindowLine.retired)
        .tuples()
    ):
        by_window[number] = by_window.get(number, 0) + by_line.get(lines.get(line_id, "?"), 0)
    return DayCurves(
        day=day,
        hours=hours,
        arrivals=tuple(arrivals),
        waiting=tuple(waiting),
        waiting_by_line=dict(sorted(by_line.items())),
        waiting_by_window=dict(sorted(by_window.items())),
    )
