"""How far each worker is with the visits of a month: the figures the seeds ask for.

For a worker and a month (local days of the hall's time zone):

- households visited at home that month, against 30 (seed 000 一(四)3);
- the coverage of the worker's areas this year, from 1 January to the
  month's end (today for the month running), against 100 %: a household
  counts once anyone visited it at home;
- the families that must be contacted every month (special and difficult
  ones) not contacted that month, by a visit or a call;
- every household of the areas, those still to visit first: first the
  monthly ones not contacted, then those not visited this year, then the
  rest by their last visit, oldest first.

A worker is behind when the month's visits are below the pace (the whole
30 for a month gone by, its share of the days for the month running), when
the year's coverage is below its share of the months, or when a monthly
family was not contacted in a month gone by. Every figure for every worker
is a handful of grouped queries, so the leader's view costs the same for 20
workers as for one.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import asdict, dataclass, field, replace
from datetime import date

from peewee import fn

from models import clock
from models.config import Config
from models.households.register import HouseholdRow, Households
from models.households.rules import MONTHLY_TARGET, YEARLY_COVERAGE, HouseholdRefused
from models.schema import Staff
from models.schema.households import Area, Household, Visit


def month_span(month: str) -> tuple[date, date]:
    """``"2026-11"`` → its first and last day."""
    try:
        year, number = (int(x) for x in month.strip().split("-"))
        first = date(year, number, 1)
    except ValueError:
        raise HouseholdRefused("bad_month", month=month) from None
    return first, date(year, number, calendar.monthrange(year, number)[1])


@dataclass(frozen=True)
class HouseholdStatus:
    household: HouseholdRow
    last_visit: date | None  # the last home visit this year, up to the month's end
    contacted: bool  # visited or called this month
    to_visit: bool  # still to visit: monthly and not contacted, or not visited this year

    def as_dict(self) -> dict:
        return {
            **self.household.as_dict(),
            "last_visit": self.last_visit.isoformat() if self.last_visit else None,
            "contacted": self.contacted,
            "to_visit": self.to_visit,
        }


@dataclass(frozen=True)
class WorkerProgress:
    worker: str
    name: str
    month: str
    areas: tuple[str, ...]
    visited: int  # distinct households visited at home this month
    target: int
    pace: int  # what should be visited by now
    households: int  # in the worker's areas
    covered: int  # of them, visited at home this year
    coverage: int  # per cent
    coverage_pace: int  # per cent that should be covered by now
    monthly_due: int  # households to contact every month
    not_contacted: int  # of them, not contacted this month
    behind: bool
    statuses: tuple[HouseholdStatus, ...] = field(default=())

    def as_dict(self) -> dict:
        data = asdict(self)
        data["areas"] = list(self.areas)
        data["statuses"] = [s.as_dict() for s in self.statuses]
        return data


@dataclass(frozen=True)
class LeaderView:
    month: str
    workers: tuple[WorkerProgress, ...]  # everyone with an area, those behind first
    not_contacted: tuple[HouseholdRow, ...]  # monthly families not contacted this month, masked

    @property
    def behind(self) -> tuple[WorkerProgress, ...]:
        return tuple(w for w in self.workers if w.behind)

    def as_dict(self) -> dict:
        return {
            "month": self.month,
            "workers": [w.as_dict() for w in self.workers],
            "behind": [w.worker for w in self.behind],
            "not_contacted": [h.as_dict() for h in self.not_contacted],
        }


class Progress:
    """Visit progress (``hall.visit_progress``)."""

    def __init__(self, config: Config, households: Households):
        self.config = config
        self.households = households

    def _today(self) -> date:
        return clock.service_day(self.config.zone)

    def _window(self, month: str) -> tuple[date, date, date, int, int]:
        """The month's first day, the last day counted, the year's first day, the pace and the coverage pace."""
        first, last = month_span(month)
        today = self._today()
        counted = min(last, today)
        if first > today:
            return first, first, date(first.year, 1, 1), 0, 0
        days = calendar.monthrange(first.year, first.month)[1]
        pace = MONTHLY_TARGET if last <= today else math.ceil(MONTHLY_TARGET * today.day / days)
        months_done = first.month if last <= today else first.month - 1
        return first, counted, date(first.year, 1, 1), pace, YEARLY_COVERAGE * months_done // 12

    def _figures(self, month: str, worker_id: int | None) -> tuple[dict[int, dict], list[Household], tuple]:
        first, counted, year_start, pace, coverage_pace = self._window(month)
        areas = Area.select(Area.id, Area.code, Area.worker).where(~Area.retired & Area.worker.is_null(False))
        if worker_id is not None:
            areas = areas.where(Area.worker == worker_id)
        by_worker: dict[int, dict] = {}
        area_worker = {}
        for area in areas.order_by(Area.code):
            area_worker[area.id] = area.worker_id
            entry = by_worker.setdefault(area.worker_id, {"areas": [], "households": 0, "covered": 0})
            entry["areas"].append(area.code)
            entry.setdefault("visited", 0)
            entry.setdefault("monthly_due", 0)
            entry.setdefault("not_contacted", 0)
        if not area_worker:
            return {}, [], (pace, coverage_pace, first, counted, year_start)
        in_areas = ~Household.retired & Household.area.in_(list(area_worker))
        for area_id, count in (
            Household.select(Household.area, fn.COUNT(Household.id)).where(in_areas).group_by(Household.area).tuples()
        ):
            by_worker[area_worker[area_id]]["households"] += count
        # Coverage: households of the areas visited at home this year, by anyone.
        covered = (
            Visit.select(Visit.household)
            .where((Visit.how == "home") & Visit.visited_on.between(year_start, counted))
            .distinct()
        )
        for area_id, count in (
            Household.select(Household.area, fn.COUNT(Household.id))
            .where(in_areas & Household.id.in_(covered))
            .group_by(Household.area)
            .tuples()
        ):
            by_worker[area_worker[area_id]]["covered"] += count
        visits = (
            Visit.select(Visit.worker, fn.COUNT(fn.DISTINCT(Visit.household)))
            .where((Visit.how == "home") & Visit.visited_on.between(first, counted))
            .group_by(Visit.worker)
        )
        if worker_id is not None:
            visits = visits.where(Visit.worker == worker_id)
        for visitor, count in visits.tuples():
            if visitor in by_worker:
                by_worker[visitor]["visited"] = count
        contacted = Visit.select(Visit.household).where(Visit.visited_on.between(first, counted)).distinct()
        for area_id, count in (
            Household.select(Household.area, fn.COUNT(Household.id))
            .where(in_areas & (Household.contact == "monthly"))
            .group_by(Household.area)
            .tuples()
        ):
            by_worker[area_worker[area_id]]["monthly_due"] += count
        missing = list(
            Household.select(Household.id, Household.code, Household.area)
            .where(in_areas & (Household.contact == "monthly") & Household.id.not_in(contacted))
            .order_by(Household.code)
        )
        for house in missing:
            by_worker[area_worker[house.area_id]]["not_contacted"] += 1
        return by_worker, missing, (pace, coverage_pace, first, counted, year_start)

    def _progress(self, staff: Staff, month: str, figures: dict, window: tuple, month_over: bool) -> WorkerProgress:
        pace, coverage_pace = window[0], window[1]
        households = figures["households"]
        coverage = 100 * figures["covered"] // households if households else 100
        behind = figures["visited"] < pace or coverage < coverage_pace or (month_over and figures["not_contacted"] > 0)
        return WorkerProgress(
            worker=staff.code,
            name=staff.name,
            month=month,
            areas=tuple(figures["areas"]),
            visited=figures["visited"],
            target=MONTHLY_TARGET,
            pace=pace,
            households=households,
            covered=figures["covered"],
            coverage=coverage,
            coverage_pace=coverage_pace,
            monthly_due=figures["monthly_due"],
            not_contacted=figures["not_contacted"],
            behind=behind,
        )

    def of_worker(self, staff: str, month: str, *, households: bool = True) -> WorkerProgress:
        """One worker's month, with every household of their areas (still to visit first)."""
        from models.staff.accounts import find_staff

        person = find_staff(staff)
        by_worker, _missing, window = self._figures(month, person.id)
        figures = by_worker.get(person.id) or {
            "areas": [],
            "households": 0,
            "covered": 0,
            "visited": 0,
            "monthly_due": 0,
            "not_contacted": 0,
        }
        progress = self._progress(person, month, figures, window, month_span(month)[1] < self._today())
        if not households:
            return progress
        first, counted, year_start = window[2], window[3], window[4]
        rows = self.households.rows(worker=person.code)
        codes = {r.code for r in rows}
        last: dict[str, date] = {}
        contacted: set[str] = set()
        if codes:
            # By the households' own index (household, visited_on): a year of the hall's visits is never scanned.
            theirs = (
                Household.select(Household.id)
                .join(Area, on=(Household.area == Area.id))
                .where((Area.worker == person.id) & ~Household.retired)
            )
            ids = dict(theirs.select(Household.id, Household.code).tuples())
            for house_id, how, day in (
                Visit.select(Visit.household, Visit.how, fn.MAX(Visit.visited_on))
                .where(Visit.household.in_(theirs) & Visit.visited_on.between(year_start, counted))
                .group_by(Visit.household, Visit.how)
                .tuples()
            ):
                code = ids[house_id]
                day = day if isinstance(day, date) else date.fromisoformat(str(day))
                if how == "home":
                    last[code] = max(day, last.get(code, day))
                if day >= first:
                    contacted.add(code)
        statuses = []
        for row in rows:
            monthly_missing = row.contact == "monthly" and row.code not in contacted
            statuses.append(
                HouseholdStatus(row, last.get(row.code), row.code in contacted, monthly_missing or row.code not in last)
            )
        statuses.sort(
            key=lambda s: (
                not (s.household.contact == "monthly" and not s.contacted),
                s.last_visit is not None,
                s.last_visit or date.min,
                s.household.code,
            )
        )
        return replace(progress, statuses=tuple(statuses))

    def leader_view(self, month: str) -> LeaderView:
        """Every worker with an area, those behind first; the monthly families not contacted."""
        by_worker, missing, window = self._figures(month, None)
        over = month_span(month)[1] < self._today()
        people = {s.id: s for s in Staff.select().where(Staff.id.in_(list(by_worker) or [0]))}
        workers = [self._progress(people[wid], month, figures, window, over) for wid, figures in by_worker.items()]
        workers.sort(key=lambda w: (not w.behind, w.worker))
        rows = self.households.rows(codes=[h.code for h in missing]) if missing else []
        return LeaderView(month=month, workers=tuple(workers), not_contacted=tuple(rows))
