"""F1 opens the key panel on a dialog too (a modal screen hides the app's other keys),
listing the dialog's own keys, and closes it again; the dialog stays as it was."""

from __future__ import annotations

import pytest

from shared_ui.words import tr
from tests.staff.helpers import make_app, screen_text, shift_for, text_of, wait_for


async def _panel_lines(pilot) -> str:
    app = pilot.app
    dialog = app.screen
    await pilot.press("f1")
    await wait_for(pilot, lambda: dialog.query("HallKeyPanel"), what="key panel on the dialog")
    await wait_for(pilot, lambda: text_of(dialog.query_one("HallBindingsTable")).strip(), what="its keys")
    text = text_of(dialog.query_one("HallBindingsTable"))
    for line in screen_text(app).splitlines():
        assert len(line) <= 80
    await pilot.press("f1")
    await wait_for(pilot, lambda: not dialog.query("HallKeyPanel"), what="closed")
    assert app.screen is dialog
    return text


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_f1_on_the_call_form_lists_its_keys(staffed, language):
    app = make_app(staffed, shift=shift_for("S01", 1), language=language, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue", what="queue")
        await pilot.press("l")
        await wait_for(pilot, lambda: app.screen.name == "contact-record", what="record form")
        await wait_for(pilot, lambda: app.screen.focused.id == "f-sender", what="the cursor in the form")
        await pilot.press(*"王")
        text = await _panel_lines(pilot)
        assert tr("staff_ui.save") in text and tr("staff_ui.cancel") in text
        assert app.screen.query_one("#f-sender").value == "王"  # nothing typed is lost


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_f1_on_the_pause_form_lists_its_keys(staffed, language):
    app = make_app(staffed, shift=shift_for("S01", 1), language=language, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None, what="queue")
        await pilot.press("f7")
        await wait_for(pilot, lambda: app.screen.is_modal, what="pause form")
        text = await _panel_lines(pilot)
        assert tr("staff_ui.save") in text and tr("staff_ui.cancel") in text
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen.name == "queue", what="back at the queue")
