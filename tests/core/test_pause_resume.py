"""A pause with the clerk's expected resume time: kept in the pause's event, shown,
and a short pause keeps the kiosk issuing with the wait counting the pause; on both backends."""

from __future__ import annotations

from datetime import datetime

import pytest

from models import clock
from models.catalogue import default_catalogue_path
from models.catalogue import store as catalogue_store
from models.config import TicketsConfig
from models.errors import Refused
from models.hall import open_hall
from models.queue.view import line_states, window_states
from models.schema import Event, Item
from tests.conftest import SHANGHAI, make_config


@pytest.fixture
def hours_hall(db_url):
    """A hall keeping the winter timetable (08:00-11:00, 13:30-16:30), on a Monday at 10:00."""
    hall = open_hall(make_config(db_url, tickets=TicketsConfig(always_open=False)), create=True)
    catalogue_store.load_file(str(default_catalogue_path()))
    clock.set_now(datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI))
    yield hall
    clock.set_now(None)
    hall.close()


def minutes_of(item="baby-hukou") -> int:
    return Item.get(Item.code == item).service_minutes


def test_the_resume_time_is_appended_with_the_pause(hours_hall):
    back = hours_hall.queue.pause(1, reason="开会", resume="10:20")
    assert back == datetime(2026, 11, 23, 2, 20)  # 10:20 in Shanghai, stored as UTC
    event = Event.select().where(Event.kind == "window.paused").get()
    assert event.data["resume_at"] == "2026-11-23T02:20:00" and event.data["reason"] == "开会"
    state = next(w for w in window_states(hours_hall.queue.today()) if w.number == 1)
    assert state.paused and state.resume_at == back
    line = next(line for line in line_states(hours_hall.queue.today()) if line.code == "jisheng")
    assert line.resumes == ((1, back),)
    # Resumed, and paused again with no time: the old time is not carried over.
    hours_hall.queue.resume(1)
    hours_hall.queue.pause(1)
    assert next(w for w in window_states(hours_hall.queue.today()) if w.number == 1).resume_at is None
    assert len(list(Event.select().where(Event.kind == "window.paused"))) == 2


@pytest.mark.parametrize(
    "typed, key", [("10:7", "resume_time_bad"), ("25:00", "resume_time_bad"), ("09:30", "resume_time_past")]
)
def test_a_resume_time_must_be_a_later_time_today(hours_hall, typed, key):
    with pytest.raises(Refused) as refused:
        hours_hall.queue.pause(1, resume=typed)
    assert refused.value.key == key
    assert not Event.select().where(Event.kind == "window.paused").exists()


def test_a_short_pause_keeps_issuing_and_the_wait_counts_it(hours_hall):
    hours_hall.queue.take("baby-hukou")
    hours_hall.queue.pause(1, resume="10:20")
    receipt = hours_hall.queue.take("baby-hukou")
    assert receipt.number == "A002" and receipt.ahead == 1
    assert receipt.wait_minutes == 20 + minutes_of()
    # The ticket's later reading (the tracking page, 我的号票) counts the pause too.
    clock.set_now(datetime(2026, 11, 23, 10, 5, tzinfo=SHANGHAI))
    assert hours_hall.queue.expected_wait(receipt_line(), 1, minutes_of()) == 15 + minutes_of()


def receipt_line() -> int:
    return Item.get(Item.code == "baby-hukou").line_id


def test_a_pause_past_closing_or_without_a_time_refuses(hours_hall):
    hours_hall.queue.pause(1, resume="11:30")  # the morning session closes at 11:00
    with pytest.raises(Refused) as refused:
        hours_hall.queue.take("baby-hukou")
    assert refused.value.key == "all_paused"
    hours_hall.queue.resume(1)
    hours_hall.queue.pause(1)
    with pytest.raises(Refused):
        hours_hall.queue.take("baby-hukou")
    # Once the expected time has passed with the window still paused, it no longer carries the line.
    hours_hall.queue.resume(1)
    hours_hall.queue.pause(1, resume="10:10")
    clock.set_now(datetime(2026, 11, 23, 10, 11, tzinfo=SHANGHAI))
    with pytest.raises(Refused):
        hours_hall.queue.take("baby-hukou")


def test_another_window_serving_the_line_keeps_the_plain_estimate(hours_hall):
    from models.schema import Window, WindowLine

    WindowLine.create(window=Window.get(Window.number == 2), line=receipt_line())
    hours_hall.queue.take("baby-hukou")
    hours_hall.queue.pause(1, resume="10:40")
    receipt = hours_hall.queue.take("baby-hukou")
    assert receipt.wait_minutes == minutes_of()  # window 2 serves: no pause minutes
    hours_hall.queue.pause(2, resume="10:30")
    # Both paused: the wait starts with the first back, and both share the people ahead.
    assert hours_hall.queue.take("baby-hukou").wait_minutes == 30 + -(-2 * minutes_of() // 2)
