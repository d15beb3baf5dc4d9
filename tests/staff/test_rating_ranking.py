"""The leader's window ranking on the reports screen (Ctrl+R): the month's 好差评 per window."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models import clock
from models.schema import Ticket
from tests.staff.helpers import make_app, screen_text, shift_for, text_of, wait_for


def _rated_visit(hall, item: str, window: int, staff: str, level: str, reasons=()) -> None:
    (number,) = [hall.queue.take(item).number]
    hall.queue.call_next(window, staff)
    hall.queue.start(number, window)
    clock.set_now(clock.now() + timedelta(minutes=3))
    hall.queue.finish(number, window)
    code = Ticket.select().where(Ticket.number == number).order_by(Ticket.id.desc()).first().tracking_code
    hall.ratings.rate_visit(code, level, reasons)


@pytest.fixture
def rated(staffed):
    _rated_visit(staffed, "rural-dibao", 3, "S05", "unsatisfied", ["efficiency"])
    _rated_visit(staffed, "rural-dibao", 3, "S05", "very_satisfied")
    _rated_visit(staffed, "party-consult", 6, "S06", "satisfied")
    return staffed


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_leader_sees_the_windows_ranked(rated, lang):
    app = make_app(rated, shift=shift_for("L01", 3), language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue", what="queue")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.screen.name == "reports" and app.screen.data is not None, what="reports")
        part = app.screen.query_one("#report-ranking")
        text = text_of(part)
        title = "2026-11 窗口好差评排名" if lang == "zh" else "Windows ranked by ratings, 2026-11"
        assert title in text
        rows = [line for line in text.splitlines() if "100.0%" in line or "50.0%" in line]
        assert "6" in rows[0] and "100.0%" in rows[0]  # window 6: one rating, all good
        assert "50.0%" in rows[1]  # window 3: one good, one bad
        app.screen.query_one("#report-body").scroll_to_widget(part, animate=False)
        await pilot.pause()
        assert part.region.width <= 80
        shown = screen_text(app)
        assert ("按期率" if lang == "zh" else "On time") in shown  # the last column fits at 80 columns


async def test_a_clerk_sees_no_ranking(rated):
    app = make_app(rated, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue", what="queue")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.screen.name == "reports" and app.screen.data is not None, what="reports")
        assert not app.screen.query_one("#report-ranking").display
        assert app.screen.data.ranking == ()
