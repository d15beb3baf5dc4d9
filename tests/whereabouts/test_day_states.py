"""Whereabouts belong to a day: 未到岗 each morning, leave and rest days by themselves, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.schema import Window
from models.staff.presence import duration_words
from models.staff.whereabouts import Whereabouts
from tests.whereabouts.conftest import at

MON = date(2026, 11, 23)
TUE = MON + timedelta(days=1)
SAT = date(2026, 11, 28)


@pytest.fixture
def where(people):
    return people.whereabouts  # wired by the hall: the roster names who has duty on a closed day


def state(where, code: str) -> str:
    return where.state_of(code).state


def cover(where, number: int):
    return next(c for c in where.window_cover() if c.window == number)


def test_yesterdays_states_end_with_the_day(where):
    at(MON, 8, 0)
    where.set_state("S01", "on_duty")
    at(MON, 15, 0)
    where.set_state("S02", "visiting", note="走访5栋", back_at=where.back_at_today("16:00"))
    at(MON, 23, 59)
    assert state(where, "S01") == "on_duty" and where.state_of("S02").overdue
    at(TUE, 0, 0)
    s01, s02 = where.state_of("S01"), where.state_of("S02")
    assert (s01.state, s01.since, s01.minutes) == ("not_in", None, 0)
    assert (s02.state, s02.overdue, s02.note, s02.back_at) == ("not_in", False, "", None)
    assert where.board().overdue == ()
    assert cover(where, 1).cover is None  # yesterday's 在岗 covers nothing today
    at(TUE, 8, 5)
    change = where.set_state("S01", "on_duty")  # what signing in at a terminal does
    assert change.from_state == "not_in"
    assert cover(where, 1).cover == "A"


def test_an_expected_return_on_a_later_day_is_not_overdue_today(where):
    at(MON, 9, 0)
    where.set_state("S02", "out", back_at=where.back_at_today("10:00") + timedelta(days=1))
    at(MON, 17, 0)
    assert not where.state_of("S02").overdue


def test_approved_leave_applies_itself_on_each_day_it_covers(where):
    at(MON, 8, 0)
    request = where.request_leave("S01", TUE, TUE + timedelta(days=1), "看病", "S02")
    where.approve_leave(request.id, "L01")
    where.set_state("S01", "on_duty")
    assert state(where, "S01") == "on_duty"  # not on leave yet
    for day in (TUE, TUE + timedelta(days=1)):
        at(day, 7, 0)
        s01 = where.state_of("S01")
        assert s01.state == "leave" and s01.stand_in == "S02" and s01.back_at == request.ends_at
        assert s01.label() == "请假" and s01.for_words().startswith("已")
        where.set_state("S02", "on_duty")
        one = cover(where, 1)
        assert one.cover == "B" and one.covered_by == ("S02",)  # A is on leave: B covers
        assert [(h.staff, h.state) for h in one.a] == [("S01", "leave")]
    assert where.state_of("S01").for_words() == "已1天"
    at(TUE + timedelta(days=2), 7, 0)
    assert state(where, "S01") == "not_in"  # the leave is over


def test_coming_in_during_leave_and_a_leave_row_after_its_end(where):
    at(MON, 8, 0)
    request = where.request_leave("S03", MON, MON, "家事", "S01")
    where.approve_leave(request.id, "L01")
    assert state(where, "S03") == "leave"
    at(MON, 8, 20)
    where.set_state("S03", "on_duty")  # came in anyway: what they set holds
    assert state(where, "S03") == "on_duty"
    where.set_state("S03", "leave")
    at(TUE, 8, 0)
    assert state(where, "S03") == "not_in"


def test_leave_approved_while_running_pauses_the_window_by_itself(where):
    at(MON, 8, 0)
    where.set_state("S04", "on_duty")  # window 3 has only an A person
    assert not Window.get(Window.number == 3).paused
    at(MON, 9, 30)
    request = where.request_leave("S04", MON, MON, "发烧", "S03")
    where.approve_leave(request.id, "L01")
    assert state(where, "S04") == "leave"
    three = cover(where, 3)
    assert three.cover is None and three.paused and three.auto_paused


def test_a_leave_running_later_pauses_when_the_last_one_leaves(where):
    at(MON, 8, 0)
    request = where.request_leave("S01", TUE, TUE, "体检", "S02")
    where.approve_leave(request.id, "L01")
    at(TUE, 8, 0)
    where.set_state("S02", "on_duty")
    assert not Window.get(Window.number == 1).paused
    change = where.set_state("S02", "meeting")  # A is on leave by itself: nobody is left
    assert change.paused == (1,)


def test_a_rest_day_reads_resting_unless_on_duty(where, people):
    at(SAT, 8, 0)
    duty = people.duty.on_duty(SAT)
    assert duty.people  # weekend duty (seed 003 §6)
    board = {p.staff: p.state for p in where.board().people}
    for code, value in board.items():
        assert value == ("not_in" if code in duty.people else "resting"), code
    somebody_off = next(code for code in board if code not in duty.people)
    where.set_state(somebody_off, "on_duty")  # came in on a rest day
    assert state(where, somebody_off) == "on_duty"


def test_without_the_roster_everyone_rests_on_a_closed_day(people):
    at(SAT, 10, 0)
    assert {p.state for p in Whereabouts(people.config).board().people} == {"resting"}


@pytest.mark.parametrize(
    ("minutes", "zh", "en"),
    [
        (0, "0分钟", "0 min"),
        (35, "35分钟", "35 min"),
        (60, "1小时", "1h"),
        (136, "2小时16分", "2h 16m"),
        (23 * 60 + 59, "23小时59分", "23h 59m"),
        (24 * 60, "1天", "1 day"),
        (3 * 24 * 60 + 5, "3天", "3 days"),
    ],
)
def test_durations_read_as_people_say_them(minutes, zh, en):
    assert duration_words(minutes, "zh") == zh
    assert duration_words(minutes, "en") == en


def test_overdue_and_time_in_state_in_words(where):
    at(MON, 9, 0)
    where.set_state("S02", "out", back_at=where.back_at_today("10:00"))
    at(MON, 11, 16)
    s02 = where.state_of("S02")
    assert s02.for_words() == "已2小时16分" and s02.for_words("en") == "for 2h 16m"
    assert s02.overdue_words() == "超时1小时16分未回" and s02.overdue_words("en") == "overdue by 1h 16m"
    data = s02.as_dict("en")
    assert data["for_words"] == "for 2h 16m" and data["overdue_words"] == "overdue by 1h 16m"


def test_attendance_stays_right_across_days(where, people):
    at(MON, 7, 0)
    request = where.request_leave("S02", TUE, TUE, "看病", "S01")
    where.approve_leave(request.id, "L01")
    at(MON, 8, 0)
    for code in ("S01", "S02", "S03", "S04"):
        where.set_state(code, "on_duty")  # and nobody signs out on Monday
    at(TUE, 8, 5)
    for code in ("S01", "S04"):
        # Signing in at a terminal sets 在岗 unless one already is: today nobody is.
        assert state(where, code) == "not_in"
        where.set_state(code, "on_duty")
    at(TUE, 18, 0)
    rows = {r.staff: r for r in people.attendance.attendance(TUE)}
    assert rows["S01"].status == "present" and rows["S04"].status == "present"
    assert rows["S02"].status == "leave" and rows["S02"].on_leave and not rows["S02"].absent  # excused
    assert rows["S03"].absent  # Monday's 在岗 is no arrival on Tuesday
    monday = {r.staff: r for r in people.attendance.attendance(MON)}
    assert all(monday[c].still_on_duty and not monday[c].left_early for c in ("S01", "S02", "S03", "S04"))
    month = {m.staff: m for m in people.attendance.attendance_month(2026, 11)}
    assert (month["S02"].leave_days, month["S02"].absent) == (1, 0)
    assert month["S03"].absent == 1


def test_a_morning_of_household_visits_is_a_working_morning(where, people):
    at(MON, 8, 5)
    where.set_state("S02", "visiting", note="入户走访", back_at=where.back_at_today("11:00"))  # straight out
    at(MON, 15, 0)
    where.set_state("S01", "on_duty")  # late
    at(MON, 15, 30)
    where.set_state("S01", "visiting")  # and out again until the evening
    at(MON, 16, 40)
    where.set_state("S01", "resting")
    where.set_state("S02", "resting")
    at(MON, 18, 0)
    rows = {r.staff: r for r in people.attendance.attendance(MON)}
    assert rows["S02"].status == "present" and rows["S02"].left_to == "resting"
    assert rows["S01"].late and not rows["S01"].left_early  # a visit is no early leaving


def test_overdue_from_the_first_whole_minute(where):
    at(MON, 9, 0)
    where.set_state("S02", "out", back_at=where.back_at_today("10:00"))
    at(MON, 10, 0, 59)
    assert not where.state_of("S02").overdue
    at(MON, 10, 1)
    assert where.state_of("S02").overdue_words() == "超时1分钟未回"
