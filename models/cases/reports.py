"""Day and month reports: the queue, the cases, the ratings.

:func:`report` takes one local day or one month (``"2026-11"``) and returns a
:class:`Report`: tickets issued / served / no-show per line and per window;
waiting time (issued → called) median and p90; service time median; cases by
kind; overdue and extended cases; the share of 补充件 per item (how often a
resident had to come twice: the 最多跑一次 measure); the cases' ratings
(一事一评) by level and, beside them, the visits' (一次一评, given at the pad,
the web or the kiosk), each counted in the period of the moment it was given;
the open 差评 follow-ups of cases and, apart, of visits (each 差评 opens its
loop), and the stage each of the period's visits' 差评 stands at now. ``as_dict()`` gives the same numbers as JSON-ready data;
:mod:`models.cases.export_files` writes them as a spreadsheet in the reader's words.

Percentiles are nearest-rank: p90 of n values is the ⌈0.9·n⌉-th smallest.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from models import clock
from models.cases.bad_ratings.due import visit_loop_counts
from models.cases.ratings import followup_counts
from models.cases.rules import BAD_LEVELS, LEVELS
from models.config import Config
from models.queue.day_end import end_days_before
from models.schema import Item, Line, Ticket, Window
from models.schema.cases import CaseRating, CaseState
from models.schema.ratings import VisitRating


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


@dataclass
class Report:
    period: str  # "2026-11-23" or "2026-11"
    start: date
    end: date  # inclusive
    tickets_by_line: dict[str, dict[str, int]] = field(default_factory=dict)
    tickets_by_window: dict[int, dict[str, int]] = field(default_factory=dict)
    tickets: dict[str, int] = field(default_factory=dict)
    wait_median_minutes: float | None = None
    wait_p90_minutes: float | None = None
    service_median_minutes: float | None = None
    cases_by_kind: dict[str, int] = field(default_factory=dict)
    cases_total: int = 0
    overdue_cases: int = 0
    extended_cases: int = 0
    extensions: int = 0
    over_time_immediate: int = 0
    supplement_by_item: dict[str, dict] = field(default_factory=dict)
    ratings_by_level: dict[str, int] = field(default_factory=dict)
    bad_ratings: int = 0
    open_followups: int = 0
    overdue_followups: int = 0
    # The visits' ratings (一次一评) of the period, beside the cases' above.
    visit_ratings_by_level: dict[str, int] = field(default_factory=dict)
    visit_bad_ratings: int = 0
    # The period's visits' 差评 by the stage of their loop now; the visits' open loops now, and the overdue ones.
    visit_bad_by_stage: dict[str, int] = field(default_factory=dict)
    visit_open_followups: int = 0
    visit_overdue_followups: int = 0

    def as_dict(self) -> dict:
        data = asdict(self)
        data["start"], data["end"] = self.start.isoformat(), self.end.isoformat()
        data["tickets_by_window"] = {str(k): v for k, v in self.tickets_by_window.items()}
        return data


def _period(config: Config, day, month) -> tuple[str, date, date]:
    if (day is None) == (month is None):
        if day is None and month is None:
            today = clock.service_day(config.zone)
            return today.isoformat(), today, today
        raise ValueError("give a day or a month, not both")
    if day is not None:
        day = day if isinstance(day, date) else date.fromisoformat(str(day))
        return day.isoformat(), day, day
    text = month if isinstance(month, str) else f"{month.year:04d}-{month.month:02d}"
    year, mon = (int(x) for x in text.split("-")[:2])
    start = date(year, mon, 1)
    end = (date(year + (mon == 12), mon % 12 + 1, 1)) - timedelta(days=1)
    return f"{year:04d}-{mon:02d}", start, end


def _utc_bounds(config: Config, start: date, end: date) -> tuple[datetime, datetime]:
    return clock.local_days(start, end, config.zone)


def report(config: Config, day=None, month=None) -> Report:
    """The report of one local day (default today) or one month ("YYYY-MM")."""
    period, start, end = _period(config, day, month)
    end_days_before(clock.service_day(config.zone), "next_day")  # an ended day's tickets count in their final state
    result = Report(period=period, start=start, end=end)
    _tickets(result, start, end)
    _cases(config, result, start, end)
    return result


def _minutes(later: datetime | None, earlier: datetime | None) -> float | None:
    if later is None or earlier is None or later < earlier:
        return None
    return (later - earlier).total_seconds() / 60


def _tickets(result: Report, start: date, end: date) -> None:
    lines = {line.id: line.code for line in Line.select(Line.id, Line.code)}
    windows = {w.id: w.number for w in Window.select(Window.id, Window.number)}
    by_line: dict[str, Counter] = defaultdict(Counter)
    by_window: dict[int, Counter] = defaultdict(Counter)
    waits, services = [], []
    rows = (
        Ticket.select(
            Ticket.line,
            Ticket.window,
            Ticket.status,
            Ticket.issued_at,
            Ticket.called_at,
            Ticket.started_at,
            Ticket.finished_at,
        )
        .where((Ticket.service_day >= start) & (Ticket.service_day <= end))
        .tuples()
    )
    for line_id, window_id, status, issued, called, started, finished in rows:
        counts = by_line[lines[line_id]]
        counts["issued"] += 1
        counts["served"] += status == "done"
        counts["no_show"] += status == "no_show"
        counts["not_called"] += status == "not_called"
        counts["not_finished"] += status == "not_finished"
        if window_id is not None:
            at_window = by_window[windows[window_id]]
            at_window["called"] += called is not None
            at_window["served"] += status == "done"
            at_window["no_show"] += status == "no_show"
            at_window["not_finished"] += status == "not_finished"
        wait = _minutes(called, issued)
        if wait is not None:
            waits.append(wait)
        if status == "done":
            service = _minutes(finished, started or called)
            if service is not None:
                services.append(service)
    zero = {"issued": 0, "served": 0, "no_show": 0, "not_called": 0, "not_finished": 0}
    result.tickets_by_line = {code: {**zero, **by_line[code]} for code in sorted(by_line)}
    result.tickets_by_window = {
        number: {"called": 0, "served": 0, "no_show": 0, "not_finished": 0, **by_window[number]}
        for number in sorted(by_window)
    }
    result.tickets = {metric: sum(counts[metric] for counts in result.tickets_by_line.values()) for metric in zero}
    result.wait_median_minutes = median(waits)
    result.wait_p90_minutes = percentile(waits, 0.9)
    result.service_median_minutes = median(services)


def _cases(config: Config, result: Report, start: date, end: date) -> None:
    begin, finish = _utc_bounds(config, start, end)
    today = clock.service_day(config.zone)
    items = {item.id: item.code for item in Item.select(Item.id, Item.code)}
    kinds: Counter = Counter()
    per_item: dict[str, Counter] = defaultdict(Counter)
    rows = (
        CaseState.select(
            CaseState.item,
            CaseState.kind,
            CaseState.state,
            CaseState.due_date,
            CaseState.extensions,
            CaseState.completed_late,
            CaseState.over_time,
            CaseState.supplement,
        )
        .where((CaseState.accepted_at >= begin) & (CaseState.accepted_at < finish))
        .tuples()
    )
    for item_id, kind, state, due, extensions, late, over_time, supplement in rows:
        kinds[kind] += 1
        result.cases_total += 1
        overdue_now = state == "in_progress" and due is not None and due < today
        result.overdue_cases += bool(late) or overdue_now
        result.extended_cases += extensions > 0
        result.extensions += extensions
        result.over_time_immediate += bool(over_time)
        counts = per_item[items[item_id]]
        counts["cases"] += 1
        counts["supplement"] += bool(supplement)
    result.cases_by_kind = dict(sorted(kinds.items()))
    result.supplement_by_item = {
        code: {
            "cases": counts["cases"],
            "supplement": counts["supplement"],
            "share": round(counts["supplement"] / counts["cases"], 4),
        }
        for code, counts in sorted(per_item.items())
    }
    result.ratings_by_level, result.bad_ratings = _levels(CaseRating, begin, finish)
    result.visit_ratings_by_level, result.visit_bad_ratings = _levels(VisitRating, begin, finish)
    result.open_followups, result.overdue_followups = followup_counts(config)
    visit_loops = visit_loop_counts(today, begin, finish)
    result.visit_bad_by_stage = visit_loops["stages"]
    result.visit_open_followups, result.visit_overdue_followups = visit_loops["open"], visit_loops["late"]


def _levels(model, begin: datetime, finish: datetime) -> tuple[dict[str, int], int]:
    """The ratings of ``model`` given in [begin, finish) per level (every level, in order), and the 差评 among them."""
    levels = Counter(
        level for (level,) in model.select(model.level).where((model.at >= begin) & (model.at < finish)).tuples()
    )
    return {level: levels.get(level, 0) for level in LEVELS}, sum(levels.get(level, 0) for level in BAD_LEVELS)
