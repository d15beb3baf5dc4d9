"""At the kiosk, the resident who was told how their visit's 差评 was handled rates the handling once,
with the ticket's code (the level alone)."""

from __future__ import annotations

import pytest

from shared_ui.words import tr
from tests.bad_ratings.conftest import leaders  # noqa: F401 - fixture
from tests.bad_ratings.test_visit_loop import poor_visit
from tests.cases.conftest import at
from tests.kiosk.conftest import SIZES, make_kiosk, on_screen, screen_text, tap, wait_for


@pytest.mark.parametrize(("size", "lang"), [("small", "zh"), ("kiosk", "en")])
async def test_the_kiosk_takes_the_rating_of_a_visit_s_handling_once(hall, cases, leaders, size, lang):  # noqa: F811
    at(2026, 11, 23, 9)
    ref, ticket = poor_visit(hall)
    loops = hall.bad_ratings
    loops.assign(ref, "L01")
    loops.call(ref, "S01", reached=False)
    loops.classify(ref, "S01", "unverifiable")
    loops.fix_now(ref, "S01", "已增开高峰窗口")
    loops.tell(ref, "L01", "notice")
    app = make_kiosk(hall, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await tap(pilot, "#rate")
        await on_screen(pilot, "TrackScreen")
        await pilot.press(*ticket.tracking_code, "enter")
        await on_screen(pilot, "RateScreen")
        await wait_for(pilot, lambda: app.screen.query("#level-basic"))
        assert tr("kiosk.rate_visit_handling", ticket=ticket.number) in screen_text(app)
        await tap(pilot, "#level-unsatisfied")  # the level alone: no reasons asked
        await wait_for(pilot, lambda: getattr(app.screen, "step", "") == "done")
    assert loops.view(ref)["handling_level"] == "unsatisfied"
