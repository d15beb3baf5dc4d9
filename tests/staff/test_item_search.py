"""Typing on the item of a case narrows the catalogue by name or pinyin initials, at 80×24 in both languages."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Select

from staff_tui.widgets.case_form import CaseForm
from tests.staff.helpers import make_app, screen_text, shift_for, take, wait_for

HINT = {"zh": "找到 1 项", "en": "1 found"}


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_typing_pinyin_initials_on_the_item_finds_it(staffed, language):
    take(staffed, "rural-dibao")
    staffed.queue.call_next(3, "S05")
    app = make_app(staffed, shift=shift_for("S05", 3), language=language, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None, what="queue")
        await pilot.press("f8")
        await wait_for(pilot, lambda: app.screen.query(CaseForm), what="outcome")
        form = app.screen.query_one(CaseForm)
        form.query_one("#item", Select).focus()
        await pilot.pause(0.05)
        await pilot.press("l", "n", "y")  # 老年优待证; the first key opens the search, the rest go to it
        await wait_for(pilot, lambda: app.screen.name == "item-search", what="the search")
        await wait_for(pilot, lambda: app.screen.query_one(Input).value == "lny", what="the query")
        await wait_for(pilot, lambda: HINT[language] in screen_text(app), what="one found")
        assert app.screen.query_one(OptionList).option_count == 1
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is form.screen, what="back in the outcome dialog")
        assert form.item.code == "elderly-card" and form.kind == "promised"
        assert app.focused is form.query_one("#item", Select)
        await pilot.press(*"低保")  # Chinese narrows too; Esc leaves the choice as it was
        await wait_for(pilot, lambda: app.screen.name == "item-search", what="the search again")
        await wait_for(pilot, lambda: app.screen.query_one(OptionList).option_count == 2, what="two 低保")
        await pilot.press("down", "escape")
        await wait_for(pilot, lambda: app.screen is form.screen)
        assert form.item.code == "elderly-card"
