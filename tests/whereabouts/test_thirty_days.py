"""Thirty days of whereabouts in one test, on SQLite and PostgreSQL, driven through the models.

From Sat 19 September to Sun 18 October 2026: weekends, the National Day
week (1-7 October), two 调休 working days (Sun 20 September, Sat 10 October)
from the national calendar with nothing typed in the config, and one leave
approved (S03, Mon 28 to Wed 30 September). Each day people arrive, go to
meetings and visits, come back and sign out; one is late one day, one never
comes one day, one forgets to sign out. After every day's start everyone is
未到岗, 请假 or 休息 only; after every change the windows' cover is what the
A/B rule makes of the states on the board; at the end attendance is judged
day by day, leave days excused.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.schema import Window
from tests.whereabouts.checks import check_cover, check_day_start
from tests.whereabouts.conftest import add_people, at

FIRST = date(2026, 9, 19)
DAYS = 30
LEAVE = (date(2026, 9, 28), date(2026, 9, 30))  # S03, approved
LATE = (date(2026, 9, 24), "S02")  # arrives at 08:40
ABSENT = (date(2026, 10, 13), "S04")  # never comes
FORGETS = (date(2026, 9, 22), "S01")  # does not sign out in the evening
WORKERS = ("S01", "S02", "S03", "S04")


@pytest.fixture
def crew(hall, frozen_clock):
    """The usual people, on the staff from the first of the thirty days."""
    at(FIRST, 0, 0)
    add_people()
    return hall


def on_leave(code: str, day: date) -> bool:
    return code == "S03" and LEAVE[0] <= day <= LEAVE[1]


def test_thirty_days_of_whereabouts(crew):
    hall = crew
    where, calendar, duty, attendance = hall.whereabouts, hall.calendar, hall.duty, hall.attendance
    assert not hall.config.holidays and not hall.config.workdays  # the national calendar alone
    assert calendar.is_working_day(date(2026, 9, 20)) and calendar.is_working_day(date(2026, 10, 10))  # 调休
    assert not calendar.is_working_day(date(2026, 10, 1)) and not calendar.is_working_day(date(2026, 9, 26))
    request = where.request_leave("S03", LEAVE[0], LEAVE[1], "家中有事", "S01")
    where.approve_leave(request.id, "L01")
    seen_kinds = set()
    for offset in range(DAYS):
        day = FIRST + timedelta(days=offset)
        working = calendar.is_working_day(day)
        rostered = set(duty.on_duty(day).people)
        seen_kinds.add("working" if working else "closed")
        # --- the day's start: nobody is anywhere yet, except by leave or rest.
        at(day, 0, 1)
        check_day_start(hall, day, on_leave)
        # --- who comes in today: everyone on a working day, the duty people on a closed one.
        comers = [c for c in WORKERS + ("L01",) if (working or c in rostered) and not on_leave(c, day)]
        if day == ABSENT[0]:
            comers.remove(ABSENT[1])
        for index, code in enumerate(comers):
            late = (day, code) == LATE
            at(day, 8 if working else 9, 40 if late else index)
            change = where.set_state(code, "on_duty")  # signing in at a terminal
            assert change.from_state == "not_in", (day, code)
            check_cover(where)
        if working and "S01" in comers:
            at(day, 9, 30)
            where.set_state("S01", "meeting", note="街道例会", back_at=where.back_at_today("10:30"))
            check_cover(where)
            at(day, 10, 45)
            assert where.state_of("S01").overdue and where.state_of("S01").overdue_words() == "超时15分钟未回"
            where.set_state("S01", "on_duty")
            check_cover(where)
        if working and "S02" in comers:
            at(day, 14, 0)
            change = where.set_state("S02", "visiting", note="入户走访", back_at=where.back_at_today("15:30"))
            check_cover(where)
            if "S01" not in comers or on_leave("S01", day):
                assert 1 in change.paused or Window.get(Window.number == 1).paused
            at(day, 15, 20)
            where.set_state("S02", "on_duty")
            check_cover(where)
        # --- the evening: everyone signs out (resting), but one forgets.
        for code in comers:
            if (day, code) == FORGETS:
                continue
            at(day, 17 if working else 16, 5)
            where.set_state(code, "resting")
            check_cover(where)
        for cover in where.window_cover():  # the last one out paused the window by itself
            if cover.cover is None and {h.staff for h in cover.a + cover.b} & set(comers):
                assert cover.paused and cover.auto_paused, (day, cover.window)
        at(day, 23, 59)
        if day == FORGETS[0]:
            assert where.state_of(FORGETS[1]).state == "on_duty"
    assert seen_kinds == {"working", "closed"}
    # --- attendance, judged after the month.
    at(FIRST + timedelta(days=DAYS - 1), 23, 59)
    for offset in range(DAYS):
        day = FIRST + timedelta(days=offset)
        working = calendar.is_working_day(day)
        rows = {r.staff: r for r in attendance.attendance(day)}
        for code in WORKERS:
            row = rows.get(code)
            if on_leave(code, day):
                assert row.on_leave and not row.absent and row.status == "leave", (day, code)
            elif (day, code) == ABSENT:
                assert row.absent and row.status == "absent"
            elif (day, code) == LATE:
                assert row.late and row.late_minutes == 40 and row.status == "late"
            elif working:
                assert row.status == "present", (day, code, row.status)
                if (day, code) == FORGETS:
                    assert row.still_on_duty and not row.left_early
                else:
                    assert row.left is not None and not row.left_early
            else:
                assert row is None or not row.absent
    month = {m.staff: m for m in attendance.attendance_month(2026, 9)}
    assert (month["S03"].leave_days, month["S03"].absent) == (3, 0)
    assert month["S02"].late == 1
    october = {m.staff: m for m in attendance.attendance_month(2026, 10)}
    assert october["S04"].absent == 1 and october["S03"].absent == 0
    # The National Day week is no working day for anyone: nobody expected but the duty.
    for d in range(1, 8):
        day = date(2026, 10, d)
        rows = attendance.attendance(day)
        assert {r.staff for r in rows if r.expected} <= set(duty.on_duty(day).people)
