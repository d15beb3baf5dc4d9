"""What the reports screen shows, gathered in a worker.

:func:`gather` asks the hall for one day's or one month's report
(:meth:`models.cases.Cases.report`), the day's hourly curves
(:mod:`models.queue.day_curves`) and attendance
(:class:`models.duty.attendance.Attendance`), for a leader the windows'
好差评 ranking of the period's month (:meth:`models.ratings.Ratings.ranking`), the appointments
(:mod:`models.appointments.report`), with the names of lines,
windows and items. Its export is the models' (:mod:`models.cases.export_files`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ReportData:
    period: str  # "2026-11-23" or "2026-11"
    day: date | None  # None for a month
    report: object  # models.cases.reports.Report
    curves: object | None  # models.queue.day_curves.DayCurves (a day only)
    attendance: list[dict]
    attendance_columns: tuple[str, ...]
    lines: dict[str, tuple[str, str]]  # code → (name, name_en)
    windows: dict[int, tuple[str, str]]
    items: dict[str, tuple[str, str]]
    notices: dict | None = None  # a month: its one-time notices checked (models.notice_views.month_report)
    ranking: tuple[dict, ...] = ()  # the windows ranked by the period's month's ratings (for a leader)
    ranking_month: str = ""
    appointments: object = None  # models.appointments.report.AppointmentReport


def gather(hall, period: str, *, ranked: bool = False) -> ReportData:
    """(In a worker.) Everything the screen shows for ``period``."""
    from models.notice_views import month_report
    from models.queue.day_curves import day_curves
    from models.schema import Item, Line, Window

    config = hall.config
    is_day = len(period) == 10
    day = date.fromisoformat(period) if is_day else None
    report = hall.cases.report(day=day) if is_day else hall.cases.report(month=period)
    curves = day_curves(config, day) if is_day else None
    attendance = hall.attendance
    rows = attendance.attendance_rows(day if is_day else period, config.language)
    month = period[:7]
    ranking = tuple(hall.ratings.ranking(month)) if ranked else ()
    first, last = (day, day) if day else _month_days(period)
    return ReportData(
        period=period,
        day=day,
        report=report,
        curves=curves,
        attendance=rows,
        attendance_columns=tuple(attendance.columns(day if is_day else period)),
        lines={
            code: (name, en)
            for code, name, en in Line.select(Line.code, Line.name, Line.name_en)
            .order_by(Line.prefix, Line.code)
            .tuples()
        },
        windows={n: (name, en) for n, name, en in Window.select(Window.number, Window.name, Window.name_en).tuples()},
        items={code: (name, en) for code, name, en in Item.select(Item.code, Item.name, Item.name_en).tuples()},
        notices=None if is_day else month_report(config, period),
        ranking=ranking,
        ranking_month=month if ranked else "",
        appointments=hall.appointments.report(first, last),
    )


def _month_days(period: str) -> tuple[date, date]:
    """The first and last day of the month ``period`` ("2026-11")."""
    year, month = (int(x) for x in period.split("-"))
    after = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), date.fromordinal(after.toordinal() - 1)
