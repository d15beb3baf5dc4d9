"""The hall calendar: working days, 调休, seasonal and staggered hours."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from models.calendar import HallCalendar, in_season, next_season_start
from models.clock import to_utc
from models.config import Config, HoursConfig, TicketsConfig
from tests.conftest import SHANGHAI

# National Day 2026 (the State Council's schedule: Oct 1-7 off, Sun Sep 20 and
# Sat Oct 10 worked), with a local make-up Sunday Oct 11 added by the config.
HOLIDAYS = tuple(date(2026, 10, d) for d in range(1, 8))
WORKDAYS = (date(2026, 10, 11),)


def calendar(**changes) -> HallCalendar:
    return HallCalendar(replace(Config(), holidays=HOLIDAYS, workdays=WORKDAYS, **changes))


def test_working_days_skip_weekends_and_holidays_and_count_make_up_days():
    cal = calendar()
    assert not cal.is_working_day(date(2026, 10, 1))
    assert cal.is_working_day(date(2026, 10, 11))  # a Sunday, the config's own make-up day
    assert cal.is_working_day(date(2026, 10, 10))  # a Saturday, the national 调休
    assert not cal.is_working_day(date(2026, 10, 17))  # a plain Saturday
    # From Wed Sep 30: Oct 8 (Thu), 9 (Fri), 10 (Sat, 调休), 11 (Sun, local).
    assert cal.add_working_days(date(2026, 9, 30), 4) == date(2026, 10, 11)
    assert cal.working_days_between(date(2026, 9, 30), date(2026, 10, 11)) == 4


def test_working_days_across_year_end():
    cal = HallCalendar(replace(Config(), holidays=(date(2027, 1, 1),)))
    # Wed Dec 30 2026 + 3: Thu 31, (Fri Jan 1 holiday), Mon 4, Tue 5.
    assert cal.add_working_days(date(2026, 12, 30), 3) == date(2027, 1, 5)


def test_seasonal_timetables():
    cal = calendar()
    assert cal.sessions(date(2026, 11, 23))[1] == (time(13, 30), time(16, 30))  # winter
    assert cal.sessions(date(2026, 7, 6))[1] == (time(14, 0), time(17, 0))  # summer
    assert cal.sessions(date(2026, 10, 3)) == ()  # holiday
    assert cal.sessions(date(2026, 10, 11)) != ()  # make-up day works


def test_staggered_hours_open_on_weekends_with_duty_hours():
    cal = calendar(hours=replace(HoursConfig(), mode="staggered"))
    assert cal.sessions(date(2026, 11, 23)) == ((time(7, 0), time(19, 0)),)
    assert cal.sessions(date(2026, 11, 28)) == ((time(9, 0), time(16, 0)),)
    assert cal.sessions(date(2026, 10, 2)) == ((time(9, 0), time(16, 0)),)


def test_issuing_window_and_next_opening():
    cal = calendar(tickets=TicketsConfig(stop_before_close_minutes=15))

    def at(*a):
        return to_utc(datetime(*a, tzinfo=SHANGHAI))

    assert cal.issuing_now(at(2026, 11, 23, 10, 44))
    assert not cal.issuing_now(at(2026, 11, 23, 10, 46))  # 15 min before 11:00
    assert not cal.issuing_now(at(2026, 11, 23, 12, 0))  # lunch
    nxt = cal.next_issuing(at(2026, 11, 23, 12, 0))
    assert (nxt.hour, nxt.minute) == (13, 30)
    nxt = cal.next_issuing(at(2026, 9, 30, 18, 0))
    assert nxt.date() == date(2026, 10, 8)


def test_seasons_wrap_the_year():
    assert in_season(date(2026, 12, 15), "12-01", "12-31")
    assert not in_season(date(2026, 11, 30), "12-01", "12-31")
    assert in_season(date(2027, 1, 3), "12-15", "01-10")
    assert next_season_start(date(2026, 8, 20), "07-15") == date(2027, 7, 15)
