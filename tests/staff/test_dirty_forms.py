"""Esc in a form with something typed in it asks before throwing it away; an untouched form
closes at once."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from models.cases import Cases
from staff_tui.modals.confirm import ConfirmDialog
from staff_tui.screens.case_detail import CaseDetailScreen
from staff_tui.widgets.case_form import CaseForm
from tests.staff.helpers import make_app, open_leave_request, shift_for, take, wait_for


async def escape_asks(pilot, field: str, text: str, home: str) -> None:
    """Type into ``field``, Esc: asked; N: the text is still there; Esc, Enter: closed."""
    app = pilot.app
    dialog = app.screen
    await pilot.press(*text)
    assert dialog.query_one(field, Input).value == text
    await pilot.press("escape")
    await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
    await pilot.press("n")
    await wait_for(pilot, lambda: app.screen is dialog, what="back in the form")
    assert dialog.query_one(field, Input).value == text
    await pilot.press("escape")
    await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question again")
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.screen.name == home, what="closed")


async def test_finish_transfer_and_an_untouched_form(staffed):
    take(staffed, "rural-dibao")
    staffed.queue.call_next(3, "S05")
    app = make_app(staffed, shift=shift_for("S05", 3), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None)
        # Untouched: Esc closes at once.
        await pilot.press("f7")
        await wait_for(pilot, lambda: app.screen.is_modal, what="pause form")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen.name == "queue", what="closed at once")
        await pilot.press("f8")
        await wait_for(pilot, lambda: app.screen.query(CaseForm), what="outcome")
        await pilot.pause(0.2)
        app.screen.query_one("#name", Input).focus()
        await escape_asks(pilot, "#name", "王小明", "queue")
        await pilot.press("f6")
        await wait_for(pilot, lambda: app.screen.query("#f-note"), what="transfer")
        app.screen.query_one("#f-note", Input).focus()
        await escape_asks(pilot, "#f-note", "先开证明", "queue")


@pytest.mark.parametrize("step", ["e"])
async def test_the_extension_form(staffed, step):
    number = Cases(staffed.config).open_case(staff="S05", item="elderly-card", kind="promised", window=3).number
    app = make_app(staffed, shift=shift_for("S05", 3), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        app.push_screen(CaseDetailScreen(number))
        await wait_for(pilot, lambda: app.screen.name == "case" and app.screen.view is not None, what="case")
        await pilot.press(step)
        await wait_for(pilot, lambda: app.screen.query("#f-reason"), what="extension form")
        app.screen.query_one("#f-reason", Input).focus()
        await escape_asks(pilot, "#f-reason", "需核对", "case")


async def test_the_leave_form(staffed):
    app = make_app(staffed, shift=shift_for("S05", 3), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        await open_leave_request(pilot)
        app.screen.query_one("#f-reason", Input).focus()
        await escape_asks(pilot, "#f-reason", "看病", "leave")


async def test_the_pause_form_takes_an_expected_resume_time(staffed):
    from models.queue.view import window_states
    from models.schema import Event

    app = make_app(staffed, shift=shift_for("S05", 3), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None)
        await pilot.press("f7")
        await wait_for(pilot, lambda: app.screen.query("#f-resume"), what="pause form")
        dialog = app.screen
        dialog.query_one("#f-resume", Input).focus()
        await pilot.press(*"09:00")  # already past at 09:30: said in the form, nothing paused
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "已经过了" in str(dialog.query_one("#error").render()), what="refused")
        dialog.query_one("#f-resume", Input).value = "10:20"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "queue", what="paused")
    with staffed.db.connection_context():
        state = next(w for w in window_states(staffed.queue.today()) if w.number == 3)
        assert state.paused and state.resume_at is not None
        assert Event.select().where(Event.kind == "window.paused").get().data["staff"] == "S05"
