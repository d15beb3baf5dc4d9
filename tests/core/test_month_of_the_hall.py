"""A month of the hall in one test, on SQLite and PostgreSQL.

November 2026, all thirty days, driven through the models with the clock
moved: weekends, a local holiday (Thursday the 12th), a 调休 working Saturday
(the 14th); residents arriving through both sessions of each working day,
clerks calling, finishing, transferring, going to meetings and visits, one
leave approved; one day nobody signs off (the 18th) and one closing signed
early by mistake and reopened (the 25th). After every day the checks of
:func:`check_the_day` hold, and the month report is the sum of its days.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest

from models import clock
from models.config import TicketsConfig
from models.errors import Refused
from models.hall import open_hall
from models.queue import DAY_ENDED_STATES
from models.queue.view import snapshot, waiting_list
from models.schema import Event, Ticket
from models.staff import add_staff
from tests.conftest import SHANGHAI, make_config
from tests.whereabouts.checks import check_day_start

FIRST, LAST = date(2026, 11, 1), date(2026, 11, 30)
HOLIDAY, MAKEUP_SATURDAY = date(2026, 11, 12), date(2026, 11, 14)
NOBODY_SIGNS, EARLY_BY_MISTAKE = date(2026, 11, 18), date(2026, 11, 25)
LEAVE_DAYS = (date(2026, 11, 19), date(2026, 11, 20))  # S03, stand-in S01
FINAL_STATES = ("done", "no_show", *DAY_ENDED_STATES)
# Who comes for what: (item, the window that serves its line).
VISITS = (("baby-hukou", 1), ("hukou-in", 1), ("rural-dibao", 3), ("baby-hukou", 1))


def at(day: date, hour: int, minute: int = 0) -> None:
    clock.set_now(datetime.combine(day, time(hour), SHANGHAI) + timedelta(minutes=minute))


@pytest.fixture
def month_hall(db_url):
    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store

    config = make_config(
        db_url,
        tickets=TicketsConfig(always_open=False),
        holidays=(HOLIDAY,),
        workdays=(MAKEUP_SATURDAY,),
    )
    at(FIRST, 7)
    hall = open_hall(config, create=True)
    catalogue_store.load_file(str(default_catalogue_path()))
    add_staff("S01", "张一", "1234", posts=[(1, "A"), (3, "B")])
    add_staff("S03", "李三", "1234", posts=[(3, "A"), (1, "B")])
    add_staff("L01", "刘站长", "1234", role="leader")
    yield hall
    clock.set_now(None)
    hall.close()


def test_a_month_of_the_hall(month_hall, capsys):
    hall = month_hall
    calendar = hall.calendar
    leave = hall.whereabouts.request_leave("S03", *LEAVE_DAYS, "家中有事", "S01")
    hall.whereabouts.approve_leave(leave.id, "L01")
    working = [FIRST + timedelta(days=n) for n in range(30) if calendar.is_working_day(FIRST + timedelta(days=n))]
    assert HOLIDAY not in working and MAKEUP_SATURDAY in working and len(working) == 21
    for offset in range(30):
        day = FIRST + timedelta(days=offset)
        at(day, 7, 50)
        check_the_day_starts(hall, day)
        if day in working:
            work_a_day(hall, day)
        else:
            at(day, 10)
            with pytest.raises(Refused):
                hall.queue.take("baby-hukou")  # a weekend or the holiday: no tickets
        check_the_day(hall, day, capsys)
    at(LAST + timedelta(days=1), 8)
    check_the_day_starts(hall, LAST + timedelta(days=1))
    day_reports = [hall.cases.report(day=FIRST + timedelta(days=n)) for n in range(30)]  # every day ended now
    assert hall.duty.unsigned_days(date(2026, 12, 1)) == [NOBODY_SIGNS]
    month = hall.cases.report(month="2026-11")
    assert month.tickets == {key: sum(r.tickets[key] for r in day_reports) for key in month.tickets}
    assert month.tickets["issued"] == Ticket.select().count() > 0
    assert month.tickets["not_called"] > 0 and month.tickets["no_show"] > 0
    for line, counts in month.tickets_by_line.items():
        assert counts == {k: sum(r.tickets_by_line.get(line, {}).get(k, 0) for r in day_reports) for k in counts}
    assert month.cases_total == sum(r.cases_total for r in day_reports) > 0
    assert month.cases_by_kind == {
        kind: sum(r.cases_by_kind.get(kind, 0) for r in day_reports) for kind in month.cases_by_kind
    }


def work_a_day(hall, day: date) -> None:
    """One working day: opening, residents through both sessions, clerks at windows 1 and 3, closing."""
    duty, queue, whereabouts = hall.duty, hall.queue, hall.whereabouts
    staff = ["S01"] if day in LEAVE_DAYS else ["S01", "S03"]
    at(day, 7, 55)
    for code in staff:
        whereabouts.set_state(code, "on_duty")
    for index in range(len(duty.items("opening"))):
        duty.tick(day, "opening", index, "S01")
    duty.sign_off(day, "opening", "S01")
    numbers: dict[str, list[str]] = {}
    for session, (opens, _closes) in enumerate(hall.calendar.sessions(day)):
        for step, (item, window) in enumerate(VISITS * 2):
            at(day, opens.hour, opens.minute + 5 + 10 * step)
            receipt = queue.take(item)
            numbers.setdefault(receipt.number[0], []).append(receipt.number)
            check_only_today_is_shown(hall, day)
            if step % 2:
                serve_one(hall, day, window, step)
        if session == 0 and day == EARLY_BY_MISTAKE:
            numbers["A"].append(close_early_by_mistake_and_reopen(hall, day))
    for prefix, issued in numbers.items():
        assert issued[0] == f"{prefix}001" and issued == [f"{prefix}{n:03d}" for n in range(1, len(issued) + 1)]
    at(day, 15)
    whereabouts.set_state("S01", "meeting", back_at=clock.now() + timedelta(minutes=30))
    whereabouts.set_state("S01", "on_duty")
    if day.weekday() == 2 and day not in LEAVE_DAYS:
        whereabouts.set_state("S03", "visiting", back_at=clock.now() + timedelta(hours=1))
        whereabouts.set_state("S03", "on_duty")
    if day == NOBODY_SIGNS:
        at(day, 16, 35)
        queue.call_next(1)  # left at the window when everyone went home, and others still waiting
        return
    at(day, 16, 35)
    serve_everyone(hall, day)
    for index in range(len(duty.items("closing"))):
        duty.tick(day, "closing", index, "S01")
    duty.sign_off(day, "closing", "S01")
    with pytest.raises(Refused):
        queue.take("baby-hukou")


def close_early_by_mistake_and_reopen(hall, day: date) -> str:
    """10:30, tickets still issued: a leader signs the closing early, is told,
    reopens it; issuing resumes with the next number. Returns that number."""
    duty, queue = hall.duty, hall.queue
    at(day, 10, 30)
    for index in range(len(duty.items("closing"))):
        duty.tick(day, "closing", index, "L01")
    serve_everyone(hall, day)
    with pytest.raises(Refused) as error:
        duty.sign_off(day, "closing", "L01")
    assert error.value.key == "closing_too_early"
    duty.sign_off(day, "closing", "L01", early_reason="以为下午停电")
    at(day, 10, 35)
    with pytest.raises(Refused) as error:
        queue.take("baby-hukou")
    assert error.value.key == "closed_early" and "以为下午停电" in error.value.message()
    duty.reopen(None, "L01", "误签：下午照常办公")
    at(day, 10, 40)
    return queue.take("baby-hukou").number


def serve_one(hall, day: date, window: int, step: int) -> None:
    """Call the next at ``window``; finish (a case for some), transfer, or miss the call."""
    queue = hall.queue
    try:
        called = queue.call_next(window)
    except Refused:
        return
    if step == 3 and window == 1:
        queue.transfer(called.number, 1, to_line="minzheng", note="还要办低保")
    elif step == 5:
        queue.recall(called.number, window)
        queue.no_show(called.number, window)
    else:
        queue.start(called.number, window)
        queue.finish(called.number, window)
        if step == 1:
            code = "S01" if window == 1 or day in LEAVE_DAYS else "S03"
            hall.cases.open_case(staff=code, ticket=called.number, window=window, result="当场办结", kind="immediate")


def serve_everyone(hall, day: date) -> None:
    for ticket in Ticket.select().where((Ticket.service_day == day) & Ticket.status.in_(("called", "serving"))):
        hall.queue.finish(ticket.number, ticket.window.number)
    for window in (1, 3):
        while True:
            try:
                called = hall.queue.call_next(window)
            except Refused:
                break
            hall.queue.finish(called.number, window)


def check_the_day_starts(hall, day: date) -> None:
    """Before anyone comes: no earlier ticket is open, shown or counted anywhere."""
    today = hall.queue.today()
    assert today == day
    open_before = Ticket.select().where((Ticket.service_day < day) & ~Ticket.status.in_(FINAL_STATES)).count()
    assert open_before == 0, "every ticket of a past day has a final state"
    ended = [e.ref for e in Event.select(Event.ref).where(Event.kind == "ticket.day_ended")]
    assert len(ended) == len(set(ended)), "a ticket gets its final state once"
    state = snapshot(today)
    assert state.waiting == () and state.recent_calls == ()
    assert all(line.waiting == 0 for line in state.lines) and all(w.current is None for w in state.windows)
    assert waiting_list(today, 1, in_calling_order=True, queue=hall.queue) == []
    from kiosk import queries as kiosk_queries
    from staff_tui import queries as staff_queries

    assert all(line.status.waiting == 0 for line in kiosk_queries.lines(hall))
    picture = staff_queries.queue_picture(hall, 1)
    assert picture.serving is None and picture.waiting == ()
    if day - timedelta(days=1) == NOBODY_SIGNS:
        assert NOBODY_SIGNS in hall.duty.unsigned_days(day)
        states = {t.status for t in Ticket.select().where(Ticket.service_day == NOBODY_SIGNS)}
        assert {"not_called", "not_finished"} <= states
    # Whereabouts: yesterday's states say nothing today, the approved leave speaks by itself,
    # and with nobody in yet no window is covered and no terminal gets a B window.
    check_day_start(hall, day, on_leave)
    if on_leave("S03", day):
        assert hall.whereabouts.state_of("S03").stand_in == "S01"
    assert hall.whereabouts.windows_for_terminal("S01") == [1]
    if day > FIRST + timedelta(days=1):  # from the 3rd: nobody signs out, the first look at a day paused them
        assert all(c.paused and c.auto_paused for c in hall.whereabouts.window_cover() if c.window in (1, 3))
    assert hall.whereabouts.windows_for_terminal("S03") == [3]


def on_leave(code: str, day: date) -> bool:
    return code == "S03" and day in LEAVE_DAYS


def check_only_today_is_shown(hall, day: date) -> None:
    today_numbers = {
        number
        for (number,) in Ticket.select(Ticket.number)
        .where((Ticket.service_day == day) & (Ticket.status == "waiting"))
        .tuples()
    }
    shown = [w.number for w in snapshot(day).waiting]
    assert sorted(shown) == sorted(today_numbers)
    assert sum(line.waiting for line in snapshot(day).lines) == len(today_numbers)


def check_the_day(hall, day: date, capsys) -> None:
    """At the day's end: the CLI's queue shows only the day's tickets; the day report counts each once."""
    from cli.main import main

    capsys.readouterr()
    assert main(["queue", "--json", "--db", hall.url]) == 0
    shown = json.loads(capsys.readouterr().out)
    todays = {
        n for (n,) in Ticket.select(Ticket.number).where(Ticket.service_day == day, Ticket.status == "waiting").tuples()
    }
    assert {w["number"] for w in shown["waiting"]} == todays
    report = hall.cases.report(day=day)
    assert report.tickets["issued"] == Ticket.select().where(Ticket.service_day == day).count()
    if day != NOBODY_SIGNS:
        assert hall.duty.closed_for_day(day) or not hall.calendar.is_working_day(day)
        assert not todays
    if day == EARLY_BY_MISTAKE:
        history = hall.duty.checklist_history(day)
        assert [r.reason for r in history.reopenings] == ["误签：下午照常办公"]
        assert history.closing.signed_off.early_reason == ""  # signed again at the end of the day
