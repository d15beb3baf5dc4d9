"""The national calendar without typing it: the State Council's schedule from
chinese-calendar, the config adding or overriding, and a word for unknown years."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from cli.main import main
from models import clock
from models.calendar import HallCalendar, calendar_warnings, calendar_words, national
from models.cases.ledger import working_days_between
from models.config import Config
from tests.conftest import SHANGHAI

BARE = Config()  # no holidays and no workdays typed in


def test_the_package_knows_the_years_up_to_this_one():
    years = national().years
    assert years[0] <= 2004 and 2026 in years


def test_national_day_2026_without_a_line_of_config():
    cal = HallCalendar(BARE)
    assert [cal.is_working_day(date(2026, 10, d)) for d in range(1, 9)] == [False] * 7 + [True]
    assert cal.is_working_day(date(2026, 9, 20))  # Sunday worked (调休)
    assert cal.is_working_day(date(2026, 10, 10))  # Saturday worked (调休)
    assert not cal.is_working_day(date(2026, 10, 11))
    assert cal.holiday_name(date(2026, 10, 1)) == "National Day"
    # A 承诺件 of 5 working days accepted on Wed Sep 30: Oct 8, 9, 10 (Sat), 12, 13.
    assert cal.add_working_days(date(2026, 9, 30), 5) == date(2026, 10, 13)
    # Spring Festival 2026: Feb 15-23 off; Sat Feb 14 and Sat Feb 28 worked.
    assert cal.is_working_day(date(2026, 2, 14)) and cal.is_working_day(date(2026, 2, 28))
    assert not any(cal.is_working_day(date(2026, 2, d)) for d in range(15, 24))
    assert cal.sessions(date(2026, 10, 2)) == ()  # the kiosk's hours follow
    assert cal.sessions(date(2026, 10, 10)) != ()


def test_the_config_adds_local_days_and_overrides():
    local = replace(BARE, holidays=(date(2026, 11, 27), date(2026, 10, 10)), workdays=(date(2026, 10, 2),))
    cal = HallCalendar(local)
    assert not cal.is_working_day(date(2026, 11, 27))  # a local day off
    assert not cal.is_working_day(date(2026, 10, 10))  # the national 调休 overridden
    assert cal.is_working_day(date(2026, 10, 2))  # a national holiday worked here
    assert not cal.is_working_day(date(2026, 10, 3))  # the rest of the schedule stands


@pytest.mark.parametrize("config", [BARE, replace(BARE, holidays=(date(2026, 11, 27),), workdays=(date(2026, 10, 2),))])
def test_the_constant_time_count_matches_the_day_by_day_count(config):
    cal = HallCalendar(config)
    rng = random.Random(11)
    for _ in range(300):
        start = date(2003, 6, 1) + timedelta(days=rng.randrange(8800))
        end = start + timedelta(days=rng.randrange(-60, 400))
        lo, hi = min(start, end), max(start, end)
        count = sum(cal.is_working_day(lo + timedelta(days=i)) for i in range(1, (hi - lo).days + 1))
        expected = count if end >= start else -count
        assert cal.working_days_between(start, end) == expected == working_days_between(config, start, end)


def test_an_unknown_year_is_told_from_the_first_of_december():
    last = national().years[-1]
    assert calendar_warnings(BARE, date(last, 11, 30)) == []
    assert calendar_warnings(BARE, date(last, 12, 1)) == [(last + 1, False)]
    assert calendar_warnings(BARE, date(last + 1, 3, 1)) == [(last + 1, False)]
    weekday = next(date(last + 1, 1, d) for d in range(1, 8) if date(last + 1, 1, d).weekday() < 5)
    typed = replace(BARE, holidays=(weekday,))
    assert calendar_warnings(typed, date(last + 1, 3, 1)) == [(last + 1, True)]
    zh, en = calendar_words(BARE, date(last, 12, 1), "zh"), calendar_words(BARE, date(last, 12, 1), "en")
    assert f"{last + 1}年" in zh[0] and "chinese-calendar" in zh[0] and "hall.toml" in zh[0]
    assert str(last + 1) in en[0] and "hall.toml" in en[0]
    # For the unknown year the config's days are used, and the weekends.
    assert not HallCalendar(typed).is_working_day(weekday) and HallCalendar(BARE).is_working_day(weekday)


def test_doctor_says_so(db_url, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HALL_CONFIG", raising=False)
    assert main(["init", "--db", db_url]) == 0
    last = national().years[-1]
    try:
        clock.set_now(date_at(last, 11, 30))
        capsys.readouterr()
        assert main(["doctor", "--db", db_url]) == 0
        out = capsys.readouterr().out
        assert "calendar  ok" in out and "WARN" not in out
        clock.set_now(date_at(last, 12, 1))
        assert main(["doctor", "--db", db_url, "--lang", "en"]) == 0  # a warning, not a failure
        out = capsys.readouterr().out
        assert "calendar  WARN" in out and str(last + 1) in out
    finally:
        clock.set_now(None)


def date_at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=SHANGHAI)
