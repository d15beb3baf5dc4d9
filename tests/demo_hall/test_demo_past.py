"""``hall demo`` shows a hall with a past: days before today, any day and hour, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from models import clock
from models.hall import open_hall
from models.maintenance.demo import make_demo
from models.maintenance.demo_history import make_demo_history
from models.maintenance.demo_past import PAST_SETTING, make_demo_past, past_days, past_start
from models.schema import Ticket
from models.schema.cases import CaseRecord
from tests.conftest import SHANGHAI


def build(hall, moment: datetime):
    clock.set_now(moment)
    make_demo(hall, since=past_start(hall))
    hall.close()
    hall = open_hall(hall.config)  # a demo hall issues tickets at any hour
    made = make_demo_past(hall)
    make_demo_history(hall)
    return hall, made


@pytest.fixture
def restore_clock():
    yield
    clock.set_now(None)


def test_past_days_hold_a_closed_day_and_start_on_a_working_day(hall):
    for today in (date(2026, 11, 24), date(2026, 11, 28), date(2026, 10, 1), date(2026, 10, 12)):
        days = past_days(hall.calendar, today)
        assert sum(map(hall.calendar.is_working_day, days)) >= 5
        assert any(not hall.calendar.is_working_day(d) for d in days)
        assert hall.calendar.is_working_day(days[0]) and days[-1] == today - timedelta(days=1)


def test_a_monday_morning_with_last_week_behind_it(hall, restore_clock):
    hall, made = build(hall, datetime(2026, 11, 23, 10, 30, tzinfo=SHANGHAI))
    days = past_days(hall.calendar, date(2026, 11, 23))
    working = [d for d in days if hall.calendar.is_working_day(d)]
    assert made["working_days"] == len(working) >= 5 and made["closed_days"] >= 2  # the weekend
    # The ledger has cases from every working day of the past, and today's.
    accepted = {clock.service_day(hall.config.zone, c.accepted_at) for c in CaseRecord.select()}
    assert set(working) | {date(2026, 11, 23)} <= accepted
    # Every past ticket has ended; none waits today.
    assert (
        not Ticket.select()
        .where((Ticket.service_day < date(2026, 11, 23)) & Ticket.status.in_(("waiting", "called", "serving")))
        .exists()
    )
    # Attendance: the past working days are judged, with one late arrival and one leave day.
    statuses = [r.status for d in working for r in hall.attendance.attendance(d)]
    assert statuses.count("late") == 1 and statuses.count("leave") == 1 and "absent" not in statuses
    # The closing checklist of each past working day is signed; the weekend's duty came in.
    assert all(hall.duty.checklist_history(d).closing.signed_off is not None for d in working)
    weekend = [d for d in days if not hall.calendar.is_working_day(d)]
    history = hall.whereabouts.history(limit=2000)
    assert {h["at"][:10] for h in history} >= {
        clock.to_utc(datetime(d.year, d.month, d.day, 12, tzinfo=SHANGHAI)).date().isoformat() for d in weekend
    }
    # Whereabouts belong to the day: nobody's state today comes from an earlier day.
    start = clock.local_days(date(2026, 11, 23), date(2026, 11, 23), hall.config.zone)[0]
    for person in hall.whereabouts.board().people:
        assert person.since is None or person.since >= start or person.state == "leave"
    assert make_demo_past(hall) == {}  # once


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 11, 24, 0, 5, tzinfo=SHANGHAI),  # just after midnight
        datetime(2026, 10, 1, 10, 0, tzinfo=SHANGHAI),  # National Day
        datetime(2026, 11, 28, 15, 0, tzinfo=SHANGHAI),  # a Saturday afternoon
    ],
    ids=["after-midnight", "national-day", "saturday"],
)
def test_any_day_and_hour(hall, restore_clock, moment):
    hall, made = build(hall, moment)
    assert made["working_days"] >= 5 and made["closed_days"] >= 1
    today = moment.date()
    assert hall.queue and Ticket.select().where(Ticket.service_day == today).exists()
    from models.hall import get_setting

    assert get_setting(PAST_SETTING)[-1] == (today - timedelta(days=1)).isoformat()
