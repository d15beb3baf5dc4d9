"""What the reports screen shows, gathered in a worker, and the CSV it writes.

:func:`gather` asks the hall for one day's or one month's report
(:meth:`models.cases.Cases.report`), the day's hourly curves
(:mod:`models.queue.day_curves`) and attendance
(:class:`models.duty.attendance.Attendance`), with the names of lines,
windows and items; :meth:`ReportData.csv_text` makes one table of it and
:func:`write_csv` writes it, refusing in the clerk's words when it cannot.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from models.errors import Refused
from models.i18n import t


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

    def csv_text(self, language: str) -> str:
        """The report's CSV, the hourly curves and the waiting counts, and attendance, as one table."""
        out = io.StringIO()
        out.write(self.report.as_csv())
        writer = csv.writer(out, lineterminator="\n")
        if self.curves is not None:
            for row in self.curves.rows():
                writer.writerow(row)
        for row in self.attendance:
            for column in self.attendance_columns:
                if column in ("staff", "day", "month"):
                    continue
                value = row.get(column)
                writer.writerow(["attendance", row.get("staff"), column, "" if value is None else value])
        return out.getvalue()


def gather(hall, period: str) -> ReportData:
    """(In a worker.) Everything the screen shows for ``period``."""
    from models.queue.day_curves import day_curves
    from models.schema import Item, Line, Window

    config = hall.config
    is_day = len(period) == 10
    day = date.fromisoformat(period) if is_day else None
    report = hall.cases.report(day=day) if is_day else hall.cases.report(month=period)
    curves = day_curves(config, day) if is_day else None
    attendance = hall.attendance
    rows = attendance.attendance_rows(day if is_day else period, config.language)
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
    )


def write_csv(path: str, text: str) -> str:
    """Write the CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese); returns the full path."""
    target = Path(os.path.expanduser(path.strip()))
    if target.is_dir():
        target = target / "hall-report.csv"
    if not target.is_absolute():
        target = Path(os.getcwd()) / target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8-sig")
    except OSError as exc:
        raise ExportRefused("export_failed", path=str(target), reason=exc.strerror or str(exc)) from None
    return str(target)


class ExportRefused(Refused):
    def message(self, language: str = "zh") -> str:
        return t(f"staff_ui.report.{self.key}", language, **self.params)
