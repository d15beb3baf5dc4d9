"""The queue engine's rules, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from models import clock
from models.config import TicketsConfig
from models.errors import Refused
from models.hall import open_hall
from models.queue.view import snapshot, waiting_list
from models.schema import Event, Ticket
from models.staff import add_staff
from tests.conftest import SHANGHAI


def take(hall, item="baby-hukou", **kw):
    return hall.queue.take(item, **kw)


def test_numbers_follow_line_prefix_and_day(hall):
    first, second = take(hall), take(hall, "hukou-in")
    other = take(hall, "rural-dibao")
    assert (first.number, second.number) == ("A001", "A002")
    assert other.number.startswith("C") and other.number.endswith("001")
    assert first.windows == (1,) and first.line == "jisheng"
    assert first.tracking_code != second.tracking_code


def test_numbers_past_999_keep_every_digit(hall):
    from models.schema import TicketCounter

    first = take(hall)
    TicketCounter.update(last=998).where(TicketCounter.prefix == "A").execute()
    numbers = [take(hall).number for _ in range(2)]
    assert (first.number, numbers) == ("A001", ["A999", "A1000"])
    assert [t.seq for t in Ticket.select().order_by(Ticket.id)] == [1, 999, 1000]


def test_receipt_counts_people_ahead_and_expected_wait(hall):
    take(hall)
    take(hall)
    third = take(hall)
    assert third.ahead == 2
    # No history yet: the item's catalogue minutes, one open window.
    assert third.wait_minutes == 2 * third_item_minutes(hall)


def third_item_minutes(hall):
    from models.schema import Item

    return Item.get(Item.code == "baby-hukou").service_minutes


def test_expected_wait_uses_median_of_history(hall, frozen_clock):
    start = clock.now()
    for minutes in (4, 6, 8):
        take(hall)
        called = hall.queue.call_next(1)
        hall.queue.start(called.number, 1)
        clock.set_now(clock.now() + timedelta(minutes=minutes))
        hall.queue.finish(called.number, 1)
    take(hall)
    later = take(hall)
    assert later.ahead == 1
    assert later.wait_minutes == 6  # median of 4, 6, 8 × 1 ahead ÷ 1 window
    assert clock.now() > start


def test_request_id_makes_taking_idempotent(hall):
    a = take(hall, request_id="kiosk1-tap-77")
    b = take(hall, request_id="kiosk1-tap-77")
    assert a.number == b.number and a.tracking_code == b.tracking_code
    assert Ticket.select().count() == 1


def test_numbering_resets_at_local_midnight_not_utc(hall):
    # 23:50 in Shanghai is 15:50 UTC: same service day as the morning.
    clock.set_now(datetime(2026, 11, 23, 7, 30, tzinfo=SHANGHAI))
    assert take(hall).number == "A001"
    clock.set_now(datetime(2026, 11, 23, 23, 50, tzinfo=SHANGHAI))
    assert take(hall).number == "A002"
    # 00:10 local on the 24th is still the 23rd in UTC, yet a new service day.
    clock.set_now(datetime(2026, 11, 24, 0, 10, tzinfo=SHANGHAI))
    late = take(hall)
    assert late.number == "A001"
    assert late.service_day.isoformat() == "2026-11-24"
    clock.set_now(None)


def test_out_of_season_item_is_refused_with_opening_date(hall):
    clock.set_now(datetime(2026, 11, 23, 9, 0, tzinfo=SHANGHAI))
    with pytest.raises(Refused) as refused:
        take(hall, "landless-pension-cert")
    assert "12月1日" in refused.value.message("zh")
    assert "12/1" in refused.value.message("en") or "12月1日" in refused.value.message("en")
    clock.set_now(datetime(2026, 12, 5, 9, 0, tzinfo=SHANGHAI))
    assert take(hall, "landless-pension-cert").number.endswith("001")
    clock.set_now(None)


def test_issuing_closes_at_configured_time(db_url):
    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store
    from tests.conftest import make_config

    config = make_config(db_url, tickets=TicketsConfig(always_open=False, stop_before_close_minutes=15))
    hall = open_hall(config, create=True)
    catalogue_store.load_file(str(default_catalogue_path()))
    try:
        # Winter timetable, afternoon session 13:30-16:30; issuing stops at 16:15.
        clock.set_now(datetime(2026, 11, 23, 16, 10, tzinfo=SHANGHAI))
        assert take(hall).number == "A001"
        clock.set_now(datetime(2026, 11, 23, 16, 20, tzinfo=SHANGHAI))
        with pytest.raises(Refused) as refused:
            take(hall)
        assert "11月24日 08:00" in refused.value.message("zh")
        # Nobody waiting is turned away: the ticket taken before closing is still called.
        clock.set_now(datetime(2026, 11, 23, 17, 30, tzinfo=SHANGHAI))
        assert hall.queue.call_next(1).number == "A001"
        # Saturday: closed; next issuing on Monday.
        clock.set_now(datetime(2026, 11, 28, 10, 0, tzinfo=SHANGHAI))
        with pytest.raises(Refused) as refused:
            take(hall)
        assert "11月30日 08:00" in refused.value.message("zh")
    finally:
        clock.set_now(None)
        hall.close()


def test_paused_windows_refuse_tickets_and_calls(hall):
    hall.queue.pause(1)
    with pytest.raises(Refused) as refused:
        take(hall)
    assert "暂停服务" in refused.value.message("zh")
    with pytest.raises(Refused):
        hall.queue.call_next(1)
    with pytest.raises(Refused):
        hall.queue.pause(1)
    hall.queue.resume(1)
    take(hall)
    assert hall.queue.call_next(1).number == "A001"
    kinds = [e.kind for e in Event.select().order_by(Event.id)]
    assert "window.paused" in kinds and "window.resumed" in kinds


def test_call_next_is_first_come_first_served(hall):
    numbers = [take(hall).number for _ in range(3)]
    called = [hall.queue.call_next(1).number for _ in range(3)]
    assert called == numbers
    with pytest.raises(Refused) as refused:
        hall.queue.call_next(1)
    assert refused.value.key == "nothing_waiting"


def test_window_only_calls_its_lines(hall):
    take(hall, "rural-dibao")  # line C, window 3
    with pytest.raises(Refused):
        hall.queue.call_next(1)
    assert hall.queue.call_next(3).number.startswith("C")


def test_priority_served_first_but_never_more_than_streak_in_a_row(hall):
    normals = [take(hall).number for _ in range(3)]
    priorities = [take(hall, priority=True).number for _ in range(4)]
    order = [hall.queue.call_next(1).number for _ in range(7)]
    # streak 2: P P N P P N N — priority first, normal never starved.
    assert order == [priorities[0], priorities[1], normals[0], priorities[2], priorities[3], normals[1], normals[2]]


def test_the_calling_order_is_the_order_call_next_calls(hall):
    """waiting_list(in_calling_order=True): returned residents, priority (within the
    streak), arrival, a transfer sent to this window; always the ticket call_next takes."""
    missed = take(hall, "rural-dibao").number  # line C, window 3
    assert hall.queue.call_next(3).number == missed
    hall.queue.recall(missed, 3)
    hall.queue.no_show(missed, 3)
    normal = [take(hall, item).number for item in ("rural-dibao", "urban-dibao", "rural-dibao")]
    urgent = [take(hall, "elderly-card", priority=True).number for _ in range(4)]
    sent = take(hall, "party-consult").number  # line E, window 6
    assert hall.queue.call_next(6).number == sent
    hall.queue.transfer(sent, 6, to_window=3)
    hall.queue.return_no_show(missed)
    assert [w.number for w in waiting_list(hall.queue.today(), 3, in_calling_order=True, queue=hall.queue)] == [
        missed,
        *urgent,
        *normal,
        sent,
    ]
    assert sent not in [w.number for w in waiting_list(hall.queue.today(), 6, in_calling_order=True, queue=hall.queue)]
    called = []
    while listed := waiting_list(hall.queue.today(), 3, in_calling_order=True, queue=hall.queue):
        ticket = hall.queue.call_next(3)
        assert ticket.number == listed[0].number
        hall.queue.finish(ticket.number, 3)
        called.append(ticket.number)
    # streak 2: P P N P P N …, the returned resident before all.
    assert called == [missed, urgent[0], urgent[1], normal[0], urgent[2], urgent[3], normal[1], normal[2], sent]
    with pytest.raises(ValueError):
        waiting_list(hall.queue.today(), 3, in_calling_order=True)


def test_hall_queue_json_keeps_its_waiting_fields(hall):
    take(hall)
    waiting = snapshot(hall.queue.today()).as_dict()["waiting"]
    assert set(waiting[0]) == {
        "number",
        "item",
        "item_name",
        "line",
        "priority",
        "returned",
        "transferred",
        "target_window",
        "arrival_at",
        "transfer_note",
    }


def test_priority_ticket_counts_only_priority_ahead(hall):
    take(hall)
    take(hall)
    urgent = take(hall, priority=True)
    assert urgent.ahead == 0


def test_recall_no_show_and_return_to_front(hall):
    first = take(hall).number
    second = take(hall).number
    third = take(hall).number
    assert hall.queue.call_next(1).number == first
    with pytest.raises(Refused) as refused:
        hall.queue.no_show(first, 1)
    assert refused.value.key == "no_show_needs_recall"
    assert hall.queue.recall(first, 1).recalls == 1
    hall.queue.no_show(first, 1)
    assert hall.queue.call_next(1).number == second
    hall.queue.finish(second, 1)
    hall.queue.return_no_show(first)
    # The returned resident is next, ahead of the third ticket.
    assert [w.number for w in waiting_list(hall.queue.today(), 1)] == [first, third]
    nxt = hall.queue.call_next(1)
    assert nxt.number == first and nxt.returned


def test_transfer_keeps_place_and_first_responder(hall):
    add_staff("S01", "王芳", "1234", posts=[(1, "A")])
    add_staff("S05", "陈静", "1234", posts=[(3, "A")])
    early = take(hall).number  # line A
    take(hall, "rural-dibao")  # line C, arrived after `early`
    assert hall.queue.call_next(1, "S01").number == early
    hall.queue.transfer(early, 1, to_line="minzheng", note="低保咨询，材料已看过", staff_code="S01")
    waiting = waiting_list(hall.queue.today(), 3)
    assert waiting[0].number == early and waiting[0].transferred
    assert waiting[0].transfer_note == "低保咨询，材料已看过"
    called = hall.queue.call_next(3, "S05")
    assert called.number == early and called.transferred
    ticket = Ticket.get(Ticket.number == early)
    assert ticket.first_responder.code == "S01"
    assert ticket.called_by.code == "S05"


def test_transfer_to_a_window_only_that_window_calls_it(hall):
    number = take(hall, "party-consult").number  # line E, window 6
    hall.queue.call_next(6)
    hall.queue.transfer(number, 6, to_window=3)
    assert number not in [w.number for w in waiting_list(hall.queue.today(), 6)]
    assert hall.queue.call_next(3).number == number


def test_transfer_refuses_its_own_window_and_a_retired_line(hall):
    from models.schema import Line

    number = take(hall, "party-consult").number  # line E, window 6
    hall.queue.call_next(6)
    with pytest.raises(Refused) as refused:
        hall.queue.transfer(number, 6, to_window=6)
    assert refused.value.key == "transfer_same_window"
    Line.update(retired=True).where(Line.code == "jisheng").execute()
    with pytest.raises(Refused) as refused:
        hall.queue.transfer(number, 6, to_line="jisheng")
    assert refused.value.key == "line_retired" and "计生" in refused.value.message()


def test_staff_must_work_the_window(hall):
    add_staff("S09", "周婷", "1234", posts=[(5, "A")])
    take(hall)
    with pytest.raises(Refused) as refused:
        hall.queue.call_next(1, "S09")
    assert refused.value.key == "staff_not_at_window"


def test_a_staff_code_no_longer_active_calls_nobody(hall):
    from models.schema import Staff

    add_staff("S09", "周婷", "1234", posts=[(1, "A")])
    Staff.update(active=False).where(Staff.code == "S09").execute()
    take(hall)
    with pytest.raises(Refused) as refused:
        hall.queue.call_next(1, " S09 ")
    assert refused.value.key == "staff_inactive" and "S09" in refused.value.message()


def test_finish_from_called_counts_service_time_from_call(hall, frozen_clock):
    number = take(hall).number
    hall.queue.call_next(1)
    clock.set_now(clock.now() + timedelta(minutes=7))
    hall.queue.finish(number, 1)
    ticket = Ticket.get(Ticket.number == number)
    assert ticket.status == "done"
    assert (ticket.finished_at - ticket.started_at) == timedelta(minutes=7)


def test_every_change_writes_an_event(hall):
    number = take(hall).number
    hall.queue.call_next(1)
    hall.queue.recall(number, 1)
    hall.queue.start(number, 1)
    hall.queue.finish(number, 1)
    kinds = [e.kind for e in Event.select().where(Event.kind.startswith("ticket.")).order_by(Event.id)]
    assert kinds == ["ticket.taken", "ticket.called", "ticket.recalled", "ticket.started", "ticket.finished"]


def test_snapshot_shows_counts_windows_and_recent_calls(hall):
    take(hall)
    take(hall)
    hall.queue.call_next(1)
    hall.queue.pause(2)
    state = snapshot(hall.queue.today())
    line_a = next(line for line in state.lines if line.prefix == "A")
    assert line_a.waiting == 1
    assert [w.paused for w in state.windows if w.number == 2] == [True]
    assert state.windows[0].current == "A001"
    assert state.recent_calls[0].number == "A001" and state.recent_calls[0].window == 1


def test_demo_hall_issues_at_any_hour(db_url):
    from models.maintenance.demo import make_demo
    from tests.conftest import make_config

    config = make_config(db_url, tickets=TicketsConfig(always_open=False))
    hall = open_hall(config, create=True)
    make_demo(hall)
    hall.close()
    reopened = open_hall(config)
    clock.set_now(datetime(2026, 11, 29, 23, 30, tzinfo=SHANGHAI))  # Sunday night
    try:
        assert reopened.queue.take("baby-hukou").number == "A001"
    finally:
        clock.set_now(None)
        reopened.close()


def test_receipt_as_dict_has_what_scripts_need(hall):
    data = take(hall).as_dict()
    for key in ("number", "tracking_code", "line", "windows", "ahead", "wait_minutes"):
        assert key in data


def test_config_priority_streak_is_honoured(db_url):
    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store
    from tests.conftest import make_config

    config = make_config(db_url, tickets=replace(TicketsConfig(always_open=True), priority_streak=1))
    hall = open_hall(config, create=True)
    catalogue_store.load_file(str(default_catalogue_path()))
    n1, n2 = take(hall).number, take(hall).number
    p1, p2 = take(hall, priority=True).number, take(hall, priority=True).number
    order = [hall.queue.call_next(1).number for _ in range(4)]
    assert order == [p1, n1, p2, n2]
    hall.close()
