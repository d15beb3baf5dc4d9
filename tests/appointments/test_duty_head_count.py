"""The slots' count of people on duty (one read) is the roster's own, swaps and all, on both backends."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from models.duty.roster import Roster
from models.staff import add_staff
from tests.appointments.conftest import at

NATIONAL_DAY_EVE = date(2026, 9, 28)


def test_head_counts_match_the_roster(booking):
    at(NATIONAL_DAY_EVE, 9)
    for code in ("S01", "S02", "S03"):
        add_staff(code, f"员工{code}", "1234", posts=[(1, "A")])
    add_staff("L01", "刘站长", "1234", role="leader")
    days = [NATIONAL_DAY_EVE + timedelta(days=i) for i in range(16)]  # the holiday, a 调休 Saturday, weekends
    for duty in (booking.config.duty, replace(booking.config.duty, per_day=1, include_leaders=True)):
        roster = Roster(replace(booking.config, duty=duty))
        holiday = roster.on_duty(date(2026, 10, 2))
        free = next(code for code in ("S01", "S02", "S03") if code not in holiday.people)
        roster.swap(holiday.day, holiday.staff[0], free, "家里有事")
        counts = roster.head_counts(days)
        assert counts == {d.day: len(d.people) for d in roster.roster(days[0], len(days))}
        assert counts[date(2026, 10, 1)] > 0
