"""A ticket belongs to its service day: the second day of a hall, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from models import clock
from models.errors import NotFound, Refused
from models.queue.tickets import find_ticket
from models.queue.view import snapshot, waiting_list
from models.schema import Event, Ticket
from tests.conftest import SHANGHAI

MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)


def _at(day: date, hour: int, minute: int = 0) -> None:
    clock.set_now(datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI))


@pytest.fixture
def monday_left_open(hall, frozen_clock):
    """Three A-tickets on Monday: one called and left at the window, two never called."""
    _at(MONDAY, 9)
    numbers = [hall.queue.take("baby-hukou").number for _ in range(3)]
    assert numbers == ["A001", "A002", "A003"]
    assert hall.queue.call_next(1).number == "A001"
    return hall


def test_the_next_day_starts_at_001_with_nobody_ahead_and_calls_its_own(monday_left_open):
    hall = monday_left_open
    _at(TUESDAY, 8, 30)
    receipt = hall.queue.take("baby-hukou")
    assert (receipt.number, receipt.ahead, receipt.service_day) == ("A001", 0, TUESDAY)
    called = hall.queue.call_next(1)
    assert called.number == "A001"
    assert Ticket.get(Ticket.number == "A001", Ticket.service_day == TUESDAY).status == "called"
    hall.queue.finish("A001", 1)  # one live A001 only: the finish is not refused
    assert Ticket.get(Ticket.number == "A001", Ticket.service_day == TUESDAY).status == "done"
    with pytest.raises(Refused):
        hall.queue.call_next(1)  # Monday's A002 and A003 are not waiting any more


def test_tickets_left_open_get_their_final_state_once_as_events(monday_left_open):
    hall = monday_left_open
    _at(TUESDAY, 8, 0)
    hall.queue.today()
    hall.queue.today()
    states = {t.number: t.status for t in Ticket.select().where(Ticket.service_day == MONDAY)}
    assert states == {"A001": "not_finished", "A002": "not_called", "A003": "not_called"}
    ended = list(Event.select().where(Event.kind == "ticket.day_ended").order_by(Event.id))
    assert sorted(e.data["number"] for e in ended) == ["A001", "A002", "A003"]
    assert {e.data["day"] for e in ended} == {"2026-11-23"} and {e.data["by"] for e in ended} == {"next_day"}
    # Another process looking as well changes nothing more.
    from models.queue.tickets import Queue

    Queue(hall.config).today()
    assert Event.select().where(Event.kind == "ticket.day_ended").count() == 3
    assert Ticket.select().where(Ticket.service_day == MONDAY).count() == 3  # nothing deleted


def test_no_view_shows_or_counts_another_days_ticket(monday_left_open):
    hall = monday_left_open
    _at(TUESDAY, 8, 5)
    today = hall.queue.today()
    state = snapshot(today)
    assert all(line.waiting == 0 for line in state.lines)
    assert all(window.current is None for window in state.windows)
    assert state.waiting == () and state.recent_calls == ()
    assert waiting_list(today, 1, in_calling_order=True, queue=hall.queue) == []
    from kiosk import queries as kiosk_queries
    from staff_tui import queries as staff_queries

    assert all(line.status.waiting == 0 for line in kiosk_queries.lines(hall))
    picture = staff_queries.queue_picture(hall, 1)
    assert picture.serving is None and picture.waiting == () and picture.window.waiting == 0
    fresh = hall.queue.take("baby-hukou")
    assert [w.number for w in snapshot(today).waiting] == [fresh.number]


def test_a_number_means_todays_ticket_and_an_older_one_is_named_by_its_day(monday_left_open):
    hall = monday_left_open
    _at(TUESDAY, 9)
    hall.queue.take("baby-hukou")
    assert find_ticket("a001", TUESDAY).service_day == TUESDAY
    assert find_ticket("2026-11-23/A002", TUESDAY).service_day == MONDAY
    assert find_ticket("A002@2026-11-23", TUESDAY).service_day == MONDAY
    with pytest.raises(NotFound) as missing:
        find_ticket("A002", TUESDAY)
    assert "2026-12-01/A002" in missing.value.message("zh")
    with pytest.raises(NotFound):
        find_ticket("2026-13-40/A002", TUESDAY)
    with pytest.raises(Refused):  # an ended day's ticket cannot be moved again
        hall.queue.finish("2026-11-23/A001", 1)


def test_a_past_days_missed_resident_does_not_come_back_into_todays_line(monday_left_open):
    hall = monday_left_open
    hall.queue.recall("A001", 1)
    hall.queue.no_show("A001", 1)
    _at(TUESDAY, 9)
    with pytest.raises(Refused):
        hall.queue.return_no_show("2026-11-23/A001")
    assert Ticket.get(Ticket.number == "A001", Ticket.service_day == MONDAY).status == "no_show"


def test_reports_count_the_final_states(monday_left_open):
    hall = monday_left_open
    _at(TUESDAY, 9)
    monday = hall.cases.report(day=MONDAY)
    assert monday.tickets == {"issued": 3, "served": 0, "no_show": 0, "not_called": 2, "not_finished": 1}
    assert monday.tickets_by_window[1]["not_finished"] == 1


def test_the_closing_sign_off_ends_an_earlier_day_left_open(monday_left_open):
    hall = monday_left_open
    from models.staff import add_staff

    add_staff("L01", "刘主任", "1234", role="leader")
    _at(TUESDAY, 17, 30)
    from models.queue.day_end import end_days_before

    for index in range(len(hall.config.closing_checklist)):
        hall.duty.tick(TUESDAY, "closing", index, "L01")
    # Nothing looked at Tuesday's queue yet; the sign-off itself ends Monday.
    hall.duty.sign_off(TUESDAY, "closing", "L01")
    assert {e.data["by"] for e in Event.select().where(Event.kind == "ticket.day_ended")} == {"sign_off"}
    assert end_days_before(TUESDAY, "next_day") == 0


def test_processes_looking_at_a_new_day_at_once_end_each_ticket_once(hall, db_url):
    """Real processes on the real clock: yesterday's open tickets, four `hall queue` at the same moment."""
    yesterday = clock.service_day(hall.config.zone) - timedelta(days=1)
    item = hall.queue.take("baby-hukou")
    for _ in range(11):
        hall.queue.take("baby-hukou")
    assert item.number == "A001"
    Ticket.update(service_day=yesterday).execute()  # as if they had been taken yesterday
    hall.queue._ended_before = None
    hall_bin = str(Path(sys.executable).with_name("hall"))
    runs = [
        subprocess.Popen([hall_bin, "queue", "--json", "--db", db_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    outputs = [run.communicate(timeout=60) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], outputs
    ended = [e.ref for e in Event.select().where(Event.kind == "ticket.day_ended")]
    assert len(ended) == 12 and len(set(ended)) == 12
    assert set(Ticket.select(Ticket.status).tuples()) == {("not_called",)}
    for out, _err in outputs:
        assert b'"waiting": []' in out
