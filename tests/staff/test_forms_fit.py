"""Every form and dialog is usable at 80×24: Tab through it and the focused field is always
on screen, scrolled into view when the form is taller than the terminal."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from models.cases import Cases
from models.cases.rules import KINDS
from staff_tui.screens.case_detail import CaseDetailScreen
from staff_tui.widgets.case_form import CaseForm
from tests.staff.helpers import make_app, open_leave_request, shift_for, take, wait_for

SIZE = (80, 24)


def hidden(app) -> str:
    """Why the focused widget is not wholly on screen ("" when it is)."""
    widget = app.focused
    if widget is None:
        return "nothing has focus"
    screen = app.screen
    try:
        geometry = screen.find_widget(widget)
    except Exception:
        return f"{widget!r} is not on screen"
    region = geometry.region
    if not screen.region.contains_region(region):
        return f"{widget!r} at {region} is off the screen"
    if not geometry.clip.contains_region(region):
        return f"{widget!r} at {region} is cut by {geometry.clip}"
    return ""


async def tab_through(pilot, what: str) -> int:
    """Tab once round the dialog's fields, checking each focused one; returns how many were seen."""
    app = pilot.app
    seen = []
    for _ in range(len(app.screen.focus_chain) + 1):
        await pilot.pause(0.05)
        problem = hidden(app)
        assert not problem, f"{what}: {problem}"
        seen.append(app.focused)
        await pilot.press("tab")
    return len({id(w) for w in seen})


async def open_queue(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None, what="queue")


async def close(pilot) -> None:
    app = pilot.app
    while app.screen.is_modal:
        await pilot.press("escape")
        await pilot.pause(0.1)
        if app.screen.is_modal and app.screen.query("#yes, #confirm-yes"):
            await pilot.press("enter")  # a "throw away what was typed?" question
            await pilot.pause(0.1)


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_outcome_dialog_every_kind(staffed, language):
    take(staffed, "rural-dibao")
    staffed.queue.call_next(3, "S05")
    app = make_app(staffed, shift=shift_for("S05", 3), language=language, live=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_queue(pilot)
        await pilot.press("f8")
        await wait_for(pilot, lambda: app.screen.query(CaseForm), what="outcome")
        form = app.screen.query_one(CaseForm)
        for kind in KINDS:
            form.query_one("#kind", Select).value = kind
            await pilot.pause(0.1)
            form.query_one("#item", Select).focus()
            count = await tab_through(pilot, f"outcome, {kind}")
            assert count >= 3, kind


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_queue_dialogs(staffed, language):
    take(staffed, "rural-dibao", "urban-dibao")
    staffed.queue.call_next(3, "S05")
    app = make_app(staffed, shift=shift_for("S05", 3), language=language, live=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_queue(pilot)
        for key, what in (("f5", "return"), ("f6", "transfer"), ("f7", "pause"), ("ctrl+t", "my state")):
            await pilot.press(key)
            await wait_for(pilot, lambda: app.screen.is_modal, what=what)
            await pilot.pause(0.1)
            await tab_through(pilot, what)
            await close(pilot)
            await wait_for(pilot, lambda: app.screen.name == "queue", what=f"{what} closed")


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_case_forms(staffed, language):
    number = Cases(staffed.config).open_case(staff="S05", item="elderly-card", kind="promised", window=3).number
    app = make_app(staffed, shift=shift_for("S05", 3), language=language, live=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_queue(pilot)
        app.push_screen(CaseDetailScreen(number))
        await wait_for(pilot, lambda: app.screen.name == "case" and app.screen.view is not None, what="case")
        for key, what in (("e", "extension"), ("c", "complete"), ("u", "escalate"), ("h", "handover")):
            await pilot.press(key)
            await wait_for(pilot, lambda: app.screen.is_modal, what=what)
            await pilot.pause(0.1)
            await tab_through(pilot, what)
            await close(pilot)
            await wait_for(pilot, lambda: app.screen.name == "case", what=f"{what} closed")


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_leave_form(staffed, language):
    app = make_app(staffed, shift=shift_for("S05", 3), language=language, live=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_queue(pilot)
        await open_leave_request(pilot)
        await pilot.pause(0.1)
        await tab_through(pilot, "leave request")
