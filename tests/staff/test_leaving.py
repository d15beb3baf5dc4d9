"""Leaving: Ctrl+Q asks, like Ctrl+L, which state to leave in and says when a ticket is still
called at the window (Ctrl+Q twice quits at once); F9 (叫号) goes back to the queue."""

from __future__ import annotations

from textual.widgets import Static

from staff_tui.modals.state_pick import StateDialog
from tests.staff.helpers import make_app, shift_for, take, text_of, wait_for


async def ctrl_q_asks(pilot) -> None:
    """On duty at the queue, Ctrl+Q: until the state dialog asks."""
    app = pilot.app
    await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None)
    await wait_for(pilot, lambda: app.my_state == "on_duty", what="on duty")
    await pilot.press("ctrl+q")
    await wait_for(pilot, lambda: isinstance(app.screen, StateDialog), what="the question")


async def test_quitting_asks_the_state_and_warns_of_the_called_ticket(staffed):
    (number,) = take(staffed, "rural-dibao")
    staffed.queue.call_next(3, "S05")
    app = make_app(staffed, shift=shift_for("S05", 3), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await ctrl_q_asks(pilot)
        warning = text_of(app.screen.query_one("#state-warning", Static))
        assert number in warning and "3号窗口叫号" in warning
        await pilot.press("enter")  # 休息, the first choice
        await wait_for(pilot, lambda: not app.is_running, what="quit")
    assert staffed.whereabouts.state_of("S05").state == "resting"


async def test_ctrl_q_twice_quits_and_leaves_the_state(staffed):
    app = make_app(staffed, shift=shift_for("S05", 3), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await ctrl_q_asks(pilot)
        assert not app.screen.query("#state-warning")  # nothing at the window
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running, what="quit")
    assert staffed.whereabouts.state_of("S05").state == "on_duty"


async def test_before_sign_in_ctrl_q_quits_at_once(staffed):
    app = make_app(staffed, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "signin")
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running, what="quit")


async def test_f9_labelled_queue_goes_to_the_queue(staffed):
    """F9 (叫号) on a side screen opened from the ledger goes to the queue, not back to the ledger."""
    app = make_app(staffed, shift=shift_for("S05", 3), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None)
        for key, name in (("ctrl+g", "whereabouts"), ("ctrl+o", "duty"), ("ctrl+r", "reports")):
            await pilot.press("f9")
            await wait_for(pilot, lambda: app.screen.name == "ledger", what="ledger")
            await pilot.press(key)
            await wait_for(pilot, lambda name=name: app.screen.name == name, what=name)
            await pilot.press("f9")
            await wait_for(pilot, lambda: app.screen.name == "queue", what=f"the queue from {name}")
