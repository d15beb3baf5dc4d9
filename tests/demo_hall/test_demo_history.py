"""The demo morning: made through the real model APIs, so every count agrees."""

from __future__ import annotations

from datetime import datetime

import pytest

from models import clock
from models.cases.reports import report
from models.cases.rules import KINDS
from models.duty import Duty, open_tickets
from models.hall import get_setting
from models.maintenance.demo_history import SETTING, make_demo_history
from models.queue.day_curves import day_curves
from models.schema import Ticket, Window
from models.schema.cases import CaseState
from models.staff.whereabouts import Whereabouts
from tests.conftest import SHANGHAI, make_config


def test_the_morning_is_consistent(demo):
    config = demo.config
    today = clock.service_day(config.zone)
    now = clock.now()
    tickets = list(Ticket.select())
    assert 30 <= len(tickets) <= 45
    assert all(t.service_day == today and t.issued_at <= now for t in tickets)
    statuses = {t.status for t in tickets}
    assert {"done", "waiting"} <= statuses
    assert sum(t.status == "done" for t in tickets) > len(tickets) / 2  # most were served
    for t in tickets:
        if t.called_at is not None:
            assert t.issued_at <= t.called_at <= now
        if t.finished_at is not None:
            assert t.called_at <= t.finished_at <= now
    # Every kind of case, and the report counts what is there.
    kinds = {kind for (kind,) in CaseState.select(CaseState.kind).tuples()}
    assert kinds == set(KINDS)
    day = report(config, day=today)
    assert day.tickets["issued"] == len(tickets)
    assert day.tickets["served"] == sum(t.status == "done" for t in tickets)
    assert day.wait_median_minutes and day.wait_median_minutes > 0
    # Window 1 ends the morning free: a newcomer's ticket there is called next.
    one = Window.get(Window.number == 1)
    assert not Ticket.select().where((Ticket.window == one) & Ticket.status.in_(("called", "serving"))).exists()
    lines = [link.line_id for link in one.line_links]
    assert not Ticket.select().where(Ticket.line.in_(lines) & (Ticket.status == "waiting")).exists()
    # Whereabouts: a B person covers, a window paused itself, someone is overdue, someone on leave.
    where = Whereabouts(config)
    covers = {c.window: c for c in where.window_cover()}
    assert covers[1].cover == "A" and not covers[1].paused
    assert any(c.cover == "B" for c in covers.values())
    assert any(c.cover is None and c.auto_paused for c in covers.values())
    board = where.board()
    assert board.overdue
    assert any(p.state == "leave" and p.stand_in for p in board.people)
    assert [lv.status for lv in where.leaves(status="pending")] == ["pending"]
    # Duty: the opening checklist ticked and signed, the leader's log with an open problem.
    history = Duty(config).checklist_history(today)
    assert history.opening.complete and history.opening.signed_off is not None
    assert not history.closing.items[0].ticked
    assert any(e.kind == "problem" and e.fixed for e in history.log)
    assert Duty(config).open_problems()
    # The hourly curves agree with the tickets.
    curves = day_curves(config, today)
    assert curves.total_arrivals == len(tickets)
    assert sum(curves.waiting_by_line.values()) == sum(t.status == "waiting" for t in tickets)
    assert curves.peak_waiting >= 1
    assert open_tickets(today) == sum(t.status in ("waiting", "called", "serving") for t in tickets)
    # Once a day: running it again adds nothing.
    assert get_setting(SETTING) == today.isoformat()
    assert make_demo_history(demo) == {}
    assert Ticket.select().count() == len(tickets)


@pytest.mark.parametrize("hour,minute", [(0, 0), (0, 5), (0, 40), (6, 0), (8, 10), (23, 59)])
def test_the_demo_morning_can_be_made_at_any_hour(tmp_path, hour, minute):
    """`hall demo` works whenever a maintainer tries it, midnight included."""
    from models.hall import open_hall
    from models.maintenance.demo import make_demo

    clock.set_now(datetime(2026, 11, 24, hour, minute, tzinfo=SHANGHAI))
    try:
        hall = open_hall(make_config(f"sqlite:///{tmp_path / 'hall.db'}"), create=True)
        make_demo(hall)
        made = make_demo_history(hall)
        today = clock.service_day(hall.config.zone)
        assert made["tickets"] > 0 and made["ticks"] > 0
        assert {t.service_day for t in Ticket.select()} == {today}
        assert Duty(hall.config).checklist_history(today).opening.signed_off is not None
        hall.close()
    finally:
        clock.set_now(None)
