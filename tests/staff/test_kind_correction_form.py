"""X's correction form offers the case kinds the models allow, at 80×24 in both languages."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

from models.cases import Cases
from staff_tui.screens.case_detail import CaseDetailScreen
from tests.staff.helpers import make_app, screen_text, shift_for, wait_for

LABEL = {"zh": "办件类型", "en": "Case kind"}


async def open_correction(pilot, number: str) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: app.screen.name == "queue")
    app.push_screen(CaseDetailScreen(number))
    await wait_for(pilot, lambda: app.screen.name == "case" and app.screen.view is not None, what="case")
    await pilot.press("x")
    await wait_for(pilot, lambda: app.screen.name == "correction", what="the correction form")


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_kind_is_corrected_at_the_counter(staffed, language):
    cases = Cases(staffed.config)
    number = cases.open_case(staff="S05", item="elderly-card", window=3).number
    app = make_app(staffed, shift=shift_for("S05", 3), language=language, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_correction(pilot, number)
        select = app.screen.query_one("#f-kind", Select)
        assert [value for _label, value in select._options if value != Select.NULL] == ["promised", "petition"]
        select.focus()
        await pilot.pause(0.05)
        assert LABEL[language] in screen_text(app)
        select.value = "petition"
        app.screen.query_one("#f-reason", Input).value = "受理时选错类型"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "case", what="saved")
    detail = cases.detail(number)
    assert detail["kind"] == "petition" and detail["corrections"] == 1 and detail["result_due"] is not None


async def test_a_kind_no_correction_may_change_is_not_offered(staffed):
    cases = Cases(staffed.config)
    number = cases.open_case(staff="S05", item="rural-dibao", window=3, authority="街道民政科").number
    app = make_app(staffed, shift=shift_for("S05", 3), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_correction(pilot, number)
        assert not app.screen.query("#f-kind")
