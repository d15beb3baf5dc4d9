"""What a tracking code shows, laid out for the screen: on a big one the progress at a glance
(number in blocks, the state in a band, the steps and their times) above the whole text; at
80×24 the text alone."""

from __future__ import annotations

import pytest

from kiosk.progress import progress
from models.cases.public_view import public_view
from tests.kiosk.conftest import make_kiosk, on_screen, screen_text, wait_for


def test_a_waiting_ticket_is_at_its_second_step():
    view = {
        "ticket": {
            "number": "A003",
            "state": "waiting",
            "ahead": 2,
            "windows": [1, 2],
            "issued_at": "2026-11-23T09:12+08:00",
        }
    }
    shown = progress(view, "zh")
    assert shown.number == "A003" and shown.state == "等候中" and shown.tone == "ok"
    assert "前面还有 2 人" in shown.detail and "1、2 号窗口" in shown.detail
    assert [step.state for step in shown.steps] == ["done", "now", "todo", "todo", "todo"]
    assert shown.steps[0].when == "9:12"


def test_a_missed_call_stops_the_steps_there():
    shown = progress({"ticket": {"number": "A003", "state": "no_show", "issued_at": ""}}, "en")
    assert shown.tone == "warn" and shown.steps[-1].warn and shown.steps[-1].label == shown.state
    assert len(shown.steps) == 3


@pytest.mark.parametrize(
    "state, marks, tone",
    [
        ("in_progress", ["done", "now", "todo", "todo"], "ok"),
        ("waiting_materials", ["done", "now", "todo", "todo"], "warn"),
        ("to_notify", ["done", "done", "done", "now"], "ok"),
        ("closed", ["done", "done", "done", "done"], "ok"),
        ("returned", ["done", "done"], "warn"),
    ],
)
def test_a_case_goes_by_its_state(state, marks, tone):
    case = {
        "number": "2026-000029",
        "state": state,
        "accepted_on": "2026-11-23",
        "due_date": "2026-11-30",
        "completed_on": "2026-11-25" if state in ("to_notify", "closed") else None,
        "missing": [{"name": "户口本", "name_en": "Household register"}] if state == "waiting_materials" else [],
        "return_reason": "不属于本中心办理",
    }
    shown = progress({"ticket": None, "cases": [case]}, "zh")
    assert shown.number == "2026-000029" and shown.tone == tone
    assert [step.state for step in shown.steps] == marks
    assert shown.steps[0].when == "11月23日"
    if state == "in_progress":
        assert "11月30日" in shown.steps[1].when and "11月30日" in shown.detail
    if state == "waiting_materials":
        assert "户口本" in shown.detail
    if state == "returned":
        assert "不属于本中心办理" in shown.detail


def test_the_open_case_comes_before_a_closed_one():
    cases = [{"number": "1", "state": "closed"}, {"number": "2", "state": "in_progress"}]
    assert progress({"ticket": {"number": "B007", "state": "done"}, "cases": cases}, "zh").state == "办理中"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(200, 56), (120, 40), (80, 24)], ids=["200x56", "120x40", "80x24"])
async def test_the_result_is_laid_out_for_the_screen(hall, size, lang, monkeypatch):
    import models.staff.accounts as staff_module
    from shared_ui.big_text import BigText

    monkeypatch.setattr(staff_module, "_N", 2**4)
    receipt = hall.queue.take("baby-hukou")
    hall.queue.take("baby-hukou")
    behind = hall.queue.take("baby-hukou")  # two ahead of it
    view = public_view(hall.config, behind.tracking_code)
    app = make_kiosk(hall, lang)
    async with app.run_test(size=size) as pilot:
        await on_screen(pilot, "HomeScreen")
        app._track_result(view)
        await on_screen(pilot, "TrackResultScreen")
        summary = app.screen.query_one("#summary")
        text = app.screen.query_one("#result")
        await wait_for(pilot, lambda: text.region.height > 0)
        assert receipt.number != behind.number and behind.number in text.plain()  # the whole text, as before
        if size == (80, 24):
            assert not summary.display or summary.region.height == 0
            assert text.region.y <= 5  # right under the heading's row
            return
        await wait_for(pilot, lambda: summary.region.height > 0)
        number = app.screen.query_one("#summary-number", BigText)
        assert number.text == behind.number and number.tall
        assert number.scale == (2 if size == (200, 56) else 1)
        words = screen_text(app)
        assert ("等候中" if lang == "zh" else "Waiting") in words
        assert ("前面还有 2 人" if lang == "zh" else "People ahead of you: 2") in words
        steps = app.screen.query_one("#summary-steps").render().plain
        assert ("取号" if lang == "zh" else "Ticket taken") in steps and "9:30" in steps
        assert app.screen.region.contains_region(summary.region)
        assert text.region.y >= summary.region.bottom and text.region.height >= 10


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
async def test_the_progress_keeps_7_to_1(hall, large):
    from tests.kiosk.test_contrast import low_cells

    receipt = hall.queue.take("baby-hukou")
    view = public_view(hall.config, receipt.tracking_code)
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(120, 40)) as pilot:
        await on_screen(pilot, "HomeScreen")
        app.large = large
        app._track_result(view)
        await on_screen(pilot, "TrackResultScreen")
        await wait_for(pilot, lambda: app.screen.query_one("#summary").region.height > 0)
        await pilot.pause(0.2)
        assert low_cells(app) == {}
        app.screen.query_one("#summary-state").add_class("-warn")  # where the matter stopped
        await pilot.pause(0.2)
        assert low_cells(app) == {}
