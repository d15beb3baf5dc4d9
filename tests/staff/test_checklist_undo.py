"""U on the duty screen takes a tick back, with a reason, at 80×24 in both languages."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from models import clock
from tests.staff.helpers import make_app, screen_text, shift_for, wait_for

WORDS = {"zh": ("撤销原因", "已撤销：勾错了"), "en": ("Reason", "taken back: 勾错了")}


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_u_takes_back_a_tick_with_a_reason(staffed, language):
    day = clock.service_day(staffed.config.zone)
    app = make_app(staffed, shift=shift_for("S05", 3), language=language, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None, what="queue")
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: app.screen.name == "duty" and app.screen.data is not None, what="duty")
        app.screen.query_one("#opening").focus()
        await pilot.press("u")  # nothing ticked yet: the screen says so, no form
        await wait_for(pilot, lambda: app.screen.name == "duty" and "✓" not in screen_text(app))
        await pilot.press("f2")
        await wait_for(pilot, lambda: staffed.duty.checklist_history(day).opening.items[0].ticked, what="tick")
        await wait_for(pilot, lambda: app.screen.data[0].opening.items[0].ticked, what="tick shown")
        await pilot.press("up")
        await pilot.press("u")
        label, shown = WORDS[language]
        await wait_for(pilot, lambda: app.screen.name == "form" and label in screen_text(app), what="undo form")
        box = app.screen.query_one("#f-reason", Input)
        assert app.focused is box
        await pilot.press(*"勾错了")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "duty", what="back on the duty screen")
        item = staffed.duty.checklist_history(day).opening.items[0]
        assert not item.ticked and item.undos[0].reason == "勾错了" and item.undos[0].staff == "S05"
        await wait_for(pilot, lambda: shown in screen_text(app), what="the undo on the list")
