"""The report file carries everything the reports screen shows: the figures, the hourly
curves, those waiting now, and attendance, with headers in the reader's words (cells are defused by
the one writer, ``models.cases.export_files.write_sheet``, tested in tests/cases/test_exports.py)."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date

from openpyxl import load_workbook

from models.config import ExportsConfig
from models.queue.day_curves import day_curves
from tests.whereabouts.conftest import at

MON = date(2026, 11, 23)


def read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as text:
        return list(csv.reader(text))


def a_day(people, tmp_path):
    people.config = replace(people.config, exports=ExportsConfig(folder=str(tmp_path / "导出")))
    at(MON, 7, 50)
    people.whereabouts.set_state("S01", "on_duty")
    at(MON, 9, 10)
    for _ in range(3):
        people.queue.take("baby-hukou")
    at(MON, 10, 5)
    people.queue.take("baby-hukou")
    return people


def test_a_days_report_file_has_the_hours_the_waiting_and_attendance(people, tmp_path):
    hall = a_day(people, tmp_path)
    rows = read_csv(hall.export_report(day=MON, fmt="csv"))
    assert rows[0] == ["类别", "对象", "指标", "数值"]
    assert ["每小时", "09:00–10:00", "取号", "3"] in rows and ["每小时", "10:00–11:00", "取号", "1"] in rows
    curves = day_curves(hall.config, MON)  # what the screen's two charts show
    for hour, waiting in zip(curves.hours, curves.waiting, strict=True):
        assert ["每小时", f"{hour:02d}:00–{hour + 1:02d}:00", "最多同时等候", str(waiting)] in rows
    assert ["各业务", "计生服务", "正在等候", "4"] in rows and ["各窗口", "1号窗口", "正在等候", "4"] in rows
    attendance = [r for r in rows if r[0] == "考勤"]
    assert ["考勤", "S01 张一", "到岗", "07:50"] in attendance
    assert any(r[1] == "S02 王二" and r[2] == "情况" for r in attendance)
    assert ["考勤", "S02 王二", "缺勤", "是"] in attendance and ["考勤", "S01 张一", "迟到", "否"] in attendance
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    assert not any(cell in ("True", "False") for row in rows for cell in row)


def test_in_english_and_as_xlsx_for_a_month(people, tmp_path):
    hall = a_day(people, tmp_path)
    english = read_csv(hall.export_report(day=MON.isoformat(), fmt="csv", lang="en"))
    assert english[0] == ["Section", "Subject", "Figure", "Value"]
    assert ["Each hour", "09:00–10:00", "Tickets issued", "3"] in english
    assert any(r[0] == "Attendance" and r[1] == "S01 张一" and r[2] == "Arrived" for r in english)
    book = load_workbook(hall.export_report(month="2026-11", fmt="xlsx"))
    rows = [[cell.value for cell in row] for row in book.active.iter_rows()]
    assert not any(r[0] == "每小时" for r in rows)  # a month has no hours
    assert any(r[0] == "考勤" and r[1] == "S01 张一" and r[2] == "应到天数" for r in rows)
