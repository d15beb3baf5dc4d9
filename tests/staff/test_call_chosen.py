"""Calling a chosen number out of turn (叫指定号): the models' rule, and C on the queue screen."""

from __future__ import annotations

import pytest

from models.errors import Refused
from models.schema import Event, Ticket
from staff_tui.widgets.keyed_table import KeyedTable
from tests.staff.helpers import make_app, shift_for, take, text_of, wait_for


def test_a_window_calls_a_chosen_waiting_ticket_of_its_lines(staffed):
    first, second = take(staffed, "rural-dibao", "rural-dibao")
    called = staffed.queue.call_number(second.lower(), 3, "S05")
    assert called.number == second and called.window == 3
    ticket = Ticket.get(Ticket.number == second)
    assert ticket.status == "called" and ticket.called_by.code == "S05"
    assert Event.select().where((Event.kind == "ticket.called") & (Event.ref == ticket.id)).get().data["chosen"]
    assert Ticket.get(Ticket.number == first).status == "waiting"  # the one in turn still waits
    assert staffed.queue.call_next(3, "S05").number == first


def test_what_a_window_may_not_call(staffed):
    other = take(staffed, "baby-hukou")[0]  # window 1's line
    mine = take(staffed, "rural-dibao")[0]
    with pytest.raises(Refused) as refused:
        staffed.queue.call_number(other, 3, "S05")
    assert refused.value.key == "ticket_not_for_window"
    staffed.queue.call_number(mine, 3, "S05")
    with pytest.raises(Refused) as refused:
        staffed.queue.call_number(mine, 3, "S05")
    assert refused.value.key == "ticket_not_waiting"
    staffed.queue.pause(1, "S01")
    with pytest.raises(Refused) as refused:
        staffed.queue.call_number(other, 1, "S01")
    assert refused.value.key == "window_paused"
    with pytest.raises(Refused):
        staffed.queue.call_number(other, 1, "S05")  # not S05's window


async def test_c_calls_the_ticket_under_the_cursor(staffed):
    numbers = take(staffed, "rural-dibao", "urban-dibao", "elderly-card")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None)
        table = app.screen.query_one("#waiting", KeyedTable)
        table.move_cursor(row=2)
        await pilot.press("c")
        await wait_for(pilot, lambda: app.screen.name != "queue", what="confirm")
        await pilot.press("enter")
        await wait_for(pilot, lambda: numbers[2] in text_of(app.screen.query_one("#serving")), what="called")
        assert list(table._order) == numbers[:2]
