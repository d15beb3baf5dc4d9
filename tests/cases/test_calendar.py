"""Due dates and case numbers against the hall calendar: year end, holidays, 调休."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from models.cases import Cases
from models.cases.ledger import working_days_between
from models.cases.ratings import rate_by_code
from models.catalogue import store as catalogue_store
from models.hall import open_hall
from models.schema import Item
from tests.cases.conftest import at

NATIONAL_DAY = tuple(date(2026, 10, d) for d in range(1, 8))  # 国庆 holiday week
MAKE_UP = (date(2026, 9, 27), date(2026, 10, 10))  # 调休: a Sunday and a Saturday worked
NEW_YEAR = (date(2027, 1, 1),)


@pytest.fixture
def holiday_cases(hall, staff, frozen_clock):
    config = replace(hall.config, holidays=NATIONAL_DAY + NEW_YEAR, workdays=MAKE_UP)
    reopened = open_hall(config)
    assert catalogue_store.loaded()
    yield Cases(reopened.config)
    reopened.close()


def test_promised_date_skips_the_holiday_week_and_counts_make_up_days(hall, holiday_cases):
    at(2026, 9, 25)  # Friday before the holiday
    dates = {
        days: holiday_cases.open_case(
            staff="S01", item="hukou-in", kind="promised", window=1, promised_days=days
        ).due_date
        for days in (1, 2, 3, 4, 5, 7)
    }
    assert dates[1] == date(2026, 9, 27)  # the Sunday is a working day (调休)
    assert dates[2] == date(2026, 9, 28)
    assert dates[3] == date(2026, 9, 29)
    assert dates[4] == date(2026, 9, 30)
    assert dates[5] == date(2026, 10, 8)  # 10-01 … 10-07 are holidays
    assert dates[7] == date(2026, 10, 10)  # the Saturday is worked


def test_promised_date_across_the_year_end(hall, holiday_cases):
    at(2026, 12, 30)  # Wednesday
    facts = holiday_cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    assert facts.due_date == date(2027, 1, 7)  # 12-31, (01-01 holiday, weekend), 01-04 … 01-07


def test_clock_restart_lands_after_the_holidays(hall, holiday_cases):
    at(2026, 9, 21)
    names = [m["name"] for m in Item.get(Item.code == "hukou-in").data["materials"]]
    facts = holiday_cases.open_case(staff="S01", item="hukou-in", kind="supplement", window=1, missing=names[:1])
    at(2026, 9, 30, 10)  # the materials arrive on the eve of the holiday
    facts = holiday_cases.materials_received(facts.number, "S01")
    assert facts.due_date == date(2026, 10, 13)  # 10-08, 10-09, 10-10 (调休), (10-11 Sunday), 10-12, 10-13


def test_petition_and_callback_deadlines_use_working_days(hall, holiday_cases):
    at(2026, 9, 30)
    petition = holiday_cases.open_case(staff="S05", item="petition-visit", window=6)
    # 15 working days after 09-30: 10-08, 10-09, 10-10 (调休), then twelve weekdays from 10-12
    assert petition.due_date == date(2026, 10, 27)
    holiday_cases.complete(petition.number, "S05", "已答复")
    rated = rate_by_code(
        holiday_cases.config, petition.tracking_code, petition.number, "unsatisfied", ["efficiency"], channel="web"
    )
    assert rated.callback_due == date(2026, 10, 8)
    assert rated.rectify_due == date(2026, 10, 27)


def test_case_numbers_restart_at_local_new_year(hall, cases):
    at(2026, 12, 31, 23, 30)  # 15:30 UTC on 12-31
    last = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    at(2027, 1, 1, 0, 30)  # still 2026-12-31 16:30 in UTC: the hall's year decides
    first = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    second = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    assert last.number == "2026-000001"
    assert (first.number, second.number) == ("2027-000001", "2027-000002")


def test_fast_working_day_count_matches_the_calendar(hall):
    from models.calendar import HallCalendar

    config = replace(
        hall.config, holidays=NATIONAL_DAY + NEW_YEAR + (date(2026, 10, 3),), workdays=MAKE_UP + (date(2026, 9, 29),)
    )
    calendar = HallCalendar(config)
    start = date(2026, 9, 1)
    for offset in range(0, 150, 3):
        for span in (0, 1, 6, 13, 40, 120):
            a, b = start + timedelta(days=offset), start + timedelta(days=offset + span)
            assert working_days_between(config, a, b) == calendar.working_days_between(a, b)
            assert working_days_between(config, b, a) == calendar.working_days_between(b, a)
