"""The terminal's reports show the visits' ratings beside the cases' (per level, their 差评, the open
follow-ups of each, and where the visits' 差评 stand in their loop); the leader's due list (G) lists a
visit's 差评 beside a case's and opens its loop. At 80×24, in Chinese and English."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from models.cases.bad_ratings import BadRatings
from models.schema import Ticket
from staff_tui.screens.followups import FollowupsScreen
from staff_tui.screens.reports import ReportsScreen
from tests.staff.helpers import make_app, screen_text, shift_for, text_of, wait_for
from tests.staff.test_followup_screens import _shot

WORDS = {
    "zh": {"visits": "现场", "stage": "现场差评·待回访", "open": "1件（逾期0）", "loop": "待回访"},
    "en": {"visits": "Visits", "stage": "visits' poor: To call back", "open": "1 (0 overdue)", "loop": "To call back"},
}


def _rated_visit(hall, level: str) -> str:
    receipt = hall.queue.take("baby-hukou")
    hall.queue.call_next(1, "S01")
    hall.queue.start(receipt.number, 1)
    hall.queue.finish(receipt.number, 1)
    ticket = Ticket.select().where(Ticket.number == receipt.number).order_by(Ticket.id.desc()).first()
    hall.ratings.rate_visit(receipt.tracking_code, level, channel="web")
    return f"{ticket.service_day.isoformat()}/{ticket.number}"


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_report_counts_visits_beside_cases_with_their_loop(staffed, language):
    _rated_visit(staffed, "satisfied")
    poor = _rated_visit(staffed, "very_unsatisfied")
    BadRatings(staffed.config).assign(poor, "L01")  # to S01, who served it: the call-back is next
    words = WORDS[language]
    app = make_app(staffed, shift=shift_for("L01", 1), language=language, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        app.push_screen(ReportsScreen("2026-11-23"))
        await wait_for(pilot, lambda: app.screen.name == "reports" and app.screen.data is not None, what="report")
        part = app.screen.query_one("#report-ratings")
        await wait_for(pilot, lambda: words["stage"] in text_of(part), what="the visits' loop stage")
        text = text_of(part)
        assert words["visits"] in text and words["open"] in text
        rows = {line.split()[0]: line.split() for line in text.splitlines() if line.strip()}
        level = "满意" if language == "zh" else "Satisfied"
        assert rows[level][-2:] == ["0", "1"]  # no case, one visit
        part.scroll_visible(animate=False)
        await pilot.pause(0.2)
        _shot(app, f"report-visit-ratings-{language}")
        app.push_screen(FollowupsScreen())
        await wait_for(pilot, lambda: poor in screen_text(app), what="the visit's loop in the due list")
        assert words["loop"] in screen_text(app)
        _shot(app, f"followups-visit-{language}")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "followup" and app.screen.answer is not None, what="loop")
        assert poor in screen_text(app)
        _shot(app, f"followup-visit-{language}")


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_clerk_who_served_records_that_a_visit_without_a_phone_was_not_reached(staffed, language):
    poor = _rated_visit(staffed, "unsatisfied")
    BadRatings(staffed.config).assign(poor, "L01")
    app = make_app(staffed, shift=shift_for("S01", 1), language=language, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        app.push_screen(FollowupsScreen())
        await wait_for(pilot, lambda: app.screen.rows is not None and poor in screen_text(app), what="own list")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "followup" and app.screen.answer is not None, what="loop")
        loop = app.screen
        assert loop.allowed == ["call"] and loop.answer.view["can_call"] is False
        await pilot.press("c")
        await wait_for(pilot, lambda: app.screen.name == "followup-step", what="call dialog")
        assert app.screen.query_one("#f-reached", Select).value == "no"  # nobody to reach: said so honestly
        _shot(app, f"followup-visit-call-{language}")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "followup", what="the call saved")
        await wait_for(pilot, lambda: loop.answer.view["stage"] == "classify", what="called")
        assert loop.allowed == ["call", "classify"]


async def test_brackets_in_a_visit_s_loop_are_shown_as_typed(staffed):
    poor = _rated_visit(staffed, "unsatisfied")
    loops = BadRatings(staffed.config)
    loops.assign(poor, "L01")
    loops.call(poor, "S01", reached=False, note="请核对[/]材料")
    loops.classify(poor, "S01", "unverifiable")
    loops.explain(poor, "S01", "[red]已说明[/red]")
    app = make_app(staffed, shift=shift_for("L01", 1), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        from staff_tui.screens.followup import FollowupScreen

        app.push_screen(FollowupScreen(poor))
        await wait_for(pilot, lambda: app.screen.name == "followup" and app.screen.answer is not None, what="loop")
        await wait_for(pilot, lambda: "[red]已说明[/red]" in screen_text(app), what="the result as typed")
        assert "请核对[/]材料" in screen_text(app)
