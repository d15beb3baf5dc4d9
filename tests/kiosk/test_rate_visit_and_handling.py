"""The kiosk rates a visit too (一次一评, by its ticket's code, in the allowed time, once) and the
handling of a 差评 once the resident was told its result."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models import clock
from models.schema.ratings import VisitRating
from shared_ui.words import tr
from tests.bad_ratings.conftest import leaders, put_right  # noqa: F401 - fixtures shared with the loop's tests
from tests.cases.conftest import cases, serve, staff  # noqa: F401
from tests.kiosk.conftest import SIZES, make_kiosk, on_screen, screen_text, tap, wait_for

COMBOS = [
    pytest.param("small", "zh", id="80x24-zh"),
    pytest.param("small", "en", id="80x24-en"),
    pytest.param("kiosk", "zh", id="120x40-zh"),
    pytest.param("kiosk", "en", id="120x40-en"),
]


def _code(number: str) -> str:
    from models.schema import Ticket

    return Ticket.select().where(Ticket.number == number).order_by(Ticket.id.desc()).first().tracking_code


async def _look_up(pilot, code: str, button: str = "#track", screen: str = "TrackResultScreen") -> None:
    """From home: the button, the code typed, and what it leads to."""
    await tap(pilot, button)
    await on_screen(pilot, "TrackScreen")
    await pilot.press(*code, "enter")
    await on_screen(pilot, screen)


async def _rate_screen(pilot, app, code: str) -> None:
    await _look_up(pilot, code, "#rate", "RateScreen")


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_the_kiosk_rates_a_visit_once(hall, cases, size, lang):  # noqa: F811
    number = serve(hall, "baby-hukou", 1, "S01")
    code = _code(number)
    app = make_kiosk(hall, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await _rate_screen(pilot, app, code)
        # the visit alone may be rated: its five levels at once
        await wait_for(pilot, lambda: app.screen.query("#level-very_unsatisfied"))
        assert tr("kiosk.rate_visit", ticket=number) in screen_text(app)
        for level in ("very_satisfied", "satisfied", "basic", "unsatisfied", "very_unsatisfied"):
            button = app.screen.query_one(f"#level-{level}")
            assert button.region.height >= 3 and button.region.width >= 12
        await tap(pilot, "#level-very_unsatisfied")
        await wait_for(pilot, lambda: app.screen.query("#tag-environment"))
        await tap(pilot, "#tag-environment")
        await tap(pilot, "#send")
        await wait_for(pilot, lambda: getattr(app.screen, "step", "") == "done")
        assert tr("kiosk.rate_thanks") in screen_text(app)
        rating = VisitRating.get()
        assert (rating.level, rating.reasons, rating.channel) == ("very_unsatisfied", ["environment"], "kiosk")
        await tap(pilot, "#home")
        await _rate_screen(pilot, app, code)  # once: the second time there is nothing left to rate
        await wait_for(pilot, lambda: tr("kiosk.rate_none_rated") in screen_text(app))
        assert not app.screen.query(".level")
    assert VisitRating.select().count() == 1


async def test_the_kiosk_offers_no_visit_rating_after_the_allowed_time(hall, cases):  # noqa: F811
    number = serve(hall, "baby-hukou", 1, "S01")
    clock.set_now(clock.now() + timedelta(hours=hall.config.ratings.visit_hours, minutes=1))
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=SIZES["small"]) as pilot:
        await _rate_screen(pilot, app, _code(number))
        await wait_for(pilot, lambda: tr("kiosk.rate_none") in screen_text(app))
        assert not app.screen.query(".level")
        await tap(pilot, "#back")
        await on_screen(pilot, "TrackResultScreen")
        assert not app.screen.query("#rate-case")
    assert VisitRating.select().count() == 0


async def test_the_kiosk_offers_no_visit_rating_while_the_resident_waits(hall, cases):  # noqa: F811
    waiting = hall.queue.take("rural-dibao")
    app = make_kiosk(hall, "en")
    async with app.run_test(size=SIZES["kiosk"]) as pilot:
        await _look_up(pilot, waiting.tracking_code)
        assert not app.screen.query("#rate-case")


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_the_tracking_result_leads_to_rating_the_handling_once(hall, cases, leaders, size, lang):  # noqa: F811
    loops = hall.bad_ratings
    facts = put_right(hall, cases)
    app = make_kiosk(hall, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await _look_up(pilot, facts.tracking_code)
        assert not app.screen.query("#rate-case")  # put right, not yet told: nothing to rate
        loops.tell(facts.number, "L01", "phone", "电话告知整改情况")
        await tap(pilot, "#back")
        await on_screen(pilot, "TrackScreen")
        await pilot.press(*facts.tracking_code, "enter")
        await on_screen(pilot, "TrackResultScreen")
        await wait_for(pilot, lambda: app.screen.query("#rate-case"))
        await tap(pilot, "#rate-case")
        await on_screen(pilot, "RateScreen")
        await wait_for(pilot, lambda: app.screen.query("#level-basic"))
        assert tr("kiosk.rate_handling", number=facts.number) in screen_text(app)
        await tap(pilot, "#level-unsatisfied")  # the handling's rating is the level alone
        await wait_for(pilot, lambda: getattr(app.screen, "step", "") == "done")
        assert loops.view(facts.number)["handling_level"] == "unsatisfied"
        await tap(pilot, "#home")
        await _rate_screen(pilot, app, facts.tracking_code)
        await wait_for(pilot, lambda: tr("kiosk.rate_none_rated") in screen_text(app))
    assert loops.view(facts.number)["handling_level"] == "unsatisfied"
