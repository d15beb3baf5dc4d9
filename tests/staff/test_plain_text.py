"""People's text on the staff terminal is shown as typed: a bracket is no markup."""

from __future__ import annotations

import pytest

from tests.staff.helpers import make_app, shift_for, take, text_of, wait_for
from tests.staff.test_queue import open_queue, serving


async def test_a_transfer_note_with_brackets_reaches_the_receiving_window_as_typed(staffed):
    number = take(staffed, "rural-dibao")[0]
    staffed.queue.call_next(3, "S05")
    staffed.queue.transfer(number, 3, to_window=1, note="请核对[/]材料 [b]原件[/]", staff_code="S05")
    app = make_app(staffed, shift=shift_for("S01", 1))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot, app)
        await pilot.press("f2")
        await wait_for(pilot, lambda: number in serving(app), what="called")
        assert "请核对[/]材料 [b]原件[/]" in text_of(app.screen.query_one("#serving"))
        assert app.is_running


async def test_a_case_with_brackets_in_its_text_opens_on_the_case_screen(staffed):
    from models.cases import Cases
    from staff_tui.screens.case_detail import CaseDetailScreen

    cases = Cases(staffed.config)
    number = cases.open_case(staff="S05", item="rural-dibao", kind="promised", window=3, name="王[/]小明").number
    cases.extend(number, "S05", "2027-01-31", "请核对[/]材料")
    cases.complete(number, "S05", "[b]已办结[/]")
    app = make_app(staffed, shift=shift_for("S05", 3), live=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        app.push_screen(CaseDetailScreen(number))
        await wait_for(pilot, lambda: app.screen.name == "case" and app.screen.view is not None, what="case")
        # The history fills in once its rows are read (slower on a busy machine).
        await wait_for(pilot, lambda: "[b]已办结[/]" in app.export_screenshot(), what="the history")
        shown = app.export_screenshot()
        assert "请核对[/]材料" in shown and "[b]已办结[/]" in shown
        assert app.is_running


@pytest.mark.parametrize(
    "language,words",
    [
        ("zh", "「转办说明（向接办窗口说明情况）」含有"),
        ("en", "Transfer note (what the next window should know) holds"),
    ],
)
async def test_a_pasted_escape_sequence_is_refused_naming_the_field_and_nothing_is_saved(staffed, language, words):
    from textual.widgets import Input, Select

    from models.schema import Ticket

    number = take(staffed, "rural-dibao")[0]
    app = make_app(staffed, shift=shift_for("S05", 3), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot, app)
        await pilot.press("f2")
        await wait_for(pilot, lambda: number in serving(app), what="called")
        await pilot.press("f6")
        await wait_for(pilot, lambda: app.screen.query("#f-target"))
        dialog = app.screen
        dialog.query_one("#f-target", Select).value = "line:jisheng"
        dialog.query_one("#f-note", Input).value = "请核对\x1b[2J\x1b]0;x\x07材料"
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        assert app.screen is dialog and words in text_of(dialog.query_one("#error"))
        assert "U+001B" in text_of(dialog.query_one("#error"))
    assert Ticket.get(Ticket.number == number).status == "called"


async def test_the_outcome_dialog_refuses_a_bidi_override_in_a_name_and_keeps_it_open(staffed):
    from textual.widgets import Input

    from models.schema import CaseRecord
    from staff_tui.widgets.case_form import CaseForm

    number = take(staffed, "rural-dibao")[0]
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_queue(pilot, app)
        await pilot.press("f2")
        await wait_for(pilot, lambda: number in serving(app), what="called")
        await pilot.press("f8")
        await wait_for(pilot, lambda: app.screen.query(CaseForm), what="outcome dialog")
        dialog = app.screen
        dialog.query_one("#name", Input).value = "王\u202e芳"
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        assert app.screen is dialog and "「群众姓名」含有" in text_of(dialog.query_one("#error"))
        assert "U+202E" in text_of(dialog.query_one("#error"))
    assert CaseRecord.select().count() == 0
