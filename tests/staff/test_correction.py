"""Steps at the counter: a case saved with the wrong item is put right (a new record with its reason); a rating."""

from __future__ import annotations

from textual.widgets import Input, Select

from models.cases import Cases
from models.schema.cases import CaseEvent
from staff_tui.screens.case_detail import CaseDetailScreen
from tests.staff.helpers import make_app, shift_for, text_of, wait_for


def a_finished_case(hall):
    cases = Cases(hall.config)
    number = cases.open_case(staff="S05", item="elderly-card", kind="immediate", window=3, result="已办理").number
    return cases, number, make_app(hall, shift=shift_for("S05", 3), live=False)


async def open_case(pilot, number: str) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: app.screen.name == "queue")
    app.push_screen(CaseDetailScreen(number))
    await wait_for(pilot, lambda: app.screen.name == "case" and app.screen.view is not None, what="case")


async def test_the_item_is_corrected_with_a_reason(staffed):
    cases, number, app = a_finished_case(staffed)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, number)
        await pilot.press("x")
        await wait_for(pilot, lambda: app.screen.name == "correction", what="the correction form")
        select = app.screen.query_one("#f-item", Select)
        await wait_for(pilot, lambda: len(select._options) > 5, what="the items")
        select.value = "rural-dibao"
        # No reason: the models refuse, the form stays with what was chosen.
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: text_of(app.screen.query_one("#error")).strip() not in ("", "正在保存…"))
        assert app.screen.name == "correction" and select.value == "rural-dibao"
        app.screen.query_one("#f-reason", Input).value = "受理时选错事项"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "case", what="saved")
    detail = cases.detail(number)
    assert detail["item"] == "rural-dibao" and detail["corrections"] == 1
    kinds = [e.kind for e in CaseEvent.select().order_by(CaseEvent.id)]
    assert kinds[0] == "opened" and kinds[-1] == "corrected"  # appended; the opening stands
    corrected = CaseEvent.select().order_by(CaseEvent.id.desc()).get()
    assert corrected.data["reason"] == "受理时选错事项" and "result" not in corrected.data["changes"]


async def test_no_rating_at_the_counter(staffed):
    """Only the resident rates (kiosk, web, the window's pad): the clerk's case screen offers no rating."""
    cases, number, app = a_finished_case(staffed)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, number)
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.name == "case" and not app.screen.query("#f-level")
    assert cases.detail(number)["rating"] is None
