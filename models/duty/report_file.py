"""The report as a file, with everything the reports screen shows: the cases'
and tickets' figures (:func:`models.cases.export_files.report_sheet`), for a
day the tickets issued and the most people waiting in each hour and those
waiting now by line and window (:mod:`models.queue.day_curves`), and the
attendance rows (:class:`models.duty.attendance.Attendance`), every header
and word in the reader's language and every cell defused as the ledger's are.

It lives with duty because attendance does: the cases below it cannot see it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from models import clock
from models.cases.export_files import Sheet, code_names, report_sheet, write_sheet
from models.cases.reports import report as case_report
from models.config import Config
from models.duty.attendance import Attendance
from models.i18n import t
from models.queue.day_curves import day_curves


def report_file_sheet(
    config: Config, day: date | str | None = None, month: str | None = None, lang: str = "zh"
) -> Sheet:
    """The day's (default today) or the month's report as one sheet of section, subject, figure, value."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    if day is None and month is None:
        day = clock.service_day(config.zone)
    sheet = report_sheet(case_report(config, day=day, month=month), lang, code_names(lang))
    rows = list(sheet.rows)
    if day is not None:
        rows += curve_rows(config, day, lang)
    rows += attendance_rows(config, day if day is not None else month, lang)
    return replace(sheet, rows=tuple(rows))


def curve_rows(config: Config, day: date, lang: str) -> list[tuple]:
    def w(key: str, **params) -> str:
        return t(f"export.{key}", lang, **params)

    curves = day_curves(config, day)
    names = code_names(lang)
    rows: list[tuple] = []
    for hour, arrivals, waiting in zip(curves.hours, curves.arrivals, curves.waiting, strict=True):
        subject = w("hour", start=f"{hour:02d}", end=f"{hour + 1:02d}")
        rows.append((w("section_hourly"), subject, w("metric_arrivals"), arrivals))
        rows.append((w("section_hourly"), subject, w("metric_peak_waiting"), waiting))
    rows += [
        (w("section_by_line"), names.get(line, line), w("metric_waiting_now"), n)
        for line, n in curves.waiting_by_line.items()
    ]
    rows += [
        (w("section_by_window"), w("window", window=number), w("metric_waiting_now"), n)
        for number, n in sorted(curves.waiting_by_window.items())
    ]
    return rows


def attendance_rows(config: Config, period, lang: str) -> list[tuple]:
    """One row per person and column of the attendance (the person's code and name as the subject)."""
    attendance = Attendance(config)
    columns = [c for c in attendance.columns(period) if c not in ("day", "month", "staff", "name")]
    section = t("export.section_attendance", lang)
    rows: list[tuple] = []
    for person in attendance.attendance_rows(period, lang):
        subject = f"{person['staff']} {person['name']}"
        for column in columns:
            value = person.get(column)
            if isinstance(value, bool):
                value = t("export.yes" if value else "export.no", lang)
            rows.append((section, subject, t(f"attendance.col_{column}", lang), "" if value is None else value))
    return rows


def export_report(
    config: Config, day: date | str | None = None, month: str | None = None, fmt: str = "csv", lang: str = "zh"
) -> Path:
    """Write the report into the export folder as ``fmt`` (csv or xlsx); its full path."""
    return write_sheet(config, report_file_sheet(config, day, month, lang), fmt)
