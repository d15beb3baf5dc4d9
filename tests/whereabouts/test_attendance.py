"""Attendance from the whereabouts history (seed 001 工作考勤制度), on SQLite and PostgreSQL.

"More than 15 minutes" is strictly more: 8:15:00 is on time, 8:15:01 late.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, datetime

import pytest

from models import clock
from models.config import HoursConfig
from models.duty import Duty
from models.duty.attendance import Attendance, parse_period
from models.errors import StaffRefused
from models.staff import add_staff
from models.staff.whereabouts import Whereabouts
from tests.conftest import SHANGHAI
from tests.whereabouts.conftest import PIN, at

WINTER_MON = date(2026, 11, 23)  # 冬春: 8:00-11:00, 13:30-16:30
SUMMER_MON = date(2026, 6, 15)  # 夏秋: 8:00-11:00, 14:00-17:00
SATURDAY = date(2026, 11, 28)


@pytest.fixture
def crew(hall, frozen_clock):
    """Five staff and a leader, on the books since the start of 2026."""
    clock.set_now(datetime(2026, 1, 2, 9, 0, tzinfo=SHANGHAI))
    for code, name, posts in (
        ("S01", "张一", [(1, "A")]),
        ("S02", "王二", [(1, "B")]),
        ("S03", "李三", [(2, "A")]),
        ("S04", "赵四", [(3, "A")]),
    ):
        add_staff(code, name, PIN, posts=posts)
    add_staff("L01", "刘站长", PIN, role="leader")
    return hall


def move(where, day, hhmmss: str, code: str, state: str) -> None:
    hour, minute, *second = (int(x) for x in hhmmss.split(":"))
    at(day, hour, minute, second[0] if second else 0)
    where.set_state(code, state)


def rows_by_code(attendance, day):
    return {r.staff: r for r in attendance.attendance(day)}


def test_the_fifteen_minute_marks_in_winter(crew):
    where, attendance = Whereabouts(crew.config), Attendance(crew.config)
    day = WINTER_MON
    move(where, day, "07:55", "L01", "on_duty")
    move(where, day, "08:14:59", "S03", "on_duty")
    move(where, day, "08:15:00", "S01", "on_duty")
    move(where, day, "08:15:01", "S02", "on_duty")
    move(where, day, "11:00", "S03", "resting")  # lunch: not the departure
    move(where, day, "13:30", "S03", "on_duty")
    move(where, day, "16:14:59", "S02", "resting")
    move(where, day, "16:15:00", "S01", "resting")
    move(where, day, "16:30", "S03", "resting")
    at(day, 18, 0)
    rows = rows_by_code(attendance, day)
    assert rows["S03"].arrived == datetime(2026, 11, 23, 8, 14, 59, tzinfo=SHANGHAI)
    assert (rows["S03"].late, rows["S03"].left_early) == (False, False)
    assert rows["S03"].left.time().isoformat() == "16:30:00" and rows["S03"].left_to == "resting"
    assert (rows["S01"].late, rows["S01"].left_early) == (False, False)  # exactly 15 minutes both ends
    assert (rows["S02"].late, rows["S02"].late_minutes) == (True, 15)
    assert (rows["S02"].left_early, rows["S02"].early_minutes) == (True, 15)
    assert rows["S02"].status == "late_left_early"
    assert rows["S04"].absent and rows["S04"].arrived is None and rows["S04"].status == "absent"
    assert rows["L01"].status == "present"
    assert rows["S01"].opening == datetime(2026, 11, 23, 8, 0, tzinfo=SHANGHAI)
    assert rows["S01"].closing == datetime(2026, 11, 23, 16, 30, tzinfo=SHANGHAI)


def test_the_same_departure_is_fine_in_winter_and_early_in_summer(crew):
    where, attendance = Whereabouts(crew.config), Attendance(crew.config)
    for day in (WINTER_MON, SUMMER_MON):
        move(where, day, "08:00", "S01", "on_duty")
        move(where, day, "16:30", "S01", "resting")  # winter closes 16:30, summer 17:00
        move(where, day, "08:00", "S02", "on_duty")
        move(where, day, "16:45:00", "S02", "resting")  # summer: exactly 15 minutes early
        move(where, day, "08:00", "S03", "on_duty")
        move(where, day, "16:44:59", "S03", "resting")
    at(WINTER_MON, 20, 0)
    winter = rows_by_code(attendance, WINTER_MON)
    summer = rows_by_code(attendance, SUMMER_MON)
    assert summer["S01"].closing.time().isoformat() == "17:00:00"
    assert winter["S01"].closing.time().isoformat() == "16:30:00"
    assert not winter["S01"].left_early
    assert summer["S01"].left_early and summer["S01"].early_minutes == 30
    assert not summer["S02"].left_early
    assert summer["S03"].left_early and summer["S03"].early_minutes == 15
    assert not any(r.left_early for r in (winter["S02"], winter["S03"]))  # they stayed past closing


def test_the_afternoon_session_differs_by_season(crew):
    calendar = crew.calendar
    assert calendar.sessions(WINTER_MON)[1] == (
        datetime(2026, 1, 1, 13, 30).time(),
        datetime(2026, 1, 1, 16, 30).time(),
    )
    assert calendar.sessions(SUMMER_MON)[1] == (datetime(2026, 1, 1, 14, 0).time(), datetime(2026, 1, 1, 17, 0).time())
    attendance = Attendance(crew.config)
    assert attendance.hours_of(SUMMER_MON)[1].time().isoformat() == "17:00:00"


def test_staggered_hours_on_a_weekday_and_duty_only_on_the_weekend(crew):
    config = replace(crew.config, hours=replace(HoursConfig(), mode="staggered"))
    where, attendance = Whereabouts(config), Attendance(config)
    move(where, WINTER_MON, "07:15:00", "S01", "on_duty")
    move(where, WINTER_MON, "07:15:01", "S02", "on_duty")
    move(where, WINTER_MON, "18:45:00", "S01", "resting")
    move(where, WINTER_MON, "18:44:59", "S02", "resting")
    duty = Duty(config).on_duty(SATURDAY)
    on_duty = duty.staff[0]
    other = next(c for c in ("S01", "S02", "S03", "S04") if c != on_duty)
    move(where, SATURDAY, "09:15:01", on_duty, "on_duty")
    move(where, SATURDAY, "10:00", other, "on_duty")  # came in though not on duty: not judged
    move(where, SATURDAY, "15:50", on_duty, "resting")
    at(SATURDAY, 20, 0)
    weekday = rows_by_code(attendance, WINTER_MON)
    assert (
        weekday["S01"].opening.time().isoformat() == "07:00:00"
        and weekday["S01"].closing.time().isoformat() == "19:00:00"
    )
    assert (weekday["S01"].late, weekday["S01"].left_early) == (False, False)
    assert (weekday["S02"].late, weekday["S02"].left_early) == (True, True)
    saturday = rows_by_code(attendance, SATURDAY)
    assert saturday[on_duty].expected and saturday[on_duty].late and saturday[on_duty].late_minutes == 15
    assert not saturday[on_duty].left_early  # 15:50 is 10 minutes before 16:00
    assert saturday[on_duty].opening.time().isoformat() == "09:00:00"
    assert not saturday[other].expected and not saturday[other].late
    assert set(saturday) == {on_duty, other, duty.leader}  # the rest are off: no rows
    assert saturday[duty.leader].absent


def test_seasonal_weekend_duty_uses_the_duty_hours(crew):
    where, attendance = Whereabouts(crew.config), Attendance(crew.config)
    on_duty = Duty(crew.config).on_duty(SATURDAY).staff[0]
    move(where, SATURDAY, "09:15", on_duty, "on_duty")
    move(where, SATURDAY, "15:44:59", on_duty, "resting")
    at(SATURDAY, 20, 0)
    row = rows_by_code(attendance, SATURDAY)[on_duty]
    assert row.expected and not row.late and row.left_early and row.early_minutes == 15
    assert row.closing.time().isoformat() == "16:00:00"


def test_approved_leave_is_not_absence_nor_lateness(crew):
    where, attendance = Whereabouts(crew.config), Attendance(crew.config)
    at(WINTER_MON, 7, 0)
    whole = where.request_leave("S04", WINTER_MON, WINTER_MON, "看病", "S03")
    where.approve_leave(whole.id, "L01")
    morning = where.request_leave(
        "S02",
        datetime(2026, 11, 23, 8, 0, tzinfo=SHANGHAI),
        datetime(2026, 11, 23, 11, 0, tzinfo=SHANGHAI),
        "办证",
        "S01",
    )
    where.approve_leave(morning.id, "L01")
    refused = where.request_leave("S03", WINTER_MON, WINTER_MON, "私事", "S01")
    where.refuse_leave(refused.id, "L01")
    move(where, WINTER_MON, "13:30", "S02", "on_duty")
    move(where, WINTER_MON, "16:30", "S02", "resting")
    at(WINTER_MON, 18, 0)
    rows = rows_by_code(attendance, WINTER_MON)
    assert rows["S04"].on_leave and not rows["S04"].absent and rows["S04"].status == "leave"
    assert rows["S02"].on_leave and not rows["S02"].late and rows["S02"].status == "present"
    assert rows["S03"].absent and not rows["S03"].on_leave


def test_a_day_in_progress(crew):
    where, attendance = Whereabouts(crew.config), Attendance(crew.config)
    move(where, WINTER_MON, "08:00", "S01", "on_duty")
    move(where, WINTER_MON, "11:00", "S01", "resting")  # lunch
    at(WINTER_MON, 8, 10)
    assert not rows_by_code(attendance, WINTER_MON)["S02"].absent  # not yet 8:15
    at(WINTER_MON, 12, 0)
    rows = rows_by_code(attendance, WINTER_MON)
    assert not rows["S01"].left_early  # the day is not over
    assert rows["S02"].absent
    move(where, WINTER_MON, "13:30", "S01", "on_duty")
    at(WINTER_MON, 14, 0)
    assert rows_by_code(attendance, WINTER_MON)["S01"].still_on_duty


def test_holidays_and_make_up_days_follow_the_calendar(crew):
    holiday = date(2026, 11, 24)
    config = replace(crew.config, holidays=(holiday,), workdays=(SATURDAY,))
    where, attendance = Whereabouts(config), Attendance(config)
    at(SATURDAY, 20, 0)
    assert {r.staff for r in attendance.attendance(SATURDAY) if r.expected} == {"S01", "S02", "S03", "S04", "L01"}
    duty = Duty(config).on_duty(holiday)
    expected = {r.staff for r in attendance.attendance(holiday) if r.expected}
    assert expected == {*duty.staff, duty.leader}
    assert where  # the calendar alone decides who is expected


def test_the_month_sums_and_the_rows_for_reports(crew):
    where, attendance = Whereabouts(crew.config), Attendance(crew.config)
    for day, arrive in ((date(2026, 11, 23), "08:20"), (date(2026, 11, 24), "08:05"), (date(2026, 11, 25), "08:16")):
        for code in ("S01", "S02", "S03", "S04", "L01"):
            move(where, day, arrive if code == "S01" else "08:00", code, "on_duty")
            move(where, day, "16:30", code, "resting")
    at(date(2026, 11, 25), 18, 0)
    month = {r.staff: r for r in attendance.attendance_month(2026, 11)}
    s01 = month["S01"]
    # Nov 1-25 has 18 working days, plus the weekend days S01 is on duty; present only on 23-25.
    weekend_duty = [
        d.day for d in Duty(crew.config).roster(date(2026, 11, 1), 25) if not d.working_day and "S01" in d.staff
    ]
    assert len(weekend_duty) == 2
    assert s01.expected_days == 18 + 2 and s01.present_days == 3 and s01.late == 2 and s01.absent == 15 + 2
    assert s01.late_minutes == 20 + 16
    assert month["S02"].late == 0 and month["S02"].present_days == 3
    rows = attendance.attendance_rows("2026-11")
    assert rows == attendance.attendance_rows((2026, 11))
    assert {r["staff"] for r in rows} == {"S01", "S02", "S03", "S04", "L01"}
    row = next(r for r in rows if r["staff"] == "S01")
    assert row["month"] == "2026-11" and row["late"] == 2
    day_rows = attendance.attendance_rows(date(2026, 11, 23))
    s01_day = next(r for r in day_rows if r["staff"] == "S01")
    assert s01_day["arrived"] == "08:20" and s01_day["status"] == "迟到" and s01_day["late_minutes"] == 20
    assert attendance.attendance_rows("2026-11-23", "en")[0]["status"] in {"present", "late"}
    text = attendance.csv("2026-11-23")
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0][:4] == ["日期", "工号", "姓名", "情况"]
    assert len(parsed) == 1 + 5
    english = list(csv.reader(io.StringIO(attendance.csv((2026, 11), "en"))))
    assert english[0][:3] == ["Month", "Code", "Name"]


def test_periods_are_read_plainly():
    assert parse_period("2026-11") == ("month", (2026, 11))
    assert parse_period("2026-11-23") == ("day", date(2026, 11, 23))
    assert parse_period(date(2026, 11, 23)) == ("day", date(2026, 11, 23))
    with pytest.raises(StaffRefused) as error:
        parse_period("November")
    assert error.value.key == "bad_period"
