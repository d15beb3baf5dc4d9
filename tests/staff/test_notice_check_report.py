"""The month's reports at the terminal show the one-time notices checked, at 80×24 in both languages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.cases import Cases
from models.notice_views import new_visit
from models.schema import Item
from staff_tui.screens.reports import ReportsScreen
from tests.staff.helpers import make_app, shift_for, text_of, wait_for
from tests.staff.test_followup_screens import _shot

TITLE = {"zh": "一次性告知自查", "en": "One-time notices checked"}
FAILING = {"zh": "告知需改进的事项：1 个", "en": "Items whose notice keeps failing: 1"}


def _read_and_short(hall, times: int) -> str:
    cases = Cases(hall.config)
    name = Item.get(Item.code == "hukou-in").data["materials"][0]["name"]
    for _ in range(times):
        visit = new_visit()
        hall.notice_views.viewed("hukou-in", "kiosk", visit)
        receipt = hall.queue.take("hukou-in")
        hall.notice_views.ticket_taken(visit, receipt.tracking_code)
        hall.queue.call_next(1, "S01")
        hall.queue.start(receipt.number, 1)
        cases.open_case(
            staff="S01", ticket=receipt.number, item="hukou-in", kind="supplement", window=1, missing=[name]
        )
    return name


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_month_flags_the_notice_that_keeps_failing(staffed, language):
    name = _read_and_short(staffed, 3)
    app = make_app(staffed, shift=shift_for("L01", 1), language=language, live=False)
    app.config = replace(app.config)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        app.push_screen(ReportsScreen("2026-11"))
        await wait_for(pilot, lambda: app.screen.name == "reports" and app.screen.data is not None, what="report")
        part = app.screen.query_one("#report-notices")
        await wait_for(pilot, lambda: TITLE[language] in text_of(part), what="the notices' part")
        text = text_of(part)
        assert FAILING[language] in text and "!!" in text and name[:4] in text
        part.scroll_visible(animate=False)
        await pilot.pause(0.2)
        _shot(app, f"report-notices-{language}")
        app.push_screen(ReportsScreen("2026-11-23"))  # a day's report: the month's check has no place there
        await wait_for(pilot, lambda: app.screen.data is not None and app.screen.data.day is not None, what="day")
        assert not app.screen.query_one("#report-notices").display
